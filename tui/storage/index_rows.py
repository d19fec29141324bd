"""The meetings' index read alone, by a store without a repository: a listing of the
meetings (`agenda meetings`) needs no model to read it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.storage.layout import INDEX

if TYPE_CHECKING:
    from tui.storage.store import Store


def summaries(store: Store) -> list[dict[str, Any]]:
    """Each meeting's row of the index, by number: {number, start, status, items, cases}."""
    with store.reading() as tx:
        rows = tx.db(INDEX).table("meetings").all()
    return sorted(({"number": r.doc_id, **r} for r in rows), key=lambda r: r["number"])
