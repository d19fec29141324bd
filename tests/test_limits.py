"""What is too large to keep, found in one walk of a meeting or a case: the same answer
as walking every field of every value in turn (the first problem met, depth first)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tui.domain import limits
from tui.domain.limits import DEEPEST, LONGEST_TEXT, MOST_ENTRIES, oversized
from tui.domain.model import Conclusion, Item, MeetingStatus, Point


@dataclasses.dataclass
class Box:
    inside: Any = None
    name: str = ""


def walked(value: object, depth: int = 0) -> Iterator[str]:
    """Every problem, in order: the first is what oversized must say."""
    if depth > DEEPEST:
        yield f"deep {DEEPEST}"
    elif isinstance(value, str):
        if len(value) > LONGEST_TEXT:
            yield f"long {len(value)}"
    elif isinstance(value, list | tuple):
        if len(value) > MOST_ENTRIES:
            yield f"many {len(value)}"
        for element in value:
            yield from walked(element, depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from walked(getattr(value, field.name), depth + 1)


def said(problem: str | None) -> str | None:
    """oversized's words reduced to the walk's: what kind of problem, and its count."""
    if problem is None:
        return None
    if "nested" in problem:
        return f"deep {DEEPEST}"
    count = int(re.findall(r"[\d,]+", problem)[0].replace(",", ""))
    return f"long {count}" if count > LONGEST_TEXT else f"many {count}"


texts = st.sampled_from(["", "短", "x" * LONGEST_TEXT, "y" * (LONGEST_TEXT + 1)])
leaves = texts | st.integers() | st.none() | st.booleans() | st.just(MeetingStatus.DRAFT)
values = st.recursive(
    leaves,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.builds(Box, inner, texts)
        | st.builds(Point, texts, st.lists(st.builds(Point, texts), max_size=2))
    ),
    max_leaves=30,
)


@given(values)
def test_the_first_problem_is_the_walk_s(value: object) -> None:
    assert said(oversized(value)) == next(walked(value), None)


def nested(depth: int) -> object:
    value: object = "短"
    for _ in range(depth):
        value = Box(value) if depth % 2 else [value]
    return value


def test_nesting_is_refused_past_the_deepest_level_only() -> None:
    for depth in range(DEEPEST - 2, DEEPEST + 3):
        assert said(oversized(nested(depth))) == next(walked(nested(depth)), None)
    assert oversized(nested(DEEPEST)) is None
    assert oversized(nested(DEEPEST + 1)) is not None


def test_a_list_past_the_ladder_and_a_text_past_the_longest_are_named() -> None:
    agreed = [Conclusion(text="同意") for _ in range(MOST_ENTRIES + 1)]
    many = Item(title="報告事項", conclusions=agreed)
    assert f"{MOST_ENTRIES + 1:,}" in (oversized(many) or "")
    long = Item(title="報告事項", conclusions=[Conclusion(text="長" * (LONGEST_TEXT + 1))])
    assert f"{LONGEST_TEXT + 1:,}" in (oversized(long) or "")


def test_each_type_s_fields_are_found_once() -> None:
    oversized(Item(title="報告事項", conclusions=[Conclusion(text="同意")]))
    assert limits._FIELDS[Conclusion] == tuple(f.name for f in dataclasses.fields(Conclusion))
