"""What Enter and ctrl+j do to the lines in the box, when a text has points (Textual-free).

Enter on a point begins the next point at its level; Enter on an empty point takes it one
level out, and at the top ends the entry (the empty point dropped); Enter on a line that is
no point ends the entry. ctrl+j begins a point one level in (on a line that is no point: the
first point of the list). The labels are renumbered as points come and go; reading the text
(tui/domain/points.py) follows the labels' rungs, not their numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.dataclass_cache import dataclass
from tui.domain.numerals import Ladder, label, parse_label
from tui.domain.points import INDENT

_ORDER = {rung: n for n, rung in enumerate(Ladder)}
_LIST_RUNGS = (Ladder.ITEM, Ladder.SUBITEM, Ladder.POINT, Ladder.SUBPOINT)


@dataclass(frozen=True)
class Lines:
    """The box's text after a key, and where the cursor goes (row, column)."""

    text: str
    cursor: tuple[int, int]
    finished: bool = False  # the entry ends


@dataclass(frozen=True)
class _Labelled:
    """A typed line read as a numbered point: its indent, numeral rung, number and text."""

    indent: str
    rung: Ladder
    number: int
    rest: str

    def line(self, number: int | None = None, rest: str | None = None) -> str:
        text = self.rest if rest is None else rest
        return f"{self.indent}{label(self.rung, number or self.number)} {text}"

    @property
    def prefix(self) -> int:
        return len(self.line(rest=""))


def _labelled(line: str) -> _Labelled | None:
    found = parse_label(line)
    if found is None or found.ladder not in _LIST_RUNGS:
        return None
    indent = line[: len(line) - len(line.lstrip(" \u3000\t"))]
    return _Labelled(indent, found.ladder, found.number, found.rest)


def enter(text: str, row: int, column: int) -> Lines:
    lines = text.split("\n")
    here = _labelled(lines[row])
    if here is None:
        return Lines(text, (row, column), finished=True)
    if not here.rest.strip():
        return _out(lines, row, here)
    line = lines[row]
    split = max(column, here.prefix)
    lines[row] = line[:split].rstrip()
    lines.insert(row + 1, here.line(here.number + 1, line[split:].strip()))
    return _renumbered(lines, row + 1, end=False)


def _out(lines: list[str], row: int, here: _Labelled) -> Lines:
    parent = _parent(lines, row, here)
    if parent is None:
        del lines[row]
        last = max(row - 1, 0)
        return Lines("\n".join(lines), (last, len(lines[last]) if lines else 0), finished=True)
    lines[row] = parent.line(parent.number + 1, "")
    return _renumbered(lines, row, end=True)


def _parent(lines: list[str], row: int, here: _Labelled) -> _Labelled | None:
    for line in reversed(lines[:row]):
        above = _labelled(line)
        if above is None or above.rung is here.rung:
            continue
        if len(above.indent) < len(here.indent) or _ORDER[above.rung] < _ORDER[here.rung]:
            return above
    return None


def point_in(text: str, row: int, rungs: Sequence[Ladder]) -> Lines:
    lines = text.split("\n")
    here = _labelled(lines[row])
    if here is None:
        new = _Labelled("", rungs[0], 1, "")
    else:
        at = rungs.index(here.rung) + 1 if here.rung in rungs else len(rungs)
        rung = rungs[min(at, len(rungs) - 1)]
        new = _Labelled(here.indent + INDENT, rung, 1, "")
    lines.insert(row + 1, new.line())
    return _renumbered(lines, row + 1, end=True)


def _renumbered(lines: list[str], row: int, *, end: bool) -> Lines:
    """Every label numbered in order within its level; the cursor on `row`, after its label
    (or at its end)."""
    levels: list[tuple[Ladder, int]] = []
    for n, line in enumerate(lines):
        found = _labelled(line)
        if found is None:
            continue
        number = _count(levels, found.rung)
        lines[n] = found.line(number)
    here = _labelled(lines[row])
    column = len(lines[row]) if end or here is None else here.prefix
    return Lines("\n".join(lines), (row, column))


def _count(levels: list[tuple[Ladder, int]], rung: Ladder) -> int:
    for depth, (open_rung, count) in enumerate(levels):
        if open_rung is rung:
            del levels[depth + 1 :]
            levels[depth] = (rung, count + 1)
            return count + 1
    while levels and _ORDER[levels[-1][0]] > _ORDER[rung]:
        levels.pop()
    levels.append((rung, 1))
    return 1
