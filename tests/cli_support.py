"""Running `agenda` as a real process, as a user would."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import ROOT


def ctrl_c_heard() -> None:
    """For a child that is sent ctrl+c (its preexec_fn): SIGINT as at a terminal. A test run
    started in the background of a shell (`… &`) ignores it, and so did every child."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


IMPORT_COLUMNS = ("meeting", "date", "items", "conclusions", "opened", "released", "kept")


def agenda(
    *args: str | Path,
    db: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m tui [--db DB] ARGS…` with no AGENDA_DB unless env gives one."""
    full = {k: v for k, v in os.environ.items() if k != "AGENDA_DB"}
    full["PYTHONIOENCODING"] = "utf-8"
    full.update(env or {})
    command = [sys.executable, "-m", "tui"]
    if db is not None:
        command += ["--db", str(db)]
    command += [str(a) for a in args]
    return subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", env=full, cwd=ROOT, timeout=60
    )


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single `agenda: error:` line a failed command printed, checked for shape."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("agenda: error: "), lines[0]
    return lines[0]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under folder (hidden ones too) by relative path, as a SHA-256 digest."""
    found: dict[str, str] = {}
    if not folder.exists():
        return found
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            found[path.relative_to(folder).as_posix()] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
    return found


def load_json(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def imported_rows(result: subprocess.CompletedProcess[str]) -> dict[int, list[str]]:
    """The rows of `agenda import`'s table by meeting: date, items, conclusions, cases
    opened, released, kept, file."""
    lines = result.stdout.splitlines()
    assert lines[0].split() == [*IMPORT_COLUMNS, "file"], lines[0]
    rows = {}
    for line in lines[1:]:
        if not line.startswith(" "):
            break
        number, *cells = line.split(maxsplit=len(IMPORT_COLUMNS))
        rows[int(number)] = cells
    return rows


def private_copy(db: Path, folder: Path) -> Path:
    """A copy of a database shared by a module's tests, free for one test to change."""
    import shutil

    copy = folder / "db"
    shutil.copytree(db, copy)
    return copy


def imported_archive(folder: Path, first: int, count: int) -> Path:
    """A database in `folder` into which `agenda import` stored an archive of `count`
    records from meeting `first` (benchmarks/archive.py's, no extra files)."""
    from benchmarks.archive import write_archive

    archive = write_archive(folder / "records", first, count, extras=False)
    db = folder / "db"
    assert agenda("import", archive.folder, db=db).returncode == 0
    return db
