"""Columns text takes in a terminal or a monospaced print: CJK characters take two.

Apart from tui.render.cjkwrap (whose word pattern takes a while to compile) so that a table
printed by a command can be padded without it."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def width(text: str) -> int:
    """Columns `text` takes in a terminal or a monospaced print: CJK characters take two."""
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))


@lru_cache(maxsize=1 << 16)  # the box rewraps its paragraph at every key typed
def char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1
