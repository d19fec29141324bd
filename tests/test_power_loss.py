"""Simulated power loss: whatever the page cache had not synced is lost, torn or garbled.

A workload of transactions runs for real under tests.faulty_disk.Recorder, which logs
every write, fsync, rename, link, unlink and mkdir. For a crash point k drawn by
hypothesis, Recorder.crash() builds a disk the power loss could leave (see
faulty_disk for the rules), that disk is written to a fresh folder and opened with
Store.open, and every document is read. Property: it opens without error, leaves no
temp file or journal, and holds exactly the state after commit j for some j between
the commits acknowledged before k and the commits begun before k. Sometimes the power
fails again during that recovery, and the disk it leaves must satisfy the same.

AGENDA_POWER_EXAMPLES sets the number of hypothesis examples (default 400), each with
CRASHES power losses; setting it also prints the figures of the run.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinydb.table import Document

from tests.faulty_disk import (
    FATES,
    Disk,
    Entry,
    Event,
    Everything,
    OnlySynced,
    Recorder,
    SyncDir,
    Write,
    disk_files,
    fate_of,
    materialise,
    real_files,
)
from tui.storage import files
from tui.storage.errors import SCHEMA
from tui.storage.store import Store

NAMES = ("index", "meetings/0101", "meetings/0102", "cases/2025/open")
FOLDERS = ("", "meetings", "cases/2025")
PAD = "第一百零一次主管會報，決議事項：請各單位依限辦理並回報。" * 4
EXAMPLES = int(os.environ.get("AGENDA_POWER_EXAMPLES") or 400)
CRASHES = 4
STATS: Counter[str] = Counter()

State = dict[str, Any]  # document name -> its TinyDB tables, None when absent
Action = tuple[str, bool]  # (document, delete it?)


@dataclass
class Run:
    """A recorded workload: states[j] is the store after j commits (0: just opened)."""

    recorder: Recorder
    opened: int  # trace length when Store.open returned
    meta: Any
    states: list[State] = field(default_factory=list)
    begun: list[int] = field(default_factory=list)  # trace length as commit j+1 began
    acked: list[int] = field(default_factory=list)  # ... and when it returned

    def allowed(self, k: int) -> range:
        """The commits j whose state a power loss after k events may leave."""
        low = sum(1 for done in self.acked if done <= k)
        high = sum(1 for start in self.begun if start < k)
        return range(low, max(low, high) + 1)


@dataclass
class Seen:
    state: State
    meta: Any
    warnings: list[str]


def run_workload(world: Path, commits: list[list[Action]]) -> Run:
    world.mkdir()
    recorder = Recorder(world)
    state: State = dict.fromkeys(NAMES)
    with recorder:
        store = Store.open(world / "db")
        run = Run(recorder, len(recorder.trace), read_meta(store), [dict(state)])
        for number, actions in enumerate(commits, 1):
            run.begun.append(len(recorder.trace))
            with store.transaction() as tx:
                for position, (name, delete) in enumerate(actions):
                    if delete:
                        tx.delete(name)
                        state[name] = None
                    else:
                        record = {"v": f"{number}.{position}", "pad": PAD}
                        tx.db(name).table("t").upsert(Document(record, doc_id=1))
                        state[name] = {"t": {"1": record}}
            run.acked.append(len(recorder.trace))
            run.states.append(dict(state))
    assert recorder.live() == real_files(world), "the recorder missed a change"
    assert read_state(store) == state
    return run


def read_meta(store: Store) -> Any:
    with store.reading() as tx:
        return tx.db("meta").storage.read()


def read_state(store: Store) -> State:
    with store.reading() as tx:
        return {name: tx.db(name).storage.read() for name in NAMES}


@contextmanager
def writers_dead() -> Iterator[None]:
    """After a power loss no process that named a temp file is alive, this one included."""
    alive = files.pid_alive
    with mock.patch.object(files, "pid_alive", lambda pid: pid != os.getpid() and alive(pid)):
        yield


def reopen(root: Path, recorder: Recorder | None = None) -> Seen:
    """Open a database as the first program after the power came back, and read it all.

    It runs under a Recorder (a fresh one unless given) only to skip the real fsyncs.
    """
    with recorder or Recorder(root.parent), writers_dead():
        store = Store.open(root)
        leftovers = [p.name for p in root.rglob("*") if ".tmp-" in p.name]
        assert leftovers == [], "temp files left after open"
        assert not (root / "journal.json").exists(), "journal left after open"
        state = read_state(store)
        listed = {name for folder in FOLDERS for name in store.names(folder)} - {"meta"}
        assert listed == {name for name, tables in state.items() if tables is not None}
        return Seen(state, read_meta(store), store.warnings)


def check(run: Run, k: int, seen: Seen, where: str) -> int:
    """Assert seen is a state the user saw; return which (the latest, if several)."""
    meta = seen.meta["store"]["1"]
    assert meta["schema"] == SCHEMA, f"{where}: meta {seen.meta}"
    if k >= run.opened:
        assert seen.meta == run.meta, f"{where}: the database's meta changed"
    allowed = run.allowed(k)
    matches = [j for j in allowed if run.states[j] == seen.state]
    if not matches:
        near = run.recorder.trace[max(0, k - 12) : k]
        trail = "\n  ".join(str(event) for event in near)
        got = {name: tables and tables["t"]["1"]["v"] for name, tables in seen.state.items()}
        states = [
            {name: tables and tables["t"]["1"]["v"] for name, tables in state.items()}
            for state in run.states
        ]
        raise AssertionError(
            f"{where}: power loss after event {k} left {got}, not the state after any "
            f"of commits {list(allowed)}: {states}\nwarnings: {seen.warnings}\n"
            f"last events:\n  {trail}"
        )
    return matches[-1]


class Drawn:
    """Faults drawn by hypothesis, so a failure shrinks to the fewest surprises."""

    def __init__(self, data: st.DataObject) -> None:
        self.data = data

    def keep(self, entry: Entry) -> bool:
        return self.data.draw(st.booleans(), label=f"unsynced {entry} happened")

    def survive(self, write: Write) -> bytes | None:
        fate = self.data.draw(st.sampled_from(FATES), label=f"unsynced {write}")
        cut = seed = 0
        if fate == "torn":
            cut = self.data.draw(st.integers(0, max(0, len(write.data) - 1)), label="cut at")
        if fate == "garbled":
            seed = self.data.draw(st.integers(0, 2**32 - 1), label="garbage seed")
        return fate_of(write, fate, cut, seed)


def crash_and_reopen(
    run: Run, k: int, disk: Disk, target: Path, where: str, losses: Counter[str]
) -> None:
    materialise(disk, target)
    losses["journal to finish"] += (target / "db" / "journal.json").exists()
    losses["temps to sweep"] += any(".tmp-" in p.name for p in target.rglob("*"))
    seen = reopen(target / "db")
    j = check(run, k, seen, where)
    losses["power losses"] += 1
    losses["repaired from a backup"] += bool(seen.warnings)
    losses["in flight"] += j > run.allowed(k).start


def crash_points(
    trace: list[Event], start: int = 0, end: int | None = None
) -> st.SearchStrategy[int]:
    """A point between start and end, or one there just before a folder is synced."""
    end = len(trace) if end is None else end
    anywhere = st.integers(start, end)
    risky = [k for k in range(start, end) if isinstance(trace[k], SyncDir)]
    return st.one_of(anywhere, st.sampled_from(risky)) if risky else anywhere


def crash_in_a_commit(run: Run) -> st.SearchStrategy[int]:
    """Power fails during Store.open or during one of the commits, each as likely."""
    spans = [(0, run.opened), *zip(run.begun, run.acked, strict=True)]
    return st.sampled_from(spans).flatmap(lambda span: crash_points(run.recorder.trace, *span))


actions = st.lists(st.tuples(st.sampled_from(NAMES), st.booleans()), min_size=1, max_size=3)
workloads = st.lists(actions, min_size=1, max_size=5)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(commits=workloads, data=st.data())
def test_a_power_loss_leaves_a_state_the_user_saw(
    commits: list[list[Action]], data: st.DataObject
) -> None:
    losses = Counter[str]()
    with tempfile.TemporaryDirectory() as tmp:
        run = run_workload(Path(tmp, "world"), commits)
        for crash in range(CRASHES):
            k = data.draw(crash_in_a_commit(run), label="power fails after event")
            disk = run.recorder.crash(k, Drawn(data))
            first = Path(tmp, f"crash-{crash}")
            crash_and_reopen(run, k, disk, first, f"crash {crash}", losses)
            if not data.draw(st.booleans(), label="power fails again during recovery"):
                continue
            # Replay the recovery of the same crashed disk, recorded, and cut it short.
            again = Path(tmp, f"again-{crash}")
            materialise(disk, again)
            recovery = Recorder(again)
            reopen(again / "db", recovery)
            k2 = data.draw(crash_points(recovery.trace), label="and after event")
            disk2 = recovery.crash(k2, Drawn(data))
            where = f"crash {crash}, then after recovery event {k2}"
            losses["twice"] += 1
            crash_and_reopen(run, k, disk2, Path(tmp, f"twice-{crash}"), where, losses)
    STATS.update(losses)  # only examples that ran to the end count
    STATS["seeds"] += 1


@pytest.fixture(scope="module", autouse=True)
def summary(pytestconfig: pytest.Config) -> Iterator[None]:
    """With AGENDA_POWER_EXAMPLES set, print the figures of the run."""
    STATS.clear()
    yield
    if not os.environ.get("AGENDA_POWER_EXAMPLES") or not STATS["seeds"]:
        return
    line = (
        f"{STATS['power losses']} simulated power losses over {STATS['seeds']} seeds: "
        f"unreadable 0, acknowledged commits lost 0 (journal to finish "
        f"{STATS['journal to finish']}, temps to sweep {STATS['temps to sweep']}, "
        f"in-flight commit kept {STATS['in flight']}, repaired from a backup "
        f"{STATS['repaired from a backup']}, power lost again during recovery {STATS['twice']})"
    )
    capture = pytestconfig.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\n{line}")


# -- every crash point of one workload, at the two extremes ----------------------------

FIXED: list[list[Action]] = [
    [("index", False)],
    [("meetings/0101", False), ("index", False)],
    [("meetings/0101", False)],
    [("cases/2025/open", False), ("meetings/0101", False), ("meetings/0102", False)],
    [("meetings/0101", True), ("index", False)],
    [("meetings/0102", True)],
    [("cases/2025/open", False)],
]


@pytest.mark.parametrize("faults", [OnlySynced(), Everything()], ids=["only-synced", "all-cached"])
def test_every_crash_point_of_a_fixed_workload(
    tmp_path: Path, faults: OnlySynced | Everything
) -> None:
    run = run_workload(tmp_path / "world", FIXED)
    for k in range(len(run.recorder.trace) + 1):
        disk = run.recorder.crash(k, faults)
        check(run, k, reopen_disk(disk, tmp_path / f"k{k}"), f"event {k}")


def reopen_disk(disk: Disk, target: Path) -> Seen:
    materialise(disk, target)
    return reopen(target / "db")


# -- the two orderings the model found unsafe ------------------------------------------


class KeepOnly:
    """Of the unsynced work only the folder changes described as wanted survive."""

    def __init__(self, *wanted: str) -> None:
        self.wanted = wanted

    def keep(self, entry: Entry) -> bool:
        return any(want in str(entry) for want in self.wanted)

    def survive(self, write: Write) -> bytes | None:
        return None


def test_a_journal_never_names_a_temp_a_power_loss_can_undo(tmp_path: Path) -> None:
    """The journal's rename reached the disk, and nothing else unsynced did."""
    commits: list[list[Action]] = [[("index", False)], [("meetings/0101", False), ("index", False)]]
    run = run_workload(tmp_path / "world", commits)
    for k in range(run.begun[1], run.acked[1] + 1):
        disk = run.recorder.crash(k, KeepOnly("replace in db: journal.json="))
        check(run, k, reopen_disk(disk, tmp_path / f"k{k}"), f"event {k}")


def test_a_delete_cut_short_never_brings_back_an_older_version(tmp_path: Path) -> None:
    """Unlinking the document reached the disk, unlinking its older backup did not."""
    commits: list[list[Action]] = [[("index", False)], [("index", False)], [("index", True)]]
    run = run_workload(tmp_path / "world", commits)
    for k in range(run.begun[2], run.acked[2] + 1):
        disk = run.recorder.crash(k, KeepOnly("unlink in db: index.json="))
        check(run, k, reopen_disk(disk, tmp_path / f"k{k}"), f"event {k}")


# -- the model itself ------------------------------------------------------------------


def test_the_recorder_sees_every_change_and_a_full_crash_loses_nothing(tmp_path: Path) -> None:
    world = tmp_path / "world"
    run = run_workload(world, FIXED)
    whole = run.recorder.crash(len(run.recorder.trace), Everything())
    assert disk_files(whole) == real_files(world)


def test_unsynced_data_and_names_are_what_a_crash_loses(tmp_path: Path) -> None:
    world = tmp_path / "world"
    world.mkdir()
    with Recorder(world) as recorder:
        (world / "sub").mkdir()
        fd = os.open(world / "sub" / "a", os.O_WRONLY | os.O_CREAT)
        os.write(fd, b"synced")
        os.fsync(fd)
        os.write(fd, b" and not")
        os.close(fd)
        files.fsync_dir(world)
        files.fsync_dir(world / "sub")
        os.replace(world / "sub" / "a", world / "sub" / "b")
    assert [str(e) for e in recorder.trace if isinstance(e, (Entry, SyncDir))] == [
        "mkdir in .: sub=sub",
        "create in sub: a=0",
        "fsync folder .",
        "fsync folder sub",
        "replace in sub: b=0, a=None",
    ]
    end = len(recorder.trace)
    assert disk_files(recorder.crash(end, OnlySynced())) == {"sub/a": b"synced"}
    assert disk_files(recorder.crash(end, Everything())) == {"sub/b": b"synced and not"}
    assert disk_files(recorder.crash(3, Everything())) == {"sub/a": b"synced"}  # no fsync yet
    assert disk_files(recorder.crash(4, OnlySynced())) == {}  # "sub" itself not synced


def test_the_fates_of_an_unsynced_write() -> None:
    write = Write(0, 0, b"0123456789")
    assert fate_of(write, "kept", 3, 1) == b"0123456789"
    assert fate_of(write, "lost", 3, 1) is None
    assert fate_of(write, "torn", 3, 1) == b"012"
    assert fate_of(write, "zeroed", 3, 1) == bytes(10)
    garbled = fate_of(write, "garbled", 3, 1)
    assert garbled is not None and len(garbled) == 10 and garbled != write.data
