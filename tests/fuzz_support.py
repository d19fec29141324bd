"""Running `agenda` on hostile input and checking the one rule of issue 17: it exits 0, or
with a documented status and one error line, within a time and memory bound, and a refusal
leaves the database as it was."""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.cli_support import snapshot
from tests.conftest import ROOT
from tui.cli.main import build_parser

DOCUMENTED = {0, 1, 2, 130, 141}
ALSO = {"search": {3}}  # EXIT_NOTES: nothing found
EACH_FILE_NAMED = {"import", "collect"}
SECONDS = 30.0
MEMORY = 2 * 1024**3  # address space a command may take
# Derived files a refused command may still bring up to date.
DERIVED = ("search.", ".lock", "holds")
# The app, and a server that runs until stopped, are not commands that answer.
NOT_FUZZED = {"serve", "demo"}


def examples(default: int) -> int:
    """AGENDA_FUZZ_EXAMPLES for the long run (benchmarks/fuzz.py), else CI's few."""
    return int(os.environ.get("AGENDA_FUZZ_EXAMPLES", default))


def tally(kind: str) -> None:
    """One input tried, counted where benchmarks/fuzz.py asks (AGENDA_FUZZ_TALLY)."""
    where = os.environ.get("AGENDA_FUZZ_TALLY")
    if where:
        with open(where, "a", encoding="utf-8") as file:
            file.write(kind + "\n")


def commands() -> dict[str, list[str]]:
    """Each command (a group's actions as "item add") and the options it takes."""
    found: dict[str, list[str]] = {}
    _collect(build_parser(), [], found)
    return {name: options for name, options in found.items() if name not in NOT_FUZZED}


def _collect(
    parser: argparse.ArgumentParser, words: list[str], found: dict[str, list[str]]
) -> None:
    options: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                _collect(sub, [*words, name], found)
            return
        if not isinstance(action, argparse._HelpAction):
            options.extend(action.option_strings)
    if words:
        found[" ".join(words)] = options


@dataclass
class Outcome:
    status: int
    stdout: str
    stderr: str
    seconds: float


def run(db: Path, args: list[str], cwd: Path) -> Outcome:
    """`agenda --db DB ARGS` in cwd, in English, with no terminal and a memory limit."""
    env = {k: v for k, v in os.environ.items() if k not in ("AGENDA_DB", "AGENDA_LANG")}
    env |= {"PYTHONIOENCODING": "utf-8", "AGENDA_LANG": "en", "PYTHONPATH": str(ROOT)}
    env["XDG_CACHE_HOME"] = str(cwd / "cache")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=SECONDS + 30,
        preexec_fn=_limit_memory,
    )
    return Outcome(result.returncode, result.stdout, result.stderr, time.monotonic() - started)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def check(outcome: Outcome, command: str, before: dict[str, str], db: Path) -> None:
    """The rule: status 0, or a documented one with one error line; a refusal changes nothing."""
    said = f"{command}: status {outcome.status}\n{outcome.stderr[-2000:]}"
    assert "Traceback" not in outcome.stderr, said
    assert outcome.seconds < SECONDS, f"{said}\ntook {outcome.seconds:.1f} s"
    assert outcome.status in DOCUMENTED | ALSO.get(command.split()[0], set()), said
    if outcome.status in (0, 3):
        return
    errors = [line for line in outcome.stderr.splitlines() if ": error: " in line]
    # import and collect name each file they refused, one line each (EXIT_NOTES), and take
    # the others.
    many = command.split()[0] in EACH_FILE_NAMED
    assert len(errors) == 1 or (many and errors), said
    if many:
        return
    assert _documents(snapshot(db)) == _documents(before), said


def _documents(files: dict[str, str]) -> dict[str, str]:
    return {name: digest for name, digest in files.items() if not name.startswith(DERIVED)}


def fresh_copy(template: Path, folder: Path) -> Path:
    """A database of its own for one input, copied from one imported once."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(template, folder)
    return folder
