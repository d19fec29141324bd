"""What a person reads must be in the office's notation: no ISO date (2021-07-31), no
place numbered like a decimal (2.1). Used on rendered screens and the commands' output."""

from __future__ import annotations

import re
from collections.abc import Iterable

ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
DOTTED_PLACE = re.compile(r"\b\d+\.\d+\b")


def offences(where: str, text: str, content: Iterable[str] = ()) -> list[str]:
    """Each line of `text` holding an ISO date or an x.y place, named by `where`; a line
    holding one of `content` (a decimal that is the record's own words) is let be."""
    allowed = tuple(content)
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if any(words in line for words in allowed):
            continue
        for pattern, what in ((ISO_DATE, "ISO date"), (DOTTED_PLACE, "x.y place")):
            if hit := pattern.search(line):
                found.append(f"{where}, line {number}: {what} {hit[0]!r} in {line.strip()!r}")
    return found
