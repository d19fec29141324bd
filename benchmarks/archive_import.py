"""Time of `agenda import FOLDER` on an archive of records in the reference's shape.

The archive is benchmarks/archive.py's: a folder per 民國 year, one record a month, two cases
opened at each meeting and released four meetings later, one record in Big5 and one file
that is not a record (so the import ends with status 2, as it should). Each run imports
into a fresh database, as a whole `agenda` process.

    .venv/bin/python benchmarks/archive_import.py [--meetings 120] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.agenda_command import AGENDA  # noqa: E402
from benchmarks.archive import write_archive  # noqa: E402


def timed_run(command: list[str], expect: int) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    took = time.perf_counter() - start
    if result.returncode != expect:
        raise SystemExit(f"{' '.join(command)}: status {result.returncode}\n{result.stderr}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=120)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    agenda = AGENDA
    with tempfile.TemporaryDirectory(prefix="agenda-archive-") as scratch:
        folder = Path(scratch) / "records"
        write_archive(folder, 101, args.meetings)
        imports, listings = [], []
        for run in range(args.runs):
            db = str(Path(scratch) / f"db{run}")
            imports.append(timed_run([*agenda, "--db", db, "import", str(folder)], expect=2))
            listings.append(timed_run([*agenda, "--db", db, "meetings"], expect=0))
    median = statistics.median(imports)
    print(f"| what ({args.runs} runs, {args.meetings} meetings) | median s | max s |")
    print("|---|---|---|")
    print(f"| `agenda import FOLDER` | {median:.2f} | {max(imports):.2f} |")
    print(f"| per meeting | {median / args.meetings * 1000:.1f} ms | |")
    listed = statistics.median(listings)
    print(f"| `agenda meetings` after it | {listed:.2f} | {max(listings):.2f} |")


if __name__ == "__main__":
    main()
