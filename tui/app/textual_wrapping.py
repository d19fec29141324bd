"""Textual's own text wrapped by the record's rules, as the panes are (widgets/wrapped.py):
Textual breaks a line only at spaces, so a notice 「第 101 次會議紀錄：修正後確定，…」 left
「第 101」 alone on its line, moved the rest whole to the next and cut it anywhere, starting a
line with 「、」; and the box one types in parted 「7」 from 「月」. Textual has no hook for
either, so the two places that wrap are replaced, once, for the whole app: what they draw
is otherwise unchanged."""

from __future__ import annotations

from textual._wrap import compute_wrap_offsets
from textual.document import _wrapped_document
from textual.widgets._toast import Toast

from tui.app.widgets.wrapped import Wrapped
from tui.render.cjkwrap import Paragraph

_drawn_by_textual = Toast.render
_offsets_by_textual = compute_wrap_offsets
_typed = Paragraph()  # the paragraph last wrapped: the box rewraps the one edited, at every key


def _notice(toast: Toast) -> Wrapped:
    return Wrapped(_drawn_by_textual(toast))


def _wrap_offsets(
    text: str,
    width: int,
    tab_size: int,
    fold: bool = True,
    precomputed_tab_sections: list[tuple[str, int]] | None = None,
) -> list[int]:
    """Where a text area's line breaks: where plain text breaks it (a line with a tab, which
    cjkwrap does not measure, as Textual breaks it)."""
    if "\t" in text or not fold:
        return _offsets_by_textual(text, width, tab_size, fold, precomputed_tab_sections)
    return [start for start, _ in _typed.spans(text, width)[1:]]


def wrap_by_the_rules() -> None:
    setattr(Toast, "render", _notice)  # noqa: B010 - replaced on purpose, see above
    setattr(_wrapped_document, "compute_wrap_offsets", _wrap_offsets)  # noqa: B010
