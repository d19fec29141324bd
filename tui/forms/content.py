"""What a unit's form holds: the office, meeting and reply date, one row per open case the
unit owns (its fixed cells, then the cells it fills, 辦理情形 first), and room for its
業務工作報告; and which units get one and which still owe answers."""

from __future__ import annotations

from datetime import timedelta

from tui.database import profile_of
from tui.dataclass_cache import dataclass
from tui.domain.case_history import latest
from tui.domain.case_table import TableMeeting, deadline_cell, number_cell, subject_cell
from tui.domain.cases import decision_words
from tui.domain.model import CaseKind, ItemKind, Meeting, TrackedCase
from tui.domain.points import as_one_text
from tui.domain.rocdate import format_date, format_datetime
from tui.forms.identifier import Identifier, digest
from tui.i18n import _
from tui.storage.repository import Repository

FIXED = ("案號", "案由", "列管期限", "前次辦理情形及決定")
TO_FILL = ("辦理情形", "擬辦", "建議新期限")
HEADINGS = FIXED + TO_FILL
REPORT_HEADING = "業務工作報告"
REPLY_DAYS = 7  # the answers are due a week before the meeting
GUIDE = (
    "填寫說明：請於「辦理情形」欄填寫辦理情形，可分（一）（二）列點；"
    "「擬辦」欄請填「建議解除列管」或「建議繼續列管」；"
    "如需延長列管期限，請於「建議新期限」欄填寫日期（如 116/3/31）。"
    "請勿增刪或調換表格列，並保留本表最末行之表單識別碼。"
)
REPORT_GUIDE = "請於下欄填寫本單位業務工作報告，可分（一）（二）列點。"


@dataclass(frozen=True)
class Form:
    """A unit's form, ready to be written as a document."""

    title: str
    fields: tuple[tuple[str, str], ...]  # 填報單位, 會議時間, 填復期限
    rows: tuple[tuple[str, ...], ...]  # each case's fixed cells
    identifier: Identifier

    @property
    def file_stem(self) -> str:
        return f"第{self.identifier.meeting}次處務會議填報表-{self.identifier.unit}"


class FormsError(ValueError):
    """Forms asked for what cannot have one: a unit not in the profile, a meeting not there."""


def report_cases(repo: Repository, meeting: Meeting) -> list[TrackedCase]:
    """The open cases on the meeting's case reports (ours and the mayor's office's)."""
    kinds = (ItemKind.CASE_REPORT, ItemKind.OUTSIDE_CASES)
    refs = [ref for item in meeting.items() if item.kind in kinds for ref in item.cases]
    return [c for c in repo.cases_of(refs) if c.is_open or c.decision_at(meeting.number)]


def _meeting(repo: Repository, number: int) -> Meeting:
    found = repo.load_meeting(number)
    if found is None:
        raise FormsError(_("no meeting {number}").format(number=number))
    return found


def units_with_open_cases(repo: Repository, meeting: int) -> list[str]:
    """The units that get a form: those owning a case on the meeting's case reports, in the
    profile's order (then any other owner)."""
    owners = {c.owner for c in report_cases(repo, _meeting(repo, meeting)) if c.owner}
    order = profile_of(repo).unit_names
    return [u for u in order if u in owners] + sorted(owners - set(order))


def missing(repo: Repository, meeting: int) -> dict[str, list[int]]:
    """Each unit that still owes answers: the numbers of its cases with none yet."""
    found: dict[str, list[int]] = {}
    for case in report_cases(repo, _meeting(repo, meeting)):
        event = case.decision_at(meeting)
        if case.owner and (event is None or event.answered_on is None):
            found.setdefault(case.owner, []).append(case.number)
    order = {unit: n for n, unit in enumerate(units_with_open_cases(repo, meeting))}
    return dict(sorted(found.items(), key=lambda pair: order.get(pair[0], len(order))))


def unit_cases(repo: Repository, meeting: Meeting, unit: str) -> list[TrackedCase]:
    return [c for c in report_cases(repo, meeting) if c.owner == unit]


def form_of(repo: Repository, number: int, unit: str) -> Form:
    meeting = _meeting(repo, number)
    profile = profile_of(repo)
    if profile.unit_names and unit not in profile.unit_names:
        raise FormsError(
            _("no unit {unit!r} in the profile ({units})").format(
                unit=unit, units="、".join(profile.unit_names)
            )
        )
    at = TableMeeting(number, meeting.date, profile.schedule.deadline_warning_days)
    cases = unit_cases(repo, meeting, unit)
    rows = tuple(_fixed_cells(case, at) for case in cases)
    keys = tuple((case.kind, case.number) for case in cases)
    sent = digest("\n".join("\t".join(row) for row in rows))
    identifier = Identifier(repo.store.identity(), number, unit, keys, sent)
    reply_by = meeting.date - timedelta(days=REPLY_DAYS)
    title = f"{profile.organisation}第 {number} 次{profile.series}列管案件辦理情形填報表"
    fields = (
        ("填報單位", unit),
        ("會議時間", format_datetime(meeting.start)),
        ("填復期限", f"請於{format_date(reply_by)}前填復"),
    )
    return Form(title, fields, rows, identifier)


def sent_checksum(repo: Repository, meeting: Meeting, unit: str) -> str:
    """The checksum a form written now would carry: a form's differs when its cases have
    changed since it was written."""
    profile = profile_of(repo)
    at = TableMeeting(meeting.number, meeting.date, profile.schedule.deadline_warning_days)
    rows = [_fixed_cells(case, at) for case in unit_cases(repo, meeting, unit)]
    return digest("\n".join("\t".join(row) for row in rows))


def _fixed_cells(case: TrackedCase, at: TableMeeting) -> tuple[str, ...]:
    return (number_cell(case), subject_cell(case), deadline_cell(case, at), _last_time(case, at))


def _last_time(case: TrackedCase, at: TableMeeting) -> str:
    last = latest(case, at.number, lambda e: e.decision is not None)
    if last is None:
        return "（無）"
    progress = as_one_text(last.progress, last.progress_points)
    lines = [f"第 {last.meeting} 次：{decision_words(last)}"]
    return "\n".join([*lines, progress] if progress else lines)


def kind_of_cell(text: str) -> tuple[CaseKind, int] | None:
    """The case a row's 案號 cell names: 10101, or 12601（市長室列管）."""
    digits = "".join(c for c in text.split("（")[0].split("(")[0] if not c.isspace())
    if not digits.isascii() or not digits.isdigit():
        return None
    kinds = {"市長室": CaseKind.MAYOR, "議會": CaseKind.COUNCIL}
    kind = next((k for word, k in kinds.items() if word in text), CaseKind.INTERNAL)
    return kind, int(digits)
