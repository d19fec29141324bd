"""Compiled templates are kept between runs, and a cache that cannot be kept changes nothing."""

from __future__ import annotations

import io
import zipfile
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

    from tui.user_cache import user_cache

    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert user_cache() == user_cache_path("agenda")


def docx_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def render_docx(db: Path, out: Path, cache: Path) -> dict[str, bytes]:
    result = agenda(
        "render", "101", "--format", "docx", "-o", out, db=db, env={"XDG_CACHE_HOME": str(cache)}
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return docx_parts(out.read_bytes())


def test_the_docx_frame_is_kept_and_gives_the_same_document(db: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go\n", encoding="utf-8")
    made_now = render_docx(db, tmp_path / "fresh.docx", blocked)
    first = render_docx(db, tmp_path / "first.docx", tmp_path)
    kept = list(tmp_path.glob("agenda/docx/frame-*.docx"))
    assert len(kept) == 1, "the frame was not kept"
    assert kept[0].stat().st_mode & 0o077 == 0
    stamp = kept[0].stat().st_mtime_ns
    second = render_docx(db, tmp_path / "second.docx", tmp_path)
    assert kept[0].stat().st_mtime_ns == stamp  # read, not made again
    assert first == made_now
    assert second == made_now


def test_a_damaged_docx_frame_is_made_again(db: Path, tmp_path: Path) -> None:
    first = render_docx(db, tmp_path / "first.docx", tmp_path)
    [kept] = tmp_path.glob("agenda/docx/frame-*.docx")
    kept.write_bytes(kept.read_bytes()[:1000])
    assert render_docx(db, tmp_path / "again.docx", tmp_path) == first
    assert docx_parts(kept.read_bytes())  # whole again
