"""How long one durable save takes as the database grows, against stock TinyDB.

    .venv/bin/python benchmarks/save_cost.py [--saves 200] [--dir /some/disk]

Builds stores of 3, 300 and 3000 meeting documents (about 30 KB each), then times
transactions that read one meeting, change it and commit it durably. Then times
stock TinyDB's JSONStorage updating one record in a single 10,000-record file.
Prints figures only. Use --dir on the disk the office really uses: on tmpfs fsync
costs nothing and the figures mean little.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb import TinyDB

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.storage.envelope import encode_tables, wrap
from tui.storage.layout import MEETINGS, meeting_name
from tui.storage.store import Store

SIZES = (3, 300, 3000)
STOCK_RECORDS = 10_000
LINE = "本案經主席裁示：請秘書室會同人事室研議具體方案，並於下次會議提出報告。"


def meeting(number: int) -> dict[str, Any]:
    items = [
        {
            "no": item,
            "subject": f"第{item}案 {LINE[:20]}",
            "report": [LINE] * 4,
            "decision": LINE,
            "owners": ["秘書室", "人事室", "主計室"],
        }
        for item in range(1, 43)
    ]
    return {"number": number, "title": f"第{number}次主管會報", "items": items, "edited": 0}


def build(root: Path, count: int) -> Store:
    """Lay the documents down directly: setting up need not be durable."""
    store = Store.open(root)
    folder = root / MEETINGS
    folder.mkdir(mode=0o700)
    for number in range(count):
        data = wrap(encode_tables({"meeting": {"1": meeting(number)}}))
        (folder / f"{number:04d}.json").write_bytes(data)
    return store


def time_calls(call: Callable[[int], None], count: int) -> list[float]:
    times = []
    for index in range(count):
        started = time.perf_counter()
        call(index)
        times.append(time.perf_counter() - started)
    return sorted(times)


def percentile(times: list[float], fraction: float) -> float:
    return times[min(len(times) - 1, int(fraction * len(times)))] * 1000


def store_saves(store: Store, count: int, saves: int) -> list[float]:
    rng = random.Random(count)

    def save(index: int) -> None:
        with store.transaction() as tx:
            table = tx.db(meeting_name(rng.randrange(count))).table("meeting")
            table.update({"edited": index + 1}, doc_ids=[1])

    return time_calls(save, saves)


def stock_saves(root: Path, saves: int) -> tuple[list[float], int]:
    path = root / "stock.json"
    record = {"subject": LINE, "history": [LINE] * 3, "owner": "秘書室", "edited": 0}
    records = {str(n): dict(record, number=n) for n in range(1, STOCK_RECORDS + 1)}
    path.write_text(json.dumps({"cases": records}), encoding="utf-8")
    rng = random.Random(0)
    with TinyDB(path) as db:
        table = db.table("cases")
        times = time_calls(
            lambda i: table.update({"edited": i + 1}, doc_ids=[rng.randint(1, STOCK_RECORDS)]),
            saves,
        )
    return times, path.stat().st_size


def folder_mb(root: Path) -> float:
    return sum(p.stat().st_size for p in root.rglob("*.json")) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--stock-saves", type=int, default=50)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="agenda-bench-", dir=args.dir))
    try:
        run(work, args.saves, args.stock_saves)
    finally:
        shutil.rmtree(work)


def run(work: Path, saves: int, stock: int) -> None:
    one = len(wrap(encode_tables({"meeting": {"1": meeting(1)}}))) / 1000
    print(f"one meeting document: {one:.1f} KB; {saves} saves per size; folder {work}")
    print(f"{'meetings':>9} {'db MB':>8} {'p50 ms':>8} {'p99 ms':>8}")
    p50s = []
    for count in SIZES:
        store = build(work / f"db{count}", count)
        times = store_saves(store, count, saves)
        p50s.append(percentile(times, 0.5))
        mb = folder_mb(store.root)
        print(f"{count:>9} {mb:>8.1f} {p50s[-1]:>8.2f} {percentile(times, 0.99):>8.2f}")
    print(f"p50 ratio {SIZES[-1]} / {SIZES[0]} meetings: {p50s[-1] / p50s[0]:.2f}")
    times, size = stock_saves(work, stock)
    print(
        f"stock TinyDB JSONStorage, one file of {STOCK_RECORDS} records ({size / 1e6:.1f} MB), "
        f"{stock} saves: p50 {percentile(times, 0.5):.1f} ms, p99 {percentile(times, 0.99):.1f} ms"
    )


if __name__ == "__main__":
    main()
