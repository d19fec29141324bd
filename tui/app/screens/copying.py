"""Copy out over SSH: the highlighted entry, or the whole rendered record, to the clipboard of
the user's own computer, through the terminal (OSC 52: it works over SSH and in tmux)."""

from __future__ import annotations

from copy import deepcopy
from functools import partial
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size

from tui.app.widgets.entries import plain_text
from tui.domain.model import Meeting, MeetingStatus
from tui.i18n import _

if TYPE_CHECKING:
    from tui.app.screens.editor_core import MeetingScreen


def shortened(text: str, cells: int = 40) -> str:
    """The first line of `text` in at most `cells` columns (CJK is two), never cut mid-character."""
    lines = text.strip().splitlines()
    line = lines[0] if lines else ""
    if cell_len(line) <= cells and len(lines) <= 1:
        return line
    return set_cell_size(line, cells - 1).rstrip() + "…"


def copy_entry(screen: MeetingScreen) -> None:
    entry = screen.current()
    if entry is None:
        screen.notify(_("Highlight an entry to copy it."), severity="warning")
        return
    text = plain_text(entry)
    screen.app.copy_to_clipboard(text)
    screen.notify(_("Copied to your clipboard: {text}").format(text=shortened(text)))


def recorded(meeting: Meeting) -> bool:
    """Whether anything of the record is written yet (a conclusion, a report)."""
    return any(item.conclusions or any(r.text for r in item.reports) for item in meeting.items())


def copy_record(screen: MeetingScreen) -> None:
    """The record as Preview renders it, as Markdown; the agenda of a draft not begun."""
    meeting = deepcopy(screen.live.meeting)  # with this session's unsent changes
    work = partial(_render_and_copy, screen, meeting)
    screen.run_worker(work, thread=True, exclusive=True, group="copy")


def _render_and_copy(screen: MeetingScreen, meeting: Meeting) -> None:
    from tui import secretary
    from tui.render.formats import RenderError

    agenda = meeting.status is MeetingStatus.DRAFT and not recorded(meeting)
    repo = screen.workspace.repo
    try:
        text = secretary.render_meeting(repo, meeting, agenda=agenda, format="md")
    except RenderError as error:
        screen.app.call_from_thread(
            screen.notify, _("Not copied: {error}").format(error=error), severity="warning"
        )
        return
    lines = len(text.splitlines())
    said = (
        _("Copied the agenda of meeting {number} to your clipboard ({lines} lines).")
        if agenda
        else _("Copied the record of meeting {number} to your clipboard ({lines} lines).")
    ).format(number=meeting.number, lines=lines)
    screen.app.call_from_thread(_copied, screen, text, said)


def _copied(screen: MeetingScreen, text: str, said: str) -> None:
    screen.app.copy_to_clipboard(text)
    screen.notify(said)
