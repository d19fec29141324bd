"""Opening a database: its profile and its repository, and nothing of the secretary's work.

Kept apart from `tui.secretary` so that listing the meetings does not pay for importing
the importer, the renderer and the case lifecycle.
"""

from __future__ import annotations

from pathlib import Path

from tui.domain.profile import Profile
from tui.i18n import _
from tui.profile import ProfileError, default_profile_path, load_profile
from tui.storage.layout import PROFILE_FILE
from tui.storage.repository import Repository


def profile_of(repo: Repository) -> Profile:
    return profile_at(repo.store.root)


def profile_at(db: Path) -> Profile:
    """The database's profile, or the shipped one when it has none yet (read, never created)."""
    path = db / PROFILE_FILE
    try:
        found = path.exists()
    except OSError as error:  # a folder this user may not enter
        raise ProfileError(
            _("{path}: cannot be read ({reason})").format(path=path, reason=error.strerror or error)
        ) from None
    return load_profile(path if found else default_profile_path())


def open_repository(db: Path, *, create: bool = True) -> Repository:
    """The database, its files shared as its profile says (owner only, or a group too)."""
    from tui.storage.sharing import share_with

    share_with(profile_at(db).group or None)
    return Repository.open(db, create=create)
