"""The user's cache folder for agenda: what a render keeps between runs (compiled
templates, the restyled DOCX template). A cache that cannot be kept is simply no cache."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def user_cache() -> Path:
    """On Linux the XDG rule, read here, since importing platformdirs took some 2 ms of
    every render; elsewhere platformdirs'."""
    if sys.platform != "linux":
        from platformdirs import user_cache_path

        return user_cache_path("agenda")
    home = os.environ.get("XDG_CACHE_HOME", "")
    return Path(home if os.path.isabs(home) else os.path.expanduser("~/.cache"), "agenda")


def cache_folder(name: str) -> Path | None:
    """A folder of the cache for the owner only, made if need be; None when it cannot be."""
    folder = user_cache() / name
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return folder
