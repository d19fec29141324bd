"""What a search matches: the letters and digits of a text, case-folded, in order.

Chinese has no spaces between words, so a text is indexed by its single characters (for
one-character queries) and by each pair of neighbours (for longer ones): a query of n
characters asks for the rows holding all of its n-1 pairs, found however the text is cut
into words; the index keeps no positions, so each row is then checked against its text.
Spaces and punctuation are left out on both sides, so "第3099次" finds "第 3099 次", and
full-width letters and digits count as their ASCII selves, so "101" finds "第１０１次".
"""

from __future__ import annotations

import operator
import re
from functools import lru_cache

from tui.i18n import _

_NOT_LETTERS = re.compile(r"[\W_]+")  # what str.isalnum() rejects, and the underscore
# Full-width letters and digits (１０１, ＡＢＣ), common in government text, as their ASCII
# selves: one character for one, so offsets into the text stay where they were.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


class QueryError(ValueError):
    """A query with nothing to look for."""


def folded(text: str) -> str:
    return _NOT_LETTERS.sub("", text.translate(_HALF_WIDTH).casefold())


_folded_char = lru_cache(maxsize=1 << 14)(folded)  # a row's text is checked letter by letter


def grams(text: str) -> tuple[str, str]:
    """The characters and the neighbouring pairs of `text`, each list space-separated."""
    letters = folded(text)
    return " ".join(letters), " ".join(map(operator.add, letters, letters[1:]))


def match_expression(query: str) -> tuple[str, str]:
    """The FTS5 table to ask and its query: one character, or every one of the pairs."""
    letters = folded(query)
    if not letters:
        raise QueryError(
            _("nothing to search for in {query!r}: give letters or digits").format(query=query)
        )
    if len(letters) == 1:
        return "chars", f'"{letters}"'
    pairs = dict.fromkeys(map(operator.add, letters, letters[1:]))
    return "pairs", " ".join(f'"{pair}"' for pair in pairs)


def spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where `query` occurs in `text`, as (start, end) offsets into `text`."""
    wanted = folded(query)
    if not wanted:
        return []
    if wanted not in folded(text):
        return []
    letters: list[str] = []
    origin: list[int] = []  # the offset in text of each letter
    for index, char in enumerate(text):
        for letter in _folded_char(char):
            letters.append(letter)
            origin.append(index)
    flat = "".join(letters)
    found: list[tuple[int, int]] = []
    start = flat.find(wanted)
    while start >= 0:
        end = start + len(wanted)
        found.append((origin[start], origin[end - 1] + 1))
        start = flat.find(wanted, end)
    return found
