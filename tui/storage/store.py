"""A database folder of JSON documents, each read and written through TinyDB.

Use `with store.transaction() as tx:` (exclusive lock, commits on normal exit) to
change documents through `tx.db(name)`, and `with store.reading() as tx:` (shared
lock) to read them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from tui.i18n import _
from tui.storage.commit import commit
from tui.storage.errors import SCHEMA, NotADatabaseError, StorageError
from tui.storage.files import TEMP_RE, bak_path, fsync_dir, os_errors, sweep_temps
from tui.storage.journal import journal_path, recover
from tui.storage.layout import LOCK_FILE, META, PROFILE_FILE
from tui.storage.lock import StoreLock
from tui.storage.names import document_path, list_names
from tui.storage.sharing import current, make_folder
from tui.storage.transaction import Transaction

__all__ = ["Store", "Transaction"]

DEFAULT_LOCK_TIMEOUT = 10.0


class Store:
    def __init__(self, root: Path, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self.root = root
        self.warnings: list[str] = []
        self._lock = StoreLock(root / LOCK_FILE, lock_timeout)

    @classmethod
    def open(
        cls, root: Path, *, create: bool = True, lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    ) -> Store:
        """Open (or create) the database at root, finishing any interrupted commit."""
        root = Path(root)
        _prepare_root(root, create)
        store = cls(root, lock_timeout=lock_timeout)
        with store._exclusive(sweep=True) as tx:
            meta = tx.db(META).table("store")
            if len(meta) == 0:
                import uuid  # only for a new database: uuid imports platform

                created = datetime.now().isoformat("T", "seconds")
                meta.insert({"schema": SCHEMA, "created": created, "id": uuid.uuid4().hex})
        return store

    def identity(self) -> str:
        """What tells this database from any other: a random id given when it was made (a
        database made before ids were given: the moment it was made)."""
        with self.reading() as tx:
            found = tx.db(META).table("store").get(doc_id=1)
        row = dict(found) if found else {}
        return str(row.get("id") or row.get("created") or "")

    def names(self, folder: str) -> list[str]:
        """Committed documents directly under folder (not staged ones), sorted."""
        return list_names(self.root, folder)

    def exists(self, name: str) -> bool:
        return document_path(self.root, name).exists()

    @contextlib.contextmanager
    def reading(self) -> Iterator[Transaction]:
        """A read-only view under the shared lock."""
        while True:
            with self._lock.hold(exclusive=False):
                if not journal_path(self.root).exists():
                    tx = Transaction(self.root, writable=False, warn=self.warnings.append)
                    tx.reopen = self.reading
                    try:
                        yield tx
                    finally:
                        tx.close()
                    return
            with self._exclusive(sweep=False):
                pass  # a writer died mid-commit: finish its journal first

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Read-modify-write under the exclusive lock; commits on normal exit."""
        with self._exclusive(sweep=False) as tx:
            yield tx

    @contextlib.contextmanager
    def _exclusive(self, *, sweep: bool) -> Iterator[Transaction]:
        with self._lock.hold(exclusive=True) as writer_died:
            recover(self.root, self.warnings.append)
            if sweep or writer_died:
                sweep_temps(self.root)
            tx = Transaction(self.root, writable=True, warn=self.warnings.append)
            tx.reopen = self.reading
            try:
                yield tx
            except BaseException:
                tx.drop()
                raise
            commit(self.root, tx.close())


def _prepare_root(root: Path, create: bool) -> None:
    if not root.exists():
        if not create:
            raise NotADatabaseError(root, _("the folder does not exist"))
        with os_errors(root, _("nothing was created")):
            root.parent.mkdir(parents=True, exist_ok=True)
            make_folder(root)
            fsync_dir(root.parent)
        return
    if not root.is_dir():
        raise NotADatabaseError(root, _("it is not a folder"))
    meta = document_path(root, META)
    if meta.exists() or bak_path(meta).exists():
        return
    strangers = _strangers(root)
    if strangers:
        listed = ", ".join(strangers[:3])
        reason = _("it holds other files ({files}) and no meta.json").format(files=listed)
        raise NotADatabaseError(root, reason)
    if not create:
        raise NotADatabaseError(root, _("it has no meta.json"))
    with contextlib.suppress(OSError):
        os.chmod(root, current().dir_mode)


def _strangers(root: Path) -> list[str]:
    try:
        entries = os.listdir(root)
    except OSError as error:
        raise StorageError(
            _("could not list {path}: {reason}").format(path=root, reason=error.strerror or error)
        ) from error
    # A profile may be put in place before the first record is imported.
    ours = {LOCK_FILE, PROFILE_FILE}
    return sorted(e for e in entries if e not in ours and TEMP_RE.search(e) is None)
