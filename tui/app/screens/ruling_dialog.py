"""The chair's 決定 on a case (j on a case entry): release with its reason — 辦結, 併案 into
another case, 移列 to another forum, 撤銷 — or keep with a new 列管期限, and the chair's
words; p accepts the owner unit's 擬辦 for the highlighted case, P for every undecided case
of the item. Each is one operation, undone by ctrl+z."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select

from tui.app.screens.case_dialog import CaseKeys
from tui.app.screens.dialogs import _Form
from tui.app.widgets.entries import key_of
from tui.dataclass_cache import dataclass
from tui.domain.cases import REASON_WORDS, proposal_word
from tui.domain.decisions import DECISION_WORDS
from tui.domain.model import CaseDecision, ReleaseReason, TrackedCase
from tui.domain.rocdate import DateError, format_numeric_date, parse_date
from tui.edits.cases import Decide
from tui.edits.operation import Operation
from tui.edits.rulings import AcceptProposal, AcceptProposals, Rule
from tui.i18n import _


@dataclass
class Ruling:
    """The decision on an open case as the dialog gives it back: release or keep, and why."""

    decision: CaseDecision
    reason: ReleaseReason | None
    into: int | None
    forum: str
    deadline: date | None
    words: str


class RulingDialog(_Form):
    """The decision as it is (else as the unit proposed), to be given in full."""

    DEFAULT_CSS = """
    RulingDialog .part { height: auto; }
    """

    def __init__(self, case: TrackedCase, meeting: int) -> None:
        super().__init__()
        self.case = case
        self.event = case.decision_at(meeting)

    def compose(self) -> ComposeResult:
        event = self.event
        decision = (event.decision or event.proposal) if event else None
        with Vertical() as form:
            form.border_title = _("列管案件 {number} 決定").format(number=self.case.number)
            if event is not None and event.proposal is not None:
                yield Label(_("擬辦：{proposal}").format(proposal=proposal_word(event.proposal)))
            yield Select(
                [(DECISION_WORDS[d], d) for d in (CaseDecision.KEEP, CaseDecision.RELEASE)],
                value=decision or CaseDecision.KEEP,
                allow_blank=False,
                compact=True,
                id="decision",
            )
            reason = event.reason if event and event.reason else ReleaseReason.DONE
            with Vertical(id="for-reason", classes="part"):
                yield Label(_("解除列管理由 Reason for a release"))
                yield Select(
                    [(word, r) for r, word in REASON_WORDS.items()],
                    value=reason,
                    allow_blank=False,
                    compact=True,
                    id="reason",
                )
            with Vertical(id="for-into", classes="part"):
                yield Label(_("併入列管案號 Merged into case (併案)"))
                merged = str(event.merged_into) if event and event.merged_into else ""
                yield Input(merged, compact=True, id="into", restrict=r"[0-9]*", max_length=6)
            with Vertical(id="for-forum", classes="part"):
                yield Label(_("移列至 Moved to (移列)"))
                yield Input(event.moved_to if event else "", compact=True, id="forum")
            with Vertical(id="for-deadline", classes="part"):
                yield Label(_("新列管期限 New deadline when kept (110/8/31)"))
                yield Input(self._deadline(), compact=True, id="deadline", placeholder=_("YYY/M/D"))
            yield Label(_("主席裁示 The chair's words"))
            yield Input(event.conclusion if event else "", compact=True, id="words")
            yield Label("", classes="problem")

    def _deadline(self) -> str:
        event = self.event
        day = (event.new_deadline or event.proposed_deadline) if event else None
        return format_numeric_date(day) if day else ""

    def on_mount(self) -> None:
        super().on_mount()
        self._show_what_applies()

    @on(Select.Changed)
    def _show_what_applies(self) -> None:
        """Only the fields the decision takes: a release its reason (and the case merged
        into, or the forum), a kept case its new deadline."""
        release = self.query_one("#decision", Select).value is CaseDecision.RELEASE
        reason = self.query_one("#reason", Select).value
        self.query_one("#for-reason").display = release
        self.query_one("#for-into").display = release and reason is ReleaseReason.MERGED
        self.query_one("#for-forum").display = release and reason is ReleaseReason.MOVED
        self.query_one("#for-deadline").display = not release

    def result(self) -> Ruling | None:
        decision = self.query_one("#decision", Select).value
        assert isinstance(decision, CaseDecision)
        release = decision is CaseDecision.RELEASE
        picked = self.query_one("#reason", Select).value
        reason = picked if release and isinstance(picked, ReleaseReason) else None
        into_text = self.query_one("#into", Input).value.strip()
        into = int(into_text) if reason is ReleaseReason.MERGED and into_text else None
        if reason is ReleaseReason.MERGED and into is None:
            self.complain(_("Say which case it is merged into."))
            return None
        forum = self.query_one("#forum", Input).value.strip()
        if reason is ReleaseReason.MOVED and not forum:
            self.complain(_("Say where it is moved to."))
            return None
        deadline = None
        text = self.query_one("#deadline", Input).value.strip()
        if text and not release:
            try:
                deadline = parse_date(text)
            except DateError as error:
                self.complain(str(error))
                return None
        words = self.query_one("#words", Input).value.strip()
        forum = forum if reason is ReleaseReason.MOVED else ""
        return Ruling(decision, reason, into, forum, deadline, words)


def ruling_operation(meeting: int, case: TrackedCase, given: Ruling) -> Operation:
    return Rule(
        meeting,
        case.number,
        given.decision.value,
        case.kind.value,
        reason=given.reason.value if given.reason else None,
        into=given.into,
        forum=given.forum,
        deadline=given.deadline.isoformat() if given.deadline else None,
        words=given.words,
    )


class RulingKeys(CaseKeys):
    async def action_release(self) -> None:
        await self._decide(CaseDecision.RELEASE)

    async def action_keep(self) -> None:
        await self._decide(CaseDecision.KEEP)

    async def _decide(self, decision: CaseDecision) -> None:
        target = await self.highlighted_case(_("Highlight a tracked case to decide it."))
        if target is not None:
            kind, meeting = target.kind.value, self.opened.number
            op = Decide(meeting, target.number, decision.value, kind, correction=self.correction)
            self._decided(op, target)

    async def action_rule(self) -> None:
        target = await self.highlighted_case(_("Highlight a tracked case to decide it."))
        if target is not None:
            dialog = RulingDialog(target, self.opened.number)
            self.app.push_screen(dialog, lambda result: self._ruled(target, result))

    def _ruled(self, case: TrackedCase, result: object) -> None:
        if isinstance(result, Ruling):
            self._decided(ruling_operation(self.opened.number, case, result), case)

    async def action_accept_proposal(self) -> None:
        refusal = _("Highlight a tracked case to accept its proposal.")
        target = await self.highlighted_case(refusal)
        if target is not None:
            meeting, kind = self.opened.number, target.kind.value
            op = AcceptProposal(meeting, target.number, kind, correction=self.correction)
            self._decided(op, target)

    async def action_accept_proposals(self) -> None:
        found = self.item()
        if found is None or not found[1].cases:
            self.notify(_("This item lists no tracked cases."), severity="warning")
            return
        if self.can_change():
            await self.finish_typing()
            op = AcceptProposals(self.opened.number, found[1].id, correction=self.correction)
            if self.send(op):
                self.show_item()

    def _decided(self, op: Operation, case: TrackedCase) -> None:
        if self.send(op):
            self.show_item(key_of(case))
            self.pane.next_entry()
