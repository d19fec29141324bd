"""The fields' types read without typing.get_type_hints (tui.domain.field_types) are what it
gives, for every dataclass of agenda and for the forms an annotation may take."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import pkgutil
import typing
from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Literal, TypeAlias

import pytest

import tui
from tui.domain.field_types import _read, field_types
from tui.domain.model import Point


def agenda_s_dataclasses() -> list[type]:
    """Every dataclass of agenda's modules but the app's (whose modules need Textual)."""
    names = [m.name for m in pkgutil.walk_packages(tui.__path__, "tui.")]
    modules = [
        importlib.import_module(name)
        for name in names
        if not name.startswith("tui.app") and name != "tui.__main__"
    ]
    found = {
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, type)
        and dataclasses.is_dataclass(value)
        and value.__module__.startswith("tui.")
    }
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


@pytest.mark.parametrize("cls", agenda_s_dataclasses(), ids=lambda cls: cls.__qualname__)
def test_every_dataclass_s_fields_are_typed_as_get_type_hints_types_them(cls: type) -> None:
    try:
        expected = typing.get_type_hints(cls)
    except NameError:  # a name imported for the type checker alone: neither reads it
        with pytest.raises(NameError):
            field_types(cls)
        return
    if cls.__qualname__ in LEFT_TO_GET_TYPE_HINTS:
        assert field_types(cls) == expected
    else:
        assert _read(cls) == expected  # read here, not by the fallback


# Annotations not written as text (their module has no `from __future__ import annotations`).
LEFT_TO_GET_TYPE_HINTS = {"Decisions"}


def test_the_model_s_classes_are_read_here_not_left_to_get_type_hints() -> None:
    from tui.domain import model

    classes = [
        value
        for value in vars(model).values()
        if dataclasses.is_dataclass(value) and value.__module__ == model.__name__
    ]
    assert len(classes) >= 18
    for cls in classes:
        assert isinstance(cls, type)
        _read(cls)  # raises for a form left to get_type_hints


@dataclasses.dataclass
class Forms:
    plain: str
    maybe: int | None
    listed: list[Point]
    mapped: dict[str, Any]
    many: tuple[int, ...]
    called: Callable[[str, int], bool]
    nothing_in: Callable[[], None]
    dotted: typing.Optional[dataclasses.Field[int]]  # noqa: UP045 (a dotted name, on purpose)
    nested: list[dict[str, list[Point | None]]]
    none: None
    counted: ClassVar[int] = 0


def test_each_form_is_read_as_eval_reads_it() -> None:
    assert _read(Forms) == typing.get_type_hints(Forms)


@dataclasses.dataclass
class Unusual:
    literal: Literal["a", "b"]


@dataclasses.dataclass
class Unknown:
    gone: NoSuchName  # type: ignore[name-defined]  # noqa: F821


date = dt.date  # a module's name that a class's attribute shadows
ALIAS: TypeAlias = "list[int]"  # an annotation's text, named


@dataclasses.dataclass
class Shadowed:
    date: date = dt.date(2020, 1, 1)


@dataclasses.dataclass
class Aliased:
    aliased: ALIAS = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Noted:
    extra: Annotated[int, "a note"] = 0


def test_another_form_is_left_to_get_type_hints() -> None:
    assert field_types(Unusual) == {"literal": Literal["a", "b"]}
    with pytest.raises(NameError):
        field_types(Unknown)
    for cls in (Shadowed, Aliased, Noted):
        assert field_types(cls) == typing.get_type_hints(cls)
    assert field_types(Shadowed) == {"date": dt.date}
    assert field_types(Aliased) == {"aliased": list[int]}
    assert field_types(Noted) == {"extra": int}
