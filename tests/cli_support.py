"""Running `agenda` as a real process, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


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
