"""The case-details dialog (K on a case entry): 案由, 主辦 and 協辦 units, and a new 列管期限
with its reason; each change an operation (set_case, set_deadline), undone by ctrl+z."""

from __future__ import annotations

import re
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select

from tui.app.screens.dialogs import _Form
from tui.app.screens.editor_live import LiveEditing
from tui.dataclass_cache import dataclass
from tui.domain.cases import kind_name
from tui.domain.model import CaseKind, TrackedCase
from tui.domain.rocdate import DateError, format_numeric_date, parse_date
from tui.edits.case_details import SetCaseDetails, SetDeadline
from tui.edits.case_kind import SetCaseKind
from tui.edits.operation import Operation
from tui.i18n import _

_SEPARATORS = re.compile(r"[、，,；;\s]+")


@dataclass
class CaseDetails:
    """A case's details as the dialog gives them back."""

    subject: str
    owner: str
    co_owners: tuple[str, ...]
    deadline: date | None
    reason: str
    kind: CaseKind | None = None  # None: as it is
    number: int | None = None


class CaseDialog(_Form):
    """A case's details as they are, to be changed; a new deadline needs its reason."""

    DEFAULT_CSS = """
    CaseDialog .kind { height: auto; }
    CaseDialog .kind Select { width: 1fr; }
    CaseDialog .kind Input { width: 16; }
    """

    def __init__(self, units: list[str], case: TrackedCase) -> None:
        super().__init__()
        self.units = units
        self.case = case

    def compose(self) -> ComposeResult:
        case = self.case
        with Vertical() as form:
            form.border_title = _("列管案件 {number} Case details").format(number=case.number)
            yield Label(_("案由 Subject"))
            yield Input(case.subject, compact=True, id="subject")
            yield Label(_("主辦單位 Owner unit"))
            units = (
                self.units
                if not case.owner or case.owner in self.units
                else [
                    *self.units,
                    case.owner,
                ]
            )
            start = case.owner if case.owner else Select.NULL
            yield Select(
                [(u, u) for u in units], value=start, prompt=_("(未定)"), compact=True, id="owner"
            )
            yield Label(_("協辦單位 Co-owner units (人事室、會計室)"))
            yield Input("、".join(case.co_owners), compact=True, id="co_owners")
            yield Label(_("列管期限 Deadline (110/8/31 or 2021-08-31, may be empty)"))
            shown = format_numeric_date(case.deadline) if case.deadline else ""
            yield Input(shown, compact=True, id="deadline", placeholder=_("YYY/M/D"))
            yield Label(_("變更理由 Reason for a new deadline"))
            yield Input(compact=True, id="reason")
            yield Label(_("列管類別及案號 Tracked by, and the number it gives"))
            with Horizontal(classes="kind"):
                yield Select(
                    [(kind_name(k), k) for k in CaseKind],
                    value=case.kind,
                    allow_blank=False,
                    compact=True,
                    id="kind",
                )
                yield Input(str(case.number), compact=True, id="number", restrict=r"[0-9]*")
            yield Label("", classes="problem")

    def result(self) -> CaseDetails | None:
        value = self.query_one("#owner", Select).value
        owner = value if isinstance(value, str) else ""
        typed = self.query_one("#co_owners", Input).value
        co_owners = tuple(u for u in _SEPARATORS.split(typed) if u)
        unknown = [u for u in co_owners if self.units and u not in self.units]
        if unknown:
            self.complain(_("No unit {unit} in the profile.").format(unit=unknown[0]))
            return None
        text = self.query_one("#deadline", Input).value.strip()
        deadline = None
        if text:
            try:
                deadline = parse_date(text)
            except DateError as error:
                self.complain(str(error))
                return None
        reason = self.query_one("#reason", Input).value.strip()
        if deadline != self.case.deadline and not reason:
            self.complain(_("A new deadline needs its reason."))
            self.query_one("#reason", Input).focus()
            return None
        subject = self.query_one("#subject", Input).value.strip()
        kind = self.query_one("#kind", Select).value
        typed_number = self.query_one("#number", Input).value.strip()
        number = int(typed_number) if typed_number else self.case.number
        return CaseDetails(
            subject,
            owner,
            co_owners,
            deadline,
            reason,
            kind if isinstance(kind, CaseKind) else None,
            number,
        )


def operations(meeting: int, case: TrackedCase, given: CaseDetails) -> list[Operation]:
    """The operations that make the case what the dialog says."""
    found: list[Operation] = []
    details = (given.subject, given.owner, given.co_owners)
    if details != (case.subject, case.owner, tuple(case.co_owners)):
        found.append(SetCaseDetails(meeting, case.number, case.kind.value, *details))
    if given.deadline != case.deadline:
        day = given.deadline.isoformat() if given.deadline else None
        found.append(SetDeadline(meeting, case.number, day, given.reason, case.kind.value))
    kind = given.kind or case.kind
    if (kind, given.number or case.number) != (case.kind, case.number):
        found.append(SetCaseKind(meeting, case.number, case.kind.value, kind.value, given.number))
    return found


class CaseKeys(LiveEditing):
    async def highlighted_case(self, refusal: str) -> TrackedCase | None:
        """The highlighted case, ready to change (the entry being typed ended); None, said
        with `refusal`, when the highlight is not on a case or the meeting cannot change."""
        target = self.target()
        if not isinstance(target, TrackedCase):
            self.notify(refusal, severity="warning")
            return None
        if not self.can_change():
            return None
        await self.finish_typing()
        return target

    async def action_case_details(self) -> None:
        target = await self.highlighted_case(_("Highlight a tracked case to change its details."))
        if target is not None:
            dialog = CaseDialog(self.workspace.profile.unit_names, target)
            self.app.push_screen(dialog, lambda result: self._case_given(target, result))

    def _case_given(self, case: TrackedCase, result: object) -> None:
        if not isinstance(result, CaseDetails):
            return
        sent = [op for op in operations(self.opened.number, case, result) if self.send(op)]
        if sent:
            self.show_item()
            self.notify(_("Case {number} changed. ctrl+z undoes it.").format(number=case.number))
