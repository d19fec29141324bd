"""Writing the documents a transaction changed: one alone, or several through the journal."""

from __future__ import annotations

import contextlib
from pathlib import Path

from tui.dataclass_cache import dataclass
from tui.storage.files import (
    fsync_dir,
    install,
    make_dirs,
    os_errors,
    remove,
    remove_document,
    write_temp,
)
from tui.storage.journal import Step, apply_steps, journal_path, write_journal
from tui.storage.names import document_path

NOT_DURABLE = "the change is in place but may not survive a power loss"


@dataclass(frozen=True)
class Change:
    """Write data (a whole file) to the document, or delete it when data is None."""

    name: str
    data: bytes | None


def commit(root: Path, changes: list[Change]) -> None:
    if len(changes) == 1:
        _commit_one(root, changes[0])
    elif changes:
        _commit_many(root, changes)


def _commit_one(root: Path, change: Change) -> None:
    final = document_path(root, change.name)
    with os_errors(final):
        if change.data is None:
            remove_document(final)
        else:
            _put(root, final, change.data)
    with os_errors(final, NOT_DURABLE):
        fsync_dir(final.parent)


def _put(root: Path, final: Path, data: bytes) -> None:
    make_dirs(root, final.parent)
    temp = write_temp(final, data)
    try:
        install(temp, final)
    except BaseException:
        remove(temp)
        raise


def _commit_many(root: Path, changes: list[Change]) -> None:
    steps: list[Step] = []
    try:
        for change in changes:
            steps.append(_stage(root, change))
        _sync_temp_names(root, steps)
        with os_errors(journal_path(root)):
            write_journal(root, steps)
    except BaseException:
        _discard(root, steps)
        raise
    apply_steps(root, steps)


def _stage(root: Path, change: Change) -> Step:
    if change.data is None:
        return Step(change.name, None)
    final = document_path(root, change.name)
    with os_errors(final):
        make_dirs(root, final.parent)
        temp = write_temp(final, change.data)
    return Step(change.name, temp.relative_to(root).as_posix())


def _sync_temp_names(root: Path, steps: list[Step]) -> None:
    """Make the temps' names durable before the journal that names them can be.

    Recovery takes a missing temp for one already renamed over its document, so a temp
    whose name a power loss undid would silently drop its document from the commit.
    Folder entries need not reach the disk in the order they were made, even in one
    folder, so the root is synced here too, before the journal's rename.
    """
    folders = {(root / step.temp).parent for step in steps if step.temp is not None}
    for folder in sorted(folders):
        with os_errors(folder):
            fsync_dir(folder)


def _discard(root: Path, steps: list[Step]) -> None:
    # Under the exclusive lock any journal.json here is this commit's own.
    with contextlib.suppress(OSError):
        remove(journal_path(root))
        fsync_dir(root)
    for step in steps:
        if step.temp is not None:
            with contextlib.suppress(OSError):
                remove(root / step.temp)
