"""Who may read the database: its owner only, or also a group the office profile names.

Several people share an SSH host, so files are created 0600 and folders 0700; an office
that edits its meetings as a team names a group, and files become 0660, folders 2770.
"""

from __future__ import annotations

import grp
import os
from typing import NamedTuple

from tui.i18n import _


class Sharing(NamedTuple):
    gid: int | None = None

    @property
    def file_mode(self) -> int:
        return 0o600 if self.gid is None else 0o660

    @property
    def dir_mode(self) -> int:
        return 0o700 if self.gid is None else 0o2770


_current = Sharing()


def current() -> Sharing:
    return _current


def share_with(group: str | None) -> None:
    """Files created from now on are for the owner, or for the owner and `group`."""
    global _current
    if not group:
        _current = Sharing()
        return
    try:
        _current = Sharing(grp.getgrnam(group).gr_gid)
    except KeyError:
        raise ValueError(
            _("there is no group {group!r} on this machine").format(group=group)
        ) from None


def settle_file(fd: int) -> None:
    """Give a new file its mode (past the umask) and group."""
    sharing = _current
    if sharing.gid is not None:
        os.fchown(fd, -1, sharing.gid)
    os.fchmod(fd, sharing.file_mode)


def make_folder(path: str | os.PathLike[str]) -> None:
    sharing = _current
    os.mkdir(path, sharing.dir_mode)
    if sharing.gid is not None:
        os.chown(path, -1, sharing.gid)
    os.chmod(path, sharing.dir_mode)
