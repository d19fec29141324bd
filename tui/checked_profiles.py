"""Profiles known to pass the whole check, kept in the user's cache: a command that needs
only the office's names (`agenda show`) then reads them alone, instead of checking every
key again, which imports the model and the schedule's rules (some 20 ms a command).

A profile is known good when its exact text, checked by this version of agenda on this
Python, passed: a profile edited since is checked again, and refused in the same words.
Its `group`, `templates` and mail's `password_file` are checked against the system (a
group, a folder, a path resolved), which may change without the text: a profile that gives
any of them is always checked whole. A cache that cannot be read or written is no cache.
"""

from __future__ import annotations

import contextlib
import os
import sys
import zlib

from tui import __version__


def _on_the_system(data: dict[str, object]) -> bool:
    """Whether the system decides anything of the profile, beyond its text."""
    mail = data.get("mail")
    return bool(
        data.get("group")
        or data.get("templates")
        or (isinstance(mail, dict) and mail.get("password_file"))
    )


def known_good(text: str, data: dict[str, object]) -> bool:
    """Whether the profile of this text (parsed: `data`) passed the whole check before."""
    if _on_the_system(data):
        return False
    try:
        with open(_stamp(text), encoding="utf-8", newline="") as file:
            return file.read() == _stamped(text)
    except (OSError, UnicodeDecodeError):
        return False


def remember_good(text: str, data: dict[str, object]) -> None:
    """The profile of this text (parsed: `data`) passed the whole check."""
    if _on_the_system(data):
        return
    path = _stamp(text)
    part = f"{path}.{os.getpid()}"
    with contextlib.suppress(OSError):
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        created = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        with open(created, "w", encoding="utf-8", newline="") as file:  # the owner's only
            file.write(_stamped(text))
        os.replace(part, path)
    with contextlib.suppress(OSError):
        os.unlink(part)  # left when the write failed


def _stamped(text: str) -> str:
    return f"agenda {__version__}\nPython {sys.version}\n{text}"


def _stamp(text: str) -> str:
    name = f"{zlib.crc32(_stamped(text).encode()):08x}"
    return os.path.join(_user_cache(), "checked-profiles", name)


def _user_cache() -> str:
    """The user's cache folder for agenda, as tui.render.environment finds it on Linux."""
    home = os.environ.get("XDG_CACHE_HOME", "")
    return os.path.join(home if os.path.isabs(home) else os.path.expanduser("~/.cache"), "agenda")
