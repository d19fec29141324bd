"""The database one command works on, and the warnings its store gathers on the way."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from tui.i18n import _

if TYPE_CHECKING:
    from pathlib import Path

    from tui.checked_profiles import ProfileView
    from tui.domain.profile import Profile
    from tui.storage.repository import Repository
    from tui.storage.store import Store


class UsageError(Exception):
    """A request that cannot be met as asked: no such meeting, and the like."""


class Session:
    """Opens the database when a command first needs it; shows each store warning once.

    A store warns while it reads (a damaged file it recovered from its backup), so the
    warnings are shown after the command too, not only when the database is opened.
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder  # a name: a listing of the index reads one file of it
        self._repo: Repository | None = None
        self._store: Store | None = None
        self._profile: Profile | None = None
        self._shown = 0

    @property
    def db(self) -> Path:
        from pathlib import Path

        return Path(self.folder)

    @property
    def name(self) -> str:
        """The folder as pathlib writes it (str(self.db), as messages name it), found
        without importing pathlib: a search names its index with it."""
        folder = self.folder
        root = "/" if folder.startswith("/") else ""
        if folder.startswith("//") and not folder.startswith("///"):
            root = "//"  # POSIX leaves the meaning of two leading slashes to the system
        return root + "/".join(p for p in folder.split("/") if p not in ("", ".")) or "."

    def repo(self, *, create: bool = False) -> Repository:
        if self._repo is None:
            from tui.database import open_repository

            self._repo = open_repository(self.db, create=create, profile=self.profile())
            self._store = self._repo.store
        self.show_warnings()
        return self._repo

    def profile(self) -> Profile:
        """The database's profile, read once a command (opening the repository reads it)."""
        if self._profile is None:
            from tui.database import profile_at

            self._profile = profile_at(self.db)
        return self._profile

    def profile_view(self) -> ProfileView:
        """What a render reads of the profile, read alone when the profile is known good
        (tui.database.profile_view)."""
        if self._profile is not None:
            from tui.checked_profiles import ProfileView

            return ProfileView.of(self._profile)
        from tui.database import profile_view

        return profile_view(self.folder, self.profile)

    def office(self) -> tuple[str, str]:
        """The profile's organisation and series, read alone when the profile is known good
        (tui.database.office_names)."""
        if self._profile is not None:
            office = self._profile.office
            return office.organisation, office.series
        from tui.database import office_names

        return office_names(self.folder, self.profile)

    def store(self) -> Store:
        """The documents alone, without the model that reads meetings and cases out of them
        or the whole profile (the meetings' index is all a listing reads)."""
        if self._store is None:
            from tui.database import open_store

            self._store = open_store(self.db)
        self.show_warnings()
        return self._store

    def settled(self) -> None:
        """The database is there with nothing to finish, read plainly under its shared lock
        (tui.storage.plain), and its files are shared as its profile says; anything out of
        the ordinary opens the store, which finishes, waits, repairs or says what is wrong."""
        from tui.storage.layout import META
        from tui.storage.plain import plain_tables

        if self._store is not None or not (plain_tables(self.folder, META) or {}).get("store"):
            self.store()
            return
        from tui.database import share_as_profiled

        share_as_profiled(self.name)

    def show_warnings(self) -> None:
        if self._store is None:
            return
        warnings = self._store.warnings
        for warning in warnings[self._shown :]:
            print(_("agenda: warning: {problem}").format(problem=warning), file=sys.stderr)
        self._shown = len(warnings)
