"""An office's own template runs in a child process that is stopped if it runs away."""

from __future__ import annotations

import os
import pickle
import resource
import select
import signal
from collections.abc import Callable

from tui.i18n import _

MAX_OUTPUT = 32 * 1024 * 1024
# What the child may take beyond what it shares with the parent at the fork.
MAX_MEMORY = 512 * 1024 * 1024


class RunawayError(Exception):
    """The child ran too long or wrote too much; it was stopped."""


def run_isolated(render: Callable[[], str], seconds: float) -> str:
    """`render()` in a forked child; its text, or the exception it raised, comes back."""
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: render, send the outcome, vanish without cleanup
        os.close(reading)
        _leave_only(writing)
        # Die on its own after the limit, even if the parent that would stop it is gone.
        signal.alarm(int(seconds) + 1)
        _limit_memory()
        _child(render, writing)
    os.close(writing)
    try:
        data = _collect(reading, pid, seconds)
    finally:
        os.close(reading)
    outcome = pickle.loads(data)
    if isinstance(outcome, BaseException):
        raise outcome
    return str(outcome)


def _leave_only(keep: int) -> None:
    """Close what the parent had open (the store's lock among it), but stdio and `keep`."""
    os.closerange(3, keep)
    os.closerange(keep + 1, os.sysconf("SC_OPEN_MAX"))


def _limit_memory() -> None:
    """A template asking for more memory gets a MemoryError, not the machine's memory."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        soft = size + MAX_MEMORY if hard == resource.RLIM_INFINITY else min(size + MAX_MEMORY, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (OSError, ValueError):
        pass  # not Linux: the time limit still stops it


def _child(render: Callable[[], str], writing: int) -> None:
    try:
        outcome: object = render()
    except BaseException as error:  # handed to the parent, which raises it
        outcome = error
    if isinstance(outcome, str) and len(outcome) > MAX_OUTPUT:  # more than the parent reads
        outcome = RunawayError(_too_long())
    try:
        data = pickle.dumps(outcome)
    except MemoryError:  # a text too large to hand back under the child's limit
        data = pickle.dumps(RunawayError(_("needed more memory than a template may use")))
    except Exception as error:  # an exception that cannot travel: send its words
        data = pickle.dumps(RuntimeError(str(error) or type(error).__name__))
    view = memoryview(data)
    while view:
        view = view[os.write(writing, view) :]
    os._exit(0)


def _collect(reading: int, pid: int, seconds: float) -> bytes:
    import time

    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    size = 0
    while True:
        left = deadline - time.monotonic()
        ready = select.select([reading], [], [], max(left, 0))[0]
        if not ready:
            _stop(pid)
            raise RunawayError(_("ran longer than {seconds:g} s").format(seconds=seconds))
        chunk = os.read(reading, 1 << 16)
        if not chunk:
            os.waitpid(pid, 0)
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_OUTPUT:
            _stop(pid)
            raise RunawayError(_too_long())
        chunks.append(chunk)


def _too_long() -> str:
    return _("wrote more than {size} MB").format(size=MAX_OUTPUT // (1024 * 1024))


def _stop(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
