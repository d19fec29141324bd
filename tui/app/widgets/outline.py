"""The meeting's outline: sections 壹 貳 參 and their items 一 二 三, each a place like "2.4"."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.app.labels import safe_label
from tui.domain.model import Item, Meeting
from tui.domain.numerals import Ladder


def item_heading(item: Item) -> str:
    if item.presenter:
        return f"{item.presenter}{item.presenter_kind}：{item.title}"
    if item.title:
        return item.title
    first = item.blocks[0] if item.blocks else None
    return f"{first.label}：{first.text}" if first and first.label else item.label


# Cells a heading may take in the 30-column outline, beside the tree's guides and scrollbar.
SECTION_CELLS = 26
ITEM_CELLS = 24


def _fit(heading: str, cells: int) -> Text:
    text = Text(heading, no_wrap=True)
    text.truncate(cells, overflow="ellipsis")
    return text


class MeetingOutline(Tree[str]):
    """Sections and items; the node's data is the place ("3" for a section, "2.4")."""

    class Arrived(Message):
        """The rebuilt outline's cursor is on its place, and the screen knows it."""

    def __init__(self) -> None:
        super().__init__("", id="outline")
        self.show_root = False
        self.guide_depth = 2
        self.moving_to = ""  # the place a rebuilt outline is on its way to
        self.auto_expand = False  # enter folded a section away, its items hidden

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        """Enter goes into the highlighted place: the pane beside, as tab does."""
        event.stop()
        self.screen.focus_next()

    @property
    def place(self) -> str:
        """The place under the cursor now, "" while the outline is being rebuilt."""
        node = self.cursor_node
        return "" if self.moving_to or node is None else node.data or ""

    def show(self, meeting: Meeting, place: str) -> None:
        self.moving_to = place or " "
        self.clear()
        chosen: TreeNode[str] | None = None
        for s, section in enumerate(meeting.sections, start=1):
            heading = _fit(f"{safe_label(Ladder.SECTION, s)}{section.title}", SECTION_CELLS)
            # Every section is a place, so that the pane shows it when it is highlighted.
            node = self.root.add(heading, data=str(s), expand=True)
            node.allow_expand = bool(section.items)  # 壹 (itself the item) folds nothing
            chosen = node if node.data == place else chosen
            for i, item in enumerate(section.items, start=1):
                text = _fit(f"{safe_label(Ladder.ITEM, i)}{item_heading(item)}", ITEM_CELLS)
                leaf = node.add_leaf(text, data=f"{s}.{i}")
                chosen = leaf if leaf.data == place else chosen
        # The tree lays its new lines out on the next refresh: only then can it move there.
        self.call_after_refresh(self._arrive, chosen)

    def _arrive(self, chosen: TreeNode[str] | None) -> None:
        if chosen is None:
            self.arrived()
            return
        self.move_cursor(chosen)
        # The screen clears moving_to when the highlight of `chosen` reaches it; should
        # none come (the cursor was there already), this does.
        self.set_timer(0.5, self.arrived)

    def arrived(self) -> None:
        if self.moving_to:
            self.moving_to = ""
            self.post_message(self.Arrived())


def outline_shape(meeting: Meeting) -> list[tuple[str, str]]:
    """What the outline shows, to tell whether it must be drawn again."""
    shape: list[tuple[str, str]] = []
    for s, section in enumerate(meeting.sections, start=1):
        shape.append((str(s), section.title))
        shape.extend((f"{s}.{i}", item_heading(item)) for i, item in enumerate(section.items, 1))
    return shape
