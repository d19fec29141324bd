"""A case's details (案由, 主辦, 協辦, 列管期限) and the unit's 擬辦: operations logged and
undone like any other, never spending a new case number."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_support import demo_database
from tui import secretary
from tui.domain.cases import history_lines
from tui.domain.codec import from_data
from tui.domain.model import CaseDecision, TrackedCase
from tui.edits import EditError, EditService
from tui.edits.ops import Propose, SetCaseDetails, SetDeadline
from tui.storage.repository import Repository


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    return Repository.open(demo_database(tmp_path))


def service(repo: Repository) -> EditService:
    return EditService(repo, "許菁芳", secretary.editor(repo).units, "s1")


def case(repo: Repository, number: int) -> TrackedCase:
    found = repo.case(number)
    assert found is not None
    return found


def test_subject_owner_and_co_owners_are_set_logged_and_undone(repo: Repository) -> None:
    edits = service(repo)
    numbers = [c.number for c in repo.all_cases()]
    done = edits.apply(
        SetCaseDetails(102, 9805, subject="辦公室節能", owner="總務組", co_owners=("人事室",))
    )
    found = case(repo, 9805)
    assert (found.subject, found.owner, found.co_owners) == ("辦公室節能", "總務組", ["人事室"])
    assert [c.number for c in repo.all_cases()] == numbers  # no new number
    assert done.seq is not None and "總務組" in edits.log(102)[-1].summary
    edits.undo(102, done.seq)
    found = case(repo, 9805)
    assert (found.subject, found.owner, found.co_owners) == ("", "", [])


def test_an_owner_not_in_the_profile_is_refused(repo: Repository) -> None:
    with pytest.raises(EditError):
        service(repo).apply(SetCaseDetails(102, 9805, owner="不存在組"))


def test_each_deadline_change_is_kept_with_its_reason_and_undone(repo: Repository) -> None:
    edits = service(repo)
    edits.apply(SetDeadline(102, 9903, "2021-07-31", "配合預算期程"))
    second = edits.apply(SetDeadline(102, 9903, "2021-09-30", "廠商延遲交貨"))
    found = case(repo, 9903)
    assert found.deadline is not None and found.deadline.isoformat() == "2021-09-30"
    assert [c.reason for c in found.deadline_changes] == ["配合預算期程", "廠商延遲交貨"]
    assert found.deadline_changes[1].by == "許菁芳"
    text = "\n".join(line.text for line in history_lines(found))
    assert "期限變更：民國 110 年 7 月 31 日 → 民國 110 年 9 月 30 日（廠商延遲交貨）" in text
    assert second.seq is not None
    undone = edits.undo(102, second.seq)
    found = case(repo, 9903)
    assert found.deadline is not None and found.deadline.isoformat() == "2021-07-31"
    assert len(found.deadline_changes) == 1
    assert undone.seq is not None
    edits.undo(102, undone.seq)  # redo
    assert len(case(repo, 9903).deadline_changes) == 2


def test_a_deadline_change_without_a_reason_is_refused(repo: Repository) -> None:
    with pytest.raises(EditError):
        service(repo).apply(SetDeadline(102, 9903, "2021-07-31"))


def test_the_units_proposal_is_kept_beside_the_decision_and_undone(repo: Repository) -> None:
    edits = service(repo)
    done = edits.apply(Propose(102, 9904, "keep", progress="施工中", deadline="2021-08-31"))
    event = case(repo, 9904).decision_at(102)
    assert event is not None
    assert (event.proposal, event.progress) == (CaseDecision.KEEP, "施工中")
    assert event.proposed_deadline is not None and event.decision is None
    assert done.seq is not None
    edits.undo(102, done.seq)
    event = case(repo, 9904).decision_at(102)
    assert event is None or (event.proposal, event.proposed_deadline) == (None, None)


def test_a_case_stored_before_these_fields_still_reads() -> None:
    found = from_data(TrackedCase, {"number": 9805, "history": [{"meeting": 101}]})
    assert (found.co_owners, found.deadline_changes) == ([], [])
    assert found.history[0].proposal is None


def test_a_case_entry_shows_its_deadline_flag_co_owners_and_the_units_proposal() -> None:
    from datetime import date

    from tui.app.widgets.entries import case_text
    from tui.domain.model import CaseEvent

    event = CaseEvent(102, progress="施工中。", proposal=CaseDecision.KEEP)
    event.proposed_deadline = date(2021, 9, 30)
    found = TrackedCase(9903, owner="總務組", co_owners=["人事室"], history=[event])
    found.deadline = date(2021, 7, 31)
    shown = case_text(found, 102, date(2021, 8, 19)).plain
    assert "列管案號 9903（總務組；協辦：人事室）" in shown
    assert "列管期限：110/7/31 逾期" in shown
    assert "擬辦：建議繼續列管（期限 110/9/30）" in shown
    assert "將屆" in case_text(found, 102, date(2021, 7, 20), 30).plain
    assert "逾期" not in case_text(found, 102, date(2021, 7, 1), 10).plain


def test_a_proposal_on_a_case_the_meeting_does_not_report_on_is_refused(
    repo: Repository,
) -> None:
    with pytest.raises(EditError):
        service(repo).apply(Propose(102, 10001, "release"))
