"""The meetings' index read alone: a listing of the meetings (`agenda meetings`) needs no
model to read it, and in the ordinary case not even the store's machinery.

`plainly` reads index.json under the database's shared lock, as Store.reading does, when
nothing asks for more: a database with a commit to finish, a lock held by a writer, a file
missing or damaged are left to the store (`summaries`), which finishes the commit, waits,
falls back on the backup and names what is wrong.
"""

from __future__ import annotations

import fcntl
import json
import os
from typing import TYPE_CHECKING, Any

from tui.storage.envelope import check_shape
from tui.storage.errors import StorageError
from tui.storage.layout import INDEX, JOURNAL_FILE, LOCK_FILE, META

if TYPE_CHECKING:
    from tui.storage.store import Store

Rows = list[dict[str, Any]]


def summaries(store: Store) -> Rows:
    """Each meeting's row of the index, by number: {number, start, status, items, cases}."""
    with store.reading() as tx:
        rows = tx.db(INDEX).table("meetings").all()
    return sorted(({"number": r.doc_id, **r} for r in rows), key=lambda r: r["number"])


def plainly(root: str) -> Rows | None:
    """The rows `summaries` gives, read straight from the file; None when the store must."""
    try:
        lock = os.open(os.path.join(root, LOCK_FILE), os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
        if os.path.exists(os.path.join(root, JOURNAL_FILE)):
            return None
        if not os.path.exists(os.path.join(root, f"{META}.json")):
            return None
        with open(os.path.join(root, f"{INDEX}.json"), "rb") as file:
            raw = file.read()
        if b"\0" in raw:
            return None
        data = json.loads(raw.decode("utf-8-sig"))
        tables = check_shape(root, data)  # type: ignore[arg-type]  # a name for messages unshown
    except (OSError, ValueError, RecursionError, StorageError):
        return None
    finally:
        os.close(lock)  # and with it the lock
    rows = tables.get("meetings", {})
    return sorted(({"number": int(n), **row} for n, row in rows.items()), key=lambda r: r["number"])
