"""Wrapping for plain text where CJK characters take two columns and may break anywhere,
but for the rules of Traditional Chinese typesetting (禁則): a line does not start with a
closing mark or a pause (，。、；：」』）), does not end on an opening one (「『（), and a
number stays with the character after it, its unit (7月, 110 年, 第 1 次).

The app wraps its own panes with the same rules: `line_spans` gives where each line of a
paragraph starts and ends, so styled text can be cut at the same places."""

from __future__ import annotations

import re
from bisect import bisect_right
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
    return Paragraph().spans(text, first, rest)


# Where a token starts and ends in the text, its columns, and where the word it is (a piece
# of) ends.
Token = tuple[int, int, int, int]
Line = tuple[tuple[int, int], int, int]  # its span, its first token, the last token it read


class Paragraph:
    """A paragraph wrapped again as it is edited, as the box one types in wraps it at every
    key: the words and lines before the edit are kept, and only the rest is read again (a key
    at the end of 900 characters: 0.03 ms against 1.1 afresh; in the middle, half). A line
    is kept when none of the tokens that decided its break changed; what is read again is
    read as line_spans reads it."""

    def __init__(self) -> None:
        self._text = ""
        self._rooms = (0, 0)
        self._tokens: list[Token] = []
        self._lines: list[Line] = []

    def spans(self, text: str, first: int, rest: int | None = None) -> list[tuple[int, int]]:
        rooms = (max(first, 2), max(first if rest is None else rest, 2))
        if rooms != self._rooms:
            self._text, self._rooms, self._tokens, self._lines = "", rooms, [], []
        alike = _common_start(self._text, text)
        kept = _tokens_before(self._tokens, alike - 2)  # a word is read up to 2 past its end
        tokens = self._tokens[:kept]
        tokens += _tokens(text, min(rooms), tokens[-1][3] if tokens else 0)
        lines = list(_lines_before(self._lines, _changed(self._tokens, tokens, kept, alike)))
        start = self._lines[len(lines)][1] if lines else 0
        lines = _lines(text, tokens, rooms, lines, start)
        self._text, self._rooms, self._tokens, self._lines = text, rooms, tokens, lines
        return [span for span, _first, _read in lines]


def _common_start(old: str, new: str) -> int:
    """How many characters the two texts begin with alike (halved until found: in C)."""
    low, high = 0, min(len(old), len(new))
    while low < high:
        middle = (low + high + 1) // 2
        if old[low:middle] == new[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _tokens_before(tokens: list[Token], at: int) -> int:
    """How many tokens, from the first, belong to words that end by `at`."""
    return bisect_right(tokens, at, key=_word_end)


def _word_end(token: Token) -> int:
    return token[3]


def _changed(old: list[Token], new: list[Token], at: int, alike: int) -> int:
    """The first token from `at` on that differs, or reads past the text read alike."""
    while at < len(old) and at < len(new) and old[at] == new[at] and new[at][3] < alike:
        at += 1
    return at


def _lines_before(lines: list[Line], changed: int) -> Iterator[Line]:
    """The lines that read no token from `changed` on."""
    for line in lines:
        if line[2] >= changed:
            return
        yield line


def _lines(
    text: str, tokens: list[Token], rooms: tuple[int, int], lines: list[Line], start: int
) -> list[Line]:
    """`lines` followed by the rest of the paragraph's, from the token `start`."""
    i, used = start, 0
    while i < len(tokens):
        size = tokens[i][2]
        room = rooms[1 if lines else 0]
        if used + size > room and i > start:
            cut = _last_break(text, tokens, start, i)
            lines.append((_trimmed(text, tokens, start, cut), start, _skip_spaces(text, tokens, i)))
            start = i = _skip_spaces(text, tokens, cut)
            used = 0
            continue
        used += size
        i += 1
    if start < len(tokens) or not lines:
        lines.append((_trimmed(text, tokens, start, len(tokens)), start, len(tokens)))
    return lines


def _tokens(text: str, room: int, at: int = 0) -> list[Token]:
    """The text's words from `at`, each measured once."""
    tokens: list[Token] = []
    for found in _WORD.finditer(text, at):
        start, end = found.span()
        if end - start == 1:  # most of a Chinese paragraph: one character, never too wide
            tokens.append((start, end, _char_width(text[start]), end))
        else:
            tokens.extend(_pieces(text, start, end, room))
    return tokens


def _pieces(text: str, start: int, end: int, room: int) -> list[Token]:
    """A word too wide for any line, cut to fit; a web address stays whole to stay usable."""
    token = text[start:end]
    size = width(token)
    if size <= room or "://" in token:
        return [(start, end, size, end)]
    pieces: list[Token] = []
    begin, used = start, 0
    for at in range(start, end):
        size = _char_width(text[at])
        if used + size > room and at > begin:
            pieces.append((begin, at, used, end))
            begin, used = at, 0
        used += size
    pieces.append((begin, end, used, end))
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
