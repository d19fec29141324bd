"""Text as an operation may store it: cleaned once, where it comes in."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tui.domain.codec import ShapeError, from_data
from tui.domain.model import Point
from tui.domain.text import without_controls
from tui.edits.errors import EditError


def clean_text(text: str, *, multiline: bool = False) -> str:
    """No terminal sequences, control or bidi characters; one line unless multiline."""
    return without_controls(text, one_line=not multiline).strip()


def clean_points(value: Iterable[Any] | None) -> tuple[Point, ...] | None:
    """Points as an operation keeps them: Point objects (a log gives dicts), each text
    cleaned, its lines kept."""
    if value is None:
        return None
    return tuple(_point(v) for v in value)


def _point(value: Any) -> Point:
    if not isinstance(value, Point):
        try:
            value = from_data(Point, value)
        except ShapeError as error:
            raise EditError(str(error)) from None
    return Point(clean_text(value.text, multiline=True), [_point(p) for p in value.points])
