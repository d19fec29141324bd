"""Several processes doing read-modify-write on the same documents lose nothing.

Run as a script, this module is one worker (or, with "reader", a checking reader).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tinydb.table import Document

from tui.storage.store import Store

REPO = Path(__file__).resolve().parent.parent
EDITS = 50


def work(root: Path, worker: str) -> None:
    """Each edit bumps a shared counter and appends to a shared log, in one transaction."""
    store = Store.open(root, create=False, lock_timeout=60)
    for number in range(EDITS):
        with store.transaction() as tx:
            counter = tx.db("counter").table("count")
            row = counter.get(doc_id=1)
            counter.upsert(Document({"n": (row["n"] if row else 0) + 1}, doc_id=1))
            tx.db("log").table("edits").insert({"worker": worker, "n": number})


def read_until_done(root: Path, total: int) -> None:
    """Readers must never see half a commit: the counter always matches the log."""
    store = Store.open(root, create=False, lock_timeout=60)
    reads = 0
    while True:
        with store.reading() as tx:
            row = tx.db("counter").table("count").get(doc_id=1)
            logged = len(tx.db("log").table("edits"))
        assert (row["n"] if row else 0) == logged, (row, logged)
        reads += 1
        if logged == total:
            break
        time.sleep(0.002)  # flock is not fair: a reader that never pauses starves writers
    print(f"reads {reads}")


def run_workers(root: Path, workers: int) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    commands = [[sys.executable, __file__, str(root), str(w)] for w in range(workers)]
    commands.append([sys.executable, __file__, str(root), "reader", str(workers * EDITS)])
    children = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
        for command in commands
    ]
    outputs = [child.communicate(timeout=120)[0] for child in children]
    assert [child.returncode for child in children] == [0] * len(children)
    return outputs


@pytest.mark.parametrize("workers", [2, 4])
def test_concurrent_writers_lose_no_change(tmp_path: Path, workers: int) -> None:
    store = Store.open(tmp_path / "db")
    outputs = run_workers(store.root, workers)
    with store.reading() as tx:
        count = tx.db("counter").table("count").get(doc_id=1)
        log = [(row["worker"], row["n"]) for row in tx.db("log").table("edits").all()]
    assert count is not None and count["n"] == workers * EDITS
    assert sorted(log) == sorted((str(w), n) for w in range(workers) for n in range(EDITS))
    assert outputs[-1].startswith("reads ")
    assert [p for p in store.root.rglob("*") if ".tmp-" in p.name] == []


if __name__ == "__main__":
    if sys.argv[2] == "reader":
        read_until_done(Path(sys.argv[1]), int(sys.argv[3]))
    else:
        work(Path(sys.argv[1]), sys.argv[2])
