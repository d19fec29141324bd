"""Text as an operation may store it: cleaned once, where it comes in."""

from __future__ import annotations

from tui.domain.text import without_controls


def clean_text(text: str, *, multiline: bool = False) -> str:
    """No terminal sequences, control or bidi characters; one line unless multiline."""
    return without_controls(text, one_line=not multiline).strip()
