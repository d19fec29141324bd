"""The templates' sandbox answers whether an attribute may be read once for each kind of
object and name (tui.render.environment._Environment): the same answers as Jinja's own."""

from __future__ import annotations

import collections
import datetime
from collections.abc import Iterator

import pytest
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from tui.domain.model import Attendee, CaseKind, Meeting, Point
from tui.render.environment import _Environment, environment


def _function() -> None:
    """A plain function, whose code and globals a template must not reach."""


def _generator() -> Iterator[int]:
    yield 1


OBJECTS: list[object] = [
    "text",
    Markup("<b>"),
    [1],
    {"a": 1},
    {1},
    collections.deque(),
    (1,),
    1,
    datetime.date(2026, 12, 2),
    CaseKind.MAYOR,
    Point("一"),
    Attendee("王五"),
    Meeting(1, datetime.datetime(2026, 12, 2, 10)),
    _function,
    Point("一").__eq__,
    str,
    Meeting,
    _generator(),
]
NAMES = [
    "text", "points", "name", "append", "clear", "pop", "keys", "items", "update", "add",
    "upper", "format", "mro", "__class__", "__globals__", "__code__", "func_globals",
    "gi_frame", "gi_code", "__self__", "__func__", "_private", "year", "value", "start",
]  # fmt: skip


@pytest.mark.parametrize("order", [1, -1], ids=["forward", "backward"])
def test_each_answer_is_jinja_s_own_whatever_was_asked_before(order: int) -> None:
    ours = _Environment()
    theirs = ImmutableSandboxedEnvironment()
    for _again in range(2):
        for obj in OBJECTS[::order]:
            for name in NAMES:
                value = getattr(obj, name, None)
                expected = theirs.is_safe_attribute(obj, name, value)
                assert ours.is_safe_attribute(obj, name, value) is expected, (obj, name)


def test_an_unsafe_attribute_stays_unreadable_once_a_safe_one_of_its_type_is_read() -> None:
    env = environment()
    assert env.from_string("{{ a.index(1) }}{{ b.text }}").render(a=[1], b=Point("一")) == "0一"
    for unsafe in ("{{ a.append }}", "{{ b.__class__ }}"):
        with pytest.raises(SecurityError):
            env.from_string(unsafe).render(a=[1], b=Point("一"))
