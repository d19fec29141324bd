"""Opening a database: its profile and its repository, and nothing of the secretary's work.

Kept apart from `tui.secretary` so that listing the meetings does not pay for importing
the importer, the renderer and the case lifecycle; and each function imports what it uses,
so that a command reading only the meetings' index (`open_store`) imports no model.
"""

from __future__ import annotations

import errno
import os
from typing import TYPE_CHECKING

from tui.regular_file import regular_text
from tui.storage.layout import PROFILE_FILE

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from tui.checked_profiles import ProfileView
    from tui.domain.profile import Profile
    from tui.storage.repository import Repository
    from tui.storage.store import Store


def profile_of(repo: Repository) -> Profile:
    return profile_at(repo.store.root)


def profile_at(db: Path) -> Profile:
    """The database's profile, or the shipped one when it has none yet (read, never created)."""
    from tui.i18n import _
    from tui.profile import ProfileError, default_profile_path, load_profile

    path = db / PROFILE_FILE
    try:
        found = path.exists()
    except OSError as error:  # a folder this user may not enter
        raise ProfileError(
            _("{path}: cannot be read ({reason})").format(path=path, reason=error.strerror or error)
        ) from None
    return load_profile(path if found else default_profile_path())


def warning_days_plainly(db: str) -> int | None:
    """The profile's schedule.deadline_warning_days as the checked profile gives it (its default
    when not given), read alone; None when it is not plainly one: the profile is then read whole,
    which names what is wrong with it."""
    from tui.domain.profile_limits import DEFAULT_WARNING_DAYS, MOST_WARNING_DAYS
    from tui.i18n import profile_value

    schedule = profile_value(os.path.join(db, PROFILE_FILE), "schedule")
    if schedule == "":
        schedule = {}
    if not isinstance(schedule, dict):
        return None
    days = schedule.get("deadline_warning_days", DEFAULT_WARNING_DAYS)
    return days if type(days) is int and 0 <= days <= MOST_WARNING_DAYS else None


def open_repository(db: Path, *, create: bool = True, profile: Profile | None = None) -> Repository:
    """The database, its files shared as its profile says (owner only, or a group too);
    `profile`: the database's, when the caller has read it already."""
    from tui.storage.repository import Repository
    from tui.storage.sharing import share_with

    share_with((profile or profile_at(db)).group or None)
    return Repository.open(db, create=create)


def open_store(db: Path) -> Store:
    """The database's documents alone, never created, for a command that reads only the
    meetings' index: its files shared as the profile's `group` says, and the profile's other
    keys left to the commands that use them."""
    from tui.storage.store import Store

    share_as_profiled(db)
    return Store.open(db, create=False)


def share_as_profiled(db: str | os.PathLike[str]) -> None:
    """Files made from now on shared as the profile's `group` says."""
    from tui.storage.sharing import share_with

    share_with(_group(db))


def _group(db: str | os.PathLike[str]) -> str | None:
    """The profile's `group`, read alone; a profile that does not plainly give one (or none)
    is read whole, which names what is wrong with it."""
    from tui.i18n import profile_value

    path = os.path.join(db, PROFILE_FILE)
    try:
        os.stat(path)
        plainly = profile_value(path, "group")
    except OSError as error:  # as Path.exists: a profile not there is the shipped one's
        plainly = profile_value(path, "group") if error.errno in _NOT_THERE else None
    if plainly == "":
        return None
    from pathlib import Path

    return profile_at(Path(db)).group or None


def office_names(db: str, whole: Callable[[], Profile]) -> tuple[str, str]:
    """The profile's organisation and series (see profile_view)."""
    view = profile_view(db, whole)
    return view.organisation, view.series


def profile_view(db: str, whole: Callable[[], Profile]) -> ProfileView:
    """What a command reads of the profile alone (tui.checked_profiles.ProfileView): read
    alone when the profile is known good, else as `whole` gives it (the profile checked
    whole, which says what is wrong with it), and the profile is then known good."""
    from tui.checked_profiles import ProfileView, known_view, remember_good

    before = profile_text(db)
    found = None if before is None else known_view(before)
    if found is not None:
        return found
    profile = whole()
    if before is not None and profile_text(db) == before:  # the text that was checked
        remember_good(before, profile)
    return ProfileView.of(profile)


def profile_text(db: str) -> str | None:
    """The text of the profile profile_at reads (the shipped one when the database has
    none), or None: profile_at says why."""
    from tui.i18n import shipped_profile_file

    path = os.path.join(db, PROFILE_FILE)
    try:
        os.stat(path)
    except OSError as error:  # as Path.exists: a profile not there is the shipped one's
        if error.errno not in _NOT_THERE:
            return None
        path = shipped_profile_file()
    try:
        return regular_text(path)
    except (OSError, UnicodeDecodeError):
        return None


_NOT_THERE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)
