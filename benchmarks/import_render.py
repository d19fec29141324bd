"""Import and render time of the reference record: in process, and as whole `agenda` commands.

Run: .venv/bin/python benchmarks/import_render.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.agenda_command import AGENDA  # noqa: E402

REFERENCE = ROOT / "data" / "record-101.md"


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def row(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    return f"| {name} | {statistics.median(times):.2f} | {p90:.2f} |"


def in_process(runs: int) -> list[str]:
    from tui.importer.record import read_record
    from tui.profile import default_profile_path, load_profile
    from tui.render.document import RenderOptions, render_record

    units = load_profile(default_profile_path()).unit_names
    record = read_record(REFERENCE, units)
    return [
        row("parse the reference (in process)", timed(lambda: read_record(REFERENCE, units), runs)),
        row(
            "render Markdown (in process)",
            timed(lambda: render_record(record.meeting, record.office, RenderOptions()), runs),
        ),
        row(
            "render text (in process)",
            timed(lambda: render_record(record.meeting, record.office, RenderOptions("txt")), runs),
        ),
    ]


def commands(runs: int) -> list[str]:
    agenda = AGENDA
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "db")

        def run(*args: str) -> None:
            subprocess.run([*agenda, "--db", db, *args], check=True, capture_output=True)

        rows.append(row("`agenda --version`", timed(lambda: run("--version"), runs)))
        imports = timed(lambda: run("import", "--replace", str(REFERENCE)), runs)
        rows.append(row("`agenda import` of the reference", imports))
        rows.append(row("`agenda render 101`", timed(lambda: run("render", "101"), runs)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    print(f"| what ({runs} runs) | median ms | p90 ms |")
    print("|---|---|---|")
    for line in in_process(runs) + commands(runs):
        print(line)


if __name__ == "__main__":
    main()
