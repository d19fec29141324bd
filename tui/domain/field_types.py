"""The types of a dataclass's fields, as typing.get_type_hints gives them, read without it.

Every module of agenda writes its annotations as text (`from __future__ import annotations`).
get_type_hints compiles each text to evaluate it, some 2 ms for the meeting model's classes
in every command that reads a meeting; the annotations are names, `X[Y, Z]` and `X | Y`,
which are read here as eval would read them. Anything else is left to get_type_hints.
"""

from __future__ import annotations

import builtins
import re
import sys
import typing
from collections.abc import Mapping
from typing import Any

_TOKENS = re.compile(r"\.\.\.|[A-Za-z_][\w.]*|[\[\],|]|\S")


class _Unread(Exception):
    """An annotation of a form not read here."""


def field_types(cls: type) -> dict[str, Any]:
    """Each annotated name of `cls` and its bases, by its type."""
    try:
        return _read(cls)
    except Exception:  # read by get_type_hints, which says what is wrong, if anything is
        return typing.get_type_hints(cls)


def _read(cls: type) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        notes = klass.__dict__.get("__annotations__", {})  # noqa: RUF063 (inspect is deferred)
        # As get_type_hints looks: the module, then the class, then the builtins.
        scopes = (vars(sys.modules[klass.__module__]), vars(klass), vars(builtins))
        for name, note in notes.items():
            if not isinstance(note, str) or "Annotated" in note:  # get_type_hints strips it
                raise _Unread(name)
            value = _Reading(note, scopes).whole()
            if isinstance(value, str):  # a name for an annotation's text: get_type_hints'
                raise _Unread(name)
            found[name] = type(None) if value is None else value
    return found


class _Reading:
    """One annotation's text read as an expression of names, subscripts and unions."""

    def __init__(self, text: str, scopes: tuple[Mapping[str, Any], ...]) -> None:
        self._tokens = _TOKENS.findall(text)
        self._at = 0
        self._scopes = scopes

    def whole(self) -> Any:
        value = self._union()
        if self._at != len(self._tokens):
            raise _Unread(self._tokens)
        return value

    def _union(self) -> Any:
        value = self._term()
        while self._next_is("|"):
            value = value | self._term()
        return value

    def _term(self) -> Any:
        if self._next_is("["):  # Callable's arguments
            return self._listed()
        value = self._named(self._take())
        if self._next_is("["):
            arguments = self._listed()
            value = value[arguments[0] if len(arguments) == 1 else tuple(arguments)]
        return value

    def _listed(self) -> list[Any]:
        """What follows a "[", to its "]"."""
        found = [] if self._next_is("]") else [self._union()]
        while found and self._next_is(","):
            found.append(self._union())
        if found and not self._next_is("]"):
            raise _Unread(self._tokens)
        return found

    def _named(self, token: str) -> Any:
        if token == "...":
            return ...
        first, *rest = token.split(".")
        if not all(part.isidentifier() for part in (first, *rest)):
            raise _Unread(token)
        value = next((scope[first] for scope in self._scopes if first in scope), _Unread)
        if value is _Unread:
            raise _Unread(token)
        for part in rest:
            value = getattr(value, part)
        return value

    def _take(self) -> str:
        if self._at == len(self._tokens):
            raise _Unread(self._tokens)
        self._at += 1
        return str(self._tokens[self._at - 1])

    def _next_is(self, token: str) -> bool:
        found = self._at < len(self._tokens) and self._tokens[self._at] == token
        self._at += found
        return found
