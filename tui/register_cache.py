"""The closed cases' heads kept between listings of the register, in the user's cache.

A closed case changes seldom, and its document holds its whole history: `agenda cases` read
some 3 MB at 300 meetings to list 1,300 lines. What the listing reads of each closed case
(its head, tui.domain.case_heads) is kept here with the stamp of the file it was read from:
its device, inode, modification and change times and size. A commit replaces a document
by a rename, so it has a new inode; one changed in place with its modification time put
back (`cp -p`) has a new change time, which no tool sets. A document is read again only
when its stamp changed. Stamps are taken and documents read under the database's shared
lock, so no commit comes between them.

The cache is keyed by the database folder's real path; what it holds was made by this
version of agenda, on this Python, by this code, and is whole (a checksum): anything else
is no cache. A cache that cannot be read or written is no cache either.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import zlib
from collections.abc import Callable
from typing import Any

from tui import __version__
from tui.storage.layout import CASE_KINDS, EARLIER, OPEN_CASES
from tui.storage.plain_cases import closed_documents, stored_in
from tui.storage.plain_reading import Documents, Unusual, shared
from tui.user_cache import code_stamp, keep, kept_file, user_cache_folder

Row = list[Any]  # what the caller keeps of one case: plain JSON
Digest = Callable[[dict[str, Any]], Row]  # raises Unusual for a case it cannot read plainly
Kept = dict[str, list[Any]]  # a closed document's name → [its stamp, its cases' rows]

MOST_BYTES = 256 * 1024 * 1024  # 12,601 cases at 3,000 meetings take some 2 MB
MOST_DATABASES = 32  # kept for the databases listed last

# The code whose rows are kept: rows made by another state of it are not trusted.
_CODE = (
    *("register_cache.py", "cli/case_listing.py", "domain/case_heads.py"),
    *("domain/register_rules.py", "storage/layout.py", "storage/plain_cases.py"),
    "storage/plain_reading.py",
)


def case_rows(root: str, digest: Digest) -> list[Row] | None:
    """`digest` of every tracked case, in the order Repository.stored_cases reads them, the
    closed ones kept between listings; or None: ask the store (tui.storage.plain_cases)."""
    try:
        with shared(root) as documents:
            rows = [digest(data) for data, _where in stored_in(documents, OPEN_CASES)]
            return rows + _closed_rows(documents, digest)
    except Unusual:
        return None


def forget(root: str) -> None:
    """What is kept for this database goes (rows that did not read back as they were kept)."""
    with contextlib.suppress(OSError):
        os.unlink(_cache_path(root))


def _closed_rows(documents: Documents, digest: Digest) -> list[Row]:
    """`digest` of every closed case; a document read only if it changed since kept."""
    path, heading = _cache_path(documents.root), _heading(documents.root)
    kept = _read(path, heading)
    fresh: Kept = {}
    rows: list[Row] = []
    for name, stat in closed_documents(documents.root).items():
        stamp = [stat.st_dev, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size]
        entry = kept.get(name)
        if entry is None or entry[0] != stamp:
            found, whole = _digested(documents, name, digest)
            entry = [stamp, found]
            if not whole:
                rows.extend(found)
                continue
        fresh[name] = entry
        rows.extend(entry[1])
    if fresh != kept:
        _write(path, heading, fresh)
    return rows


def _digested(documents: Documents, name: str, digest: Digest) -> tuple[list[Row], bool]:
    """The document's rows, and whether they may be kept: a closed case is stored whole,
    and one that names older events elsewhere (not written so) is read every time."""
    tables = documents.tables(name)
    rows, whole = [], True
    for kind in CASE_KINDS:
        for number, row in tables.get(kind, {}).items():
            whole = whole and EARLIER not in row
            rows.append(digest(documents.case_data(kind, number, row)))
    return rows, whole


def _heading(root: str) -> str:
    what = ["agenda", __version__, sys.version, code_stamp(_CODE), os.path.realpath(root)]
    return json.dumps(what)  # ASCII: a folder's name need not be text


def _cache_path(root: str) -> str:
    name = f"{zlib.crc32(os.fsencode(os.path.realpath(root))):08x}"
    return os.path.join(user_cache_folder(), "register", f"{name}.json")


def _read(path: str, heading: str) -> Kept:
    """What is kept for this database by this code, whole; else nothing."""
    data = kept_file(path, MOST_BYTES, owned=True, freshen=True)
    if data is None:
        return {}
    kept_heading, _nl, rest = data.partition(b"\n")
    checksum, _nl, payload = rest.partition(b"\n")
    if kept_heading != heading.encode("ascii") or checksum != _checksum(payload).encode("ascii"):
        return {}
    try:
        kept = json.loads(payload)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return {}
    if type(kept) is not dict or not all(_entry(e) for e in kept.values()):
        return {}
    return kept


def _entry(entry: Any) -> bool:
    return type(entry) is list and len(entry) == 2 and type(entry[1]) is list


def _write(path: str, heading: str, kept: Kept) -> None:
    payload = _payload(kept)
    heading_and_sum = f"{heading}\n{_checksum(payload)}\n".encode("ascii")
    keep(path, heading_and_sum + payload, MOST_DATABASES)


def _payload(kept: Kept) -> bytes:
    """The rows as UTF-8 JSON: Chinese as it is reads three times faster than escaped (1.0
    against 3.0 ms for 1,300 cases); escaped when a lone surrogate leaves no UTF-8."""
    text = json.dumps(kept, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(kept, separators=(",", ":")).encode("ascii")


def _checksum(payload: bytes) -> str:
    return f"{zlib.crc32(payload):08x}"
