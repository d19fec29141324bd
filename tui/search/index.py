"""The search index of a database folder: search.sqlite, derived, and rebuilt when it must be.

The index holds nothing that is not in the documents, so it trades durability for speed
(WAL, synchronous=NORMAL: a crash may lose its last update, never its consistency) and
a damaged or foreign file is deleted and built again with a one-line note. Only this
module's process-wide lock file makes one process at a time update it; searches read it
while another updates (WAL readers never wait).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
from _thread import allocate_lock  # threading's Lock, without importing threading
from collections.abc import Callable, Iterator
from typing import TypeVar

from tui.i18n import N_, _
from tui.search import outside, schema, update
from tui.search.grams import match_expression
from tui.search.locking import lock_within
from tui.search.query import Found, find
from tui.storage.errors import StorageError
from tui.storage.layout import SEARCH_INDEX_FILE, SEARCH_LOCK_FILE
from tui.storage.sharing import settle_file

BUSY_SECONDS = 5.0
CACHE_KIB = 2048  # the page cache of the connection searches go through
UPDATE_WAIT = 30.0  # how long to wait for another process updating the index
_SIDE_FILES = ("-wal", "-shm", "-journal")
_BUSY = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
# The disk or the system refusing, not the index being damaged: said so, and nothing deleted.
_NOT_DAMAGE = {
    3: N_("the search index {path} may not be written: permission denied"),  # SQLITE_PERM
    7: N_("the search index {path} needs more memory than there is"),  # SQLITE_NOMEM
    8: N_("the search index {path} may not be written: read-only"),  # SQLITE_READONLY
    10: N_("the search index {path} could not be written: the disk refused (I/O error)"),
    13: N_("the search index {path} could not be written: the disk is full"),  # SQLITE_FULL
    14: N_("the search index {path} could not be opened"),  # SQLITE_CANTOPEN
}

T = TypeVar("T")
Note = Callable[[str], None]
Progress = Callable[[int, int], None]


class SearchIndexError(StorageError):
    """The index cannot be used or made; one line naming the file."""


class _Unusable(Exception):
    """An index file to rebuild; the message says why."""


class SearchIndex:
    """Thread-safe: one connection, used by one thread at a time."""

    def __init__(
        self,
        root: str | os.PathLike[str],
        note: Note = lambda message: None,
        outside_from: int = outside.LEAST,
    ) -> None:
        self.root = os.fspath(root)  # a name: a search of an index up to date needs no pathlib
        self.outside_from = outside_from  # documents to read from which a child process does it
        self.path = os.path.join(self.root, SEARCH_INDEX_FILE)
        self.note = note
        self._mutex = allocate_lock()
        self._db: sqlite3.Connection | None = None
        self._ino = 0
        self._rebuilding = False
        self._counted = False  # an update done: documents to read are no longer counted by name

    def search(self, query: str, limit: int, progress: Progress | None = None) -> Found:
        """The newest `limit` matches of `query`, after bringing the index up to date."""
        expression = match_expression(query)
        with self._mutex:
            return self._retrying(lambda db: self._find(db, expression, query, limit, progress))

    def refresh(self, progress: Progress | None = None) -> None:
        with self._mutex:
            self._retrying(lambda db: self._update(db, progress))

    def close(self) -> None:
        with self._mutex:
            self._close()

    # -- keeping it usable ----------------------------------------------------

    def _retrying(self, work: Callable[[sqlite3.Connection], T]) -> T:
        for attempt in (1, 2):
            try:
                return work(self._connection())
            except sqlite3.DatabaseError as error:
                if _code(error) in _BUSY:
                    busy = _("{path} is busy: try again").format(path=self.path)
                    raise SearchIndexError(busy) from None
                if _code(error) in _NOT_DAMAGE:
                    raise SearchIndexError(
                        _(_NOT_DAMAGE[_code(error)]).format(path=self.path)
                    ) from None
                problem = _("{path} is damaged ({error})").format(path=self.path, error=error)
            except _Unusable as unusable:
                problem = str(unusable)
            if attempt == 2:
                raise SearchIndexError(_("the search index {problem}").format(problem=problem))
            self._rebuild(problem)
        raise AssertionError("unreachable")

    def _rebuild(self, problem: str) -> None:
        self.note(_("the search index {problem}: rebuilding it").format(problem=problem))
        self._rebuilding = True  # the note above says it all
        self._counted = False
        ours = self._ino
        self._close()
        with self._exclusive(UPDATE_WAIT):
            if _inode(self.path) == ours:  # nobody rebuilt it meanwhile
                for path in (self.path, *(_side(self.path, s) for s in _SIDE_FILES)):
                    with _os_errors(path, _("could not remove it")):
                        _remove(path)

    def _connection(self) -> sqlite3.Connection:
        if self._db is not None and _inode(self.path) == self._ino:
            return self._db
        self._close()
        with _os_errors(self.path, _("could not create it")):
            _create_file(self.path)
        try:
            db = sqlite3.connect(
                self.path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as error:
            unopened = _("could not open {path}: {error}").format(path=self.path, error=error)
            raise SearchIndexError(unopened) from None
        self._ino = _inode(self.path)  # the file a rebuild would replace, if it is unusable
        try:
            made = _prepare(db, self.path)
        except BaseException:
            db.close()
            raise
        if made and not self._rebuilding:
            self.note(
                _("building the search index {path} (once; later only what changed)").format(
                    path=self.path
                )
            )
        self._db, self._rebuilding = db, False
        return db

    def _close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db, self._ino = None, 0

    # -- bringing it up to date -----------------------------------------------

    def _find(
        self,
        db: sqlite3.Connection,
        expression: tuple[str, str],
        query: str,
        limit: int,
        progress: Progress | None,
    ) -> Found:
        self._update(db, progress)
        return find(db, expression, query, limit)

    def _update(self, db: sqlite3.Connection, progress: Progress | None) -> None:
        with self._exclusive(UPDATE_WAIT) as lock:
            if lock is None:
                self.note(_("another agenda is updating the search index: searching it as it is"))
                return
            try:
                self._bring_up_to_date(db, lock, progress)
            except sqlite3.DatabaseError as error:
                if _code(error) not in _BUSY:
                    raise
                self.note(
                    _("the search index is busy ({error}): searching it as it is").format(
                        error=error
                    )
                )

    def _bring_up_to_date(
        self, db: sqlite3.Connection, lock: int, progress: Progress | None
    ) -> None:
        """In a child process when many documents are to be read; counted by their number
        alone until an update is done, so that listing every stamp is left to the child."""
        if not self._counted and update.behind(db, self.root) >= self.outside_from:
            outside.refresh(self.root, lock, self.note, progress)
        else:
            plans = update.planned(db, self.root)
            if 0 < update.documents(plans) >= self.outside_from:
                outside.refresh(self.root, lock, self.note, progress)
            elif plans:
                update.apply(db, self.root, plans, self.note, progress)
        self._counted = True

    def _waiting(self) -> None:
        self.note(_("another agenda is updating the search index: waiting for it"))

    @contextlib.contextmanager
    def _exclusive(self, wait: float) -> Iterator[int | None]:
        """The lock file's descriptor, locked; None if another process kept it `wait` s."""
        path = os.path.join(self.root, SEARCH_LOCK_FILE)
        with _os_errors(path, _("could not open it")):
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            with contextlib.suppress(OSError):
                settle_file(fd)
            got = lock_within(fd, wait, self._waiting)
            try:
                yield fd if got else None
            finally:
                if got:
                    fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _prepare(db: sqlite3.Connection, path: str) -> bool:
    """Settings, and the tables of a new index (True when made now); _Unusable for an index
    made by another version."""
    try:
        db.execute(f"PRAGMA encoding = '{schema.ENCODING}'")  # a new file's; else a no-op
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        # Kept small: this connection lives as long as the app; builds run in a child.
        db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        db.execute("PRAGMA mmap_size = 0")
        db.execute(f"PRAGMA journal_size_limit = {CACHE_KIB * 1024}")
        made = False
        if db.execute("PRAGMA user_version").fetchone()[0] == 0:
            with update.writing(db):
                if db.execute("PRAGMA user_version").fetchone()[0] == 0:
                    _must_be_empty(db, path)
                    schema.create(db)
                    made = True
        why = schema.mismatch(db)
    except sqlite3.OperationalError as error:
        if "fts5" in str(error):
            no_fts = _("this SQLite has no full-text search (FTS5): {error}").format(error=error)
            raise SearchIndexError(no_fts) from None
        raise
    if why:
        raise _Unusable(
            _("{path} was made by another version of agenda ({why})").format(path=path, why=why)
        )
    return made


def _must_be_empty(db: sqlite3.Connection, path: str) -> None:
    if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise _Unusable(_("{path} holds other tables").format(path=path))


def _create_file(path: str) -> None:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    except FileExistsError:
        return
    try:
        settle_file(fd)
    finally:
        os.close(fd)


def _inode(path: str) -> int:
    try:
        return os.stat(path).st_ino
    except OSError:
        return 0


def _side(path: str, suffix: str) -> str:
    return path + suffix


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", 0)) & 0xFF


@contextlib.contextmanager
def _os_errors(path: str, what: str) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        raise SearchIndexError(f"{path}: {what}: {error.strerror or error}") from None
