"""`agenda search` end to end: real processes on a real database folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.cli_support import private_copy
from tests.conftest import ROOT
from tests.search_support import history
from tui.search.grams import folded
from tui.storage.layout import SEARCH_INDEX_FILE


def agenda(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONIOENCODING": "utf-8",
            "COLUMNS": "100",
            "AGENDA_LANG": "en",
        },
    )


def found(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = agenda(db, "search", *args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli-search") / "db"
    history(db)
    found(db, "會議")  # the index, built once for the module
    return db


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    return private_copy(built, tmp_path)


def lines(result: subprocess.CompletedProcess[str]) -> list[list[str]]:
    return [line.split() for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("預", ["107", "110/12/2", "貳、三", "report", "2"]),
        ("預算", ["107", "110/12/2", "貳、三", "report", "2"]),
        ("公務雲", ["107", "110/12/2", "貳、三", "conclusion", "3"]),
        ("員工薪資單", ["107", "110/12/2", "參、三", "motion"]),
    ],
)
def test_chinese_queries_of_one_two_three_and_five_characters(
    db: Path, query: str, first: list[str]
) -> None:
    result = found(db, query, "--limit", "50")
    rows = lines(result)
    assert rows[0][: len(first)] == first
    meetings = [int(row[0]) for row in rows]
    assert meetings == sorted(meetings, reverse=True)
    assert all(folded(query) in folded(line) for line in result.stdout.splitlines())
    assert result.stderr == ""


def test_the_limit_and_the_note_of_older_matches(db: Path) -> None:
    result = found(db, "會議", "--limit", "3")
    assert len(result.stdout.splitlines()) == 3
    assert result.stderr == "agenda: older matches not shown: --limit 6 shows more\n"


def test_nothing_found_is_status_three_and_one_line(db: Path) -> None:
    result = agenda(db, "search", "不存在的字")
    assert result.returncode == 3
    assert result.stdout == ""
    assert result.stderr == "agenda: no matches for '不存在的字'\n"


def test_nothing_found_as_json_is_an_empty_list_and_status_three(db: Path) -> None:
    result = agenda(db, "search", "不存在的字", "--json")
    assert result.returncode == 3
    assert json.loads(result.stdout) == {"query": "不存在的字", "hits": [], "more": False}


def test_json_gives_places_and_the_offsets_of_each_match(db: Path) -> None:
    data: dict[str, Any] = json.loads(found(db, "總務組", "--json", "--limit", "100").stdout)
    assert data["query"] == "總務組" and data["more"] is False
    keys = {"meeting", "date", "place", "what", "entry", "case", "text", "matches", "snippet"}
    for hit in data["hits"]:
        assert set(hit) == keys | {"highlights"}
        assert hit["matches"] and hit["highlights"]
        for start, end in hit["matches"]:
            assert folded(hit["text"][start:end]) == "總務組"
        for start, end in hit["highlights"]:
            assert folded(hit["snippet"][start:end]) == "總務組"
    case = next(h for h in data["hits"] if h["what"] == "case")
    assert case["case"] == {"number": 10101, "kind": "internal"}
    assert (case["meeting"], case["place"]) == (101, "3.3")


def test_the_place_is_the_one_conclude_takes(db: Path) -> None:
    hit = json.loads(found(db, "請總務組出納配合改正", "--json").stdout)["hits"][0]
    where = (hit["meeting"], hit["place"], hit["what"], hit["entry"])
    assert where == (107, "3.3", "conclusion", 1)
    ok = agenda(db, "conclude", str(hit["meeting"]), hit["place"], "出納已於本月改正完畢。")
    assert ok.returncode == 0, ok.stderr


def test_a_conclusion_added_by_the_command_is_found_at_once(db: Path) -> None:
    agenda(db, "search", "會議")
    ok = agenda(db, "conclude", "104", "貳、二", "請文書組辦理檔案數位化作業。")
    assert ok.returncode == 0, ok.stderr
    [row] = lines(found(db, "檔案數位化"))
    assert row == ["104", "110/9/9", "貳、二", "conclusion", "4", "請文書組辦理檔案數位化作業。"]


def test_a_deleted_index_is_built_again_with_one_note(db: Path) -> None:
    before = found(db, "列管", "--limit", "100").stdout
    (db / SEARCH_INDEX_FILE).unlink()
    result = found(db, "列管", "--limit", "100")
    assert result.stdout == before
    assert result.stderr.startswith("agenda: note: building the search index ")
    assert result.stderr.count("\n") == 1


def test_a_damaged_index_is_rebuilt_with_one_note(db: Path) -> None:
    before = found(db, "列管", "--limit", "100").stdout
    with open(db / SEARCH_INDEX_FILE, "r+b") as file:
        file.write(b"this is not sqlite" * 10)
    result = found(db, "列管", "--limit", "100")
    assert result.stdout == before
    note = result.stderr.splitlines()[0]
    assert note.startswith("agenda: note: the search index ") and note.endswith("rebuilding it")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["，。"], "nothing to search for"),
        (["會議", "--limit", "0"], "--limit 0"),
        (["會議", "--limit", str(2**63 - 1)], f"--limit {2**63 - 1}"),
    ],
)
def test_bad_input_is_status_two_and_one_line(db: Path, args: list[str], message: str) -> None:
    result = agenda(db, "search", *args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert result.stderr.startswith("agenda: error: ")


def test_a_missing_database_is_status_one_and_creates_nothing(tmp_path: Path) -> None:
    result = agenda(tmp_path / "nowhere", "search", "會議")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "nowhere" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_a_meeting_numbered_past_what_the_index_can_key_is_refused_on_import(
    db: Path, tmp_path: Path
) -> None:
    """Meetings are numbered 1 to 9999 (issue 17), well within what the index keys."""
    record = tmp_path / "huge.md"
    text = (ROOT / "data" / "record-101.md").read_text(encoding="utf-8")
    record.write_text(text.replace("第 101 次", "第 9999999999999 次"), encoding="utf-8")
    result = agenda(db, "import", str(record))
    assert result.returncode == 2
    assert "9999999999999: give 1 to 9999" in result.stderr


AS_NOBODY = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
CAN_SU = os.geteuid() == 0 and shutil.which("setpriv") is not None


@pytest.fixture
def reachable(tmp_path: Path) -> Iterator[Path]:
    """A folder another user may enter (pytest's folders are 0700), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="agenda-search-"))
    folder.chmod(0o711)
    yield folder
    shutil.rmtree(folder)


def as_nobody(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*AS_NOBODY, sys.executable, "-m", "tui", "--db", str(db), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd="/",
        timeout=60,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONIOENCODING": "utf-8",
            "PYTHONPATH": str(ROOT),
            "AGENDA_LANG": "en",
        },
    )


@pytest.mark.skipif(not CAN_SU, reason="needs root, to run as another user")
def test_a_folder_search_cannot_list_is_one_line_and_status_one(db: Path, reachable: Path) -> None:
    """As a user who can read the database but not list its cases (root reads everything)."""
    db = Path(shutil.copytree(db, reachable / "db"))
    subprocess.run(["chown", "-R", "nobody", str(db)], check=True)
    (db / "cases").chmod(0o300)
    result = as_nobody(db, "search", "會議")
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("agenda: error: could not list ")
    assert str(db / "cases") in result.stderr


@pytest.mark.skipif(not CAN_SU, reason="needs root, to run as another user")
def test_a_database_this_user_may_not_enter_is_one_line(db: Path, reachable: Path) -> None:
    db = Path(shutil.copytree(db, reachable / "db"))
    db.chmod(0o700)  # root's: nobody may not enter
    result = as_nobody(db, "search", "會議")
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "cannot be read (Permission denied)" in result.stderr
