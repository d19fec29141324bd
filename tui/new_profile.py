"""The profile of an office that starts with no record to import (`agenda init`), written
as TOML the office goes on editing by hand, and read back before it is kept."""

from __future__ import annotations

import json
from pathlib import Path

from tui.dataclass_cache import dataclass, field
from tui.domain.profile import Member, Profile, Unit
from tui.profile import parse_profile

LANGUAGES = ("zh-TW", "en")


@dataclass
class Setup:
    """What a new office gives when it sets up its database."""

    organisation: str  # 臺北市政府秘書處
    series: str  # 處務會議
    units: list[Unit] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    rule: str = ""  # RFC 5545, with its time (BYHOUR, BYMINUTE)
    place: str = ""
    chair: str = ""
    recorder: str = ""
    language: str = ""


def profile_text(setup: Setup) -> str:
    lines = [
        f"# The office profile of {setup.organisation}{setup.series}, made by agenda init.",
        "# Edit it to suit the office; the shipped profile (data/profile.toml) shows every key.",
        "",
        f"organisation = {_string(setup.organisation)}",
        f"series = {_string(setup.series)}",
        "",
    ]
    for key in ("place", "chair", "recorder", "language"):
        if value := getattr(setup, key):
            lines.append(f"{key} = {_string(value)}")
    lines += ["", "[schedule]", "# RFC 5545 recurrence rule of the meeting, with its time."]
    lines += [f"rule = {_string(setup.rule)}", "skip = []", "deadline_warning_days = 30", ""]
    lines += ["# 組室, in the order their work reports are heard, with who usually reports."]
    for unit in setup.units:
        lines += ["[[units]]", f"name = {_string(unit.name)}"]
        lines += [f"reporter = {_string(unit.reporter)}", ""]
    lines += ["# Who is expected at every meeting (出席), with their title and unit."]
    for member in setup.members:
        lines += ["[[members]]", f"name = {_string(member.name)}"]
        lines += [
            f"{k} = {_string(v)}" for k, v in (("title", member.title), ("unit", member.unit)) if v
        ]
        lines.append("")
    return "\n".join(lines) + _agenda(setup.series)


def _agenda(series: str) -> str:
    read = _string("宣讀 {previous_date}第 {previous} 次" + series + "紀錄。")
    cases = _string("第 {previous} 次" + series + "結論事項辦理情形報告。")
    return (
        f"""
# The standing agenda, section by section. Kinds: read_record (宣讀上次會議紀錄),
# case_report (上次會議結論事項辦理情形), outside_cases (市長室列管案件),
# unit_reports (各組室業務工作報告), proposals (討論事項), motions (臨時動議).
# In titles, {{previous}} is the last meeting's number and {{previous_date}} its ROC date.
[[agenda]]
section = {read}
kind = "read_record"

[[agenda]]
section = "報告事項"
items = [
    {{ title = {cases}, kind = "case_report" }},
    {{ title = "各組室業務工作報告。", kind = "unit_reports" }},
]

[[agenda]]
section = "臨時動議"
kind = "motions"
"""
        + MAIL_EXAMPLE
    )


# Mail needs nothing configured: `agenda remind` and `agenda circulate` write .eml files.
# To send them (--send), the office fills in this section; the password is never written
# here, only where it is read from.
MAIL_EXAMPLE = """
# Mail (agenda remind, agenda circulate). Without this section the messages are written as
# .eml files to open in a mail program; with it, --send sends them. The password is never
# written here: password_env names an environment variable, password_file a file only its
# owner can read (chmod 600).
# [mail]
# host = "smtp.example.gov.tw"
# port = 587
# starttls = true
# sender = "秘書處 <secretariat@example.gov.tw>"
# user = "secretariat"
# password_env = "AGENDA_SMTP_PASSWORD"
# circulate_to = ["all-units@example.gov.tw"]   # the record's distribution list
# attach = "odt"                                # or "docx"
#
# [mail.units]                                  # each unit's address (or a list)
# "總務組" = "general@example.gov.tw"
"""


def _string(value: str) -> str:
    """A TOML basic string (its escapes are JSON's)."""
    return json.dumps(value, ensure_ascii=False)


def checked(setup: Setup, path: Path) -> tuple[str, Profile]:
    """The profile's text, and the profile read back from it as `path` would be."""
    text = profile_text(setup)
    return text, parse_profile(text, path)
