"""Bringing the index up to date in a process of its own, when many documents changed.

Building the index reads every document and merges its tables through SQLite's page cache:
done in the app, that memory would stay with the app for the rest of the session. A child
process (`python -m tui.search.outside ROOT`) does it instead and gives it all back when it
ends. It holds the lock its parent took (the descriptor is passed on) and says what happens
one JSON line at a time: a note, the progress, or the error that stopped it, which the
parent raises as its own.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable
from typing import IO, Any

import tui
from tui.i18n import _, language
from tui.storage.errors import StorageError
from tui.storage.layout import SEARCH_INDEX_FILE

Note = Callable[[str], None]
Progress = Callable[[int, int], None]
LEAST = 20  # documents to read again from which the work is done outside the app's process
CACHE_KIB = 32768  # the child's page cache, for merging the index's segments


def refresh(root: str | os.PathLike[str], lock: int, note: Note, progress: Progress | None) -> None:
    """Bring the index of `root` up to date in a child process, holding the lock `lock`."""
    import subprocess  # only when there is much to read: a search of an index up to date needs none

    env = dict(os.environ, AGENDA_LANG=language())
    env["PYTHONPATH"] = os.pathsep.join(
        p
        for p in (
            os.path.dirname(os.path.dirname(os.path.realpath(tui.__file__))),
            env.get("PYTHONPATH"),
        )
        if p
    )
    child = subprocess.Popen(
        [sys.executable, "-m", "tui.search.outside", str(root)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        pass_fds=(lock,),
        env=env,
    )
    try:
        assert child.stdout is not None and child.stderr is not None
        problem = _follow(child.stdout, note, progress)
        complaint = child.stderr.read().decode("utf-8", "replace").strip()
    finally:
        if child.poll() is None:
            child.kill()  # given up on (the app closed, or the search was replaced)
        child.wait()
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    if problem is not None:
        raise problem
    if child.returncode != 0:
        last = complaint.splitlines()[-1] if complaint else f"exit status {child.returncode}"
        raise StorageError(_("the search index could not be built: {reason}").format(reason=last))


def _follow(lines: IO[bytes], note: Note, progress: Progress | None) -> Exception | None:
    problem: Exception | None = None
    for line in lines:
        said = json.loads(line)
        if "note" in said:
            note(said["note"])
        elif "progress" in said and progress is not None:
            progress(*said["progress"])
        elif "sqlite" in said:
            code, message = said["sqlite"]
            problem = sqlite3.DatabaseError(message)
            problem.sqlite_errorcode = code
        elif "refused" in said:
            problem = StorageError(said["refused"])
    return problem


# -- the child ------------------------------------------------------------------


def _say(**what: Any) -> None:
    sys.stdout.write(json.dumps(what, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main(root: str) -> int:
    try:
        db = sqlite3.connect(
            os.path.join(root, SEARCH_INDEX_FILE), timeout=5.0, isolation_level=None
        )
        try:
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            _build(db, root)
        finally:
            db.close()
    except sqlite3.DatabaseError as error:
        _say(sqlite=[int(getattr(error, "sqlite_errorcode", 0)), str(error)])
        return 1
    except StorageError as error:
        _say(refused=str(error))
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


def _build(db: sqlite3.Connection, root: str) -> None:
    """Brought up to date; packed when most of it was written now, since rows of cases
    inserted between a meeting's leave pages half empty (0.6 s at 3,000 meetings)."""
    from tui.search import update

    plans = update.planned(db, root)
    update.apply(db, root, plans, lambda message: _say(note=message), _progress)
    indexed = db.execute("SELECT count(*) FROM docs").fetchone()[0]
    if update.documents(plans) * 2 >= indexed:
        db.execute("VACUUM")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the app's connection may keep it open


def _progress(done: int, total: int) -> None:
    _say(progress=[done, total])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
