"""Stored data filled in as the model reads and writes it back, without importing the model:
each stored type's fields in order, a missing one as its default, every value checked as
codec.from_data checks it and written as codec.to_data writes it (a time in isoformat).

The types come from tui.domain.schema_table. Anything the model would read otherwise (a
shape stored as a sentence) or refuse is a Misfit: the caller reads it with the model,
which says where and why.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from tui.domain.schema_table import ENUMS, FIELDS


class Misfit(Exception):
    """Data the table does not read as the model would: read it with the model."""


Filler = Callable[[Any], Any]


def filled(kind: str, data: Any) -> Any:
    """`data` of the stored type `kind` ("Meeting") as to_data(from_data(…)) gives it."""
    return _filler(kind)(data)


_MADE: dict[str, Filler] = {}


def _filler(spec: str) -> Filler:
    found = _MADE.get(spec)
    if found is None:
        found = _MADE[spec] = _made(spec)
    return found


def _made(spec: str) -> Filler:
    if spec.endswith(" | None"):
        inner = spec.removesuffix(" | None")
        return lambda data: None if data is None else _filler(inner)(data)
    if spec.startswith("list["):
        return _list_filler(spec.removeprefix("list[").removesuffix("]"))
    if spec in _SCALARS:
        return _SCALARS[spec]
    if spec in ENUMS:
        values = frozenset(ENUMS[spec])
        return lambda data: data if type(data) is str and data in values else _misfit()
    return _record_filler(spec)


def _list_filler(item: str) -> Filler:
    def fill(data: Any) -> Any:
        if not isinstance(data, list):
            raise Misfit
        each = _filler(item)
        return [each(value) for value in data]

    return fill


def _record_filler(kind: str) -> Filler:
    fields = FIELDS[kind]
    names = frozenset(name for name, _spec, _default in fields)
    required = frozenset(name for name, _spec, default in fields if default is ...)

    def fill(data: Any) -> Any:
        if not isinstance(data, dict) or not required <= data.keys() <= names:
            raise Misfit  # also a shape stored as a sentence: the model reads it
        # Defaults go through their fillers too: every list and dict given is a new one.
        return {name: _filler(spec)(data.get(name, default)) for name, spec, default in fields}

    return fill


def _misfit() -> Any:
    raise Misfit


def _exactly(kind: type) -> Filler:
    return lambda data: data if type(data) is kind else _misfit()


def _moment(kind: type[date] | type[time]) -> Filler:
    def fill(data: Any) -> Any:
        if type(data) is not str:
            raise Misfit
        try:
            return kind.fromisoformat(data).isoformat()
        except ValueError:
            raise Misfit from None

    return fill


_SCALARS: dict[str, Filler] = {
    "str": _exactly(str),
    "int": _exactly(int),
    "bool": _exactly(bool),
    "float": _exactly(float),
    "datetime": _moment(datetime),
    "date": _moment(date),
    "time": _moment(time),
    "Any": lambda data: data,
}
