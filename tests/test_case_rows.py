"""An open case's older events are kept by the hundred meetings, out of cases/open: the
case reads whole, an older database's rows (whole histories) still read and are split when
next written, and a closed case is kept whole again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tinydb.table import Document

from tui.domain.codec import to_data
from tui.domain.model import CaseDecision, CaseEvent, CaseKind, TrackedCase
from tui.storage.case_rows import merge_case
from tui.storage.repository import Repository

NUMBER = 12601


def mayor_case(first: int, last: int, *, released: bool = False) -> TrackedCase:
    history = [
        CaseEvent(m, progress=f"第 {m} 次會議的辦理情形", decision=CaseDecision.KEEP)
        for m in range(first, last + 1)
    ]
    if released:
        history[-1].decision = CaseDecision.RELEASE
    return TrackedCase(NUMBER, "市政大樓辦公空間", "公管中心", kind=CaseKind.MAYOR, history=history)


def stored(db: Path, name: str) -> dict[str, Any]:
    tables: dict[str, Any] = json.loads((db / f"{name}.json").read_text(encoding="utf-8"))["tables"]
    return tables


def put(repo: Repository, case: TrackedCase) -> None:
    with repo.change() as records:
        records.put_cases([case])


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    return Repository.open(tmp_path / "db")


def test_an_open_case_keeps_its_newest_hundred_in_its_row(repo: Repository) -> None:
    case = mayor_case(90, 250)
    put(repo, case)
    db = repo.store.root
    row = stored(db, "cases/open")["mayor"][str(NUMBER)]
    assert [e["meeting"] for e in row["history"]] == list(range(200, 251))
    assert row["earlier"] == [0, 1]
    assert len(stored(db, "cases/earlier/0000")["mayor"][str(NUMBER)]["history"]) == 10
    assert len(stored(db, "cases/earlier/0001")["mayor"][str(NUMBER)]["history"]) == 100
    assert repo.case(NUMBER, CaseKind.MAYOR) == case
    assert repo.open_cases() == [case]


def test_a_row_with_its_whole_history_still_reads_and_is_split_when_written(
    repo: Repository,
) -> None:
    case = mayor_case(90, 250)
    with repo.store.transaction() as tx:  # as a database written before the split holds it
        tx.db("cases/open").table("mayor").insert(Document(to_data(case), doc_id=NUMBER))
    db = repo.store.root
    assert "earlier" not in stored(db, "cases/open")["mayor"][str(NUMBER)]
    assert repo.case(NUMBER, CaseKind.MAYOR) == case
    case.history[-1].progress = "已完成招標"
    put(repo, case)
    assert stored(db, "cases/open")["mayor"][str(NUMBER)]["earlier"] == [0, 1]
    assert repo.case(NUMBER, CaseKind.MAYOR) == case


def test_a_meeting_merged_in_touches_the_row_alone(repo: Repository) -> None:
    put(repo, mayor_case(90, 250))
    db = repo.store.root
    earlier = {p.name: p.stat().st_mtime_ns for p in (db / "cases" / "earlier").iterdir()}
    with repo.store.transaction() as tx:
        merge_case(tx, mayor_case(251, 251))
    assert {p.name: p.stat().st_mtime_ns for p in (db / "cases" / "earlier").iterdir()} == earlier
    assert repo.case(NUMBER, CaseKind.MAYOR) == mayor_case(90, 251)
    with repo.store.transaction() as tx:  # into the next hundred: the 200s move out
        merge_case(tx, mayor_case(300, 300))
    row = stored(db, "cases/open")["mayor"][str(NUMBER)]
    assert (row["earlier"], [e["meeting"] for e in row["history"]]) == ([0, 1, 2], [300])
    whole = mayor_case(90, 251)
    whole.history += mayor_case(300, 300).history
    assert repo.case(NUMBER, CaseKind.MAYOR) == whole


def test_an_earlier_meeting_merged_in_goes_to_its_hundred(repo: Repository) -> None:
    put(repo, mayor_case(90, 250))
    late = mayor_case(150, 150)
    late.history[0].progress = "更正後的辦理情形"
    with repo.store.transaction() as tx:
        merge_case(tx, late)
    found = repo.case(NUMBER, CaseKind.MAYOR)
    assert found is not None and found.decision_at(150) == late.history[0]
    assert len(found.history) == 161


def test_a_closed_case_is_kept_whole_and_its_hundreds_go(repo: Repository) -> None:
    put(repo, mayor_case(90, 250))
    closed = mayor_case(90, 251, released=True)
    put(repo, closed)
    db = repo.store.root
    assert stored(db, "cases/closed/0126")["mayor"][str(NUMBER)]["history"][0]["meeting"] == 90
    assert not (db / "cases" / "earlier" / "0000.json").exists()
    assert not (db / "cases" / "earlier" / "0001.json").exists()
    assert repo.case(NUMBER, CaseKind.MAYOR) == closed
    assert repo.open_cases() == []


def test_the_search_finds_an_open_case_s_older_progress_once(repo: Repository) -> None:
    from tui.search.index import SearchIndex

    case = mayor_case(90, 250)
    case.history[5].progress = "辦公空間調度會議紀錄已函送"  # meeting 95, in cases/earlier/0000
    put(repo, case)
    index = SearchIndex(repo.store.root)
    try:
        progress = index.search("已函送", 20).hits
        about = [h for h in index.search(str(NUMBER), 500).hits if h.field == "case"]
    finally:
        index.close()
    assert [(h.meeting, h.field, h.case_number) for h in progress] == [(95, "progress", NUMBER)]
    assert len(about) == 1
