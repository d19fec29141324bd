"""One meeting taking many edits: the cost of each, and its document's size as its log grows.

    .venv/bin/python benchmarks/edit_log_growth.py [--meetings 3000] [--edits 100]

Uses the perf cache's synthetic history (benchmarks/perf.py builds it), copied.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.perf_support import cached_db
from tui import secretary
from tui.edits import requests
from tui.storage.layout import meeting_name
from tui.storage.names import document_path
from tui.storage.repository import Repository


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=3000)
    parser.add_argument("--edits", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="agenda-log-growth-") as tmp:
        db = Path(tmp) / "db"
        cache = Path(tempfile.gettempdir()) / "agenda-perf-cache"
        shutil.copytree(cached_db(cache, args.meetings), db)
        repo = Repository.open(db)
        newest = repo.meeting_numbers()[-1]
        service = secretary.editor(repo)
        path = document_path(db, meeting_name(newest))
        before = path.stat().st_size
        times = []
        for index in range(args.edits + 5):
            started = time.perf_counter()
            requests.conclude(
                service, newest, "2.4", f"請總務組於下次會議提出報告（第 {index} 次）。"
            )
            times.append((time.perf_counter() - started) * 1000)
        times = times[5:]
        tenth = max(1, len(times) // 10)
        first, last = times[:tenth], times[-tenth:]
        ordered = sorted(times)
        p50, p99 = statistics.median(times), ordered[int(0.99 * len(ordered))]
        early, late = statistics.median(first), statistics.median(last)
        size, after = before / 1024, path.stat().st_size / 1024
        print(f"{args.edits} edits of meeting {newest} at {args.meetings} meetings")
        print(f"  p50 {p50:.1f} ms, p99 {p99:.1f} ms")
        print(f"  p50 of the first tenth {early:.1f} ms, of the last tenth {late:.1f} ms")
        print(f"  the meeting's document {size:.0f} KB before, {after:.0f} KB after")
    return 0


if __name__ == "__main__":
    sys.exit(main())
