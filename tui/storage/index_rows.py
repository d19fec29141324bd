"""The meetings' index: a row of summary a meeting, kept by the hundred (index/0012 holds
meetings 1200–1299), so that a commit adding a meeting or changing its status reads and
writes one small document whatever the length of the history.

An index written before it was kept by the hundred is one document (index.json): it is read
as it is, and the first commit that writes to the index moves its rows to their hundreds.

A listing of the meetings (`agenda meetings`) needs no model to read the index, and in the
ordinary case not even the store's machinery: `plainly` reads the files as
tui.storage.plain reads a document, or leaves it to the store (`summaries`) when anything is
out of the ordinary.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from tui.storage.layout import INDEX, WHOLE_INDEX, index_name
from tui.storage.names import list_names
from tui.storage.plain_reading import Unusual, shared

if TYPE_CHECKING:
    from tui.storage.envelope import Tables
    from tui.storage.store import Store
    from tui.storage.transaction import Transaction

Rows = list[dict[str, Any]]
TABLE = "meetings"


def summaries(store: Store) -> Rows:
    """Each meeting's row of the index, by number: {number, start, status, items, cases}."""
    with store.reading() as tx:
        names = [WHOLE_INDEX, *filter(_a_hundred, tx.names(INDEX))]
        tables = [tx.db(name).storage.read() or {} for name in names]
    return _rows(tables)


def plainly(root: str) -> Rows | None:
    """The rows `summaries` gives, read straight from the files; None when the store must."""
    try:
        with shared(root) as documents:
            whole = documents.tables(WHOLE_INDEX, missing_ok=True)
            return _rows([whole, *(documents.tables(n) for n in _hundreds(root))])
    except Unusual:
        return None


def put_summary(tx: Transaction, number: int, summary: dict[str, Any]) -> None:
    """The meeting's line of the index, put in its table as it is: TinyDB would copy the
    whole table, a line a meeting, for each change."""
    _move_whole_index(tx)
    storage = tx.db(index_name(number)).storage
    tables = storage.read() or {}
    tables.setdefault(TABLE, {})[str(number)] = summary
    storage.write(tables)


def remove_summary(tx: Transaction, number: int) -> None:
    """The meeting's line out of the index; an emptied document goes."""
    _move_whole_index(tx)
    name = index_name(number)
    storage = tx.db(name).storage
    tables = storage.read() or {}
    if tables.get(TABLE, {}).pop(str(number), None) is None:
        return
    if tables[TABLE]:
        storage.write(tables)
    else:
        tx.delete(name)


def _move_whole_index(tx: Transaction) -> None:
    """The index written as one document, moved to its hundreds (in the same commit)."""
    whole = tx.db(WHOLE_INDEX).storage.read()
    if whole is None:
        return
    by_hundred: dict[str, dict[str, Any]] = {}
    for key, row in whole.get(TABLE, {}).items():
        if key.isascii() and key.isdigit():  # as TinyDB reads its ids
            by_hundred.setdefault(index_name(int(key)), {})[key] = row
    for name, rows in by_hundred.items():
        storage = tx.db(name).storage
        tables = storage.read() or {}
        storage.write({**tables, TABLE: {**rows, **tables.get(TABLE, {})}})
    tx.delete(WHOLE_INDEX)


def _hundreds(root: str) -> list[str]:
    """The index's documents by the hundred, as the store lists them."""
    return [name for name in list_names(root, INDEX) if _a_hundred(name)]


def _a_hundred(name: str) -> bool:
    last = name.rpartition("/")[2]
    return last.isascii() and last.isdigit()


def _rows(documents: Iterable[Tables]) -> Rows:
    """Each meeting's row, by number; a meeting in a later document (a hundred's) as it
    says there."""
    rows: dict[int, dict[str, Any]] = {}
    for tables in documents:
        for key, row in tables.get(TABLE, {}).items():
            rows[int(key)] = {"number": int(key), **row}
    return [rows[number] for number in sorted(rows)]
