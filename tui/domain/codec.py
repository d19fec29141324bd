"""Plain JSON-able dicts to and from the model's dataclasses, checked on the way in.

Reading is done by a converter built once per type, which only says whether the data fits;
data that does not is read again by the explaining converter, which says where and why.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Callable
from datetime import date, datetime, time
from functools import cache
from typing import Any, TypeVar

from tui.domain.field_types import field_types
from tui.i18n import _

T = TypeVar("T")


class ShapeError(ValueError):
    """Stored data that does not have the shape of the model."""


_PLAIN = frozenset({str, int, float, bool, type(None)})


def to_data(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list:  # the plain values of a list or a dataclass kept as they are, uncalled
        return [v if type(v) in _PLAIN else to_data(v) for v in value]
    names = _FIELDS.get(kind) if kind in _FIELDS else _fields_of(kind)
    if names is not None:
        found = {name: getattr(value, name) for name in names}
        for name, v in found.items():
            if type(v) not in _PLAIN:
                found[name] = to_data(v)
        return found
    if isinstance(value, list):
        return [to_data(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date | time):  # datetime is a date
        return value.isoformat()
    return value


def from_data(cls: type[T], data: Any, where: str = "") -> T:
    try:
        return typing.cast(T, _reader(typing.cast(Any, cls))(data))
    except Exception:  # read again below, to say what does not fit
        pass
    return typing.cast(T, _convert(cls, data, where or cls.__name__))


_FIELDS: dict[type, tuple[str, ...] | None] = {}  # each type's stored fields, None if no dataclass


def _fields_of(kind: type) -> tuple[str, ...] | None:
    found = _FIELDS[kind] = _stored(kind) if dataclasses.is_dataclass(kind) else None
    return found


@cache
def _hints(cls: type) -> dict[str, Any]:
    hints = field_types(cls)
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


# -- the converter built once per type ---------------------------------------------------


class _Misfit(Exception):
    """The data does not fit; the explaining converter says how."""


Reader = Callable[[Any], Any]


@cache
def _reader(kind: Any) -> Reader:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        inner = _reader(next(a for a in typing.get_args(kind) if a is not type(None)))
        return lambda data: None if data is None else inner(data)
    if origin is list:
        return _list_reader(_reader(typing.get_args(kind)[0]))
    if dataclasses.is_dataclass(kind):
        return _dataclass_reader(kind)
    return _scalar_reader(kind)


def _list_reader(item: Reader) -> Reader:
    def read(data: Any) -> Any:
        if not isinstance(data, list):
            raise _Misfit
        return [item(v) for v in data]

    return read


def _dataclass_reader(kind: Any) -> Reader:
    names = frozenset(_hints(kind))
    fields: dict[str, Reader] = {}  # built at the first read: a Point holds Points

    def read(data: Any) -> Any:
        if not isinstance(data, dict) or not data.keys() <= names:
            raise _Misfit
        if not fields:
            fields.update((name, _reader(hint)) for name, hint in _hints(kind).items())
        return kind(**{name: fields[name](value) for name, value in data.items()})

    return read


def _scalar_reader(kind: Any) -> Reader:
    parser = _PARSERS.get(kind)
    if parser is not None:
        return lambda data: parser(data) if type(data) is str else _misfit()
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind
    if kind is Any:
        return lambda data: data
    return lambda data: data if type(data) is kind else _misfit()


def _misfit() -> Any:
    raise _Misfit


# -- data the codec wrote, filled in without building objects -----------------------------


def plain_data(cls: type[T], data: Any, where: str = "") -> Any:
    """`data` as to_data(from_data(cls, data)) gives it, for data written by to_data (every
    field in order, a missing one as its default) without building the objects: for a listing
    of thousands. Its shape is checked; its values are taken as they are."""
    try:
        return _filler(typing.cast(Any, cls))(data)
    except Exception:  # the explaining converter says what does not fit
        return to_data(from_data(cls, data, where))


def _same(data: Any) -> Any:
    return data


@cache
def _filler(kind: Any) -> Reader:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        inner = _filler(next(a for a in typing.get_args(kind) if a is not type(None)))
        return _same if inner is _same else lambda data: None if data is None else inner(data)
    if origin is list:
        return _list_reader(_filler(typing.get_args(kind)[0]))
    if dataclasses.is_dataclass(kind):
        return _dataclass_filler(kind)
    return _same


def _dataclass_filler(kind: Any) -> Reader:
    names = frozenset(_hints(kind))
    fields = {f.name: f for f in dataclasses.fields(kind) if f.name in names}
    required = frozenset(n for n, f in fields.items() if _no_default(f))
    nested: list[tuple[str, Reader]] = []  # built at the first fill: a Point holds Points
    blank: dict[str, Any] = {}

    def fill(data: Any) -> Any:
        if not isinstance(data, dict) or not required <= data.keys() <= names:
            raise _Misfit
        if not blank:
            blank.update({n: _default(f) for n, f in fields.items()})
            found = ((n, _filler(hint)) for n, hint in _hints(kind).items())
            nested.extend((n, f) for n, f in found if f is not _same)
        filled = {**blank, **data}
        for name, field in nested:
            value = filled[name]
            filled[name] = [] if value == [] else field(value)  # most lists are empty
        return filled

    return fill


def _no_default(field: dataclasses.Field[Any]) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def _default(field: dataclasses.Field[Any]) -> Any:
    if field.default_factory is not dataclasses.MISSING:
        return to_data(field.default_factory())
    return None if field.default is dataclasses.MISSING else to_data(field.default)
