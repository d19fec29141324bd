"""Issue 18: the index built in a child process finds what one built in the searching process
finds; the child's notes, progress and errors reach the caller; given up on, it stops and
what it indexed is kept."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from benchmarks.archive import write_archive
from tests.cli_support import agenda
from tests.language_support import english
from tests.search_support import expected, history
from tui.search import outside
from tui.search.index import SearchIndex
from tui.storage.layout import MEETINGS, SEARCH_INDEX_FILE
from tui.storage.repository import Repository

ALL = 10_000
QUERIES = ("總務組", "會", "會議", "列管", "請秘書室", "第 103 次", "無此文字")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("outside") / "db"
    history(db)
    return db


def _children() -> list[str]:
    """The processes this thread started that are still running."""
    tid = threading.get_native_id()
    return Path(f"/proc/{os.getpid()}/task/{tid}/children").read_text().split()


def _found(index: SearchIndex, query: str) -> list[tuple[object, ...]]:
    return [
        (h.meeting, h.place, h.field, h.entry, h.case_number) for h in index.search(query, ALL).hits
    ]


def test_a_child_process_builds_the_same_index(built: Path, tmp_path: Path) -> None:
    inside = SearchIndex(built, outside_from=ALL)
    wanted = {query: _found(inside, query) for query in QUERIES}
    inside.close()
    (built / SEARCH_INDEX_FILE).unlink()

    children: list[list[str]] = []
    index = SearchIndex(built, outside_from=1)
    index.refresh(progress=lambda done, total: children.append(_children()))
    assert children and all(children), "every batch was indexed while a child ran"
    for query in QUERIES:
        assert _found(index, query) == wanted[query], query
    assert [h[:4] for h in _found(index, "總務組") if h[4] is None] == expected(
        Repository.open(built), "總務組"
    )


def test_the_childs_notes_reach_the_caller(built: Path, tmp_path: Path) -> None:
    (built / SEARCH_INDEX_FILE).unlink(missing_ok=True)
    damaged = built / MEETINGS / "0103.json"
    kept = damaged.read_bytes()
    try:
        damaged.write_bytes(b'{"format": "agenda", "schema": 1, "tables": ')
        notes: list[str] = []
        found = SearchIndex(built, note=notes.append, outside_from=1).search("總務組", ALL)
        assert 103 not in {h.meeting for h in found.hits}
        assert any("0103.json" in note and "\n" not in note for note in notes), notes
    finally:
        damaged.write_bytes(kept)


def test_a_build_given_up_on_stops_and_what_it_did_is_kept(built: Path) -> None:
    (built / SEARCH_INDEX_FILE).unlink(missing_ok=True)

    class GivenUp(Exception):
        pass

    first: list[int] = []

    def give_up(done: int, total: int) -> None:
        first.append(total)
        raise GivenUp

    index = SearchIndex(built, outside_from=1)
    with pytest.raises(GivenUp):
        index.refresh(progress=give_up)
    assert not _children()
    totals: list[int] = []
    index.refresh(progress=lambda done, total: totals.append(total))
    assert all(total < first[0] for total in totals)  # its first batch was kept
    assert _found(index, "總務組")


def test_the_childs_error_is_raised_as_its_own(tmp_path: Path) -> None:
    lock = os.open(tmp_path, os.O_RDONLY)
    try:
        with pytest.raises(sqlite3.DatabaseError) as raised:
            outside.refresh(tmp_path / "no such folder", lock, print, None)
    finally:
        os.close(lock)
    assert getattr(raised.value, "sqlite_errorcode", 0) == sqlite3.SQLITE_CANTOPEN
    assert "\n" not in str(raised.value)


def test_agenda_search_built_by_a_child_speaks_chinese(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "records", 101, outside.LEAST, extras=False)
    db = tmp_path / "db"
    assert agenda("import", archive.folder, db=db).returncode == 0
    (db / MEETINGS / "0105.json").write_bytes(b'{"format": "agenda", "schema": 1, "tables": ')
    said = agenda("search", "總務組", db=db, env={"AGENDA_LANG": "zh-TW"})
    assert said.returncode == 0, said.stderr
    assert "正在建立搜尋索引" in said.stderr and "可讀取前不納入搜尋" in said.stderr
    assert "0105.json" in said.stderr and "Traceback" not in said.stderr
    assert not english("search built by a child", said.stderr, [str(db), "Expecting value"])
