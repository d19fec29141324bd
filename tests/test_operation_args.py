"""What the log keeps of an operation is what dataclasses.asdict gives, for every operation
(issue 18: `args` no longer deep-copies each value, which loaded the copy module)."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tui.edits.ops  # noqa: F401  (registers every operation)
from tui.edits.operation import OPERATIONS

JSON_LIKE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)
_LATER: dict[type, st.SearchStrategy[Any]] = {}  # one strategy a class: points hold points


def values_of(hint: Any) -> st.SearchStrategy[Any]:
    if hint is Any:
        return JSON_LIKE
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is list:
        return st.lists(values_of(args[0]), max_size=3)
    if origin is dict:
        return st.dictionaries(values_of(args[0]), values_of(args[1]), max_size=3)
    if origin is tuple and args[1:] == (Ellipsis,):
        return st.lists(values_of(args[0]), max_size=3).map(tuple)
    if origin is tuple:
        return st.tuples(*map(values_of, args))
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*map(values_of, args))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _LATER.setdefault(hint, st.deferred(lambda: instances_of(hint)))
    return st.from_type(hint)


def instances_of(cls: type) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    return st.builds(cls, **{f.name: values_of(hints[f.name]) for f in fields})


@pytest.mark.parametrize("name", sorted(set(OPERATIONS) - {"import_record"}))  # its own args
def test_an_operation_s_args_are_its_fields_as_asdict_gives_them(name: str) -> None:
    @settings(max_examples=20, suppress_health_check=list(HealthCheck), deadline=None)
    @given(instances_of(OPERATIONS[name]))
    def check(op: Any) -> None:
        args = op.args()
        assert args == dataclasses.asdict(op)
        assert [type(v) for v in args.values()] == [
            type(v) for v in dataclasses.asdict(op).values()
        ]
        for name, value in args.items():  # the log's copy, not the operation's own lists
            if isinstance(value, list | dict):
                assert value is not getattr(op, name)

    check()
