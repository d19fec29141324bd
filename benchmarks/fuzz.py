"""Issue 17's fuzzing suite run longer than CI runs it.

    .venv/bin/python benchmarks/fuzz.py [--examples 300] [--seed N]

Runs tests/test_fuzz_hostile.py with AGENDA_FUZZ_EXAMPLES examples per test (CI: 25, 15 and
15): hostile arguments to every command, hostile values for every profile key, hostile
record files to the importer. Each input must exit 0 or say one line with a documented
status within 30 s and 2 GB, leaving the database as it was when it refuses. Prints one
Markdown table (inputs tried, failures) and exits 1 when anything failed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=300, help="examples per test")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tally = Path(folder) / "tally"
        env = os.environ | {
            "AGENDA_FUZZ_EXAMPLES": str(args.examples),
            "AGENDA_FUZZ_TALLY": str(tally),
            "PYTHONPATH": str(ROOT),
        }
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        command += ["tests/test_fuzz_hostile.py"]
        if args.seed is not None:
            command.append(f"--hypothesis-seed={args.seed}")
        started = time.monotonic()
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.monotonic() - started
        tried = Counter(tally.read_text().split()) if tally.exists() else Counter()
    failed = result.returncode != 0
    print("| inputs | tried | failures |")
    print("|---|---|---|")
    for kind in ("command", "profile", "import"):
        print(f"| {kind} | {tried[kind]:,} | {'see below' if failed else 0} |")
    print(f"\n{sum(tried.values()):,} inputs in {seconds:.0f} s")
    if failed:
        print(result.stdout[-6000:], file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
