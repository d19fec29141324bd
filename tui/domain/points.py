"""A text with its points, as a person types it: a lead paragraph, then a (一)(二)… list with
1. and (1) below, one point a line; and back, for the box and the user's own editor.

Reading follows the labels, not the spaces: the first rung met is the top of the list, a rung
not met yet is one level in, a rung met before goes back to its level. A line without a label
continues what is above it (the lead, or the last point), its line kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.dataclass_cache import dataclass, field
from tui.domain.model import Point
from tui.domain.numerals import Ladder, label, parse_label

# The rungs of a report's, a progress report's or a block's points: (一) 1. (1)
REPORT_RUNGS = (Ladder.SUBITEM, Ladder.POINT, Ladder.SUBPOINT)
# A conclusion is itself (一) of its item's list: its points are 1. and (1)
CONCLUSION_RUNGS = (Ladder.POINT, Ladder.SUBPOINT)
_LIST_RUNGS = (Ladder.ITEM, Ladder.SUBITEM, Ladder.POINT, Ladder.SUBPOINT)
_ORDER = {rung: n for n, rung in enumerate(Ladder)}
INDENT = "  "


@dataclass
class Written:
    """What a person typed, read: the lead text and its points."""

    text: str
    points: list[Point] = field(default_factory=list)


@dataclass
class _Level:
    """The points typed so far at one rung of the numerals."""

    rung: Ladder
    points: list[Point]


def read_points(typed: str) -> Written:
    """The lead and the points of what was typed (empty points are left out)."""
    lead: list[str] = []
    top: list[Point] = []
    levels: list[_Level] = []
    last: Point | None = None
    for line in typed.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        found = parse_label(line)
        if found is not None and found.ladder in _LIST_RUNGS:
            last = Point(found.rest.strip())
            _level_for(levels, top, found.ladder).points.append(last)
        elif last is not None:
            last.text = _joined(last.text, line.strip())
        else:
            lead.append(line.strip())
    return Written("\n".join(lead).strip("\n"), _without_empty(top))


def _level_for(levels: list[_Level], top: list[Point], rung: Ladder) -> _Level:
    """The level a point on `rung` goes to, opening or closing levels as the labels say."""
    for depth, level in enumerate(levels):
        if level.rung is rung:
            del levels[depth + 1 :]
            return level
    while levels and _ORDER[levels[-1].rung] > _ORDER[rung]:
        levels.pop()  # a rung above the open one, not met yet: beside the level it fits in
    holder = levels[-1].points if levels else top
    points = holder[-1].points if levels and holder else top
    levels.append(_Level(rung, points))
    return levels[-1]


def _joined(text: str, line: str) -> str:
    if not line:
        return text
    return f"{text}\n{line}" if text else line


def _without_empty(points: list[Point]) -> list[Point]:
    kept = []
    for point in points:
        point.points = _without_empty(point.points)
        if point.text or point.points:
            kept.append(point)
    return kept


def write_points(
    text: str, points: Sequence[Point], rungs: Sequence[Ladder] = REPORT_RUNGS, indent: str = INDENT
) -> str:
    """The lead and its points as they are typed, one point a line, deeper ones indented;
    read_points gives them back."""
    lines = [text] if text else []
    lines += _point_lines(points, rungs, 0, indent)
    return "\n".join(lines)


def _point_lines(
    points: Sequence[Point], rungs: Sequence[Ladder], depth: int, indent: str
) -> list[str]:
    rung = rungs[min(depth, len(rungs) - 1)]
    lines: list[str] = []
    for n, point in enumerate(points, start=1):
        first, *more = point.text.split("\n") if point.text else [""]
        lines.append(f"{indent * depth}{label(rung, n)} {first}".rstrip())
        lines += [f"{indent * (depth + 1)}{line}" for line in more]
        if depth + 1 < len(rungs):
            lines += _point_lines(point.points, rungs, depth + 1, indent)
        else:  # deeper than the rungs go: kept as lines of the point above
            lines += [f"{indent * (depth + 1)}{line}" for line in _flat(point.points)]
    return lines


def _flat(points: Sequence[Point]) -> list[str]:
    return [line for p in points for line in [p.text, *_flat(p.points)] if line]


def first_words(text: str, points: Sequence[Point]) -> str:
    """What a summary quotes: the lead, else the first point."""
    if text or not points:
        return text
    return first_words(points[0].text, points[0].points)


def copied(points: Sequence[Point]) -> list[Point]:
    """The points and their sub-points, none shared with those given."""
    return [Point(p.text, copied(p.points)) for p in points]


def as_one_text(text: str, points: Sequence[Point], rungs: Sequence[Ladder] = REPORT_RUNGS) -> str:
    """The lead and its points as one text, for a field that holds text only (an agenda's
    辦理情形): each point on a line of its own, labelled, not indented."""
    return write_points(text, points, rungs, indent="")
