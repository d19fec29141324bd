"""Attendance as other offices write it: names split by 、 or by spaces, notes in brackets of
either width, proxies as a suffix (黃○燦魏○代), and head counts (委員出席 12 人)."""

from __future__ import annotations

import re

from tui.domain.attendance import AS_SIGNED, STANDS_IN
from tui.domain.model import Attendance, Attendee

_LISTED = re.compile(r"[、，,；;（(]")
_SEPARATOR = re.compile(r"\s*[、，,；;]\s*(?![^（(]*[)）])")
_SPACES = re.compile(r"[\s\u3000]+(?![^（(]*[)）])")
_PERSON = re.compile(r"^(?P<name>[^（()）]+?)\s*(?:[（(](?P<note>[^()（）]*)[)）])?$")
COUNT = re.compile(r"[0-9０-９一二三四五六七八九十]+\s*[人位名]")
# 黃○燦魏○代 or 黃科長○燦魏○代: a name (after its title) of two or three characters, then
# who stood in.
_TITLED_PROXY = re.compile(
    r"^(?P<name>\S*?(?:長|主任|委員|秘書|專員|視察|參議|主秘)\S{2})(?P<stand_in>\S{2,3})代$"
)
_SUFFIX_PROXY = re.compile(r"^(?P<name>\S{3})(?P<stand_in>\S{2,3})代$")


def attendance(present: str, observers: str, absent: str) -> tuple[Attendance, list[str]]:
    """The attendance, and the head counts found among the names (kept as notes)."""
    counts: list[str] = []
    listed = bool(_LISTED.search(present)) or len(_SPACES.split(present.strip())) > 1
    found = Attendance(
        present_as_text="" if listed else present,
        present=attendees(present, counts) if listed else [],
        observers=attendees(observers, counts),
        absent=attendees(absent, counts),
    )
    return found, counts


def attendees(text: str, counts: list[str] | None = None) -> list[Attendee]:
    text = text.strip()
    parts = _SEPARATOR.split(text) if _SEPARATOR.search(text) else _SPACES.split(text)
    found: list[Attendee] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if COUNT.search(part) and counts is not None:
            counts.append(part)
            continue
        found.append(_attendee(part))
    return found


def _attendee(text: str) -> Attendee:
    match = _PERSON.match(text)
    if match is None:
        return Attendee(text)
    name, note = match["name"].strip(), (match["note"] or "").strip()
    if note.endswith(STANDS_IN) and note != STANDS_IN:
        return Attendee(name, stand_in=note.removesuffix(STANDS_IN))
    proxy = None if note or name == AS_SIGNED else _TITLED_PROXY.match(name)
    proxy = proxy or (None if note else _SUFFIX_PROXY.match(name))
    if proxy:
        return Attendee(proxy["name"], stand_in=proxy["stand_in"])
    return Attendee(name, note)
