"""Writers SIGKILLed at random moments while saving: the CLI, in-process calls, the app.

After every kill the next start must find a database that opens and loads whole, every
acknowledged edit in it, and no temporary file left. The writers and the checks are in
tests/killed_writers_support.py; benchmarks/reliability.py runs them longer.

AGENDA_KILLS sets the kills of the CLI / in-process writers (default 15, every third a
real `agenda` command), AGENDA_APP_KILLS those of the app (default a third of that, at
least 5); AGENDA_KILL_SEED replays a run.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.app_support import demo_database
from tests.killed_writers_support import Figures, KillLoop, kill_loop, mixed_modes

KILLS = int(os.environ.get("AGENDA_KILLS") or 15)
APP_KILLS = int(os.environ.get("AGENDA_APP_KILLS") or max(5, KILLS // 3))


@pytest.fixture
def rng() -> random.Random:
    seed = int(os.environ.get("AGENDA_KILL_SEED") or random.randrange(1 << 32))
    print(f"AGENDA_KILL_SEED={seed}")
    return random.Random(seed)


def assert_nothing_lost(figures: Figures) -> None:
    print(figures)
    assert figures.problems == []
    assert figures.unreadable == 0
    assert figures.lost == 0
    assert figures.temps_left == 0
    assert figures.losses == 0


def test_cli_and_in_process_writers_killed(tmp_path: Path, rng: random.Random) -> None:
    db = demo_database(tmp_path)
    figures = kill_loop(db, mixed_modes(KILLS), rng)
    assert figures.kills == KILLS and figures.by_mode["cli"] == KILLS // 3
    assert_nothing_lost(figures)
    assert figures.acked > 0


def test_app_writer_killed(tmp_path: Path, rng: random.Random) -> None:
    db = demo_database(tmp_path)
    figures = kill_loop(db, ["app"] * APP_KILLS, rng, cli_after_app=True)
    assert figures.kills == APP_KILLS
    assert_nothing_lost(figures)
    # One `agenda conclude` after each kill, beside the app's own (a writer that stops
    # acknowledging is caught above: the kill waits at most 60 s for the acks it aims at).
    assert figures.acked >= APP_KILLS


def test_app_killed_before_typing_leaves_no_empty_conclusion(
    tmp_path: Path, rng: random.Random
) -> None:
    db = demo_database(tmp_path)
    loop = KillLoop(db, rng)
    assert "saved" in loop.kill_when("app-blank", "saved")
    loop.check(app=True)
    assert loop.figures.problems == []
    assert loop.figures.empty == 0
