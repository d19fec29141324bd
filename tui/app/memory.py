"""The cyclic garbage collector around start-up.

Start-up builds tens of thousands of objects (Textual's classes and styles, the meetings
list) that live as long as the app. Collecting while they are built only slows the first
paint; walking them again later made a keystroke late by 20–30 ms on a long history. So
the collector waits for the first paint, and what exists then is frozen out of its sight.
"""

from __future__ import annotations

import gc

_held = False


def hold_collection() -> None:
    global _held
    _held = True
    gc.disable()


def settle() -> None:
    """What exists now lives as long as the app: keep the collector off it, and resume.

    Called after the first paint, and again once the whole history is listed.

    Only in a process started by `hold_collection`: an app run inside a longer-lived process
    (a test) leaves that process's collector alone."""
    if _held:
        gc.freeze()
        gc.enable()
