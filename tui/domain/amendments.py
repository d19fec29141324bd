"""修正之點: the corrections a record is confirmed with (修正後確定). Each says where, the
words the record has and the words meant; it is made in the record, and the reading
meeting's 宣讀 item says it the way records say it:
「修正後確定，修正之點：貳、一「同意備查」修正為「准予備查」。」"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from tui.dataclass_cache import dataclass
from tui.domain.model import Amendment, Conclusion, Item, Meeting, Point
from tui.domain.places import PlaceError, item_at, parse_place, written_place

CONFIRMED = "紀錄確定。"
AMENDED = "修正後確定"


def said(amendment: Amendment) -> str:
    """貳、一「舊」修正為「新」, 貳、一「舊」等字刪除, or the correction as it was given."""
    if amendment.note:
        return amendment.note.rstrip("。")
    where = written_place(amendment.place)
    if not amendment.new:
        return f"{where}「{amendment.old}」等字刪除"
    return f"{where}「{amendment.old}」修正為「{amendment.new}」"


def confirmation_conclusion(amendments: Sequence[Amendment]) -> Conclusion:
    """What the reading meeting concludes under 宣讀: 紀錄確定。 or 修正後確定 and the points."""
    if not amendments:
        return Conclusion(CONFIRMED)
    if len(amendments) == 1:
        return Conclusion(f"{AMENDED}，修正之點：{said(amendments[0])}。")
    return Conclusion(f"{AMENDED}，修正之點如下：", [Point(f"{said(a)}。") for a in amendments])


def says_confirmation(conclusion: Conclusion) -> bool:
    """A conclusion that says the last record was confirmed (typed, or written by confirm)."""
    return conclusion.text.startswith((CONFIRMED.rstrip("。"), AMENDED))


# -- making a correction in the record ------------------------------------------------


@dataclass(frozen=True)
class TextChange:
    """One text of an item as the correction found it and as it left it."""

    item: str  # the item's id
    path: str  # the text inside the item: "title", "conclusions.0.points.1.text" …
    before: str
    after: str

    def stored(self) -> dict[str, str]:
        return {"item": self.item, "path": self.path, "before": self.before, "after": self.after}


def item_of(record: Meeting, place: str) -> Item | None:
    """The record's item at `place` (written or numbered); None when there is none."""
    try:
        return item_at(record, place)[1]
    except PlaceError:
        return None


def normal_place(place: str) -> str:
    """ "貳、一" as "2.1"; "" when it is no place."""
    try:
        return parse_place(place)
    except PlaceError:
        return ""


def amend(item: Item, old: str, new: str) -> list[TextChange]:
    """Every text of `item` with `old` in it, `old` replaced by `new`; [] when none has it."""
    changes: list[TextChange] = []
    for path, text in texts(item):
        if old in text:
            after = text.replace(old, new)
            set_text(item, path, after)
            changes.append(TextChange(item.id, path, text, after))
    return changes


def texts(item: Item) -> Iterator[tuple[str, str]]:
    """The item's texts a reader reads, each with its path inside the item."""
    yield "title", item.title
    for b, block in enumerate(item.blocks):
        yield from _with_points(f"blocks.{b}", block.text, block.points)
    for r, report in enumerate(item.reports):
        yield from _with_points(f"reports.{r}", report.text, report.points)
    for c, conclusion in enumerate(item.conclusions):
        yield from _with_points(f"conclusions.{c}", conclusion.text, conclusion.points)


def _with_points(path: str, text: str, points: list[Point]) -> Iterator[tuple[str, str]]:
    yield f"{path}.text", text
    for p, point in enumerate(points):
        yield from _with_points(f"{path}.points.{p}", point.text, point.points)


def text_at(item: Item, path: str) -> str | None:
    owner, name = _owner(item, path)
    value = getattr(owner, name, None) if owner is not None else None
    return value if isinstance(value, str) else None


def set_text(item: Item, path: str, text: str) -> None:
    owner, name = _owner(item, path)
    if owner is not None:
        setattr(owner, name, text)


def _owner(item: Item, path: str) -> tuple[Any, str]:
    """The object holding the text at `path`, and the text's field name."""
    *steps, name = path.split(".")
    found: Any = item
    try:
        for step in steps:
            found = found[int(step)] if step.isdigit() else getattr(found, step)
    except (AttributeError, IndexError, TypeError):
        return None, name
    return found, name
