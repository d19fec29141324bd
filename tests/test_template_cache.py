"""Compiled templates are kept between runs, and a cache that cannot be kept changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_support import agenda
from tests.conftest import REFERENCE


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cache") / "db"
    assert agenda("import", REFERENCE, db=folder).returncode == 0
    return folder


def test_second_render_uses_the_templates_compiled_by_the_first(db: Path, tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    first = agenda("render", "101", db=db, env=env)
    kept = sorted(tmp_path.glob("agenda/templates-jinja-*/*.cache"))
    assert kept, "no compiled template was kept"
    assert all(path.stat().st_mode & 0o077 == 0 for path in kept)
    stamps = [path.stat().st_mtime_ns for path in kept]
    second = agenda("render", "101", db=db, env=env)
    assert (first.returncode, second.returncode) == (0, 0)
    assert second.stdout == first.stdout
    assert [path.stat().st_mtime_ns for path in kept] == stamps  # read, not compiled again


def test_render_without_a_usable_cache_folder_is_unchanged(db: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go\n", encoding="utf-8")
    cached = agenda(
        "render", "101", "--format", "txt", db=db, env={"XDG_CACHE_HOME": str(tmp_path)}
    )
    uncached = agenda(
        "render", "101", "--format", "txt", db=db, env={"XDG_CACHE_HOME": str(blocked)}
    )
    assert uncached.returncode == 0, uncached.stderr
    assert uncached.stderr == ""
    assert uncached.stdout == cached.stdout


@pytest.mark.parametrize("xdg", [None, "/somewhere/cache", "relative/cache", ""])
def test_the_cache_folder_is_platformdirs_s(
    xdg: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs import user_cache_path

    from tui.render.environment import _user_cache

    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert _user_cache() == user_cache_path("agenda")
