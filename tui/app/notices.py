"""Notices (Textual's toasts) wrapped by the record's rules, as the panes are: Textual breaks
a line only at spaces, so 「第 101 次會議紀錄：修正後確定，…」 left 「第 101」 alone on its
line, moved the rest whole to the next and cut it anywhere, starting a line with 「、」."""

from __future__ import annotations

from textual.widgets._toast import Toast

from tui.app.widgets.wrapped import Wrapped

_drawn_by_textual = Toast.render


def _wrapped(toast: Toast) -> Wrapped:
    return Wrapped(_drawn_by_textual(toast))


def wrap_notices() -> None:
    """Every notice of this process drawn through Wrapped (Textual has no hook for the
    toast's content, so its render is replaced; what it draws is unchanged)."""
    setattr(Toast, "render", _wrapped)  # noqa: B010 - a method replaced on purpose
