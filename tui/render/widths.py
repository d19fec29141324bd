"""Columns text takes in a terminal or a monospaced print: CJK characters take two.

Apart from tui.render.cjkwrap (whose word pattern takes a while to compile) so that a table
printed by a command can be padded without it."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    """Columns `text` takes in a terminal or a monospaced print: CJK characters take two."""
    if text.isascii():
        return len(text)
    return sum(char_width(c) for c in text)


def char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1
