"""Typing in the minutes editor through a pty, measured honestly.

Every character typed is one not yet on the screen (nor in the data or the catalogs), so
its first appearance in the output after it was written is its echo and nothing else. A
character not shown within ECHO_LIMIT is counted missed, never dropped; every byte the app
writes while typing (and during the save after it) is counted; the p99 is taken over all
the keys (at least 500 make it a real one).

Modes: one key at a time, 2–3-character input-method commits, a key every 20 ms without
waiting for its echo, and single keys into an entry already 400 characters long; each at
80×24 and 160×48.

    .venv/bin/python benchmarks/typing_echo.py DB [--keys 500] [--sizes 80x24 160x48]
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.agenda_command import AGENDA  # noqa: E402

ECHO_LIMIT = 1.0  # seconds: a character not shown by then is missed
FILLER = "本案持續辦理中。"  # the 400 characters already in a long entry
MODES = ("single", "commits", "burst", "long")
SEEN_SOURCES = (
    ROOT / "data" / "record-101.md",
    ROOT / "benchmarks" / "synthetic.py",
    ROOT / "tui" / "locale" / "zh_TW" / "LC_MESSAGES" / "agenda.po",
)


def distinct_characters(count: int) -> str:
    """`count` CJK characters, none of which the app may already show."""
    seen = set(FILLER)
    for source in SEEN_SOURCES:
        if source.exists():
            seen |= set(source.read_text(encoding="utf-8"))
    found = [c for c in map(chr, range(0x4E00, 0x9FA6)) if c not in seen]
    if len(found) < count:
        raise ValueError(f"only {len(found)} unseen characters")
    step = len(found) // count
    return "".join(found[i * step] for i in range(count))


@dataclass
class Typing:
    mode: str
    size: str
    echo_ms: list[float] = field(default_factory=list)
    missed: int = 0
    written: int = 0  # bytes the app wrote while typing
    keys: int = 0
    peak_kb: int = 0  # the app's VmHWM after typing

    @property
    def bytes_per_char(self) -> float:
        return self.written / max(self.keys, 1)


def vm_hwm(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def percentile(times: list[float], fraction: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


class Screen:
    """The pty's output, every byte kept, with when each character first appeared."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.out = bytearray()
        self.written = 0

    def read(self, wait: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], max(wait, 0))
        if not ready:
            return False
        chunk = os.read(self.fd, 65536)
        if not chunk:
            raise EOFError("the app ended")
        self.out += chunk
        self.written += len(chunk)
        return True

    def quiet(self, seconds: float, limit: float = 5.0) -> None:
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline and self.read(seconds):
            pass

    def wait_for(self, marker: bytes, timeout: float = 60.0) -> None:
        deadline = time.perf_counter() + timeout
        while marker not in self.out:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no {marker!r} on the screen; last {self.out[-300:]!r}")
            self.read(0.1)


def chunks(mode: str, text: str) -> Iterator[str]:
    """What one write sends: a key, or a 2- or 3-character commit."""
    if mode != "commits":
        yield from text
        return
    at, size = 0, 2
    while at < len(text):
        yield text[at : at + size]
        at, size = at + size, 5 - size


def open_entry(screen: Screen, mode: str) -> None:
    """The newest meeting, its first item, a new entry (`a`); for `long`, 400 characters."""
    screen.wait_for(b" meetings")
    screen.quiet(0.3)
    os.write(screen.fd, b"\r")
    screen.wait_for("第".encode())
    screen.quiet(0.5)
    os.write(screen.fd, b"\t")
    screen.quiet(0.3)
    os.write(screen.fd, b"a")
    screen.quiet(0.5)
    if mode == "long":
        filler = (FILLER * 50)[:400]
        for at in range(0, 400, 20):
            os.write(screen.fd, filler[at : at + 20].encode())
            screen.quiet(0.05)
        screen.quiet(0.5)


def type_text(screen: Screen, mode: str, text: str) -> tuple[list[float], int]:
    """Each character's echo time in ms, and how many were never shown."""
    sent: dict[str, float] = {}
    echoed: dict[str, float] = {}
    searched = len(screen.out)

    def look() -> None:
        nonlocal searched
        now = time.perf_counter()
        start = max(searched - 8, 0)
        window = bytes(screen.out[start:])
        for char in [c for c in sent if c not in echoed]:
            if char.encode() in window:
                echoed[char] = now
        searched = len(screen.out)

    gap = 0.020 if mode == "burst" else None
    for chunk in chunks(mode, text):
        written_at = time.perf_counter()
        os.write(screen.fd, chunk.encode())
        for char in chunk:
            sent[char] = written_at
        if gap is not None:
            while time.perf_counter() - written_at < gap:
                if screen.read(gap - (time.perf_counter() - written_at)):
                    look()
            continue
        while any(c not in echoed for c in chunk) and time.perf_counter() - written_at < ECHO_LIMIT:
            if screen.read(0.002):
                look()
        screen.quiet(0.01, limit=0.2)  # the rest of this key's redraw: counted, not timed
        look()
    deadline = time.perf_counter() + ECHO_LIMIT
    while len(echoed) < len(sent) and time.perf_counter() < deadline:
        if screen.read(0.01):
            look()
    # Shown only after ECHO_LIMIT (when the next key redrew it) is missed all the same.
    times = [(echoed[c] - sent[c]) * 1000 for c in text if c in echoed]
    shown = [t for t in times if t <= ECHO_LIMIT * 1000]
    return shown, len(sent) - len(shown)


def typing_session(db: Path, mode: str, size: str, keys: int, env: dict[str, str]) -> Typing:
    """One session on a copy of `db`, so each starts on the list of meetings."""
    with tempfile.TemporaryDirectory(prefix="agenda-typing-") as scratch:
        copy = Path(scratch) / "db"
        shutil.copytree(db, copy)
        os.sync()  # the copy written back first, not while the keys are timed
        return _typing_session(copy, mode, size, keys, env)


def _typing_session(db: Path, mode: str, size: str, keys: int, env: dict[str, str]) -> Typing:
    cols, rows = (int(n) for n in size.split("x"))
    child_env = dict(env, COLUMNS=str(cols), LINES=str(rows), AGENDA_LANG="en")
    child = pexpect.spawn(
        AGENDA[0], [*AGENDA[1:], "--db", str(db)], dimensions=(rows, cols), env=child_env
    )
    screen = Screen(child.child_fd)
    try:
        open_entry(screen, mode)
        text = distinct_characters(keys)
        screen.written = 0
        times, missed = type_text(screen, mode, text)
        screen.quiet(1.2)  # the save that follows the typing: its bytes count too
        peak = vm_hwm(child.pid)
        result = Typing(mode, size, times, missed, screen.written, len(text), peak)
        os.write(screen.fd, b"\x1b")  # end the entry (it is saved), then quit
        screen.quiet(0.3)
        os.write(screen.fd, b"\x11")
        child.expect(pexpect.EOF, timeout=10)
        return result
    finally:
        child.terminate(force=True)


def row(found: Typing) -> str:
    return (
        f"| {found.mode} | {found.size} | {found.keys} | {found.missed} | "
        f"{percentile(found.echo_ms, 0.5):.1f} | {percentile(found.echo_ms, 0.99):.1f} | "
        f"{max(found.echo_ms, default=0):.1f} | {found.bytes_per_char / 1000:.2f} |"
    )


HEADER = (
    "| mode | terminal | keys | missed | echo p50 ms | echo p99 ms | max ms | KB per char |\n"
    "|---|---|---|---|---|---|---|---|"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="a database (each session types into a copy)")
    parser.add_argument("--keys", type=int, default=500)
    parser.add_argument("--sizes", nargs="+", default=["80x24", "160x48"])
    parser.add_argument("--modes", nargs="+", default=list(MODES), choices=MODES)
    args = parser.parse_args()
    env = dict(os.environ, TERM="xterm-256color")
    print(HEADER)
    for size in args.sizes:
        for mode in args.modes:
            print(row(typing_session(args.db, mode, size, args.keys, env)), flush=True)


if __name__ == "__main__":
    main()
