"""The search index on a real database folder: what it finds, in what order, kept current,
rebuilt when missing or damaged, shared by processes, and never touching the documents."""

from __future__ import annotations

import fcntl
import hashlib
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests import edit_support as edits
from tests.cli_support import private_copy
from tests.conftest import ROOT
from tests.search_support import expected, history, texts
from tui.domain.model import CaseDecision, ItemKind
from tui.domain.places import placed_items
from tui.search.grams import QueryError, folded
from tui.search.index import SearchIndex
from tui.storage.layout import SEARCH_INDEX_FILE, SEARCH_LOCK_FILE
from tui.storage.repository import Repository

ALL = 10_000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("search") / "db"
    history(db)
    index = SearchIndex(db)
    index.refresh()
    index.close()
    return db


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    return private_copy(built, tmp_path)


def placed(hits: list) -> list[tuple[int, str, str, int]]:  # type: ignore[type-arg]
    return [(h.meeting, h.place, h.field, h.entry) for h in hits if h.case_number is None]


def test_every_text_of_a_meeting_is_found_where_it_is(db: Path) -> None:
    meeting = Repository.open(db).load_meeting(101)
    assert meeting is not None
    index = SearchIndex(db)
    for place, field, entry, text in texts(meeting):
        query = folded(text)[:6]
        found = placed(index.search(query, ALL).hits)
        assert (101, place, field, entry) in found, (query, text)


@pytest.mark.parametrize(
    "query",
    ["預", "會", "預算", "列管", "總務組", "請總務組", "第 104 次", "第104次", "taipei", "1"],
)
def test_a_query_of_any_length_finds_exactly_what_the_meetings_hold(db: Path, query: str) -> None:
    found = SearchIndex(db).search(query, ALL)
    assert placed(found.hits) == expected(Repository.open(db), query)
    assert not found.more
    for hit in found.hits:
        assert hit.spans
        assert all(folded(hit.text[s:e]) == folded(query) for s, e in hit.spans)


@pytest.mark.parametrize("query", ["會議", "請", "列管案號"])
def test_a_limit_gives_the_newest_matches_first(db: Path, query: str) -> None:
    index = SearchIndex(db)
    every = index.search(query, ALL).hits
    assert [h.meeting for h in every] == sorted((h.meeting for h in every), reverse=True)
    for limit in (1, 2, 5, 17, 40):
        part = index.search(query, limit)
        assert part.hits == every[:limit]
        assert part.more == (len(every) > limit)


def test_cases_are_found_by_number_subject_owner_and_progress(db: Path) -> None:
    repo = Repository.open(db)
    edits.decide(repo, 102, 10101, CaseDecision.KEEP, progress="已洽詢三家廠商報價")
    meeting = repo.load_meeting(102)
    assert meeting is not None
    report = next(p for p, _, i in placed_items(meeting) if i.kind is ItemKind.CASE_REPORT)
    index = SearchIndex(db)
    progress = index.search("廠商報價", ALL).hits
    assert [(h.meeting, h.place, h.field, h.case_number) for h in progress] == [
        (102, report, "progress", 10101)
    ]
    for query in ("10101", "員工薪資單", "總務組"):
        cases = [h for h in index.search(query, ALL).hits if h.field == "case"]
        assert (102, report, 10101) in [(h.meeting, h.place, h.case_number) for h in cases]


def test_an_edit_is_found_at_once_and_only_its_meeting_is_read_again(db: Path) -> None:
    index = SearchIndex(db)
    index.search("會議", 5)
    edits.conclude(Repository.open(db), 103, "2.2", "請秘書室於月底前完成檔案數位化。")
    totals: list[int] = []
    found = index.search("檔案數位化", ALL, progress=lambda done, total: totals.append(total))
    assert [(h.meeting, h.place, h.field) for h in found.hits] == [(103, "2.2", "conclusion")]
    assert totals == [1]


def test_full_width_letters_and_digits_are_found_as_ascii_and_back(db: Path) -> None:
    index = SearchIndex(db)
    edits.conclude(Repository.open(db), 103, "2.2", "請於１１０年ＯＤＦ格式前完成。")
    for query in ("110年ODF", "１１０年ｏｄｆ"):
        hits = index.search(query, ALL).hits
        assert [(h.meeting, h.field) for h in hits] == [(103, "conclusion")], query
        ((start, end),) = hits[0].spans
        assert hits[0].text[start:end] == "１１０年ＯＤＦ"


def test_a_missing_index_is_built_with_one_note(db: Path) -> None:
    before = placed(SearchIndex(db).search("總務組", ALL).hits)
    (db / SEARCH_INDEX_FILE).unlink()
    notes: list[str] = []
    after = placed(SearchIndex(db, note=notes.append).search("總務組", ALL).hits)
    assert after == before
    assert len(notes) == 1 and "building the search index" in notes[0]


def _garbage_header(path: Path) -> None:
    with open(path, "r+b") as file:
        file.write(b"\x00garbage" * 20)


def _truncated(path: Path) -> None:
    with open(path, "r+b") as file:
        file.truncate(4096 * 3)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _another_version(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'format'")


def _another_program(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes(text TEXT)")


@pytest.mark.parametrize(
    "damage", [_garbage_header, _truncated, _empty, _another_version, _another_program]
)
def test_a_damaged_index_is_rebuilt_with_one_note(db: Path, damage: object) -> None:
    repo = Repository.open(db)
    assert callable(damage)
    damage(db / SEARCH_INDEX_FILE)
    notes: list[str] = []
    found = SearchIndex(db, note=notes.append).search("總務組", ALL)
    assert placed(found.hits) == expected(repo, "總務組")
    assert len(notes) == 1, notes
    assert "search index" in notes[0] and "\n" not in notes[0]


def _documents(db: Path) -> dict[str, str]:
    return {
        str(path.relative_to(db)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(db.rglob("*"))
        if path.is_file() and not path.name.startswith("search.")
    }


def test_searching_and_rebuilding_change_no_document(db: Path) -> None:
    before = _documents(db)
    _garbage_header(db / SEARCH_INDEX_FILE)
    SearchIndex(db).search("會議", 5)
    (db / SEARCH_INDEX_FILE).unlink()
    SearchIndex(db).search("請", 5)
    assert _documents(db) == before


def test_an_unreadable_meeting_is_left_out_with_a_note(db: Path) -> None:
    (db / SEARCH_INDEX_FILE).unlink()
    damaged = db / "meetings" / "0103.json"
    damaged.write_bytes(b'{"format": "agenda", "schema": 1, "tables": ')
    (db / "meetings" / "0103.json.bak").unlink(missing_ok=True)
    notes: list[str] = []
    found = SearchIndex(db, note=notes.append).search("總務組", ALL)
    assert {h.meeting for h in found.hits} == {101, 102, 104, 105, 106, 107}
    assert any("0103.json" in note for note in notes)
    assert damaged.read_bytes().endswith(b'"tables": ')  # left for the store to report


@pytest.mark.parametrize("query", ["", "  ", "，。！", "——"])
def test_a_query_without_letters_is_refused(db: Path, query: str) -> None:
    with pytest.raises(QueryError):
        SearchIndex(db).search(query, 5)


WORKER = """
import sys
from pathlib import Path
from tests import edit_support as edits
from tui.search.index import SearchIndex
from tui.storage.repository import Repository

db, name, meeting = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
repo = Repository.open(db)
index = SearchIndex(db)
for round in range(8):
    text = f"{name}第{round}輪測試"
    edits.conclude(repo, meeting, "2.2", text)
    hits = index.search(text, 5).hits
    assert [(h.meeting, h.field) for h in hits] == [(meeting, "conclusion")], (text, hits)
print("ok")
"""


def test_two_processes_edit_and_search_at_once(db: Path) -> None:
    (db / SEARCH_INDEX_FILE).unlink()
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db), name, str(meeting)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, meeting in (("甲", 104), ("乙", 105))
    ]
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        assert out.strip() == "ok"


def _holding_the_update_lock(db: Path, seconds: float) -> threading.Thread:
    """Another agenda updating the index: its lock held for `seconds`."""
    held = threading.Event()

    def hold() -> None:
        with open(db / SEARCH_LOCK_FILE, "a") as file:
            fcntl.flock(file, fcntl.LOCK_EX)
            held.set()
            time.sleep(seconds)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait()
    return thread


def test_a_search_waits_for_another_update_and_says_so(db: Path) -> None:
    edits.conclude(Repository.open(db), 105, "2.2", "請會計室辦理年度決算。")
    other = _holding_the_update_lock(db, 1.5)
    notes: list[str] = []
    found = SearchIndex(db, note=notes.append).search("年度決算", ALL)
    other.join()
    assert [(h.meeting, h.place) for h in found.hits] == [(105, "2.2")]
    assert notes == ["another agenda is updating the search index: waiting for it"]


def test_a_search_gives_up_waiting_and_searches_the_index_as_it_is(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.search.index.UPDATE_WAIT", 0.3)
    edits.conclude(Repository.open(db), 105, "2.2", "請會計室辦理年度決算。")
    other = _holding_the_update_lock(db, 1.0)
    notes: list[str] = []
    index = SearchIndex(db, note=notes.append)
    stale = index.search("年度決算", ALL)
    other.join()
    assert stale.hits == [] and placed(index.search("總務組", ALL).hits)
    assert notes[0] == "another agenda is updating the search index: searching it as it is"
    assert [h.meeting for h in index.search("年度決算", ALL).hits] == [105]
