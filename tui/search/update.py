"""Bringing the index up to date: only the documents whose stamps changed are read again.

A folder whose mtime is settled and unchanged since the last look is not even listed, so
an index already up to date costs three stat calls however long the history.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator

from tui.search import sources
from tui.search.sources import FOLDERS
from tui.storage.names import Stamp

BATCH = 200  # documents read, then written in one transaction
Progress = Callable[[int, int], None]
Note = Callable[[str], None]


class Plan:
    """What to read again of a folder (a plain class: a search imports no dataclasses)."""

    __slots__ = ("folder", "names", "stamp")

    def __init__(self, folder: str, stamp: Stamp | None, names: list[str]) -> None:
        self.folder = folder
        self.stamp = stamp  # the folder's settled stamp, stored once its documents are done
        self.names = names


def refresh(db: sqlite3.Connection, root: str, note: Note, progress: Progress | None) -> None:
    apply(db, root, planned(db, root), note, progress)


def planned(db: sqlite3.Connection, root: str) -> list[Plan]:
    """What to read again: the documents changed, added or gone, folder by folder."""
    return [plan for folder in FOLDERS if (plan := _plan(db, root, folder)) is not None]


def behind(db: sqlite3.Connection, root: str) -> int:
    """How many more documents the folders hold than the index, counted by name alone."""
    held = sum(sources.count(root, folder) for folder in FOLDERS)
    return held - int(db.execute("SELECT count(*) FROM docs").fetchone()[0])


def documents(plans: list[Plan]) -> int:
    return sum(len(p.names) for p in plans)


def apply(
    db: sqlite3.Connection, root: str, plans: list[Plan], note: Note, progress: Progress | None
) -> None:
    total = documents(plans)
    done = 0
    for plan in plans:
        for start in range(0, len(plan.names), BATCH):
            from tui.search import store  # rows read and written: only when a document changed

            batch = plan.names[start : start + BATCH]
            prepared = [store.prepare(root, name, note) for name in batch]
            if None in prepared:
                plan.stamp = None  # list the folder again next time, to retry what failed
            with writing(db):
                store.replace(db, plan.folder, [p for p in prepared if p is not None])
            done += len(batch)
            if progress is not None:
                progress(done, total)
        with writing(db):
            _remember_folder(db, plan.folder, plan.stamp)


def _plan(db: sqlite3.Connection, root: str, folder: str) -> Plan | None:
    stamp = sources.settled_folder_stamp(root, folder)  # before listing: a later change shows
    stored = db.execute(
        "SELECT ino, mtime_ns, size FROM folders WHERE name = ?", (folder,)
    ).fetchone()
    if stamp is not None and stored is not None and tuple(stored) == stamp:
        return None
    on_disk = sources.documents(root, folder)
    known = {
        name: (ino, mtime, size)
        for name, ino, mtime, size in db.execute(
            "SELECT name, ino, mtime_ns, size FROM docs WHERE folder = ?", (folder,)
        )
    }
    changed = [n for n, s in on_disk.items() if known.get(n) != s and sources.is_document(n)]
    gone = [name for name in known if name not in on_disk]
    return Plan(folder, stamp, sorted(changed) + gone)


def _remember_folder(db: sqlite3.Connection, folder: str, stamp: Stamp | None) -> None:
    if stamp is None:
        db.execute("DELETE FROM folders WHERE name = ?", (folder,))
        return
    db.execute(
        "INSERT OR REPLACE INTO folders(name, ino, mtime_ns, size) VALUES (?, ?, ?, ?)",
        (folder, *stamp),
    )


@contextlib.contextmanager
def writing(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
