"""The meetings' index read alone: a listing of the meetings (`agenda meetings`) needs no
model to read it, and in the ordinary case not even the store's machinery.

`plainly` reads index.json as tui.storage.plain reads a document, or leaves it to the
store (`summaries`) when anything is out of the ordinary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.storage.layout import INDEX
from tui.storage.plain import plain_tables

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
    tables = plain_tables(root, INDEX)
    if tables is None:
        return None
    rows = tables.get("meetings", {})
    return sorted(({"number": int(n), **row} for n, row in rows.items()), key=lambda r: r["number"])
