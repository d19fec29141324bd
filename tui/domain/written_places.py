"""A place as the record writes it: "2.1" is 貳、一. Apart from `places`, which reads
meetings, so that a search's listing writes its places without importing the model."""

from __future__ import annotations

import functools
import re

from tui.domain.numerals import chinese, formal


# Compiled when first used, as each pattern of the domain that most commands never read:
# a command pays for what it reads (compiling this one is 0.2-0.7 ms).
@functools.cache
def arabic_place() -> re.Pattern[str]:
    return re.compile(r"(?P<section>[0-9]+)(?:\s*[.、,]\s*(?P<item>[0-9]+))?")


def written_place(place: str) -> str:
    """ "2.1" as the record writes it, 貳、一; "2" (a section that is itself an item) as 貳.
    Anything else is given back as it is."""
    found = arabic_place().fullmatch(place)
    if found is None or int(found["section"]) < 1:
        return place
    section = formal(int(found["section"]))
    if found["item"] is None:
        return section
    item = int(found["item"])
    return f"{section}、{chinese(item)}" if item >= 1 else place
