"""Search every meeting and case as you type; Enter opens the meeting on the item found.

The search runs in a worker, a moment after the last key; the first search of a database
builds its index, with the progress in the status line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.app.keyhold import keys_not_for, nothing_opened
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.titlebar import TitleBar
from tui.domain.places import written_place
from tui.domain.rocdate import format_short_date
from tui.i18n import N_, _, ngettext
from tui.search.hits import Hit, snippet

if TYPE_CHECKING:
    from tui.app.workspace import Workspace
    from tui.search.index import SearchIndex
    from tui.search.query import Found

T = TypeVar("T")

QUIET = 0.2  # seconds after the last key before searching
LIMIT = 200

WHAT = {
    "title": "項目",
    "motion": "臨時動議",
    "proposal": "提案",
    "report": "報告",
    "case": "列管案件",
    "progress": "辦理情形",
    "conclusion": "會議結論",
    "note": "附註",
}


def hit_heading(hit: Hit) -> Text:
    day = format_short_date(hit.date) if hit.date else "日期未載"
    what = WHAT.get(hit.field, hit.field)
    if hit.case_number is not None:
        what = f"{what} {hit.case_number}"
    elif hit.entry:
        what = f"{what} ({hit.entry})"
    return Text(
        f"第 {hit.meeting} 次 · {day} · {written_place(hit.place) if hit.place else '-'} {what}",
        style="dim",
    )


def hit_text(hit: Hit, columns: int) -> Text:
    """Two lines: where, then the text around the match. Never wrapped: a CJK run with no
    space would be moved whole to a line of its own."""
    short = snippet(hit, columns)
    text = hit_heading(hit) + Text("\n")
    start = len(text)
    text.append(short.text)
    for begin, end in short.spans:
        text.stylize("bold reverse", start + begin, start + end)
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


class SearchScreen(Screen["Hit | None"]):
    CSS_PATH = "search.tcss"
    BINDINGS = [
        Binding(
            "enter",
            "open_hit",
            N_("Open"),
            id="search.open",
            tooltip=N_("Open the meeting on the highlighted item"),
            priority=True,
        ),
        # Typing goes on in the input while the arrows move through the results.
        Binding(
            "down", "next_hit", N_("Next"), id="search.next", show=False, tooltip=N_("Next result")
        ),
        Binding(
            "up",
            "previous_hit",
            N_("Previous"),
            id="search.previous",
            show=False,
            tooltip=N_("Result above"),
        ),
        Binding(
            "slash",
            "to_input",
            N_("Query"),
            id="search.input",
            show=False,
            tooltip=N_("Back to typing"),
        ),
        Binding(
            "escape", "leave", N_("Back"), id="search.back", tooltip=N_("Back, opening nothing")
        ),
    ]

    def __init__(self, workspace: Workspace, query: str = "") -> None:
        super().__init__()
        self.workspace = workspace
        self.hits: list[Hit] = []
        self._query = query
        self._shown = ""  # the query whose results are on screen
        self._timer: Timer | None = None
        self._open_when_shown = False  # enter came before the results of the last keys

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Input(
            self._query,
            placeholder=_("Search every meeting and case: one character or more"),
            id="search-input",
        )
        yield Static("", id="search-status")
        yield OptionList(id="search-hits")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "搜尋"
        self.query_one(Input).focus()
        self._bring_up_to_date()
        if self._query:
            self._search(self._query)

    # -- searching ------------------------------------------------------------

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if event.value == self._query:
            return  # the query it opened with, already searched for
        self._query = event.value
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(QUIET, lambda: self._search(self._query))

    @work(thread=True, group="search-index")
    def _bring_up_to_date(self) -> None:
        self._index_work(lambda index: index.refresh(self._progress))

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        from tui.search.grams import QueryError

        if not query.strip():
            self.app.call_from_thread(self._show, query, None, "")
            return
        self.app.call_from_thread(self._status, _("Searching…"))
        try:
            found = self._index_work(lambda index: index.search(query, LIMIT, self._progress))
        except QueryError:
            self.app.call_from_thread(self._show, query, None, _("Type letters or digits."))
            return
        if found is not None and not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, query, found, "")

    def _index_work(self, work: Callable[[SearchIndex], T]) -> T | None:
        from tui.storage.errors import StorageError

        index = self.workspace.search_index()
        index.note = self._note
        try:
            return work(index)
        except _Abandoned:
            return None
        except StorageError as error:
            self.app.call_from_thread(
                self._status, _("Search is not available: {error}").format(error=error)
            )
            return None

    def _progress(self, done: int, total: int) -> None:
        """Called between the index's batches: where a long build stops when nobody waits.
        What it has indexed so far is kept, and the next search goes on from there."""
        if get_current_worker().is_cancelled:
            raise _Abandoned
        if total > 20:
            message = _("Building the search index: {done:,} of {total:,} documents…").format(
                done=done, total=total
            )
            try:
                self.app.call_from_thread(self._status, message)
            except RuntimeError:  # the app has stopped
                raise _Abandoned from None

    def _note(self, message: str) -> None:
        self.app.call_from_thread(self.notify, message, title=_("Search"), timeout=8)

    # -- showing --------------------------------------------------------------

    def _status(self, message: str) -> None:
        if self.is_attached:  # a worker may report after the screen has closed
            self.query_one("#search-status", Static).update(message)

    def _show(self, query: str, found: Found | None, message: str) -> None:
        if query != self._query or not self.is_attached:
            return  # typing went on meanwhile: its own search follows
        options = self.query_one(OptionList)
        again = query == self._shown and options.highlighted is not None
        highlighted = options.highlighted if again else 0
        self.hits, self._shown = (found.hits if found else []), query
        options.clear_options()
        columns = max(self.size.width - 6, 20)  # less the padding and the scrollbar
        options.add_options(Option(hit_text(hit, columns)) for hit in self.hits)
        if self.hits:
            options.highlighted = min(highlighted or 0, len(self.hits) - 1)
        self._status(message or _summary(query, found))
        if self._open_when_shown:
            self._open_when_shown = False
            self._open_hit()

    # -- keys -----------------------------------------------------------------

    def action_open_hit(self) -> None:
        # Characters typed just before enter may still be on their way into the box (enter
        # is a priority key): decide once the box has taken them.
        self.query_one(Input).call_later(self._open_hit)

    def _open_hit(self) -> None:
        query = self.query_one(Input).value
        if self._shown != query:  # the results of what was typed last are not shown yet
            self._query, self._open_when_shown = query, True
            if self._timer is not None:
                self._timer.stop()
            self._search(query)
            return
        index = self.query_one(OptionList).highlighted
        if index is None or not self.hits:
            nothing_opened(self.app)
            return
        hit = self.hits[index]
        below = self.app.screen_stack[-2]
        opened = getattr(below, "opened", None)
        if opened is not None and opened.number != hit.meeting:
            keys_not_for(self.app, below)  # that editor closes: the keys are for the next one
        self.workspace.last_search = self._query
        self.dismiss(hit)

    def action_next_hit(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_previous_hit(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_to_input(self) -> None:
        self.query_one(Input).focus()

    def action_leave(self) -> None:
        self.workspace.last_search = self._query
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _clicked(self) -> None:
        self.action_open_hit()


class _Abandoned(Exception):
    """The worker was cancelled: the screen closed, or the app is stopping."""


def _summary(query: str, found: Found | None) -> str:
    if found is None or not query.strip():
        return _("Type to search: newest meetings first; enter opens the item")
    if not found.hits:
        return _("No matches for {query}").format(query=repr(query))
    count = f"{len(found.hits)}+" if found.more else str(len(found.hits))
    return ngettext(
        "{count} match, newest first · enter opens the item",
        "{count} matches, newest first · enter opens the item",
        len(found.hits),
    ).format(count=count)
