"""Standard modules that dataclasses and pathlib import for what a command seldom does,
loaded when first used instead.

`dataclasses` imports `inspect` (and with it ast, dis and tokenize) to word the docstring
of a class that has none, and `copy` for `asdict`; `pathlib` imports `urllib.parse` (and
ipaddress) for `Path.as_uri`: 8-12 ms of a command that makes dataclasses, for calls it
does not make. While dataclasses or pathlib is being imported, and only then, each of the
three names stands for a module that loads the real one when one of its names is first
read, and puts the real one in their place in dataclasses and pathlib. Only those two take
a stand-in as they are imported (on 3.11 the modules imported meanwhile are errno, fnmatch
and ntpath, none of which imports the three); a module importing one of the three after
gets the real module, as it would have.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # importlib's modules are not imported to run: 0.5 ms of every command
    from importlib.abc import Loader
    from importlib.machinery import ModuleSpec

DEFERRING = ("dataclasses", "pathlib")  # the modules imported with the stand-ins
DEFERRED = ("inspect", "copy", "urllib.parse")


class _OnFirstUse(ModuleType):
    """A module loaded, and taken in whole, the first time one of its names is read."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system's questions: not a reason to load
            raise AttributeError(name)
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        __import__(self.__name__)
        real = sys.modules[self.__name__]
        for holder in filter(None, map(sys.modules.get, DEFERRING)):
            namespace = vars(holder)  # the real module from now on: patched, it is seen
            for held, value in list(namespace.items()):
                if value is self:
                    namespace[held] = real
        vars(self).update(vars(real))  # for anyone else who took the stand-in
        return getattr(real, name)


def _quote_from_bytes(bs: bytes, safe: str = "/") -> str:
    """pathlib's `from urllib.parse import quote_from_bytes`, the module loaded on a call."""
    from urllib.parse import quote_from_bytes

    return quote_from_bytes(bs, safe)


def _stand_ins() -> dict[str, ModuleType]:
    stand_ins: dict[str, ModuleType] = {
        name: _OnFirstUse(name) for name in DEFERRED if name not in sys.modules
    }
    if "urllib.parse" in stand_ins:
        vars(stand_ins["urllib.parse"])["quote_from_bytes"] = _quote_from_bytes
    return stand_ins


class _WithStandIns:
    """The module's own loader, run while the stand-ins are in place."""

    def __init__(self, loader: Loader) -> None:
        self._loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        stand_ins = _stand_ins()
        sys.modules.update(stand_ins)
        try:
            self._loader.exec_module(module)
        finally:
            for name, stand_in in stand_ins.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]
            if all(name in sys.modules for name in DEFERRING):
                _uninstall()

    def __getattr__(self, name: str) -> Any:  # get_source and the like, for tracebacks
        return getattr(self._loader, name)


class _Finder:
    """Finds dataclasses and pathlib as the finders after it would, to load them with the
    stand-ins."""

    @classmethod
    def find_spec(
        cls, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name not in DEFERRING:
            return None
        for finder in sys.meta_path:
            find = None if finder is cls else getattr(finder, "find_spec", None)
            spec: ModuleSpec | None = None if find is None else find(name, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _WithStandIns(spec.loader)  # type: ignore[assignment]
                return spec
        return None


def install() -> None:
    """From now on, dataclasses and pathlib are imported with the stand-ins (if they are
    not imported yet)."""
    if not all(name in sys.modules for name in DEFERRING) and _Finder not in sys.meta_path:
        sys.meta_path.insert(0, _Finder)


def _uninstall() -> None:
    if _Finder in sys.meta_path:
        sys.meta_path.remove(_Finder)
