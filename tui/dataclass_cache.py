"""The dataclass decorator agenda's classes are made with: the standard library's, the code
of the methods it writes kept between runs.

Python 3.11 and 3.12 write each dataclass's __init__, __repr__ and __eq__ as source text and
compile it in every process: the meeting model, the profile and the edit service are 42
classes and 165 compiles, 15-20 ms of every command that loads them. Here the compiled code
is kept in the user's cache, found by its source, and handed to dataclasses' own exec: the
same source, compiled as exec compiles it, runs the same. Once this module is imported,
every dataclass the process makes goes through it. A cache that cannot be read or written,
or that is not the user's own, is no cache.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import marshal
import os
import sys
from dataclasses import dataclass, field
from types import CodeType
from typing import Any

__all__ = ["dataclass", "field"]

MOST_KEPT = 4000  # methods' sources; past it, only those of the last run are kept

_codes: dict[str, CodeType] | None = None  # read from the cache when first needed
_used: set[str] = set()
_compiled: list[str] = []  # by this process, not in the cache yet


def cache_file() -> str:
    """One file for each build of Python: the compiled code is its own."""
    from tui.user_cache import user_cache_folder

    build = f"{sys.implementation.cache_tag}-{sys.hexversion:x}"
    return os.path.join(user_cache_folder(), f"dataclass-methods-{build}.marshal")


def _exec(source: Any, globals: Any = None, locals: Any = None, /, **options: Any) -> None:
    if isinstance(source, str):
        source = _code(source)
    builtins.exec(source, globals, locals, **options)


def _code(source: str) -> CodeType:
    codes = _kept()
    code = codes.get(source)
    if code is None:
        # As exec compiles a text: its name "<string>", no __future__ flags of this module.
        code = codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
        _compiled.append(source)
    _used.add(source)
    return code


def _kept() -> dict[str, CodeType]:
    global _codes
    if _codes is None:
        _codes = read_codes(cache_file())
    return _codes


def read_codes(path: str) -> dict[str, CodeType]:
    """The code kept in `path`; nothing when it is missing, damaged, or could have been
    written by another user."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return {}
    with open(descriptor, "rb") as file:
        if not _owned(os.fstat(descriptor)):
            return {}
        try:
            found = marshal.loads(file.read())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
    if not isinstance(found, dict):
        return {}
    return {s: c for s, c in found.items() if isinstance(s, str) and isinstance(c, CodeType)}


def _owned(stat: os.stat_result) -> bool:
    mine = not hasattr(os, "getuid") or stat.st_uid == os.getuid()
    return mine and not stat.st_mode & 0o022


def keep_compiled() -> None:
    """Write the cache again when this process compiled something it did not hold."""
    if not _compiled or _codes is None:
        return
    from tui.user_cache import keep

    codes = _codes if len(_codes) <= MOST_KEPT else {s: _codes[s] for s in _used}
    keep(cache_file(), marshal.dumps(codes))
    _compiled.clear()


if "exec" not in vars(dataclasses):
    vars(dataclasses)["exec"] = _exec
    atexit.register(keep_compiled)
