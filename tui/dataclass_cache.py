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

# Each method's marshalled code by its source and the module whose class it is for, in a
# file for each part of a package ("tui.domain", "tui.app", "textual.widgets"): a command
# reads what it uses. Importing a module makes all of its classes, so what a process used
# of a module is the module's whole: rewriting a part's file, a module's methods of an
# earlier version of it are left out.
Kept = dict[str, dict[str, bytes]]  # by module, by source
_kept: dict[str, Kept] = {}  # by part
_made: dict[str, CodeType] = {}  # the code this process ran, by source
_used: dict[str, dict[str, dict[str, None]]] = {}  # by part, by module: the sources run
_compiled: dict[str, set[str]] = {}  # by part: the sources compiled, the cache without


def cache_file(part: str = "tui.domain") -> str:
    """One file for each build of Python (the compiled code is its own) and part."""
    from tui.user_cache import user_cache_folder

    build = f"dataclass-methods-{sys.implementation.cache_tag}-{sys.hexversion:x}"
    return os.path.join(user_cache_folder(), build, f"{part}.marshal")


def _exec(source: Any, globals: Any = None, locals: Any = None, **options: Any) -> None:
    # globals and locals by name too: exec takes them so since Python 3.13.
    if isinstance(source, str):
        source = _code(source, str((globals or {}).get("__name__", "")))
    builtins.exec(source, globals, locals, **options)


def _part(module: str) -> str:
    """The part of the package whose class the methods are for: a file's name."""
    names = module.split(".")[:2]
    return ".".join(names) if all(name.isidentifier() for name in names) else "__main__"


def _code(source: str, module: str) -> CodeType:
    part = _part(module)
    _used.setdefault(part, {}).setdefault(module, {})[source] = None
    code = _made.get(source)
    if code is None:
        code = _made[source] = _kept_code(source, part, module) or _compile(source, part)
    return code


def _kept_code(source: str, part: str, module: str) -> CodeType | None:
    """Only the code a process runs is unmarshalled."""
    kept = _kept.get(part)
    if kept is None:
        kept = _kept[part] = read_kept(cache_file(part))
    raw = kept.get(module, {}).get(source)
    try:
        code = None if raw is None else marshal.loads(raw)
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _compile(source: str, part: str) -> CodeType:
    _compiled.setdefault(part, set()).add(source)
    # As exec compiles a text: its name "<string>", no __future__ flags of this module.
    return compile(source, "<string>", "exec", dont_inherit=True)


def read_kept(path: str) -> Kept:
    """The code kept in `path`, marshalled, by module and source; nothing when the file is
    missing, damaged, not a plain file, or could have been written by another user."""
    from tui.user_cache import kept_file

    data = kept_file(path, MOST_BYTES, owned=True, freshen=True)
    try:
        found = None if data is None else marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {
        module: {s: c for s, c in methods.items() if isinstance(s, str) and isinstance(c, bytes)}
        for module, methods in found.items()
        if isinstance(module, str) and isinstance(methods, dict)
    }


def keep_compiled() -> None:
    """Write a part's file again when this process compiled something it did not hold: for
    each module it used, the methods it ran, with the other modules' as it read them; the
    file replaced whole (processes writing at once: the last one's is kept, and the others'
    methods are compiled again next time)."""
    from tui.user_cache import forget_other_versions, keep

    if _compiled:
        forget_other_versions(os.path.dirname(cache_file()), "dataclass-methods-")
    for part, compiled in sorted(_compiled.items()):
        kept = dict(_kept.get(part, {}))
        for module, sources in _used[part].items():
            held = kept.get(module, {})
            kept[module] = {
                s: marshal.dumps(_made[s]) if s in compiled or s not in held else held[s]
                for s in sources
            }
        if sum(map(len, kept.values())) > MOST_KEPT:
            kept = {module: kept[module] for module in _used[part]}
        keep(cache_file(part), marshal.dumps(kept))
    _compiled.clear()


if "exec" not in vars(dataclasses):
    vars(dataclasses)["exec"] = _exec
    atexit.register(keep_compiled)
