"""Database files are the owner's alone, unless the profile names a group to share them with."""

from __future__ import annotations

import grp
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REFERENCE
from tui import database, secretary
from tui.profile import ProfileError, default_profile_path
from tui.storage.sharing import share_with


@pytest.fixture(autouse=True)
def owner_only_afterwards() -> Iterator[None]:
    yield
    share_with(None)


def _modes(db: Path) -> set[tuple[str, int]]:
    found = set()
    for path in [db, *db.rglob("*")]:
        kind = "dir" if path.is_dir() else "file"
        found.add((kind, stat.S_IMODE(path.stat().st_mode)))
    return found


def _import(db: Path) -> None:
    repo = database.open_repository(db)
    secretary.store_records(repo, secretary.read_records([REFERENCE], []), replace=False)


def test_files_are_the_owners_alone_by_default(tmp_path: Path) -> None:
    db = tmp_path / "db"
    _import(db)
    assert _modes(db) == {("dir", 0o700), ("file", 0o600)}


def test_a_group_named_in_the_profile_shares_them(tmp_path: Path) -> None:
    group = grp.getgrgid(os.getgid()).gr_name
    db = tmp_path / "db"
    db.mkdir()
    profile = default_profile_path().read_text(encoding="utf-8")
    (db / "profile.toml").write_text(f'group = "{group}"\n' + profile, encoding="utf-8")
    os.chmod(db / "profile.toml", 0o660)
    _import(db)
    modes = _modes(db)
    assert ("file", 0o600) not in modes
    assert {m for kind, m in modes if kind == "file"} == {0o660}
    assert {m for kind, m in modes if kind == "dir"} == {0o2770}
    assert {p.stat().st_gid for p in db.rglob("*")} == {os.getgid()}


def test_an_unknown_group_is_named(tmp_path: Path) -> None:
    db = tmp_path / "db"
    db.mkdir()
    profile = default_profile_path().read_text(encoding="utf-8")
    (db / "profile.toml").write_text('group = "no-such-group-here"\n' + profile, "utf-8")
    with pytest.raises(ProfileError, match=r"group: there is no group 'no-such-group-here'"):
        database.open_repository(db)
