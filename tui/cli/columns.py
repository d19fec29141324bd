"""Text padded to a number of terminal columns, a wide character counted as two."""

from __future__ import annotations

from tui.render.widths import width


def pad(text: str, columns: int) -> str:
    return text + " " * max(columns - width(text), 0)


def rpad(text: str, columns: int) -> str:
    """`text` right-aligned in `columns` (wide characters counted as two)."""
    return " " * max(columns - width(text), 0) + text
