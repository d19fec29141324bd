"""A transaction: TinyDB databases whose storage is staged in memory until commit."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from tui.dataclass_cache import dataclass, field
from tui.storage.commit import Change
from tui.storage.documents import Warn, load
from tui.storage.envelope import encode_tables as encode_tables  # counted by test_import_cost
from tui.storage.envelope import wrap
from tui.storage.errors import ReadOnlyError, StorageError
from tui.storage.files import bak_path
from tui.storage.names import document_path, list_names


@dataclass
class _Doc:
    """original/current are canonical tables JSON; None means no document. `parsed` is
    current as TinyDB reads it, parsed once, when the file is read; once written
    (`staged`), `parsed` is the document and `current` is encoded from it once, when the
    transaction closes."""

    name: str
    original: bytes | None
    current: bytes | None
    on_disk: bool
    db: TinyDB | None = field(default=None, repr=False)
    parsed: dict[str, dict[str, Any]] | None = field(default=None, repr=False)
    staged: bool = False

    @property
    def exists(self) -> bool:
        return self.staged or self.current is not None

    def settle(self) -> None:
        """Encode the staged tables: once a transaction, however many writes it made."""
        if self.staged and self.parsed is not None:
            self.current = encode_tables(self.parsed)
        self.staged = False


class _StagedStorage(Storage):
    """The staged tables, parsed once per transaction: a meeting's document is read by
    several tables and operations in one commit, and parsing it is most of a read.

    TinyDB hands callers Documents (copies) and changes the tables only to write them
    back here, so the parsed tables stay what `current` says; a transaction that fails
    half-way is dropped whole."""

    def __init__(self, tx: Transaction, doc: _Doc) -> None:
        self._tx = tx
        self._doc = doc

    def read(self) -> dict[str, dict[str, Any]] | None:
        self._tx.check_open()
        doc = self._doc
        return doc.parsed if doc.exists else None

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._tx.check_writable(self._doc.name)
        self._doc.parsed = data
        self._doc.staged = True


class Transaction:
    """Documents read so far and their staged changes; Store commits or drops them."""

    def __init__(self, root: Path, *, writable: bool, warn: Warn) -> None:
        self._root = root
        self._writable = writable
        self._warn = warn
        self._docs: dict[str, _Doc] = {}
        self._open = True
        # A new reading transaction of the same store, for reads asked for after this ends.
        self.reopen: Callable[[], AbstractContextManager[Transaction]] | None = None

    def db(self, name: str) -> TinyDB:
        """The document as a TinyDB database; a missing document reads as empty."""
        doc = self._docs.get(name) or self._load(name)
        if doc.db is None:
            doc.db = TinyDB(storage=_StagedStorage, tx=self, doc=doc)
        return doc.db

    def names(self, folder: str) -> list[str]:
        """The documents directly under folder: those committed, and those this
        transaction made or deleted there."""
        found = set(list_names(self._root, folder))
        prefix = f"{folder}/"
        for name, doc in self._docs.items():
            if name.startswith(prefix) and "/" not in name[len(prefix) :]:
                (found.add if doc.exists else found.discard)(name)
        return sorted(found)

    def delete(self, name: str) -> None:
        self.check_writable(name)
        doc = self._docs.get(name)
        if doc is None:
            final = document_path(self._root, name)
            on_disk = final.exists() or bak_path(final).exists()
            doc = self._docs[name] = _Doc(name, None, None, on_disk)
        doc.current = None
        doc.parsed = None
        doc.staged = False

    @contextlib.contextmanager
    def still_reading(self) -> Iterator[Transaction]:
        """This transaction while it is open; once it has ended, a new reading one."""
        if self._open or self.reopen is None:
            yield self
            return
        with self.reopen() as fresh:
            yield fresh

    def check_open(self) -> None:
        if not self._open:
            raise StorageError(f"{self._root}: the transaction has already ended")

    def check_writable(self, name: str) -> None:
        self.check_open()
        if not self._writable:
            raise ReadOnlyError(name)

    def close(self) -> list[Change]:
        """End the transaction; return the documents it changed."""
        self._open = False
        if not self._writable:
            return []
        for doc in self._docs.values():
            doc.settle()
        return [change for doc in self._docs.values() if (change := _change(doc)) is not None]

    def drop(self) -> None:
        """End the transaction, its changes dropped unencoded."""
        self._open = False

    def _load(self, name: str) -> _Doc:
        self.check_open()
        found = load(document_path(self._root, name), self._warn)
        if found is None:
            doc = _Doc(name, None, None, False)
        else:
            doc = _Doc(name, found.canonical, found.canonical, True, parsed=found.tables)
        self._docs[name] = doc
        return doc


def _change(doc: _Doc) -> Change | None:
    if doc.current is None:
        return Change(doc.name, None) if doc.on_disk else None
    if doc.current == doc.original:
        return None
    return Change(doc.name, wrap(doc.current))
