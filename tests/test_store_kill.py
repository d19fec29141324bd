"""SIGKILL a writer at random moments: every acknowledged edit must survive, intact.

Run as a script, this module is the writer. AGENDA_KILLS sets the number of kills
(default 40); AGENDA_KILL_SEED replays a run.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from tinydb.table import Document

from tui.storage.store import Store, Transaction

REPO = Path(__file__).resolve().parent.parent
TEXT = "議題討論紀錄：請秘書室彙整各單位意見後提報下次會議。"
PAD = TEXT * 20


# -- the writer ---------------------------------------------------------------------


def edit(tx: Transaction, number: int) -> None:
    """Every third edit touches several documents, so the journal gets killed too."""
    tx.db("log").table("edits").insert({"n": number, "text": TEXT})
    if number % 3:
        return
    tx.db(f"meetings/{number % 4:04d}").table("edits").insert({"n": number, "pad": PAD})
    tx.db("index").table("last").upsert(Document({"n": number}, doc_id=1))
    tx.db(f"scratch/{number:06d}").table("edits").insert({"n": number})
    if number >= 3:
        tx.delete(f"scratch/{number - 3:06d}")


def write_forever(root: Path) -> None:
    store = Store.open(root)
    with store.reading() as tx:
        number = len(tx.db("log").table("edits"))
    print("ready", flush=True)
    while True:
        with store.transaction() as tx:
            edit(tx, number)
        print(f"ack {number}", flush=True)
        number += 1


# -- the test -----------------------------------------------------------------------


def spawn(root: Path) -> tuple[subprocess.Popen[str], queue.Queue[str | None]]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, __file__, str(root)]
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.put(line.strip())
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return child, lines


def kill_at_random(root: Path, rng: random.Random) -> set[int]:
    """Run one writer, kill it, return the edits it acknowledged."""
    child, lines = spawn(root)
    seen: list[str] = []
    if rng.random() < 0.25:  # may land inside Store.open and its recovery
        time.sleep(rng.uniform(0, 0.15))
    else:
        wait_for_lines(lines, seen, 1 + rng.randint(0, 5))  # "ready", then some acks
        time.sleep(rng.uniform(0, 0.05))
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL, "the writer died on its own"
    wait_for_lines(lines, seen, sys.maxsize)
    return {int(line.split()[1]) for line in seen if line.startswith("ack ")}


def wait_for_lines(lines: queue.Queue[str | None], seen: list[str], count: int) -> None:
    """Move up to count lines into seen, stopping early when the writer's output ends."""
    for _ in range(count):
        line = lines.get(timeout=30)
        if line is None:
            lines.put(None)
            return
        seen.append(line)


def check(root: Path, acked: set[int]) -> None:
    store = Store.open(root)
    assert store.warnings == []
    with store.reading() as tx:
        log = [row["n"] for row in tx.db("log").table("edits").all()]
        multi = [n for n in log if n % 3 == 0]
        meetings = [tx.db(f"meetings/{k:04d}").table("edits").all() for k in range(4)]
        last = tx.db("index").table("last").get(doc_id=1)
    assert log == list(range(len(log)))
    assert acked <= set(log), sorted(acked - set(log))
    assert sorted(row["n"] for rows in meetings for row in rows) == multi
    assert (last["n"] if last else None) == (multi[-1] if multi else None)
    assert store.names("scratch") == [f"scratch/{n:06d}" for n in multi[-1:]]
    leftovers = [p for p in root.rglob("*") if ".tmp-" in p.name or ".damaged-" in p.name]
    assert leftovers == [] and not (root / "journal.json").exists()


def test_acknowledged_edits_survive_sigkill(tmp_path: Path) -> None:
    seed = int(os.environ.get("AGENDA_KILL_SEED") or random.randrange(1 << 32))
    rng = random.Random(seed)
    print(f"AGENDA_KILL_SEED={seed}")
    root = tmp_path / "db"
    acked: set[int] = set()
    journals = temps = 0
    for _ in range(int(os.environ.get("AGENDA_KILLS", "40"))):
        acked |= kill_at_random(root, rng)
        journals += (root / "journal.json").exists()
        temps += any(".tmp-" in p.name for p in root.rglob("*"))
        check(root, acked)
    print(f"{len(acked)} acked, killed mid-journal {journals}, temps left {temps}")
    assert acked


if __name__ == "__main__":
    write_forever(Path(sys.argv[1]))
