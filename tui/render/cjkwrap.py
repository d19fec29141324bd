"""Wrapping for plain text where CJK characters take two columns and may break anywhere."""

from __future__ import annotations

import re
import unicodedata

# Characters a line must not start with (行首禁則).
_NO_LINE_START = set("，。、；：！？」』）〕】》〉,.;:!?)]}%…—～")
# A run of these stays together, like an English word or a number.
_WORD = re.compile(r"[A-Za-z0-9@#$%&*_+=/\\.:\-'\"<>()\[\]]+|\s+|.", re.DOTALL)


def width(text: str) -> int:
    """Columns `text` takes in a terminal or a monospaced print: CJK characters take two."""
    if text.isascii():
        return len(text)
    return sum(_char_width(c) for c in text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def wrap(text: str, columns: int, first: str = "", rest: str | None = None) -> list[str]:
    """Lines of `text` no wider than `columns`, the first prefixed with `first`, others `rest`."""
    rest = " " * width(first) if rest is None else rest
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, columns, first if not lines else rest, rest))
    return lines


def _wrap_paragraph(text: str, columns: int, first: str, rest: str) -> list[str]:
    lines: list[list[str]] = [[]]
    room = max(columns - width(first), 2)
    used = 0
    for token in _tokens(text, min(room, max(columns - width(rest), 2))):
        size = width(token)
        if used + size > room and lines[-1]:
            carried = _carry(lines[-1], token)
            lines.append(carried)
            room = max(columns - width(rest), 2)
            used = sum(width(t) for t in carried)
            if token.isspace():
                continue
        lines[-1].append(token)
        used += size
    return [(first if i == 0 else rest) + "".join(ts).rstrip() for i, ts in enumerate(lines)]


def _tokens(text: str, room: int) -> list[str]:
    tokens: list[str] = []
    for found in _WORD.finditer(text):
        tokens.extend(_pieces(found.group(0), room))
    return tokens


def _pieces(token: str, room: int) -> list[str]:
    """A word too long for any line, cut to fit; a web address stays whole to stay usable."""
    if len(token) <= room or "://" in token:
        return [token]
    return [token[i : i + room] for i in range(0, len(token), room)]


def _carry(line: list[str], token: str) -> list[str]:
    """What moves down with `token`: the last character, if `token` may not start a line."""
    while line and line[-1].isspace():
        line.pop()
    carried: list[str] = []
    first = token
    while first and first[0] in _NO_LINE_START and len(line) > 1:
        carried.insert(0, line.pop())
        first = carried[0]
    return carried
