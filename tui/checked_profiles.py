"""Profiles known to pass the whole check, kept in the user's cache: a command that needs
only the office's names (`agenda show`) or the little a render reads (ProfileView) then
reads them alone, instead of checking every key again, which imports the model and the
schedule's rules (some 20 ms a command).

A profile is known good when its exact text, checked by this version of agenda on this
Python, passed: a profile edited since is checked again, and refused in the same words.
Its `group`, `templates` and mail's `password_file` are checked against the system (a
group, a folder, a path resolved), which may change without the text: a profile that gives
any of them is always checked whole. A cache that cannot be read or written is no cache.
"""

from __future__ import annotations

import json
import os
import sys
import zlib
from typing import TYPE_CHECKING, Any

from tui import __version__
from tui.user_cache import code_stamp, keep, kept_text, user_cache_folder

if TYPE_CHECKING:
    from pathlib import Path

    from tui.domain.model import Office
    from tui.domain.profile import Profile


class ProfileView:
    """What commands read of a checked profile without the rest of it: the office's names and
    its units', the record's text width, the deadline warning days; and the templates'
    folder, which a profile known good never gives."""

    __slots__ = ("organisation", "series", "templates", "text_width", "units", "warning_days")

    def __init__(self, kept: dict[str, Any], templates: Path | None = None) -> None:
        self.organisation: str = kept["organisation"]
        self.series: str = kept["series"]
        self.units: list[str] = kept["units"]
        self.text_width: int = kept["text_width"]
        self.warning_days: int = kept["warning_days"]
        self.templates = templates

    @classmethod
    def of(cls, profile: Profile) -> ProfileView:
        return cls(_kept(profile), profile.templates)

    @property
    def office(self) -> Office:
        from tui.domain.model import Office

        return Office(self.organisation, self.series, list(self.units))


def _kept(profile: Profile) -> dict[str, Any]:
    """What is kept of a profile known good: plain JSON."""
    return {
        "organisation": profile.organisation,
        "series": profile.series,
        "units": profile.unit_names,
        "text_width": profile.text_width,
        "warning_days": profile.schedule.deadline_warning_days,
    }


MOST_BYTES = 16 * 1024 * 1024  # a stamp: the profile's text and what commands read of it
MOST_PROFILES = 32  # the profiles known good last
_KEPT_TYPES = {
    "organisation": str,
    "series": str,
    "units": list,
    "text_width": int,
    "warning_days": int,
}


def known_view(text: str) -> ProfileView | None:
    """What commands read of the profile of this text, when it passed the whole check
    before; None when it is not known good."""
    heading = _heading()
    stamp = kept_text(_stamp(heading, text), MOST_BYTES, owned=True, freshen=True)
    if stamp is None:
        return None
    kept, nuls, rest = stamp.removeprefix(heading).partition("\0\0")
    if not (stamp.startswith(heading) and nuls and rest == text):
        return None
    try:
        found = json.loads(kept)
    except (ValueError, RecursionError):
        return None
    return ProfileView(found) if _plain_kept(found) else None


def _plain_kept(found: Any) -> bool:
    return (
        type(found) is dict
        and found.keys() == _KEPT_TYPES.keys()
        and all(type(found[key]) is kind for key, kind in _KEPT_TYPES.items())
        and all(type(unit) is str for unit in found["units"])
    )


def known_names(text: str) -> tuple[str, str] | None:
    """The organisation and series of the profile of this text, when it passed the whole
    check before; None when it is not known good."""
    view = known_view(text)
    return None if view is None else (view.organisation, view.series)


def remember_good(text: str, profile: Profile) -> None:
    """The profile of this text passed the whole check, giving `profile`."""
    if profile.group or profile.templates or profile.mail.password_file:
        return  # the system has a say in these: checked every time
    heading = _heading()
    kept = json.dumps(_kept(profile), ensure_ascii=False)  # no NUL: JSON escapes it
    keep(_stamp(heading, text), f"{heading}{kept}\0\0{text}", MOST_PROFILES)


# The code that checks a profile: a stamp made by another state of it is not trusted (a
# stricter check in a checkout or an upgrade that kept the version number).
_CHECKING = (
    *("checked_profiles.py", "profile.py", "mail_profile.py"),
    *("domain/profile.py", "domain/profile_limits.py", "domain/schedule.py"),
)


def _heading() -> str:
    """What checked: this version of agenda, on this Python, with this checking code."""
    return f"agenda {__version__}\nPython {sys.version}\n{code_stamp(_CHECKING)}\n"


def _stamp(heading: str, text: str) -> str:
    name = f"{zlib.crc32(f'{heading}{text}'.encode()):08x}"
    return os.path.join(user_cache_folder(), "checked-profiles", name)
