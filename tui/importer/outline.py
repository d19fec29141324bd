"""Where the numbered lines of an item go: a list of conclusions or of points, nested by ladder."""

from __future__ import annotations

from collections.abc import Callable

from tui.dataclass_cache import dataclass
from tui.domain.model import Conclusion, Point
from tui.domain.numerals import Ladder

_DEPTH = {ladder: depth for depth, ladder in enumerate(Ladder)}

Entry = Conclusion | Point


@dataclass
class OpenList:
    """The list a label line may extend: conclusions of an item, or points of a report or block."""

    entries: list[Conclusion] | list[Point]
    make: Callable[[str], Entry]
    ladder: Ladder | None = None
    accepts_text: Callable[[str], None] | None = (
        None  # where a bare paragraph goes before any entry
    )

    def takes(self, ladder: Ladder, number: int) -> bool:
        if self.ladder is None:
            return True
        if ladder == self.ladder:
            return number == len(self.entries) + 1
        return _DEPTH[ladder] > _DEPTH[self.ladder] and bool(self.entries)

    def add(self, ladder: Ladder, text: str) -> None:
        if self.ladder is None:
            self.ladder = ladder
        if ladder == self.ladder:
            self.entries.append(self.make(text))  # type: ignore[arg-type]
            return
        _nest(self.entries[-1], _DEPTH[ladder] - _DEPTH[self.ladder], text)

    def last_text_holder(self) -> Entry | None:
        return _deepest(self.entries[-1]) if self.entries else None


def _nest(entry: Entry, depth: int, text: str) -> None:
    holder: Entry = entry
    for _ in range(depth - 1):
        if not holder.points:
            break
        holder = holder.points[-1]
    holder.points.append(Point(text))


def _deepest(entry: Entry) -> Entry:
    while entry.points:
        entry = entry.points[-1]
    return entry


def conclusion_list(conclusions: list[Conclusion]) -> OpenList:
    def accept(text: str) -> None:
        conclusions.append(Conclusion(text))

    return OpenList(conclusions, Conclusion, accepts_text=accept)


def point_list(points: list[Point], accept: Callable[[str], None] | None = None) -> OpenList:
    return OpenList(points, Point, accepts_text=accept)
