"""Every tracked case's stored data, read straight from the files under the database's
shared lock, as Repository.stored_cases reads it through the store: for a listing of the
register, which reads some hundred documents and changes none (see tui.storage.plain).

Anything out of the ordinary gives None, and the caller asks the store, which finishes a
commit, waits for a writer, falls back on a backup and names what is wrong.
"""

from __future__ import annotations

import os
from stat import S_ISREG
from typing import Any

from tui.storage.layout import CASE_KINDS, CLOSED_CASES, OPEN_CASES
from tui.storage.names import SUFFIX
from tui.storage.plain_reading import Documents, Unusual, shared

Stored = list[tuple[dict[str, Any], str]]


def plain_stored_cases(root: str) -> Stored | None:
    """What Repository.stored_cases gives, or None: ask the store."""
    try:
        with shared(root) as documents:
            found = stored_in(documents, OPEN_CASES)
            for name in closed_documents(root):
                found.extend(stored_in(documents, name))
            return found
    except Unusual:
        return None


def stored_in(documents: Documents, name: str) -> Stored:
    """As tui.storage.case_reads.stored_in."""
    found = []
    tables = documents.tables(name, missing_ok=True)
    for kind in CASE_KINDS:
        for number, row in tables.get(kind, {}).items():
            found.append((documents.case_data(kind, number, row), f"{name} {kind} {number}"))
    return found


def closed_documents(root: str) -> dict[str, os.stat_result]:
    """The closed cases' documents, as Store.names lists them, each with its file's status."""
    try:
        entries = list(os.scandir(os.path.join(root, CLOSED_CASES)))
    except FileNotFoundError:
        return {}
    found = {}
    for entry in entries:
        if entry.name.endswith(SUFFIX):
            stem = entry.name.removesuffix(SUFFIX)
            stat = entry.stat(follow_symlinks=False)
            if not (stem.isascii() and stem.isdigit() and S_ISREG(stat.st_mode)):
                raise Unusual
            found[f"{CLOSED_CASES}/{stem}"] = stat
    return dict(sorted(found.items()))
