"""Issue 15's month end to end, from the command line: meeting 102 prepared from record
101, each unit's form written, three filled as people do (two DOCX with python-docx, one ODT
with odfpy) and collected, one unit still owing its answers and reminded through a real SMTP
server on 127.0.0.1, the meeting decided, recorded, approved and its record circulated."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.cli_support import agenda
from tests.form_support import fill_docx, fill_odt, prepared
from tests.mail_support import SENDER, attachment_names, smtp_server, with_mail

UNITS = {
    "總務組": "general@example.gov.tw",
    "國際事務組": "foreign@example.gov.tw",
    "機要組": "confidential@example.gov.tw",
    "公共事務管理中心": "facilities@example.gov.tw",
}
DISTRIBUTION = ["all-units@example.gov.tw"]


def _section(port: int) -> str:
    units = "\n".join(f'"{unit}" = "{address}"' for unit, address in UNITS.items())
    return (
        f'\n[mail]\nhost = "127.0.0.1"\nport = {port}\nstarttls = false\n'
        f'sender = "{SENDER}"\ncirculate_to = ["{DISTRIBUTION[0]}"]\n\n[mail.units]\n{units}\n'
    )


def _ok(*args: str, db: Path) -> str:
    done = agenda(*args, db=db, env={"AGENDA_LANG": "zh-TW"})
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout


def test_forms_answers_reminders_approval_and_circulation(tmp_path: Path) -> None:
    db = tmp_path / "db"
    prepared(db)
    forms = tmp_path / "forms"
    _ok("forms", "102", "-o", str(forms), db=db)
    _ok("forms", "102", "--unit", "公共事務管理中心", "--format", "odt", "-o", str(forms), db=db)
    written = {p.name: p for p in forms.iterdir()}
    general = fill_docx(
        written["第102次處務會議填報表-總務組.docx"],
        {
            1: ("（一）已修正薪資單格式。\n(二)其他給付亦逐項標示。", "建議解除列管"),
            2: ("已排定會議，刻正辦理。", "建議繼續列管", "110/9/30"),
        },
        report=["(一)辦理採購案 3 件。"],
    )
    foreign = fill_docx(
        written["第102次處務會議填報表-國際事務組.docx"],
        {1: ("姊妹市交流已完成。", "建議解除列管")},
    )
    centre = fill_odt(
        written["第102次處務會議填報表-公共事務管理中心.odt"],
        {1: ("工程進度 80%，預計年底完工。", "建議繼續列管")},
    )
    collected = _ok("collect", str(general), str(foreign), str(centre), db=db)
    assert "10101" in collected and "9805" in collected and "12616" in collected
    missing = _ok("cases", "--missing", "102", db=db)
    assert "機要組" in missing and "9903" in missing and "總務組" not in missing

    with smtp_server() as (inbox, port):
        with_mail(db, _section(port))
        _ok("remind", "102", "--send", db=db)
        [reminder] = inbox.arrived
        assert reminder.recipients == [UNITS["機要組"]]
        assert "102" in str(reminder.message["Subject"])
        body = reminder.message.get_body(("plain",))
        assert body is not None and "9903" in body.get_content()
        assert attachment_names(reminder.message) == ["第102次處務會議填報表-機要組.docx"]

        _ok("decide", "102", "9903", "--keep", "--words", "請機要組儘速填報。", db=db)
        _ok("accept", "102", db=db)
        _ok("status", "102", "recorded", db=db)
        _ok("approve", "102", db=db)
        _ok("circulate", "102", "--send", db=db)
        circulated = inbox.arrived[1]
        assert circulated.recipients == DISTRIBUTION
        names = attachment_names(circulated.message)
        assert "record-102.odt" in names or any(n.endswith(".odt") for n in names)
        if shutil.which("soffice"):
            assert any(n.endswith(".pdf") for n in names)
        text = circulated.message.get_body(("plain",))
        assert text is not None and "列管案號" in text.get_content()
    log = _ok("log", "102", db=db)
    assert "機要組" in log and DISTRIBUTION[0] in log
