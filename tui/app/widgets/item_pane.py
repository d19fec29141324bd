"""The chosen item: its heading, its entries (reports, cases, conclusions), and the box in
which the highlighted one is typed."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.app.widgets.entries import (
    Entry,
    EntryList,
    case_text,
    conclusion_text,
    motion_text,
    report_text,
)
from tui.app.widgets.entry_editor import EntryEditor
from tui.domain.model import CaseKind, Conclusion, Item, TrackedCase
from tui.domain.numerals import Ladder
from tui.domain.points import REPORT_RUNGS
from tui.edits.workset import CaseKey
from tui.i18n import N_, _

EMPTY_HINT = N_("\n(empty — a: conclusion · n: report · m: motion)")


def entries_of(
    item: Item, meeting: int, cases: dict[CaseKey, TrackedCase], draft: Conclusion | None = None
) -> list[Entry]:
    """A motion's own words, the item's reports, the cases it reports on, its conclusions
    (and one being begun)."""
    found = [Entry(item, motion_text(item))] if item.presenter else []
    found += [Entry(r, report_text(r)) for r in item.reports]
    listed = [c for r in item.cases if (c := cases.get((r.kind, r.number))) is not None]
    found += [Entry(c, case_text(c, meeting)) for c in listed]
    internal = {n: c for (k, n), c in cases.items() if k is CaseKind.INTERNAL}
    conclusions = list(item.conclusions)
    if draft is not None and all(c.id != draft.id for c in conclusions):
        conclusions.append(draft)
    found += [Entry(c, conclusion_text(c, i, internal)) for i, c in enumerate(conclusions, 1)]
    return found


class ItemPane(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(id="item-title")
        yield EntryList(id="entries")
        yield EntryEditor()

    def on_mount(self) -> None:
        self.editor.display = False

    @property
    def entries(self) -> EntryList:
        return self.query_one(EntryList)

    @property
    def editor(self) -> EntryEditor:
        return self.query_one(EntryEditor)

    def show(self, where: str, heading: str, entries: list[Entry], select: object) -> None:
        if entries and isinstance(entries[0].target, Item):
            heading = ""  # a motion: its first entry says it
        title = Text(f"{where}\n{heading}" if heading else where)
        if not entries:
            title.append(_(EMPTY_HINT), "dim")
        self.query_one("#item-title", Static).update(title)
        self.entries.show(entries, select)

    @property
    def current(self) -> Entry | None:
        return self.entries.current

    @property
    def typing(self) -> bool:
        return bool(self.editor.display)

    def start_typing(self, text: str, title: str, rungs: Sequence[Ladder] = REPORT_RUNGS) -> None:
        self.editor.start(text, title, rungs)
        self.call_after_refresh(self.entries.scroll_to_highlight)

    def stop_typing(self) -> None:
        self.editor.display = False

    def next_entry(self) -> None:
        """Highlight the entry after the current one, if any (no wrapping to the first)."""
        entries = self.entries
        if entries.highlighted is not None and entries.highlighted + 1 < entries.option_count:
            entries.highlighted += 1
