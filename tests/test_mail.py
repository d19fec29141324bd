"""`agenda remind` and `agenda circulate` against a real SMTP server on 127.0.0.1: what
arrives, for whom, in Chinese, with its attachments; a refused address, a server that is down
and a wrong password each give one line (status 4), send nothing and change nothing."""

from __future__ import annotations

import email
import email.policy
import os
import re
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.cli_support import agenda, one_error_line, private_copy, snapshot
from tests.conftest import REFERENCE
from tests.mail_support import (
    DISTRIBUTION,
    SENDER,
    UNIT_ADDRESSES,
    attachment_names,
    mail_section,
    smtp_server,
    with_mail,
)
from tui.render.pdf import has_pdf

SECRET = "correct horse battery staple"


def ok(db: Path, *args: str | Path, env: dict[str, str] | None = None) -> str:
    result = agenda(*args, db=db, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("mail") / "db"
    ok(db, "import", REFERENCE)
    ok(db, "prepare")
    return db


@pytest.fixture
def db(prepared: Path, tmp_path: Path) -> Path:
    return private_copy(prepared, tmp_path)


def test_reminders_arrive_for_each_unit_in_chinese_and_are_logged(db: Path) -> None:
    with smtp_server() as (inbox, port):
        with_mail(db, mail_section(port))
        out = ok(db, "remind", "102", "--send")
    assert sorted(a.recipients[0] for a in inbox.arrived) == sorted(UNIT_ADDRESSES.values())
    for arrived in inbox.arrived:
        message = arrived.message
        unit = next(u for u, a in UNIT_ADDRESSES.items() if a == arrived.recipients[0])
        assert arrived.sender == "secretariat@example.gov.tw"
        assert str(message["Subject"]).endswith(f"（{unit}）")
        assert "第 102 次處務會議列管案件辦理情形" in str(message["Subject"])
        assert "110 年 7 月 12 日前回復" in str(message["Subject"])
        body = message.get_body()
        assert body is not None and body.get_content_charset() == "utf-8"
        text = body.get_content()
        assert text.startswith(f"{unit}：")
        assert "列管案號 " in text and "民國 110 年 7 月 15 日" in text
        assert str(message["From"]) == SENDER
    log = ok(db, "log", "102")
    assert "reminders for meeting 102 sent" in log
    assert "general@example.gov.tw" in log and "facilities@example.gov.tw" in log
    assert "sent" in out


def test_reminders_are_written_as_eml_files_without_send(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    with_mail(db, mail_section(1))
    before = ok(db, "log", "102")
    ok(db, "remind", "102", "--all", "-o", folder)
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["reminder-102-公共事務管理中心.eml", "reminder-102-總務組.eml"]
    message = email.message_from_bytes(
        (folder / "reminder-102-總務組.eml").read_bytes(), policy=email.policy.default
    )
    assert isinstance(message, EmailMessage)
    assert str(message["To"]) == UNIT_ADDRESSES["總務組"]
    assert ok(db, "log", "102") == before  # nothing was sent: nothing logged


def test_the_approved_record_is_circulated_with_its_documents(db: Path) -> None:
    ok(db, "approve", "101")
    with smtp_server() as (inbox, port):
        with_mail(db, mail_section(port))
        ok(db, "circulate", "101", "--send")
    [arrived] = inbox.arrived
    assert sorted(arrived.recipients) == sorted(DISTRIBUTION)
    message = arrived.message
    subject = "臺北市政府秘書處第 101 次處務會議紀錄（民國 110 年 6 月 17 日）"
    assert str(message["Subject"]) == subject
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert text.startswith("檢送臺北市政府秘書處第 101 次處務會議紀錄 1 份，請查照。")
    assert "散會（11 時 14 分）" in text
    names = attachment_names(message)
    expected = ["臺北市政府秘書處第101次處務會議紀錄.odt"]
    if has_pdf():
        expected.append("臺北市政府秘書處第101次處務會議紀錄.pdf")
    assert names == expected
    raw = message.as_string()
    assert re.search(r"filename\*(0\*)?=utf-8''%E8%87%BA", raw)  # RFC 2231: 臺, percent-encoded
    odt = next(message.iter_attachments()).get_content()
    assert odt[:2] == b"PK"
    log = ok(db, "log", "101")
    assert "record of meeting 101 (as of change 2) circulated" in log
    assert "all-units@example.gov.tw" in log


def test_only_an_approved_record_is_circulated(db: Path) -> None:
    with_mail(db, mail_section(1))
    before = snapshot(db)
    line = one_error_line(agenda("circulate", "101", "--send", db=db))
    assert "not approved" in line and "agenda approve 101" in line
    assert snapshot(db) == before


def _refused(db: Path, result_env: dict[str, str] | None = None) -> str:
    before = snapshot(db)
    result = agenda("remind", "102", "--send", db=db, env=result_env)
    assert result.returncode == 4
    assert snapshot(db) == before
    return one_error_line(result)


def test_a_refused_address_sends_nothing(db: Path) -> None:
    with smtp_server() as (inbox, port):
        section = mail_section(port).replace(UNIT_ADDRESSES["總務組"], "refused@example.gov.tw")
        with_mail(db, section)
        line = _refused(db)
    assert "refused refused@example.gov.tw; nothing was sent" in line
    assert inbox.arrived == []


def test_a_server_that_is_down_sends_nothing(db: Path) -> None:
    from tests.mail_support import free_port

    with_mail(db, mail_section(free_port()))
    line = _refused(db)
    assert "cannot reach the mail server 127.0.0.1:" in line


def test_a_wrong_password_sends_nothing(db: Path) -> None:
    with smtp_server(password=SECRET) as (inbox, port):
        with_mail(db, mail_section(port, password_env="AGENDA_TEST_SMTP"))
        line = _refused(db, {"AGENDA_TEST_SMTP": "wrong"})
        assert "refused the login of secretariat" in line
        assert inbox.arrived == []
        ok(db, "remind", "102", "--send", env={"AGENDA_TEST_SMTP": SECRET})
        assert len(inbox.arrived) == 2


def test_the_password_file_must_be_the_owners_alone(db: Path, tmp_path: Path) -> None:
    secret = tmp_path / "smtp-password"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    with smtp_server(password=SECRET) as (inbox, port):
        with_mail(db, mail_section(port, password_file=str(secret)))
        os.chmod(secret, 0o640)
        line = one_error_line(agenda("remind", "102", "--send", db=db))
        assert "can be read by others" in line and "chmod 600" in line
        os.chmod(secret, 0o600)
        ok(db, "remind", "102", "--send")
    assert len(inbox.arrived) == 2


def test_a_password_in_the_profile_is_refused(db: Path) -> None:
    with_mail(db, mail_section(1))
    profile = db / "profile.toml"
    text = profile.read_text(encoding="utf-8").replace("starttls = false", 'password = "x"')
    profile.write_text(text, encoding="utf-8")
    line = one_error_line(agenda("remind", "102", db=db))
    assert "mail.password" in line and "never kept in the profile" in line


def test_send_without_a_server_says_what_the_profile_needs(db: Path) -> None:
    line = one_error_line(agenda("remind", "102", "--send", db=db))
    assert "[mail] host and sender" in line


def test_circulated_as_docx_where_libreoffice_is_missing(db: Path, tmp_path: Path) -> None:
    """No PDF, and a line saying so; the .eml holds the DOCX the option asked for."""
    bare = tmp_path / "bin"
    bare.mkdir()
    os.symlink(sys.executable, bare / "python")
    ok(db, "approve", "101")
    with_mail(db, mail_section(1))
    out = tmp_path / "out"
    result = agenda(
        "circulate", "101", "--format", "docx", "-o", out, db=db, env={"PATH": str(bare)}
    )
    assert result.returncode == 0, result.stderr
    assert "no PDF attached: LibreOffice is not installed (libreoffice-writer)" in result.stdout
    message = email.message_from_bytes(
        (out / "record-101.eml").read_bytes(), policy=email.policy.default
    )
    assert isinstance(message, EmailMessage)
    assert attachment_names(message) == ["臺北市政府秘書處第101次處務會議紀錄.docx"]
    assert str(message["To"]) == ", ".join(DISTRIBUTION)


def test_a_login_without_a_password_source_is_named(db: Path) -> None:
    with_mail(db, mail_section(1).replace("starttls = false", 'starttls = false\nuser = "me"'))
    result = agenda("remind", "102", "--send", db=db)
    assert result.returncode == 4
    assert "give password_env or password_file" in one_error_line(result)
