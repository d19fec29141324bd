"""Plain JSON-able dicts to and from the model's dataclasses, checked on the way in."""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from datetime import date, datetime, time
from functools import cache
from typing import Any, TypeVar

from tui.i18n import _

T = TypeVar("T")


class ShapeError(ValueError):
    """Stored data that does not have the shape of the model."""


def to_data(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: to_data(getattr(value, name)) for name in _stored(type(value))}
    if isinstance(value, list):
        return [to_data(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date | time):  # datetime is a date
        return value.isoformat()
    return value


def from_data(cls: type[T], data: Any, where: str = "") -> T:
    return typing.cast(T, _convert(cls, data, where or cls.__name__))


@cache
def _hints(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {name: hints[name] for name in _stored(cls)}


@cache
def _stored(cls: type) -> tuple[str, ...]:
    """The fields kept in stored data: all but those marked {"stored": False}."""
    fields = dataclasses.fields(cls)
    return tuple(f.name for f in fields if f.metadata.get("stored", True))


def _convert(kind: Any, data: Any, where: str) -> Any:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return _convert_optional(kind, data, where)
    if origin is list:
        return _convert_list(typing.get_args(kind)[0], data, where)
    if dataclasses.is_dataclass(kind):
        return _convert_dataclass(kind, data, where)
    return _convert_scalar(kind, data, where)


def _convert_optional(kind: Any, data: Any, where: str) -> Any:
    options = [a for a in typing.get_args(kind) if a is not type(None)]
    if data is None:
        return None
    return _convert(options[0], data, where)


def _convert_list(kind: Any, data: Any, where: str) -> list[Any]:
    if not isinstance(data, list):
        raise ShapeError(
            _("{where}: expected a list, found {found}").format(
                where=where, found=type(data).__name__
            )
        )
    return [_convert(kind, v, f"{where}[{i}]") for i, v in enumerate(data)]


def _convert_dataclass(kind: Any, data: Any, where: str) -> Any:
    if isinstance(data, str) and hasattr(kind, "from_text"):
        return kind.from_text(data)  # a shape stored as a sentence before it had fields
    if not isinstance(data, dict):
        raise ShapeError(
            _("{where}: expected an object, found {found}").format(
                where=where, found=type(data).__name__
            )
        )
    hints = _hints(kind)
    unknown = set(data) - set(hints)
    if unknown:
        raise ShapeError(
            _("{where}: unknown field {field!r}").format(where=where, field=sorted(unknown)[0])
        )
    values = {
        name: _convert(hints[name], data[name], f"{where}.{name}") for name in hints if name in data
    }
    try:
        return kind(**values)
    except TypeError as error:
        raise ShapeError(f"{where}: {error}") from None


_PARSERS: dict[type, Any] = {
    datetime: datetime.fromisoformat,
    date: date.fromisoformat,
    time: time.fromisoformat,
}


def _convert_scalar(kind: Any, data: Any, where: str) -> Any:
    try:
        if kind in _PARSERS:
            if not isinstance(data, str):
                raise TypeError
            return _PARSERS[kind](data)
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return kind(data)
        if kind is Any or (isinstance(kind, type) and type(data) is kind):
            return data
    except (TypeError, ValueError):
        pass
    name = getattr(kind, "__name__", str(kind))
    raise ShapeError(
        _("{where}: expected {name}, found {found}").format(
            where=where, name=name, found=f"{data!r:.40}"
        )
    )
