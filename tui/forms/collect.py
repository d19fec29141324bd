"""A filled form read back into its meeting: checked against the database (the same database,
meeting, unit, rows as sent), then applied as the unit's answer through the edit service.
Every refusal is a FormError of one line, raised before anything is written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree.ElementTree import ParseError

from tui.database import profile_of
from tui.dataclass_cache import dataclass, field
from tui.domain.cases import kind_name
from tui.domain.model import CaseKind, MeetingStatus
from tui.domain.point_text import read_points, written_points
from tui.edits import EditService
from tui.edits.answers import CaseAnswer, CollectAnswer, Differs, plan_answer
from tui.forms.content import FIXED, HEADINGS, kind_of_cell, sent_checksum, unit_cases
from tui.forms.filled import DateError, Filled, ProposalError, read_deadline, read_proposal
from tui.forms.identifier import CaseKey, FormError, Identifier, read_identifier
from tui.i18n import _
from tui.regular_file import regular_bytes
from tui.storage.repository import Repository

_OPEN = (MeetingStatus.DRAFT, MeetingStatus.IN_SESSION)


@dataclass
class Collected:
    """What collecting one file did."""

    file: str
    unit: str
    meeting: int
    filled: dict[int, list[str]] = field(default_factory=dict)  # case → slots filled
    differs: list[Differs] = field(default_factory=list)
    report: bool = False
    changed: bool = False
    cases_changed_since: bool = False  # the cases' fixed cells differ from what was sent


def read_file(path: Path) -> Filled:
    try:
        data = regular_bytes(path)
    except OSError as error:
        raise FormError(_("cannot be read ({reason})").format(reason=error.strerror)) from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
        if "word/document.xml" in names:
            from tui.forms import docx_form

            return docx_form.read(data)
        if "content.xml" in names:
            from tui.forms import odt_form

            return odt_form.read(data)
    except (zipfile.BadZipFile, ParseError, KeyError, ValueError, EOFError):
        raise FormError(_("damaged: not a DOCX or ODT file that can be opened")) from None
    raise FormError(_("not a form: neither a DOCX nor an ODT document"))


def check(repo: Repository, filled: Filled) -> Identifier:
    try:
        found = read_identifier(filled.identifier)
    except FormError:
        raise FormError(_("damaged: its form identifier has been changed or cut")) from None
    if found is None:
        raise FormError(_("not a form written by agenda (it has no form identifier)"))
    if found.database != repo.store.identity():
        raise FormError(_("a form of another database, not of this one"))
    meeting = repo.load_meeting(found.meeting)
    if meeting is None or meeting.status not in _OPEN:
        raise FormError(
            _("a form for meeting {number}, which is not being prepared in this database").format(
                number=found.meeting
            )
        )
    units = profile_of(repo).unit_names
    owned = {(c.kind, c.number) for c in unit_cases(repo, meeting, found.unit)}
    strays = [k for k in found.cases if k not in owned]
    if (units and found.unit not in units) or strays:
        raise FormError(
            _("a form for {unit}, which no longer owns cases {cases}").format(
                unit=found.unit, cases="、".join(_named(k) for k in strays) or "—"
            )
        )
    _check_rows(filled, found)
    return found


def _check_rows(filled: Filled, found: Identifier) -> None:
    if not filled.has_table:
        raise FormError(_("damaged: its table of cases is gone"))
    rows = [kind_of_cell(row[0]) if row else None for row in filled.rows]
    if rows != list(found.cases) or any(len(row) < len(HEADINGS) for row in filled.rows):
        raise FormError(
            _(
                "its rows were deleted, added or reordered: it was sent with {sent}, it has {now}"
            ).format(
                sent="、".join(_named(k) for k in found.cases) or "—",
                now="、".join(_named(k) if k else "?" for k in rows) or "—",
            )
        )


def _named(key: CaseKey) -> str:
    """10101, or 12601（市長室列管）."""
    kind, number = key
    return str(number) if kind is CaseKind.INTERNAL else f"{number}（{kind_name(kind)}）"


def answers(filled: Filled, found: Identifier) -> tuple[CaseAnswer, ...]:
    result = []
    for (kind, number), row in zip(found.cases, filled.rows, strict=True):
        progress, proposal, deadline = row[len(FIXED) : len(HEADINGS)]
        try:
            wanted = read_proposal(proposal)
        except ProposalError:
            raise FormError(
                _("case {case}: 擬辦 「{text}」 is neither 建議解除列管 nor 建議繼續列管").format(
                    case=number, text=proposal.strip()
                )
            ) from None
        try:
            day = read_deadline(deadline)
        except DateError as error:
            raise FormError(
                _("case {case}: 建議新期限: {problem}").format(case=number, problem=error)
            ) from None
        typed = written_points(*read_points(progress))
        result.append((str(number), kind.value, typed, wanted.value if wanted else "", day))
    return tuple(result)


def collect(
    service: EditService, path: Path, replace: bool = False, dry_run: bool = False
) -> Collected:
    """Read `path` and apply it; FormError (one line, nothing changed) when it is refused."""
    repo = service.repo
    filled = read_file(path)
    found = check(repo, filled)
    cases = answers(filled, found)
    report = written_points(*read_points(filled.report))
    meeting = repo.load_meeting(found.meeting)
    assert meeting is not None
    result = Collected(path.name, found.unit, found.meeting)
    result.cases_changed_since = sent_checksum(repo, meeting, found.unit) != found.sent
    op = CollectAnswer(found.meeting, found.unit, path.name, cases, report or None, replace)
    with repo.change() as records:
        ws = service.workset(records)
        plan = plan_answer(ws, found.meeting, found.unit, op.cases, op.report or "", replace)
        result.filled, result.differs, result.report = plan.filled, plan.differs, plan.report
        if dry_run:
            return result
        answerer = EditService(repo, found.unit, service.units, service.session, service.clock)
        done = answerer.apply_in(records, op, ws=ws)
    result.changed = done.seq is not None
    return result
