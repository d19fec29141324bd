"""Each command imports what it uses (issue 18): what a listing of the meetings reads, and
the index read plainly where nothing is out of the ordinary, else by the store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_support import agenda, imported_archive, load_json, private_copy
from tests.conftest import ROOT
from tui.domain.model import MeetingStatus
from tui.domain.status_words import STATUS_WORDS
from tui.storage.index_rows import plainly, summaries
from tui.storage.layout import JOURNAL_FILE, LOCK_FILE
from tui.storage.store import Store

INDEX = "index/0001.json"  # of meetings 100-199


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imported_archive(tmp_path_factory.mktemp("archive"), 100, 3)


def imported_by(db: Path, *words: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules `agenda --db DB WORDS…` has imported when it is done."""
    script = (
        "import contextlib, io, sys\n"
        "from tui.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    status = main(sys.argv[1:])\n"
        "assert status == 0, status\n"
        "print(' '.join(sys.modules))\n"
    )
    env = dict(env or os.environ, AGENDA_LANG="en")
    command = [sys.executable, "-c", script, "--db", str(db), *words]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return set(done.stdout.split())


@pytest.mark.parametrize("words", [("meetings",), ("meetings", "--json")])
def test_a_listing_of_the_meetings_imports_no_model_and_no_store(
    imported: Path, words: tuple[str, ...]
) -> None:
    modules = imported_by(imported, *words)
    for heavy in ("tui.domain.model", "tui.storage.store", "tui.profile", "dataclasses"):
        assert heavy not in modules
    assert "pathlib" not in modules
    assert "importlib" not in modules  # a command's module is imported by __import__
    assert not any(m.startswith("tui.cli.") and m.endswith("_commands") for m in modules)


def test_showing_a_meeting_imports_no_edit_machinery(imported: Path) -> None:
    modules = imported_by(imported, "show", "102", "--json")
    assert not any(m.startswith(("tui.edits", "tui.importer", "tui.render")) for m in modules)


def test_the_plain_reading_is_the_store_s(imported: Path) -> None:
    assert plainly(str(imported)) == summaries(Store.open(imported, create=False))


@pytest.mark.parametrize(
    "upset",
    [
        lambda db: (db / JOURNAL_FILE).write_text("{}"),  # a commit to finish
        lambda db: (db / LOCK_FILE).unlink(),
        lambda db: (db / INDEX).write_bytes(b"\0\0"),
        lambda db: (db / INDEX).write_text('{"format": "agenda", "schema": 99}'),
        lambda db: (db / "index.json.bak").write_bytes(b""),  # a whole index's backup alone
        lambda db: (db / "index.json").write_bytes(b"\0\0"),  # a whole index, damaged
        lambda db: (db / "meta.json").unlink(),
    ],
)
def test_anything_out_of_the_ordinary_is_left_to_the_store(
    imported: Path, tmp_path: Path, upset: object
) -> None:
    db = private_copy(imported, tmp_path)
    upset(db)  # type: ignore[operator]
    assert plainly(str(db)) is None


def test_a_damaged_index_is_repaired_by_the_store_as_before(imported: Path, tmp_path: Path) -> None:
    db = private_copy(imported, tmp_path)
    good = (db / INDEX).read_bytes()
    (db / f"{INDEX}.bak").write_bytes(good)
    (db / INDEX).write_bytes(good[:-20])
    result = agenda("meetings", "--json", db=db)
    assert [row["number"] for row in json.loads(result.stdout)] == [100, 101, 102]
    assert "agenda: warning:" in result.stderr


def test_the_listing_while_a_writer_holds_the_database(imported: Path) -> None:
    """The plain reading does not wait: the store does, as long as it always has."""
    import fcntl

    with (imported / LOCK_FILE).open("rb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        assert plainly(str(imported)) is None
    assert [r["number"] for r in load_json(agenda("meetings", "--json", db=imported))] == [
        100,
        101,
        102,
    ]


def test_the_status_words_are_keyed_by_every_status_s_value() -> None:
    assert set(STATUS_WORDS) == {status.value for status in MeetingStatus}
    assert STATUS_WORDS[MeetingStatus.RECORDED] == "紀錄完成"


def test_a_meeting_read_plainly_is_the_repository_s(imported: Path) -> None:
    from tui.storage.plain import plain_meeting
    from tui.storage.repository import Repository

    repo = Repository.open(imported, create=False)
    for number in (100, 101, 102):
        assert plain_meeting(str(imported), number) == repo.load_meeting(number)
    assert plain_meeting(str(imported), 103) is None  # the repository says there is none


def test_a_meeting_of_a_shape_the_model_refuses_is_left_to_the_repository(
    imported: Path, tmp_path: Path
) -> None:
    from tui.storage.plain import plain_meeting

    db = private_copy(imported, tmp_path)
    path = db / "meetings" / "0101.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["tables"]["meeting"]["1"]["sections"] = "nonsense"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert plain_meeting(str(db), 101) is None
    result = agenda("show", "101", "--json", db=db)
    assert result.returncode == 1
    assert result.stderr == (
        "agenda: error: stored meetings/0101.sections: expected a list, found str\n"
    )


def test_a_search_of_an_index_up_to_date_imports_no_model_no_store_no_dataclasses(
    imported: Path, tmp_path: Path
) -> None:
    db = private_copy(imported, tmp_path)
    assert agenda("search", "列管", db=db).returncode == 0  # builds the index
    modules = imported_by(db, "search", "列管")
    heavy = ("tui.domain.model", "tui.storage.store", "tui.profile", "subprocess", "dataclasses")
    for module in (*heavy, "pathlib", "tui.search.rows", "tui.render.cjkwrap"):
        assert module not in modules


def test_the_case_documents_tables_are_every_case_kind() -> None:
    from tui.domain.model import CaseKind
    from tui.storage.layout import CASE_KINDS

    assert tuple(kind.value for kind in CaseKind) == CASE_KINDS


def test_a_search_of_a_database_without_its_meta_is_left_to_the_store(
    imported: Path, tmp_path: Path
) -> None:
    db = private_copy(imported, tmp_path)
    (db / "meta.json").unlink()
    result = agenda("search", "列管", db=db)
    assert result.returncode == 1 and result.stderr.startswith("agenda: error:"), result.stderr


@pytest.mark.parametrize(
    "folder", ["", ".", "./", "/", "//", "///x", "//a//b/", "a/./b/", "./db", "../db/", "a/../b"]
)
def test_the_folder_s_name_is_as_pathlib_writes_it(folder: str) -> None:
    from tui.cli.session import Session

    assert Session(folder).name == str(Path(folder))


def test_preparing_imports_only_the_operations_it_makes(imported: Path, tmp_path: Path) -> None:
    modules = imported_by(private_copy(imported, tmp_path), "prepare", "--force")
    assert "tui.edits.creation" in modules  # CreateMeeting
    assert "random" not in modules  # the lock's jitter, for a contended lock alone
    assert "threading" not in modules  # the lock's mutex is _thread's
    for seldom_used in ("inspect", "copy", "urllib.parse"):  # tui.deferred
        assert seldom_used not in modules
    others = ("tui.edits.ops", "tui.edits.rulings", "tui.edits.agenda_items", "tui.render")
    items_and_entries = ("tui.edits.meeting", "tui.edits.entries")  # 10 operations it needs not
    for other in (*others, *items_and_entries):
        assert other not in modules


def test_a_log_entry_of_any_operation_is_read_without_importing_them_all_first() -> None:
    script = (
        "import sys\n"
        "from tui.edits import from_record\n"
        "assert 'tui.edits.rulings' not in sys.modules\n"
        "op = from_record('accept_proposals', {'meeting': 102, 'item': 'i2.1'})\n"
        "print(type(op).__module__, type(op).__name__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.split() == ["tui.edits.rulings", "AcceptProposals"]


def _dataclasses_without_docstring() -> list[str]:
    import ast

    found = []
    for path in sorted((ROOT / "tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef) or ast.get_docstring(node) is not None:
                continue
            for decorator in node.decorator_list:
                called = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(called, ast.Name) and called.id == "dataclass":
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    return found


def test_every_dataclass_says_what_it_is() -> None:
    """Without a docstring, dataclasses writes one from the class's signature as the module
    is imported (inspect.signature): some 0.1–1 ms of every command that imports it."""
    assert _dataclasses_without_docstring() == []
