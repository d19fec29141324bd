"""The dataclass decorator agenda's classes are made with: the standard library's, the code
of the methods it writes kept between runs.

Python 3.11 and 3.12 write each dataclass's __init__, __repr__ and __eq__ as source text and
compile it in every process: the meeting model, the profile and the edit service are 42
classes and 165 compiles, 15-22 ms of every command that loads them. Here the compiled code
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

MOST_KEPT = 4000  # methods of one part; past it, only those of the last run are kept
MOST_BYTES = 64 * 1024 * 1024  # a part's file: 4,000 methods take some 3 MB

# Each method's marshalled code by its source, in a file for each part of a package whose
# classes made it ("tui.domain", "tui.app", "textual.widgets"): a command reads what it uses.
_kept: dict[str, dict[str, bytes]] = {}
_made: dict[str, CodeType] = {}  # the code this process ran, by source
_compiled: dict[str, list[str]] = {}  # by part: the sources compiled, the cache without


def cache_file(part: str = "tui.domain") -> str:
    """One file for each build of Python (the compiled code is its own) and part."""
    from tui.user_cache import user_cache_folder

    build = f"dataclass-methods-{sys.implementation.cache_tag}-{sys.hexversion:x}"
    return os.path.join(user_cache_folder(), build, f"{part}.marshal")


def _exec(source: Any, globals: Any = None, locals: Any = None, **options: Any) -> None:
    # globals and locals by name too: exec takes them so since Python 3.13.
    if isinstance(source, str):
        source = _code(source, _part(globals))
    builtins.exec(source, globals, locals, **options)


def _part(globals: Any) -> str:
    """The part of the package whose class the methods are for: a file's name."""
    names = str((globals or {}).get("__name__", "")).split(".")[:2]
    return ".".join(names) if all(name.isidentifier() for name in names) else "__main__"


def _code(source: str, part: str) -> CodeType:
    code = _made.get(source)
    if code is None:
        code = _made[source] = _kept_code(source, part) or _compile(source, part)
    return code


def _kept_code(source: str, part: str) -> CodeType | None:
    """Only the code a process runs is unmarshalled."""
    kept = _kept.get(part)
    if kept is None:
        kept = _kept[part] = read_kept(cache_file(part))
    raw = kept.get(source)
    try:
        code = None if raw is None else marshal.loads(raw)
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _compile(source: str, part: str) -> CodeType:
    _compiled.setdefault(part, []).append(source)
    # As exec compiles a text: its name "<string>", no __future__ flags of this module.
    return compile(source, "<string>", "exec", dont_inherit=True)


def read_kept(path: str) -> dict[str, bytes]:
    """The code kept in `path`, marshalled, by source; nothing when the file is missing,
    damaged, not a plain file, or could have been written by another user."""
    from tui.user_cache import kept_file

    data = kept_file(path, MOST_BYTES, owned=True)
    try:
        found = None if data is None else marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {s: c for s, c in found.items() if isinstance(s, str) and isinstance(c, bytes)}


def keep_compiled() -> None:
    """Write a part's file again when this process compiled something it did not hold: what
    it read merged with what it compiled, replacing the file whole (processes writing at
    once: the last one's is kept, and the others' methods are compiled again next time)."""
    from tui.user_cache import keep

    for part, compiled in list(_compiled.items()):
        kept = dict(_kept.get(part, {}))
        kept.update((source, marshal.dumps(_made[source])) for source in compiled)
        if len(kept) > MOST_KEPT:
            kept = {source: kept[source] for source in _made if source in kept}
        keep(cache_file(part), marshal.dumps(kept))
    _compiled.clear()


if "exec" not in vars(dataclasses):
    vars(dataclasses)["exec"] = _exec
    atexit.register(keep_compiled)
