"""Who tracks a case — 本處, 市長室 or 議會 — and the number the outside body gives it: a
case imported or typed as the wrong kind is corrected without withdrawing it, and every
agenda or record not yet confirmed that lists it follows.

A case a conclusion of this office opened is 本處 by what it is; its kind is not changed
(withdraw it where it was opened instead).
"""

from __future__ import annotations

from tui.dataclass_cache import dataclass
from tui.domain.case_history import whole
from tui.domain.cases import kind_name
from tui.domain.model import CaseKind, CaseRef, Meeting, MeetingStatus, TrackedCase
from tui.edits.case_details import _case
from tui.edits.cases import _kind
from tui.edits.errors import EditError
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _


@operation("set_case_kind")
@dataclass(frozen=True)
class SetCaseKind(Operation):
    """Case (`kind`, `case`) becomes (`new_kind`, `new_number`, else its own number)."""

    case: int
    kind: str
    new_kind: str
    new_number: int | None = None

    def apply(self, ws: Workset) -> Applied:
        case = _case(ws, self.meeting, self.case, self.kind)
        new_kind = _kind(self.new_kind)
        number = self.new_number or case.number
        if (new_kind, number) == (case.kind, case.number):
            return nothing(self)
        if not 0 < number < 10**9:
            raise EditError(_("a case number is a whole number above 0"))
        if ws.find_case(number, new_kind) is not None:
            raise EditError(
                _("there is already a case {number} ({kind})").format(
                    number=number, kind=kind_name(new_kind)
                )
            )
        listing = _listing(ws, case)
        old = CaseRef(case.number, case.kind)
        new = CaseRef(number, new_kind)
        for meeting in listing:
            for item in ws.change(meeting.number).items():
                item.cases = [new if ref == old else ref for ref in item.cases]
        ws.remove_case(case)
        case.kind, case.number = new_kind, number
        ws.change_case(case)
        undo = SetCaseKind(
            self.meeting, number, new_kind.value, old.kind.value, old.number,
            correction=self.correction,
        )  # fmt: skip
        summary = said(
            N_("case {case}: {old} → {new} {number}"),
            case=old.number,
            old=kind_name(old.kind),
            new=kind_name(new_kind),
            number=number,
        )
        return Applied(self, undo, summary)


def _listing(ws: Workset, case: TrackedCase) -> list[Meeting]:
    """The meetings whose items list the case: those that decided or heard it, and the
    ones prepared after; refused when one opened it or has a confirmed record."""
    heard = {e.meeting for e in whole(case)} | {case.origin_meeting or 0}
    numbers = sorted(n for n in heard if n and ws.has_meeting(n))
    after = (numbers[-1] if numbers else 0) + 1
    while ws.has_meeting(after):
        numbers.append(after)
        after += 1
    found = []
    for number in numbers:
        meeting = ws.meeting(number)
        if case.kind is CaseKind.INTERNAL and any(
            c.case == case.number for c in meeting.conclusions()
        ):
            raise EditError(
                _(
                    "case {case} was opened by a conclusion of meeting {number}: it is this "
                    "office's own; withdraw it there instead"
                ).format(case=case.number, number=number)
            )
        if any(ref == CaseRef(case.number, case.kind) for i in meeting.items() for ref in i.cases):
            if meeting.status is MeetingStatus.CONFIRMED:
                raise EditError(
                    _(
                        "the confirmed record of meeting {number} lists case {case}; correct "
                        "that record first"
                    ).format(number=number, case=case.number)
                )
            found.append(meeting)
    return found
