"""The chosen item: its heading, its entries (reports, cases, conclusions), and the box in
which the highlighted one is typed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.app.labels import safe_label
from tui.app.widgets.entries import (
    Entry,
    EntryList,
    block_text,
    case_text,
    conclusion_text,
    motion_text,
    report_text,
)
from tui.app.widgets.entry_editor import EntryEditor
from tui.app.widgets.outline import item_heading
from tui.app.widgets.wrapped import Wrapped
from tui.domain.model import Block, CaseKind, Conclusion, Item, ItemKind, Section, TrackedCase
from tui.domain.numerals import Ladder
from tui.domain.points import REPORT_RUNGS
from tui.edits.workset import CaseKey
from tui.i18n import N_, _

EMPTY_HINT = N_("\n(empty — a: conclusion · n: report · m: motion)")
# On 宣讀上次會議紀錄: the key that confirms the last record first.
READ_HINT = N_("\n(empty — f: confirm the last record · a: conclusion)")


def empty_hint(item: Item) -> str:
    """What an item with nothing in it says can be done there."""
    return READ_HINT if item.kind is ItemKind.READ_RECORD else EMPTY_HINT


# What can be done on a section highlighted in the outline.
MOTIONS_HINT = N_("m: add a motion · R: rename · {}: move")
# Two lines that fit the pane at 80 columns, so that no key is parted from what it does.
SECTION_HINT = N_("i: add an item · R: rename · D: delete\n{}: move · S: new section")


def section_hint(section: Section) -> tuple[str, str]:
    """What can be done on the section, and what it shows when it has no items."""
    if section.kind is ItemKind.MOTIONS:
        return _(MOTIONS_HINT), _("(no motions yet)")
    return _(SECTION_HINT), _("(no items yet)")


PROPOSAL_BLOCKS = ("案由", "說明", "擬辦")


def blocks_of(item: Item) -> list[Block]:
    """The item's blocks; a proposal's 案由, 說明 and 擬辦 even before they are written."""
    if item.kind is not ItemKind.PROPOSAL:
        return list(item.blocks)
    written = {b.label for b in item.blocks}
    missing = [Block(label) for label in PROPOSAL_BLOCKS if label not in written]
    order = {label: n for n, label in enumerate(PROPOSAL_BLOCKS)}
    return sorted([*item.blocks, *missing], key=lambda b: order.get(b.label, len(order)))


def entries_of(
    item: Item,
    meeting: int,
    cases: dict[CaseKey, TrackedCase],
    draft: Conclusion | None = None,
    on: date | None = None,
    warning_days: int = 30,
) -> list[Entry]:
    """A motion's own words, the item's blocks (a proposal's 案由, 說明, 擬辦, those not
    written yet too), its reports, the cases it reports on, its conclusions (and one being
    begun)."""
    found = [Entry(item, motion_text(item))] if item.presenter else []
    found += [Entry(b, block_text(b)) for b in blocks_of(item)]
    found += [Entry(r, report_text(r)) for r in item.reports]
    listed = [c for r in item.cases if (c := cases.get((r.kind, r.number))) is not None]
    found += [Entry(c, case_text(c, meeting, on, warning_days)) for c in listed]
    internal = {n: c for (k, n), c in cases.items() if k is CaseKind.INTERNAL}
    conclusions = list(item.conclusions)
    if draft is not None and all(c.id != draft.id for c in conclusions):
        conclusions.append(draft)
    found += [Entry(c, conclusion_text(c, i, internal)) for i, c in enumerate(conclusions, 1)]
    return found


def _says_the_heading(first: object, heading: str) -> bool:
    if isinstance(first, Block):
        return bool(first.label) and heading == f"{first.label}：{first.text}"
    return isinstance(first, Item)


class ItemPane(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(id="item-title")
        yield Static(id="section-items")
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

    def show(
        self,
        where: str,
        heading: str,
        entries: list[Entry],
        select: object,
        empty: str = EMPTY_HINT,
    ) -> None:
        if entries and _says_the_heading(entries[0].target, heading):
            heading = ""  # a motion, a proposal's 案由: its first entry says it
        title = Text(f"{where}\n{heading}" if heading else where)
        if not entries:
            title.append(_(empty), "dim")
        self.query_one("#item-title", Static).update(Wrapped(title))
        self.query_one("#section-items", Static).display = False
        self.entries.show(entries, select)

    def show_section(self, heading: str, section: Section) -> None:
        """A section: its heading, what can be done there, its items' headings."""
        hint, empty = section_hint(section)
        title = Text(heading)
        title.append(f"\n{hint}", "dim")
        self.query_one("#item-title", Static).update(Wrapped(title))
        items = [
            f"{safe_label(Ladder.ITEM, i)}{item_heading(it)}"
            for i, it in enumerate(section.items, 1)
        ]
        body = self.query_one("#section-items", Static)
        body.update(Text("\n".join(items), style="") if items else Text(empty, style="dim"))
        body.display = True
        self.entries.show([], None)  # still there, so that the focus goes on to it as ever

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
