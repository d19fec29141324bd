"""The chosen item's entries: its reports, its tracked cases, its conclusions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Literal

from rich.text import Text
from textual._widget_navigation import find_next_enabled_no_wrap
from textual.timer import Timer
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.labels import DECISION, safe_label
from tui.app.widgets.wrapped import Wrapped
from tui.domain.cases import DeadlineState, deadline_state, decision_words, proposal_word
from tui.domain.limits import LONGEST_TEXT
from tui.domain.model import (
    Block,
    CaseDecision,
    CaseEvent,
    CaseKind,
    Conclusion,
    Item,
    Point,
    Report,
    TrackedCase,
)
from tui.domain.numerals import Ladder
from tui.domain.points import CONCLUSION_RUNGS, REPORT_RUNGS
from tui.domain.rocdate import format_numeric_date
from tui.i18n import _

Target = Report | TrackedCase | Conclusion | Block | Item
TYPED_SHOWN_AFTER = 0.15  # seconds of no typing before the list shows the entry typed


def key_of(target: object) -> tuple[object, ...]:
    """What names an entry whatever copy of the meeting shows it."""
    if isinstance(target, TrackedCase):
        return ("case", target.kind, target.number)
    if isinstance(target, Report | Conclusion | Item):
        return (type(target).__name__, target.id)
    if isinstance(target, Block):
        return ("Block", target.label)
    return ("?", id(target))


class Entry(Option):
    """One entry of the item pane; `target` is the model object it shows."""

    def __init__(self, target: Target, text: Text) -> None:
        super().__init__(Wrapped(clipped(text)))
        self.target = target
        self.key = key_of(target)


PLACEHOLDERS = ("（待記錄）", "（待填）", "（輸入結論）")  # shown for what is not written yet


def clipped(text: Text) -> Text:
    """An entry longer than the longest text a meeting may hold now (one stored before the
    limit, of megabytes) shown cut, so that laying it out never keeps the keys waiting."""
    if len(text) <= LONGEST_TEXT:
        return text
    shown = Text(text.plain[:LONGEST_TEXT])  # Rich slices a styled text slowly
    shown.append(_("… (too long to show whole: shown in part)"), "dim")
    return shown


def _points(
    text: Text, points: list[Point], rungs: Sequence[Ladder], indent: str = "", depth: int = 0
) -> None:
    """The points under an entry, a line each, labelled as the box shows them. The label
    sits against its text, as offices write it ((一)場地已安排): a space after it, even a
    no-break one, would let the line break there and leave the label alone."""
    rung = rungs[min(depth, len(rungs) - 1)]
    for n, point in enumerate(points, start=1):
        text.append(f"\n{indent}{'  ' * depth}{safe_label(rung, n)}{point.text}")
        _points(text, point.points, rungs, indent, depth + 1)


def report_text(report: Report) -> Text:
    text = Text(f"{report.speaker}{report.kind}：", style="bold")
    empty = not report.text and not report.points
    shown = report.text[: LONGEST_TEXT + 1]
    text.append(PLACEHOLDERS[0] if empty else shown, style="dim" if empty else "")
    _points(text, report.points, REPORT_RUNGS)
    return text


def motion_text(motion: Item) -> Text:
    """A temporary motion as the record heads it: **presenter and kind**: its words."""
    text = Text(f"{motion.presenter}{motion.presenter_kind}：", style="bold")
    text.append(motion.title or PLACEHOLDERS[0], style="" if motion.title else "dim")
    return text


def block_text(block: Block) -> Text:
    """A proposal's 案由, 說明 (with its points), 擬辦 …"""
    text = Text(f"{block.label}：", style="bold")
    empty = not block.text and not block.points
    text.append(block.text or (PLACEHOLDERS[1] if empty else ""), style="dim" if empty else "")
    _points(text, block.points, REPORT_RUNGS)
    return text


_DECISION_STYLE = {CaseDecision.RELEASE: "green", CaseDecision.KEEP: "cyan"}


def _answered(text: Text, event: CaseEvent | None, owned: bool) -> None:
    """「已填報 12/3」 once the owner's form answer is in; 「未填報」 while it is owed."""
    if event and event.answered_on:
        day = event.answered_on
        text.append(f"「已填報 {day.month}/{day.day}」", style="green")
    elif owned and (event is None or event.decision is None):
        text.append("「未填報」", style="yellow")


def case_text(
    case: TrackedCase, meeting: int, on: date | None = None, warning_days: int = 30
) -> Text:
    """A case reported on at this meeting: number, owner (協辦), decision, 案由, 列管期限
    with its flag on the meeting's day `on`, 辦理情形 and the unit's 擬辦."""
    event = case.decision_at(meeting)
    decision = event.decision if event else None
    name = "列管案號" if case.kind is CaseKind.INTERNAL else "案號"
    text = Text(f"{name} {case.number}", style="bold")
    owners = case.owner or "主辦單位未定"
    if case.co_owners:
        owners += f"；協辦：{'、'.join(case.co_owners)}"
    text.append(f"（{owners}）")
    _answered(text, event, bool(case.owner))
    style = _DECISION_STYLE.get(decision, "yellow") if decision else "yellow"
    text.append(f" {decision_words(event, with_words=False) or DECISION[None]}", style=style)
    if case.subject:
        text.append(f"\n{case.subject}", style="dim")
    if case.merged_from:
        text.append(f"\n併入本案：列管案號 {'、'.join(str(n) for n in case.merged_from)}")
    if case.deadline:
        text.append(f"\n列管期限：{format_numeric_date(case.deadline)}")
        flag = deadline_state(case, on, warning_days) if on and case.is_open else None
        if flag and flag.value:
            text.append(f" {flag.value}", style=_FLAG_STYLE[flag])
    progress = event.progress if event else ""
    points = event.progress_points if event else []
    text.append("\n辦理情形：")
    empty = not progress and not points
    text.append(PLACEHOLDERS[1] if empty else progress, style="dim" if empty else "")
    _points(text, points, REPORT_RUNGS)
    if event and event.proposal:
        proposed = proposal_word(event.proposal)
        if event.proposed_deadline:
            proposed += f"（期限 {format_numeric_date(event.proposed_deadline)}）"
        differs = decision is not None and decision is not event.proposal
        text.append(f"\n擬辦：{proposed}", style="bold red" if differs else "dim")
    if event and event.decision and event.conclusion and event.meeting != case.origin_meeting:
        text.append(f"\n主席裁示：{event.conclusion}")
    return text


_FLAG_STYLE = {DeadlineState.PASSED: "bold red", DeadlineState.NEAR: "yellow"}


def conclusion_text(conclusion: Conclusion, number: int, cases: dict[int, TrackedCase]) -> Text:
    text = Text(f"{safe_label(Ladder.SUBITEM, number)}\u00a0", style="bold")
    empty = not conclusion.text and not conclusion.points
    shown = conclusion.text[: LONGEST_TEXT + 1]  # the rest would be clipped anyway
    text.append(PLACEHOLDERS[2] if empty else shown, style="dim" if empty else "")
    _points(text, conclusion.points, CONCLUSION_RUNGS, "  ")
    if conclusion.case is not None:
        case = cases.get(conclusion.case)
        owner = case.owner if case and case.owner else "主辦單位未定"
        text.append(f"\n列管案號 {conclusion.case}（{owner}）", style="magenta")
    return text


class EntryList(OptionList):
    """The entries, one widget however many there are; the highlighted one is acted on."""

    _later: tuple[object, Callable[[], Text]] | None = None
    _later_timer: Timer | None = None

    def show(self, entries: list[Entry], select: object | None) -> None:
        """The entries, the one named by `select` (an entry's key) highlighted."""
        self.clear_options()
        spaced: list[Entry | None] = []
        for entry in entries:
            spaced.extend([entry, None] if entry is not entries[-1] else [entry])
        self.add_options(spaced)
        found = [i for i, e in enumerate(entries) if e.key == select]
        self.highlighted = found[0] if found else (0 if entries else None)

    def action_cursor_down(self) -> None:
        """Down on the last entry stays there: wrapping to the first, an `e` typed next would
        write into an entry far from the one meant."""
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, direction: Literal[-1, 1]) -> None:
        found = find_next_enabled_no_wrap(self.options, self.highlighted, direction)
        if found is not None:
            self.highlighted = found

    @property
    def current(self) -> Entry | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return option if isinstance(option, Entry) else None

    def update(self, key: object, text: Text) -> None:
        for index in range(self.option_count):
            option = self.get_option_at_index(index)
            if isinstance(option, Entry) and option.key == key:
                self.replace_option_prompt_at_index(index, Wrapped(text))

    def update_later(self, key: object, shown: Callable[[], Text]) -> None:
        """The entry being typed, redrawn at a pause in the typing: the box echoes every
        key, and redrawing the list as well cost each key a second frame, which the next
        key then waited for."""
        self._later = (key, shown)
        if self._later_timer is not None:
            self._later_timer.stop()
        self._later_timer = self.set_timer(TYPED_SHOWN_AFTER, self.update_now)

    def update_now(self) -> None:
        """What update_later holds, drawn now (when the entry ends)."""
        if self._later_timer is not None:
            self._later_timer.stop()
            self._later_timer = None
        later, self._later = self._later, None
        if later is not None:
            self.update(later[0], later[1]())


def plain_text(entry: Entry) -> str:
    """The entry as the record writes it, for the clipboard: 一、同意備查。"""
    prompt = entry.prompt
    text = prompt.plain if isinstance(prompt, Text | Wrapped) else str(prompt)
    for placeholder in PLACEHOLDERS:
        text = text.replace(placeholder, "")
    return text.replace("\u00a0", "").strip()
