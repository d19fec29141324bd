"""A folder of the user's cache keeps the files last written, at most as many as it is told:
a file for each database listed, profile checked or version of agenda does not pile up."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli_support import agenda
from tests.conftest import REFERENCE, ROOT
from tui import register_cache
from tui.user_cache import UNUSED_DAYS, forget_other_versions, keep, kept_file


def written(folder: Path, names: list[str], most: int | None) -> list[str]:
    for when, name in enumerate(names):
        keep(str(folder / name), name, most)
        os.utime(folder / name, ns=(when * 10**9, when * 10**9))  # the order written
    return sorted(path.name for path in folder.iterdir())


def test_the_folder_keeps_the_files_last_written(tmp_path: Path) -> None:
    names = [f"db{n}" for n in range(6)]
    assert written(tmp_path / "a", names, 3) == ["db3", "db4", "db5"]
    assert written(tmp_path / "b", names, None) == names  # unbounded: as before


def test_the_file_written_is_kept_whatever_its_time(tmp_path: Path) -> None:
    written(tmp_path, ["old", "older"], 2)
    os.utime(tmp_path / "old", ns=(10**18, 10**18))  # from the future
    keep(str(tmp_path / "new"), "x", 2)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["new", "old"]


def test_a_folder_that_cannot_be_listed_keeps_what_it_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep(str(tmp_path / "one"), "x", 1)

    def unlisted(path: object) -> object:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", unlisted)
    keep(str(tmp_path / "two"), "y", 1)
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one", "two"]


def test_the_register_keeps_the_heads_of_the_databases_listed_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(register_cache, "MOST_DATABASES", 2)
    first = tmp_path / "db0"
    assert agenda("import", REFERENCE, db=first).returncode == 0
    for n in range(1, 4):
        shutil.copytree(first, tmp_path / f"db{n}")
    for n in range(4):  # listed in process, with the limit set here
        root = str(tmp_path / f"db{n}")
        assert register_cache.case_rows(root, lambda data: [data]) is not None
        os.utime(register_cache._cache_path(root), ns=(n * 10**9, n * 10**9))  # in order
    kept = sorted((tmp_path / "cache" / "agenda" / "register").iterdir())
    assert [path.name for path in kept] == sorted(
        os.path.basename(register_cache._cache_path(str(tmp_path / f"db{n}"))) for n in (2, 3)
    )


def test_folders_of_other_versions_unused_for_a_month_are_forgotten(tmp_path: Path) -> None:
    month_ago = time.time() - (UNUSED_DAYS + 1) * 24 * 3600
    for name in ("kind-old", "kind-recent", "kind-mine", "other-old"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "kept").write_text("x")
    (tmp_path / "kind-file").write_text("a file, not a version's folder")
    for name in ("kind-old", "other-old", "kind-mine", "kind-file"):
        os.utime(tmp_path / name, (month_ago, month_ago))
    forget_other_versions(str(tmp_path / "kind-mine"), "kind-")
    left = ["kind-file", "kind-mine", "kind-recent", "other-old"]
    assert sorted(path.name for path in tmp_path.iterdir()) == left


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is read from XDG here")
def test_a_new_python_s_methods_forget_an_old_one_s(tmp_path: Path) -> None:
    old = tmp_path / "agenda" / "dataclass-methods-cpython-38-30800f0"
    old.mkdir(parents=True)
    (old / "tui.domain.marshal").write_bytes(b"")
    month_ago = time.time() - (UNUSED_DAYS + 1) * 24 * 3600
    os.utime(old, (month_ago, month_ago))
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    script = "import tui.domain.model"
    subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, timeout=60, check=True)
    kept = sorted(path.name for path in (tmp_path / "agenda").iterdir())
    assert kept == [f"dataclass-methods-{sys.implementation.cache_tag}-{sys.hexversion:x}"]


def test_a_file_read_is_marked_used_with_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "kind-mine"
    keep(str(folder / "kept"), "x")
    month_ago = time.time() - (UNUSED_DAYS + 1) * 24 * 3600
    for path in (folder / "kept", folder):
        os.utime(path, (month_ago, month_ago))
    assert kept_file(str(folder / "kept"), 10) == b"x"
    assert os.stat(folder / "kept").st_mtime < time.time() - 3600  # read, not freshened
    assert kept_file(str(folder / "kept"), 10, freshen=True) == b"x"
    for path in (folder / "kept", folder):
        assert os.stat(path).st_mtime > time.time() - 60
    forget_other_versions(str(tmp_path / "kind-new"), "kind-")
    assert (folder / "kept").exists()  # in use: not an upgrade's leftover


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is read from XDG here")
def test_a_python_s_methods_read_every_day_are_not_forgotten(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    script = "import tui.domain.model"
    subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, timeout=60, check=True)
    [mine] = (tmp_path / "agenda").iterdir()
    month_ago = time.time() - (UNUSED_DAYS + 1) * 24 * 3600
    for path in (mine, *mine.iterdir()):
        os.utime(path, (month_ago, month_ago))
    subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, timeout=60, check=True)
    assert mine.stat().st_mtime > time.time() - 60  # read: marked used
