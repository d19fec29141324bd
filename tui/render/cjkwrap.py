"""Wrapping for plain text where CJK characters take two columns and may break anywhere,
but for the rules of Traditional Chinese typesetting (禁則): a line does not start with a
closing mark or a pause (，。、；：」』）), does not end on an opening one (「『（), and a
number stays with the character after it, its unit (7月, 110 年, 第 1 次).

The app wraps its own panes with the same rules: `line_spans` gives where each line of a
paragraph starts and ends, so styled text can be cut at the same places."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.render.widths import char_width as _char_width
from tui.render.widths import width as width

# Characters a line must not start with (行首禁則).
_NO_LINE_START = frozenset("，。、；：！？」』）〕】》〉”’,.;:!?)]}%…—～")
# Characters a line must not end with (行尾禁則).
_NO_LINE_END = frozenset("「『（〔【《〈“‘([{")
_IDEOGRAPH = r"\u3400-\u9fff\uf900-\ufaff"
_RUN = r"A-Za-z0-9@#$%&*_+=/\\.,:\-'\"<>()\[\]"
# A run of these stays together: an English word, a web address, a number with its unit
# (a run that ends in a digit takes the character after it, over one space).
_WORD = re.compile(
    rf"[{_RUN}]*[0-9](?![{_RUN}])(?: ?[{_IDEOGRAPH}])?|[{_RUN}]+|\s+|.",
    re.DOTALL,
)


def wrap(text: str, columns: int, first: str = "", rest: str | None = None) -> list[str]:
    """Lines of `text` no wider than `columns`, the first prefixed with `first`, others `rest`."""
    rest = " " * width(first) if rest is None else rest
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lead = first if not lines else rest
        rooms = (columns - width(lead), columns - width(rest))
        spans = line_spans(paragraph, *rooms)
        lines.extend(
            (lead if i == 0 else rest) + paragraph[start:end]
            for i, (start, end) in enumerate(spans)
        )
    return lines


def line_spans(text: str, first: int, rest: int | None = None) -> list[tuple[int, int]]:
    """Where each line of `text` starts and ends (offsets into it) when the first line has
    `first` columns and the others `rest`: spaces at a break are left out, and a line breaks
    only where the rules allow, unless a line has no such place at all."""
    rooms = (max(first, 2), max(first if rest is None else rest, 2))
    tokens = _tokens(text, min(rooms))
    spans: list[tuple[int, int]] = []
    start, used, i = 0, 0, 0
    while i < len(tokens):
        size = tokens[i][2]
        room = rooms[1 if spans else 0]
        if used + size > room and i > start:
            cut = _last_break(text, tokens, start, i)
            spans.append(_trimmed(text, tokens, start, cut))
            start = i = _skip_spaces(text, tokens, cut)
            used = 0
            continue
        used += size
        i += 1
    if start < len(tokens) or not spans:
        spans.append(_trimmed(text, tokens, start, len(tokens)))
    return spans


Token = tuple[int, int, int]  # where it starts and ends in the text, and its columns


def _tokens(text: str, room: int) -> list[Token]:
    """The text's words, each measured once: the box rewraps its paragraph at every key."""
    tokens: list[Token] = []
    for found in _WORD.finditer(text):
        start, end = found.span()
        if end - start == 1:  # most of a Chinese paragraph: one character, never too wide
            tokens.append((start, end, _char_width(text[start])))
        else:
            tokens.extend(_pieces(text, start, end, room))
    return tokens


def _pieces(text: str, start: int, end: int, room: int) -> list[Token]:
    """A word too wide for any line, cut to fit; a web address stays whole to stay usable."""
    token = text[start:end]
    size = width(token)
    if size <= room or "://" in token:
        return [(start, end, size)]
    pieces: list[Token] = []
    begin, used = start, 0
    for at in range(start, end):
        size = _char_width(text[at])
        if used + size > room and at > begin:
            pieces.append((begin, at, used))
            begin, used = at, 0
        used += size
    pieces.append((begin, end, used))
    return pieces


def _last_break(text: str, tokens: list[Token], start: int, at: int) -> int:
    """The latest token, after `start` and up to `at`, a line may begin with; `at` if none."""
    for cut in range(at, start, -1):
        if _may_break(text, tokens, start, cut):
            return cut
    return at


def _may_break(text: str, tokens: list[Token], start: int, cut: int) -> bool:
    before = next((t for t in _words(text, tokens, range(cut - 1, start - 1, -1))), "")
    after = next((t for t in _words(text, tokens, range(cut, len(tokens)))), "")
    if not before or (after and after[0] in _NO_LINE_START):
        return False
    return before[-1] not in _NO_LINE_END


def _words(text: str, tokens: list[Token], at: range) -> Iterator[str]:
    """The tokens at these positions that are not spaces."""
    for index in at:
        word = text[tokens[index][0] : tokens[index][1]]
        if not word.isspace():
            yield word


def _skip_spaces(text: str, tokens: list[Token], at: int) -> int:
    while at < len(tokens) and text[tokens[at][0] : tokens[at][1]].isspace():
        at += 1
    return at


def _trimmed(text: str, tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """The span of tokens[start:end], without the spaces it ends with."""
    if start >= end:
        at = tokens[start][0] if start < len(tokens) else len(text)
        return at, at
    begin, finish = tokens[start][0], tokens[end - 1][1]
    return begin, begin + len(text[begin:finish].rstrip())
