"""`agenda remind N`: one letter per unit that still owes answers for meeting N (or every
unit with open cases): its cases with their deadlines and flags, the reply date, its form."""

from __future__ import annotations

from datetime import date, timedelta
from email.utils import parseaddr

from tui.domain.case_table import ASK_PROGRESS, TableMeeting, case_rows
from tui.domain.model import Meeting, TrackedCase
from tui.domain.numerals import Ladder, label
from tui.domain.profile import Profile
from tui.domain.rocdate import format_datetime, format_short_date
from tui.mail.forms import FormSource, cases_by_unit
from tui.mail.message import Attachment, Letter
from tui.storage.repository import Repository

REPLY_DAYS = 3  # the answers are due this many days before the meeting (a weekday)


def reply_date(meeting: Meeting) -> date:
    """Three days before the meeting, moved back to a Friday when it falls on a weekend."""
    day = meeting.date - timedelta(days=REPLY_DAYS)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def reminders(
    repo: Repository,
    meeting: Meeting,
    profile: Profile,
    source: FormSource,
    *,
    everyone: bool = False,
    reply_by: date | None = None,
) -> list[Letter]:
    """The letters, one a unit, in the units' order in the profile."""
    by_unit = cases_by_unit(repo, meeting)
    if everyone:
        units = source.units_with_open_cases(meeting.number)
        wanted = {u: [c.number for c in by_unit.get(u, [])] for u in units}
    else:
        wanted = {u: numbers for u, numbers in source.missing(meeting.number).items() if numbers}
    order = {name: i for i, name in enumerate(profile.unit_names)}
    day = reply_by or reply_date(meeting)
    letters = []
    for unit in sorted(wanted, key=lambda u: (order.get(u, len(order)), u)):
        owned = {c.number: c for c in by_unit.get(unit, [])}
        cases = [owned[n] for n in wanted[unit] if n in owned]
        form = source.form(meeting.number, unit)
        letters.append(_letter(meeting, profile, unit, cases, day, form, everyone))
    return letters


def _letter(
    meeting: Meeting,
    profile: Profile,
    unit: str,
    cases: list[TrackedCase],
    day: date,
    form: tuple[str, bytes] | None,
    everyone: bool,
) -> Letter:
    office = profile.office
    name = f"{office.organisation}第 {meeting.number} 次{office.series}"
    subject = f"{name}列管案件辦理情形，請於 {format_short_date(day)}前回復（{unit}）"
    attachments = [Attachment(*form)] if form else []
    body = _body(meeting, profile, unit, cases, day, form[0] if form else "", everyone)
    return Letter(
        file=f"reminder-{meeting.number}-{unit}.eml",
        to=list(profile.mail.units.get(unit, [])),
        subject=subject,
        body=body,
        attachments=attachments,
        unit=unit,
    )


def _body(
    meeting: Meeting,
    profile: Profile,
    unit: str,
    cases: list[TrackedCase],
    day: date,
    form: str,
    everyone: bool,
) -> str:
    office = profile.office
    where = f"於{meeting.place}" if meeting.place else ""
    which = "主辦之列管案件" if everyone else "主辦之列管案件尚未填復辦理情形者"
    how = f"填寫附件「{form}」" if form else "逐案填寫辦理情形及擬辦（建議解除列管或建議繼續列管）"
    lines = [
        f"{unit}：",
        "",
        f"{office.organisation}第 {meeting.number} 次{office.series}訂於"
        f"{format_datetime(meeting.start)}{where}召開。貴單位{which}計 {len(cases)} 案，"
        f"請{how}，於 {format_short_date(day)}前回復。",
        "",
    ]
    at = TableMeeting(meeting.number, meeting.date, profile.schedule.deadline_warning_days)
    for n, row in enumerate(case_rows(cases, at), start=1):
        lines.append(f"{label(Ladder.ITEM, n)}列管案號 {row.number}：{_one_line(row.subject)}")
        if row.deadline:
            lines.append(f"　　列管期限：{row.deadline}")
        for said in row.progress.split("\n"):
            if said and said != ASK_PROGRESS:
                lines.append(f"　　{said}")
    lines += ["", _signature(profile)]
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split("\n"))


def _signature(profile: Profile) -> str:
    name = parseaddr(profile.mail.sender)[0]
    return name or profile.organisation
