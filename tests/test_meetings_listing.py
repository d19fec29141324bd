"""`agenda meetings`: the meetings as the index has them, never by reading each meeting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_support import agenda, imported_archive, load_json, one_error_line, private_copy

FIRST, COUNT = 98, 4


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imported_archive(tmp_path_factory.mktemp("archive"), FIRST, COUNT)


@pytest.fixture
def db(imported: Path, tmp_path: Path) -> Path:
    return private_copy(imported, tmp_path)


def test_json_lists_number_date_status_items_and_cases(imported: Path) -> None:
    rows = load_json(agenda("meetings", "--json", db=imported))
    assert [r["number"] for r in rows] == list(range(FIRST, FIRST + COUNT))
    assert rows[0] == {
        "number": 98,
        "date": "2021-03-18",
        "start": "2021-03-18T10:00:00",
        "status": "recorded",
        "items": 8,
        "cases": 10,  # two cases released, six kept, two of the mayor's office
    }


def test_text_is_a_table(imported: Path) -> None:
    result = agenda("meetings", db=imported)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["number", "date", "status", "items", "cases"]
    assert lines[1].split() == ["98", "110/3/18", "紀錄完成", "8", "10"]
    assert len(lines) == 1 + COUNT


def test_a_prepared_meeting_is_listed_as_a_draft(db: Path) -> None:
    assert agenda("prepare", "--force", db=db).returncode == 0
    last = load_json(agenda("meetings", "--json", db=db))[-1]
    assert (last["number"], last["status"], last["date"]) == (102, "draft", "2021-07-15")
    assert last["cases"] == 10  # the six kept, two opened at 101, two of the mayor's office


def test_the_meetings_themselves_are_not_read(db: Path) -> None:
    damaged = db / "meetings" / "0100.json"
    damaged.write_bytes(b"\x00 not a meeting")
    rows = load_json(agenda("meetings", "--json", db=db))
    assert [r["number"] for r in rows] == list(range(FIRST, FIRST + COUNT))
    assert agenda("show", "100", db=db).returncode == 1  # as read by a command that does


def test_an_index_from_before_items_were_counted(db: Path) -> None:
    for index in (db / "index").glob("*.json"):  # meetings 98-99, and 100-101
        data = json.loads(index.read_text(encoding="utf-8"))
        for row in data["tables"]["meetings"].values():
            del row["items"]
        index.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert [r["items"] for r in load_json(agenda("meetings", "--json", db=db))] == [None] * COUNT
    result = agenda("meetings", db=db)
    assert result.stdout.splitlines()[1].split() == ["98", "110/3/18", "紀錄完成", "-", "10"]


def test_no_database_is_said_in_one_line(tmp_path: Path) -> None:
    result = agenda("meetings", db=tmp_path / "none")
    assert result.returncode == 1
    assert "does not exist" in one_error_line(result)
