"""A case tracked for hundreds of meetings costs a change what a new one does: read for a
change, it holds its newest hundred's events and reads older ones only as far as a
question needs them; a save writes back its row and what it read, and every answer is the
one its whole history gives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from tinydb.table import Document

from tests.test_case_rows import NUMBER, mayor_case, put, stored
from tui.domain import case_history, lifecycle
from tui.domain.codec import to_data
from tui.domain.model import (
    CaseDecision,
    CaseEvent,
    CaseKind,
    Meeting,
    MeetingStatus,
    TrackedCase,
)
from tui.edits.case_kind import SetCaseKind
from tui.edits.cases import WriteProgress
from tui.edits.service import EditService
from tui.storage.repository import RecordError, Records, Repository

MAYOR = CaseKind.MAYOR


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    found = Repository.open(tmp_path / "db")
    put(found, mayor_case(90, 250))
    return found


def read_for_a_change(repo: Repository) -> TrackedCase:
    with repo.change() as records:
        found = records.case(NUMBER, MAYOR)
    assert found is not None
    return found


def earlier_files(repo: Repository) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (repo.store.root / "cases/earlier").iterdir()}


def index_files(repo: Repository) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (repo.store.root / "index").iterdir()}


def test_a_case_read_for_a_change_leaves_its_older_hundreds_unread(repo: Repository) -> None:
    case = read_for_a_change(repo)
    assert [e.meeting for e in case.history] == list(range(200, 251))
    assert [(p.start, p.end, p.count) for p in case.unread] == [(0, 100, 10), (100, 200, 100)]
    assert case_history.whole(case) == mayor_case(90, 250).history
    assert case.unread == []


QUESTIONS: dict[str, Callable[[TrackedCase, int], object]] = {
    "decision_at": lambda case, m: case.decision_at(m),
    "latest decided": lambda case, m: case_history.latest(case, m, lambda e: bool(e.decision)),
    "latest with progress": lambda case, m: case_history.latest(
        case, m, lambda e: "95 次" in e.progress
    ),
    "count_before": case_history.count_before,
    "since": case_history.since,
    "newest": lambda case, m: case_history.newest(case),
}


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("meeting", [0, 90, 95, 99, 100, 150, 199, 200, 201, 250, 251, 400])
def test_every_question_answers_as_the_whole_history_does(
    repo: Repository, question: str, meeting: int
) -> None:
    asked = QUESTIONS[question]
    assert asked(read_for_a_change(repo), meeting) == asked(mayor_case(90, 250), meeting)


def test_a_question_near_the_newest_meeting_reads_nothing_older(repo: Repository) -> None:
    case = read_for_a_change(repo)
    decided = case_history.latest(case, 251, lambda e: e.decision is not None)
    assert decided is not None and decided.meeting == 250
    assert case_history.count_before(case, 251) == 161
    assert case.decision_at(250) is not None and len(case.unread) == 2
    assert case.decision_at(150) is not None and len(case.unread) == 1  # its hundred alone


def test_a_progress_save_writes_the_row_alone(repo: Repository) -> None:
    with repo.change() as records:
        records.create_meeting(Meeting(251, datetime(2030, 1, 16, 10), status=MeetingStatus.DRAFT))
    before = earlier_files(repo)
    index = index_files(repo)
    service = EditService(repo, "許菁芳")
    service.apply(WriteProgress(251, NUMBER, "已完成第二階段作業", MAYOR.value))
    assert earlier_files(repo) == before
    assert index_files(repo) == index  # nor the index
    whole = mayor_case(90, 250)
    lifecycle.report_progress(whole, 251, "已完成第二階段作業")
    assert repo.case(NUMBER, MAYOR) == whole
    row = stored(repo.store.root, "cases/open")["mayor"][str(NUMBER)]
    assert (row["earlier"], row["earlier_counts"]) == ([0, 1], [10, 100])


def test_a_change_to_an_older_meeting_writes_its_hundred(repo: Repository) -> None:
    with repo.change() as records:
        case = records.case(NUMBER, MAYOR)
        assert case is not None
        lifecycle.report_progress(case, 150, "更正後的辦理情形")
        records.put_cases([case])
    whole = mayor_case(90, 250)
    lifecycle.report_progress(whole, 150, "更正後的辦理情形")
    assert repo.case(NUMBER, MAYOR) == whole
    part = stored(repo.store.root, "cases/earlier/0001")["mayor"][str(NUMBER)]["history"]
    assert part[50]["progress"] == "更正後的辦理情形"


def test_a_release_writes_the_case_whole_to_the_closed_cases(repo: Repository) -> None:
    with repo.change() as records:
        case = records.case(NUMBER, MAYOR)
        assert case is not None
        lifecycle.decide(case, 251, CaseDecision.RELEASE)
        records.put_cases([case])
    closed = stored(repo.store.root, "cases/closed/0126")["mayor"][str(NUMBER)]
    assert [e["meeting"] for e in closed["history"]] == [*range(90, 251), 251]
    assert not (repo.store.root / "cases/earlier").exists() or not earlier_files(repo)


def test_older_events_are_read_after_the_reading_ended(repo: Repository) -> None:
    with repo.store.reading() as tx:
        case = Records(tx).case(NUMBER, MAYOR)
    assert case is not None and case.unread
    assert case_history.whole(case) == mayor_case(90, 250).history


def test_a_row_that_does_not_count_its_hundreds_reads_whole_and_is_counted_when_written(
    repo: Repository,
) -> None:
    with repo.store.transaction() as tx:  # as a database written before the counts holds it
        table = tx.db("cases/open").table("mayor")
        row = dict(table.get(doc_id=NUMBER) or {})
        del row["earlier_counts"]
        table.remove(doc_ids=[NUMBER])
        table.insert(Document(row, doc_id=NUMBER))
    case = read_for_a_change(repo)
    assert case.unread == [] and case.history == mayor_case(90, 250).history
    put(repo, case)
    assert stored(repo.store.root, "cases/open")["mayor"][str(NUMBER)]["earlier_counts"] == [
        10,
        100,
    ]


def test_the_unread_events_are_never_stored_with_the_case(repo: Repository) -> None:
    case = read_for_a_change(repo)
    assert "unread" not in to_data(case)


def test_a_case_given_another_kind_keeps_its_whole_history(repo: Repository) -> None:
    with repo.change() as records:
        records.create_meeting(Meeting(251, datetime(2030, 1, 16, 10), status=MeetingStatus.DRAFT))
    service = EditService(repo, "許菁芳")
    service.apply(SetCaseKind(251, NUMBER, MAYOR.value, CaseKind.COUNCIL.value, 12602))
    moved = repo.case(12602, CaseKind.COUNCIL)
    assert moved is not None and moved.history == mayor_case(90, 250).history
    assert repo.case(NUMBER, MAYOR) is None


def test_a_failed_read_leaves_the_case_as_it_was(repo: Repository) -> None:
    case = read_for_a_change(repo)

    def fails() -> list[CaseEvent]:
        raise RecordError("stored cases/earlier/0001: damaged")

    case.unread[-1].read = fails
    with pytest.raises(RecordError):
        case.decision_at(150)
    assert [p.start for p in case.unread] == [0, 100]
    assert [e.meeting for e in case.history] == list(range(200, 251))
