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
from typing import TYPE_CHECKING

from tui import __version__
from tui.render.user_cache import code_stamp, user_cache_folder

if TYPE_CHECKING:
    from tui.domain.profile import Profile


def known_names(text: str) -> tuple[str, str] | None:
    """The organisation and series of the profile of this text, when it passed the whole
    check before; None when it is not known good."""
    heading = _heading()
    try:
        with open(_stamp(heading, text), encoding="utf-8", newline="") as file:
            stamp = file.read()
    except (OSError, UnicodeDecodeError):
        return None
    names = stamp.removeprefix(heading).partition("\0\0")[0]
    organisation, _nul, series = names.partition("\0")
    if stamp != _stamped(heading, text, organisation, series):
        return None
    return organisation, series


def remember_good(text: str, profile: Profile) -> None:
    """The profile of this text passed the whole check, giving `profile`."""
    if profile.group or profile.templates or profile.mail.password_file:
        return  # the system has a say in these: checked every time
    heading = _heading()
    path = _stamp(heading, text)
    part = f"{path}.{os.getpid()}"
    with contextlib.suppress(OSError):
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(part)  # left by a process of this number that died writing
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        created = os.open(part, flags, 0o600)
        with open(created, "w", encoding="utf-8", newline="") as file:  # the owner's only
            file.write(_stamped(heading, text, profile.organisation, profile.series))
        os.replace(part, path)
    with contextlib.suppress(OSError):
        os.unlink(part)  # left when the write failed


# The code that checks a profile: a stamp made by another state of it is not trusted (a
# stricter check in a checkout or an upgrade that kept the version number).
_CHECKING = ("profile.py", "mail_profile.py", "domain/profile.py", "domain/schedule.py")


def _heading() -> str:
    """What checked: this version of agenda, on this Python, with this checking code."""
    return f"agenda {__version__}\nPython {sys.version}\n{code_stamp(_CHECKING)}\n"


def _stamped(heading: str, text: str, organisation: str, series: str) -> str:
    """The stamp: the names (which hold no NUL: the check refuses control characters) and
    the text, under what checked it."""
    return f"{heading}{organisation}\0{series}\0\0{text}"


def _stamp(heading: str, text: str) -> str:
    name = f"{zlib.crc32(f'{heading}{text}'.encode()):08x}"
    return os.path.join(user_cache_folder(), "checked-profiles", name)
