"""Who gives a report under an item, and how: its speaker renamed, its kind changed."""

from __future__ import annotations

from tui.dataclass_cache import dataclass
from tui.domain.identity import find_entry
from tui.domain.model import Report
from tui.domain.motions import REPORT_KINDS, read_presenter
from tui.domain.units import unit_at_start
from tui.edits.entries import place_of
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _


@operation("edit_report")
@dataclass(frozen=True)
class EditReport(Operation):
    """A report's speaker (機要組組長 → 機要組莊組長) or kind (補充報告, 口頭報告, 書面報告);
    None leaves it. A kind typed after the name (機要組莊組長書面報告) is taken as its kind."""

    id: str
    speaker: str | None = None
    kind: str | None = None
    expect: list[str] | None = None  # [speaker, kind] it must have now: an undo's check

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        found = find_entry(meeting, self.id)
        report = found[1] if found else None
        if found is None or not isinstance(report, Report):
            raise ConflictError(_("that report has been deleted"))
        item = found[0]
        before = [report.speaker, report.kind]
        if self.expect is not None and self.expect != before:
            raise ConflictError(_("the report has been changed since"))
        speaker, kind = before
        kind = kind if self.kind is None else self.kind
        if self.speaker is not None:
            typed = read_presenter(self.speaker, REPORT_KINDS)
            speaker, kind = typed.name, typed.kind or kind
        if not speaker or not kind:
            raise EditError(_("a report needs its speaker (國際事務組陳組長) and its kind"))
        if [speaker, kind] == before:
            return nothing(self)
        report.speaker, report.kind = speaker, kind
        report.unit = unit_at_start(speaker, ws.units) or report.unit
        undo = EditReport(
            self.meeting, self.id, before[0], before[1], [speaker, kind], correction=self.correction
        )
        summary = said(
            N_("{place} report of {before}: now {speaker}{kind}"),
            place=place_of(meeting, item),
            before=before[0] + before[1],
            speaker=speaker,
            kind=kind,
        )
        return Applied(self, undo, summary)
