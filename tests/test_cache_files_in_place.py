"""Something else at a cache file's place (a pipe, a folder) or a cache file another user
could have written is no cache: the register's kept heads (tui.register_cache), the profiles
known good (tui.checked_profiles) and the compiled templates (tui.render.environment). A pipe
read with a plain open waits for a writer forever, so `agenda cases` hung on one."""

from __future__ import annotations

import io
import marshal
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from jinja2.bccache import bc_magic

from tests.cli_support import private_copy
from tests.conftest import REFERENCE, ROOT

COMMANDS = [("cases",), ("render", "101"), ("meetings",)]
KEPT = ("register/*.json", "checked-profiles/*", "templates-jinja-*/*.cache")


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("reference") / "db"
    run(db, tmp_path_factory.mktemp("cache"), "import", str(REFERENCE))
    return db


def run(db: Path, cache: Path, *words: str) -> str:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), AGENDA_LANG="en")
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db), *words],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=20,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def outputs(db: Path, cache: Path) -> list[str]:
    return [run(db, cache, *words) for words in COMMANDS]


def kept_files(cache: Path) -> list[Path]:
    return sorted(path for pattern in KEPT for path in (cache / "agenda").glob(pattern))


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is read from XDG here")
@pytest.mark.parametrize("put_there", ["pipe", "folder"])
def test_something_else_at_a_cache_file_s_place_is_no_cache(
    reference: Path, tmp_path: Path, put_there: str
) -> None:
    db, cache = private_copy(reference, tmp_path), tmp_path / "cache"
    expected = outputs(db, cache)
    found = kept_files(cache)
    assert {path.parent.name.split("-")[0] for path in found} == {
        "register",
        "checked",
        "templates",
    }
    for path in found:
        path.unlink()
        if put_there == "pipe":
            os.mkfifo(path)
        else:
            path.mkdir()
    assert outputs(db, cache) == expected  # within run's 20 s each


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is read from XDG here")
def test_a_compiled_template_another_user_could_have_written_is_not_run(
    reference: Path, tmp_path: Path
) -> None:
    db, cache = private_copy(reference, tmp_path), tmp_path / "cache"
    expected = run(db, cache, "render", "101")
    planted = compile("raise SystemExit('planted code ran')", "<planted>", "exec")
    compiled = sorted((cache / "agenda").glob("templates-jinja-*/*.cache"))
    assert compiled, "no compiled template was kept"
    for path in compiled:
        data = path.read_bytes()
        header = io.BytesIO(data[len(bc_magic) :])
        pickle.load(header)  # the template's checksum
        path.write_bytes(data[: len(bc_magic) + header.tell()] + marshal.dumps(planted))
        path.chmod(0o666)
    assert run(db, cache, "render", "101") == expected
