"""The code of the methods dataclasses write is compiled once and kept: a second process
compiles none of it, and a damaged cache, or one another user could have written, is no
cache."""

from __future__ import annotations

import ast
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

# A process that makes the meeting model's classes, with compile() counted for each
# source that dataclasses hands to exec, and one class made here to show the result works.
MAKES_THE_MODEL = """
import sys
import tui.dataclass_cache as cache

made = []
real = compile
def counted(source, *args, **kwargs):
    made.append(source)
    return real(source, *args, **kwargs)
cache.compile = counted

from tui.domain.model import Attendee, Meeting
from tui.dataclass_cache import dataclass, field

@dataclass
class Probe:
    name: str
    tags: list[str] = field(default_factory=list)

probe = Probe("x")
assert probe == Probe("x", []) and repr(probe) == "Probe(name='x', tags=[])", repr(probe)
assert Attendee(name="王") == Attendee(name="王")
print(len(made), cache.cache_file())
"""


def make_the_model(cache_home: Path) -> tuple[int, Path]:
    """(the sources compiled, the cache file) of a process that makes the model."""
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    done = subprocess.run(
        [sys.executable, "-c", MAKES_THE_MODEL],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    compiled, path = done.stdout.split()
    return int(compiled), Path(path)


def planted_in(path: Path, code: bytes) -> dict[str, dict[str, bytes]]:
    """The cache file's methods, each one's code replaced by `code`."""
    kept = marshal.loads(path.read_bytes())
    return {module: dict.fromkeys(methods, code) for module, methods in kept.items()}


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is read from XDG here")
def test_a_second_process_compiles_none_of_the_methods(tmp_path: Path) -> None:
    first, path = make_the_model(tmp_path)
    assert first >= 3 * 18  # the model's 18 classes: __init__, __repr__ and __eq__ at least
    assert path.is_relative_to(tmp_path)
    assert path.stat().st_mode & 0o777 == 0o600
    second, _ = make_the_model(tmp_path)
    assert second == 0


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is read from XDG here")
def test_the_methods_of_a_module_s_earlier_version_are_not_kept(tmp_path: Path) -> None:
    """A class changed (by an upgrade): its new methods are compiled and kept, its old
    ones left out of the file, which does not grow with every version."""
    _, path = make_the_model(tmp_path)
    kept = marshal.loads(path.read_bytes())
    model = kept["tui.domain.model"]
    changed = next(iter(model))
    earlier = {**model, "def __init__(self, gone): pass": model[changed]}
    del earlier[changed]
    path.write_bytes(marshal.dumps({**kept, "tui.domain.model": earlier}))
    compiled, _ = make_the_model(tmp_path)
    assert compiled == 1
    assert marshal.loads(path.read_bytes()) == kept


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is read from XDG here")
def test_a_damaged_cache_is_no_cache_and_is_written_again(tmp_path: Path) -> None:
    _, path = make_the_model(tmp_path)
    kept = path.read_bytes()
    path.write_bytes(kept[: len(kept) // 2])
    first, _ = make_the_model(tmp_path)
    assert first >= 3 * 18
    assert path.read_bytes() == kept
    second, _ = make_the_model(tmp_path)
    assert second == 0


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is read from XDG here")
def test_code_another_user_could_have_written_is_not_run(tmp_path: Path) -> None:
    _, path = make_the_model(tmp_path)
    code = marshal.dumps(compile("raise SystemExit('planted code ran')", "<s>", "exec"))
    path.write_bytes(marshal.dumps(planted_in(path, code)))
    path.chmod(0o622)  # others may write it
    compiled, _ = make_the_model(tmp_path)  # check=True: the planted code did not run
    assert compiled >= 3 * 18


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is read from XDG here")
def test_a_link_to_planted_code_is_not_followed(tmp_path: Path) -> None:
    _, path = make_the_model(tmp_path)
    planted = tmp_path / "planted.marshal"
    code = compile("raise SystemExit('planted code ran')", "<s>", "exec")
    planted.write_bytes(marshal.dumps(planted_in(path, marshal.dumps(code))))
    planted.chmod(0o600)
    path.unlink()
    path.symlink_to(planted)
    compiled, _ = make_the_model(tmp_path)  # check=True: the planted code did not run
    assert compiled >= 3 * 18


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is read from XDG here")
@pytest.mark.parametrize("put_there", ["folder", "pipe"])
def test_something_else_in_the_cache_files_place_is_no_cache(
    tmp_path: Path, put_there: str
) -> None:
    _, path = make_the_model(tmp_path)
    path.unlink()
    if put_there == "folder":
        path.mkdir()
    else:
        os.mkfifo(path)  # read with a plain open, it would wait for a writer forever
    compiled, _ = make_the_model(tmp_path)  # within make_the_model's 60 s
    assert compiled >= 3 * 18


def test_every_class_of_agenda_is_made_with_the_kept_methods() -> None:
    """A module that took dataclass from the standard library and was the first of a
    command to make a class would compile every class after it anew."""
    taken_directly = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "tui").rglob("*.py"))
        if path.name != "dataclass_cache.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
        and node.module == "dataclasses"
        and any(alias.name in ("dataclass", "field") for alias in node.names)
    ]
    assert taken_directly == []


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is read from XDG here")
def test_a_module_of_any_name_keeps_its_methods_inside_the_cache(tmp_path: Path) -> None:
    outside = tmp_path / "outside" / "escaped"  # as a file's name: a path out of the cache
    script = (
        "import sys, types\n"
        "import tui.dataclass_cache\n"
        f"module = sys.modules[{str(outside)!r}] = types.ModuleType({str(outside)!r})\n"
        "exec('from dataclasses import dataclass\\n@dataclass\\nclass Odd:\\n    x: int',"
        " module.__dict__)\n"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, timeout=60, check=True)
    kept = sorted(p.name for p in tmp_path.rglob("*.marshal"))
    assert kept == ["__main__.marshal"]
