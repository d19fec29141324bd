"""Reminders from a FormSource: the units it says still owe answers, each with its cases and
the form it gives attached (a small source here returns the bytes of a form; until branch
`forms` is merged, the shipped source is the case report's fallback, which attaches none)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from tests.cli_support import agenda
from tests.conftest import REFERENCE
from tests.mail_support import SENDER, UNIT_ADDRESSES, attachment_names, smtp_server
from tui.database import profile_of
from tui.domain.profile import Mail
from tui.mail.forms import UnitForms, form_source
from tui.mail.message import mime
from tui.mail.reminders import reminders, reply_date
from tui.mail.smtp import send
from tui.secretary import load
from tui.storage.repository import Repository

FORM = b"PK\x03\x04 a form as the forms branch writes it"


@dataclass
class Forms:
    """A FormSource that knows which unit answered: 總務組 has, 公管中心 has not."""

    asked: list[str] = field(default_factory=list)

    def missing(self, meeting: int) -> dict[str, list[int]]:
        return {"公共事務管理中心": [12616], "總務組": []}

    def units_with_open_cases(self, meeting: int) -> list[str]:
        return ["總務組", "公共事務管理中心"]

    def form(self, meeting: int, unit: str) -> tuple[str, bytes] | None:
        self.asked.append(unit)
        return f"第{meeting}次處務會議填報表-{unit}.docx", FORM


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    db = tmp_path_factory.mktemp("remind") / "db"
    for args in (("import", REFERENCE), ("prepare",)):
        assert agenda(*args, db=db).returncode == 0
    return Repository.open(db)


def test_only_the_units_that_owe_answers_get_one_with_their_form(repo: Repository) -> None:
    meeting = load(repo, 102)
    profile = profile_of(repo)
    profile.mail = Mail(host="127.0.0.1", starttls=False, sender=SENDER)
    profile.mail.units = {unit: [address] for unit, address in UNIT_ADDRESSES.items()}
    source = Forms()
    [letter] = reminders(repo, meeting, profile, source)
    assert letter.unit == "公共事務管理中心" and source.asked == ["公共事務管理中心"]
    assert "填寫附件「第102次處務會議填報表-公共事務管理中心.docx」" in letter.body
    assert "列管案號 12616（市長室列管）" in letter.body
    with smtp_server() as (inbox, port):
        profile.mail.port = port
        send(profile.mail, [mime(letter, SENDER, meeting.start)])
    [arrived] = inbox.arrived
    assert arrived.recipients == [UNIT_ADDRESSES["公共事務管理中心"]]
    assert attachment_names(arrived.message) == ["第102次處務會議填報表-公共事務管理中心.docx"]
    part = next(arrived.message.iter_attachments())
    assert part.get_content() == FORM
    assert part.get_content_type().endswith("wordprocessingml.document")


def test_all_reaches_every_unit_with_open_cases(repo: Repository) -> None:
    letters = reminders(repo, load(repo, 102), profile_of(repo), Forms(), everyone=True)
    assert [letter.unit for letter in letters] == ["總務組", "公共事務管理中心"]
    assert all(letter.attachments for letter in letters)


def test_the_units_forms_are_attached_and_only_units_owing_answers_are_reminded(
    repo: Repository,
) -> None:
    source = form_source(repo)
    assert isinstance(source, UnitForms)
    missing = source.missing(102)
    letters = reminders(repo, load(repo, 102), profile_of(repo), source)
    assert [letter.unit for letter in letters] == list(missing)
    for letter in letters:
        [attachment] = letter.attachments
        assert letter.unit in attachment.name and attachment.name.endswith(".docx")


def test_answers_are_due_three_days_before_on_a_weekday(repo: Repository) -> None:
    meeting = load(repo, 102)
    assert meeting.date == date(2021, 7, 15)
    assert reply_date(meeting) == date(2021, 7, 12)
    meeting.start = meeting.start.replace(day=20)  # a Tuesday: the Friday before
    assert reply_date(meeting) == date(2021, 7, 16)


def test_no_meeting_gives_one_line(tmp_path: Path, repo: Repository) -> None:
    result = agenda("remind", "109", db=repo.store.root)
    assert result.returncode == 2 and "no meeting 109" in result.stderr
