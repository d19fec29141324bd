"""The office's units (組室) as they appear in running text."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

# Short names the record uses for a unit.
ABBREVIATIONS = {"公管中心": "公共事務管理中心"}


@functools.cache  # compiled when first used (tui.domain.written_places)
def _asked() -> re.Pattern[str]:
    return re.compile(r"請([^，。、；\s「」]{2,12}?(?:組|室|中心|科|課|處|局))")


def owner_in(text: str, units: Sequence[str]) -> str:
    """The unit a conclusion asks to act ("請總務組…"), or "" when it names none."""
    for match in _asked().finditer(text):
        unit = unit_named(match[1], units) or unit_at_start(match[1], units)
        if unit:
            return unit
    return ""


def unit_named(name: str, units: Sequence[str]) -> str:
    full = ABBREVIATIONS.get(name, name)
    return full if full in units or not units else ""


def unit_at_start(text: str, units: Sequence[str]) -> str:
    """The unit a speaker or phrase starts with: 國際事務組陳組長 → 國際事務組."""
    names = sorted([*units, *ABBREVIATIONS], key=len, reverse=True)
    for name in names:
        if text.startswith(name):
            return ABBREVIATIONS.get(name, name)
    return ""
