"""A paragraph with its (一)(二) points, as one text a person types or pastes, and back.

The lines before the first label are the paragraph; each line that starts with (一) or 一、
opens a point, 1. a point under it, (1) one under that; a line without a label continues
the point above it (or the paragraph). A single line that starts with (一) is also split at
(二), (三) … written in order, so that `說明=(一)甲。(二)乙。` typed on one line is two points.
Lines are joined without a space, as Chinese is written.
"""

from __future__ import annotations

import re

from tui.domain.model import Point
from tui.domain.numerals import Ladder, chinese, label, parse_label

_DEPTH = {Ladder.ITEM: 0, Ladder.SUBITEM: 0, Ladder.POINT: 1, Ladder.SUBPOINT: 2}


def read_points(text: str) -> tuple[str, list[Point]]:
    """The paragraph and its points, read from the lines of `text`."""
    lead: list[str] = []
    points: list[Point] = []
    for line in _lines(text):
        found = parse_label(line)
        depth = _DEPTH.get(found.ladder) if found else None
        if found is None or depth is None:
            _continue(lead, points, line)
        else:
            _siblings(points, depth).append(Point(found.rest.strip()))
    return "".join(lead), points


def written_points(text: str, points: list[Point]) -> str:
    """The paragraph and its points as lines that read_points reads back the same."""
    lines = [text] if text else []
    lines += _written(points, 0)
    return "\n".join(lines)


_LADDERS = (Ladder.SUBITEM, Ladder.POINT, Ladder.SUBPOINT)


def _written(points: list[Point], depth: int) -> list[str]:
    ladder = _LADDERS[min(depth, len(_LADDERS) - 1)]
    lines: list[str] = []
    for n, point in enumerate(points, start=1):
        lines.append(f"{label(ladder, n)} {point.text}")
        lines += _written(point.points, depth + 1)
    return lines


def _lines(text: str) -> list[str]:
    found: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if line:
            found.extend(_split_in_order(line))
    return found


def _split_in_order(line: str) -> list[str]:
    """(一)甲。(二)乙。 as two lines, when the line starts with (一)."""
    first = parse_label(line)
    if first is None or first.ladder is not Ladder.SUBITEM or first.number != 1:
        return [line]
    parts: list[str] = []
    start, n = 0, 2
    while found := re.compile(rf"[(（]\s*{chinese(n)}\s*[)）]").search(line, start + 1):
        parts.append(line[start : found.start()].strip())
        start, n = found.start(), n + 1
    parts.append(line[start:].strip())
    return parts


def _siblings(points: list[Point], depth: int) -> list[Point]:
    """The list a point of `depth` joins: under the last point of the level above."""
    siblings = points
    for _ in range(depth):
        if not siblings:
            break
        siblings = siblings[-1].points
    return siblings


def _continue(lead: list[str], points: list[Point], line: str) -> None:
    if not points:
        lead.append(line)
        return
    last = points[-1]
    while last.points:
        last = last.points[-1]
    last.text += line
