"""The app's collector: held through start-up, then the full collection left to pauses in
the typing (tui.app.memory). Each process that changes the collector is a child of the test,
as the app's own process is: the test runner's collector stays as it was."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import textwrap

from tests.conftest import ROOT
from tui.app import memory
from tui.app.memory import IDLE_SECONDS, LONGEST_SECONDS, FullCollection


def in_a_child(script: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        check=True,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_once_settled_the_young_are_collected_and_the_oldest_left_to_pauses() -> None:
    found = in_a_child(
        """
        import gc, json
        from tui.app import memory
        memory.hold_collection()
        held = gc.isenabled()
        memory.settle()
        print(json.dumps({"held": held, "enabled": gc.isenabled(),
                          "threshold": gc.get_threshold(), "frozen": gc.get_freeze_count()}))
        """
    )
    assert found["held"] is False and found["enabled"] is True
    threshold = found["threshold"]
    assert isinstance(threshold, list) and threshold[2] == memory.NEVER_BY_COUNT
    assert threshold[0] < 10_000  # the youngest generation still collected as it fills
    assert isinstance(found["frozen"], int) and found["frozen"] > 1000


def test_a_pause_in_the_typing_collects_the_cycles_left_behind() -> None:
    found = in_a_child(
        """
        import gc, json
        from tui.app import memory
        memory.hold_collection()
        memory.settle()
        now = [0.0]
        full = memory.FullCollection(clock=lambda: now[0])
        collected = []
        gc.callbacks.append(
            lambda phase, info: phase == "stop" and info["generation"] == 2
            and collected.append(info["collected"]))

        class Node:
            pass

        for _ in range(20_000):  # cycles that live long enough to reach the oldest generation
            a, b = Node(), Node()
            a.other, b.other = b, a
            kept = [a]
        del a, b, kept
        gc.collect(1)  # promoted, as the young ones collected while typing are
        before = list(collected)
        now[0] += 0.1
        full.key()
        full.tick()  # typing: nothing
        typing = list(collected)
        now[0] += memory.IDLE_SECONDS
        full.tick()
        print(json.dumps({"before": before, "typing": typing, "after": collected}))
        """
    )
    assert found["before"] == [] and found["typing"] == []
    after = found["after"]
    assert isinstance(after, list) and len(after) == 1 and after[0] >= 2


def test_a_full_collection_waits_for_a_pause_or_the_longest_wait() -> None:
    now = [0.0]
    full = FullCollection(clock=lambda: now[0])
    assert not full.due()  # nothing typed yet
    for _ in range(int(LONGEST_SECONDS / 0.1) - 1):  # typing on, a key every tenth of a second
        now[0] += 0.1
        full.key()
        assert not full.due()
    now[0] += 0.2
    assert full.due()  # typed through a minute: collected all the same
    full.collect()
    assert not full.due()
    now[0] += IDLE_SECONDS * 5
    assert not full.due()  # no key since: nothing new to wait for
    full.key()
    now[0] += IDLE_SECONDS / 2
    assert not full.due()
    now[0] += IDLE_SECONDS / 2
    assert full.due()


def test_in_a_process_the_app_did_not_start_the_collector_is_left_alone() -> None:
    """A test's app (run_test) leaves the test runner's collector alone."""
    now = [0.0]
    full = FullCollection(clock=lambda: now[0])
    full.key()
    now[0] += LONGEST_SECONDS
    before = gc.get_stats()[2]["collections"]
    full.tick()
    assert gc.get_stats()[2]["collections"] == before
