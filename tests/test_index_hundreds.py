"""The meetings' index kept by the hundred (issue 18): an index written as one document
before is read as it is, and moved to its hundreds by the first commit writing to it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests import edit_support as edits
from tests.cli_support import agenda, imported_archive, load_json, private_copy
from tui.edits.creation import DeleteMeeting
from tui.storage.index_rows import plainly, summaries
from tui.storage.repository import Repository

FIRST, COUNT = 98, 4  # meetings 98-99 in index/0000, 100-101 in index/0001


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imported_archive(tmp_path_factory.mktemp("hundreds"), FIRST, COUNT)


def as_one_document(db: Path) -> None:
    """The index as agenda wrote it before it was kept by the hundred: index.json."""
    envelope: dict[str, Any] = {}
    rows: dict[str, Any] = {}
    for part in sorted((db / "index").glob("*.json")):
        envelope = json.loads(part.read_text(encoding="utf-8"))
        rows.update(envelope["tables"]["meetings"])
    shutil.rmtree(db / "index")
    envelope["tables"] = {"meetings": rows}
    (db / "index.json").write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")


def listed(db: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = load_json(agenda("meetings", "--json", db=db))
    return rows


def test_each_hundred_has_its_document(imported: Path) -> None:
    assert sorted(p.name for p in (imported / "index").iterdir()) == ["0000.json", "0001.json"]
    assert not (imported / "index.json").exists()
    assert [r["number"] for r in listed(imported)] == list(range(FIRST, FIRST + COUNT))


def test_an_index_in_one_document_is_read_as_it_is(imported: Path, tmp_path: Path) -> None:
    db = private_copy(imported, tmp_path)
    before = listed(db)
    as_one_document(db)
    assert listed(db) == before
    store = Repository.open(db, create=False).store
    assert plainly(str(db)) == summaries(store) == summaries(Repository.open(imported).store)


def test_an_edit_leaving_the_index_alone_leaves_it_in_one_document(
    imported: Path, tmp_path: Path
) -> None:
    db = private_copy(imported, tmp_path)
    as_one_document(db)
    edits.conclude(Repository.open(db), 101, "2.1", "同意備查。")
    assert (db / "index.json").exists() and not (db / "index").exists()


def test_the_first_commit_writing_to_the_index_moves_it_to_its_hundreds(
    imported: Path, tmp_path: Path
) -> None:
    db = private_copy(imported, tmp_path)
    before = listed(db)
    as_one_document(db)
    assert agenda("prepare", db=db).returncode == 0  # meeting 102's row
    assert not (db / "index.json").exists()
    assert sorted(p.name for p in (db / "index").glob("*.json")) == ["0000.json", "0001.json"]
    after = listed(db)
    assert (after[-1]["number"], after[-1]["status"]) == (102, "draft")
    assert after[:-1] == before


def test_a_deleted_meeting_leaves_the_index_and_an_emptied_hundred_goes(
    imported: Path, tmp_path: Path
) -> None:
    db = private_copy(imported, tmp_path)
    as_one_document(db)
    repo = Repository.open(db)
    with repo.change() as records:  # as the draft agenda's deletion does, forced
        records.delete_meeting(101)
        records.delete_meeting(100)
    assert not (db / "index.json").exists()
    assert sorted(p.name for p in (db / "index").glob("*.json")) == ["0000.json"]
    assert [r["number"] for r in listed(db)] == [98, 99]


def test_a_draft_deleted_and_put_back_is_listed_again(imported: Path, tmp_path: Path) -> None:
    db = private_copy(imported, tmp_path)
    repo = Repository.open(db)
    assert agenda("prepare", db=db).returncode == 0
    service = edits.service(repo)
    done = service.apply(DeleteMeeting(102))
    assert [r["number"] for r in listed(db)] == list(range(FIRST, FIRST + COUNT))
    assert done.seq is not None
    service.undo(done.meeting, done.seq)
    assert [r["number"] for r in listed(db)][-1] == 102
