"""The chair's 決定 in full: a release with its reason (併案 into another case, 移列 to another
forum), a case kept with a new deadline and the chair's words, the units' 擬辦 accepted one
case at a time or all of an item's; each logged and undone whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.app_support import demo_database
from tests.edit_support import meeting, service
from tui.domain.cases import decision_words, history_lines
from tui.domain.model import CaseDecision, CaseKind, ReleaseReason, TrackedCase
from tui.edits import EditError
from tui.edits.ops import AcceptProposal, AcceptProposals, Decide, Propose, Rule, SetCaseKind
from tui.storage.repository import Repository


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    return Repository.open(demo_database(tmp_path))


def case(repo: Repository, number: int) -> TrackedCase:
    found = repo.case(number)
    assert found is not None
    return found


def sentence(repo: Repository) -> str:
    report = meeting(repo).sections[1].items[1]
    return next((c.text for c in report.conclusions if c.decisions), "")


def test_a_merged_case_points_to_the_case_it_joined_and_is_undone_whole(repo: Repository) -> None:
    edits = service(repo)
    done = edits.apply(Rule(102, 9904, "release", reason="merged", into=10101))
    merged, target = case(repo, 9904), case(repo, 10101)
    event = merged.decision_at(102)
    assert event is not None and (event.reason, event.merged_into) == (ReleaseReason.MERGED, 10101)
    assert not merged.is_open and target.merged_from == [9904]
    assert decision_words(event) == "解除列管（併入列管案號 10101）"
    assert "9904 解除列管" in sentence(repo)
    assert any("10101" in line.text for line in history_lines(merged))
    assert any("9904" in line.text for line in history_lines(target))
    assert "併入列管案號 10101" in edits.log(102)[-1].summary
    assert done.seq is not None
    edits.undo(102, done.seq)
    assert case(repo, 9904).is_open and case(repo, 10101).merged_from == []
    assert "9904" not in sentence(repo)


def test_ruling_again_takes_back_the_merge(repo: Repository) -> None:
    edits = service(repo)
    edits.apply(Rule(102, 9904, "release", reason="merged", into=10101))
    edits.apply(Rule(102, 9904, "keep"))
    assert case(repo, 10101).merged_from == []
    event = case(repo, 9904).decision_at(102)
    assert event is not None and (event.decision, event.merged_into) == (CaseDecision.KEEP, None)
    edits.apply(Decide(102, 9904, "release"))  # r after a merge: a plain release
    edits.apply(Rule(102, 9904, "release", reason="merged", into=10101))
    edits.apply(Decide(102, 9904, "keep"))
    assert case(repo, 10101).merged_from == []


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        (Rule(102, 9904, "release", reason="merged"), "merged into"),
        (Rule(102, 9904, "release", reason="merged", into=9904), "itself"),
        (Rule(102, 9904, "release", reason="merged", into=10001), "no longer tracked"),
        (Rule(102, 9904, "release", reason="merged", into=99999), "no tracked case"),
        (Rule(102, 9904, "release", reason="moved"), "moved to"),
        (Rule(102, 9904, "release", reason="finished"), "no reason"),
        (Rule(102, 9904, "undecided"), "no decision"),
    ],
)
def test_a_ruling_that_cannot_be_is_refused_and_changes_nothing(
    repo: Repository, rule: Rule, problem: str
) -> None:
    before = (case(repo, 9904), case(repo, 10101))
    with pytest.raises(EditError, match=problem):
        service(repo).apply(rule)
    assert (case(repo, 9904), case(repo, 10101)) == before


def test_a_moved_case_says_where_it_went(repo: Repository) -> None:
    service(repo).apply(Rule(102, 9805, "release", reason="moved", forum="市政會議"))
    event = case(repo, 9805).decision_at(102)
    assert decision_words(event) == "解除列管（移列市政會議）"


def test_kept_with_a_new_deadline_and_words_records_the_deadline_change(
    repo: Repository,
) -> None:
    edits = service(repo)
    before = case(repo, 9903).deadline
    done = edits.apply(Rule(102, 9903, "keep", deadline="2021-12-31", words="請於年底前完成驗收。"))
    found = case(repo, 9903)
    assert found.deadline == date(2021, 12, 31)
    change = found.deadline_changes[-1]
    assert (change.old, change.new, change.meeting) == (before, date(2021, 12, 31), 102)
    assert decision_words(found.decision_at(102)) == (
        "賡續列管，列管期限展延至 110 年 12 月 31 日；請於年底前完成驗收。"
    )
    assert done.seq is not None
    edits.undo(102, done.seq)
    found = case(repo, 9903)
    assert (found.deadline, found.deadline_changes) == (before, [])


def test_an_undo_after_a_later_change_is_refused(repo: Repository) -> None:
    edits = service(repo)
    done = edits.apply(Rule(102, 9903, "keep", deadline="2021-12-31"))
    edits.apply(Rule(102, 9903, "keep", words="另請會計室協助。"))
    assert done.seq is not None
    with pytest.raises(EditError, match="changed since"):
        edits.undo(102, done.seq)


def test_accepting_a_proposal_decides_as_the_unit_proposed(repo: Repository) -> None:
    edits = service(repo)
    edits.apply(Propose(102, 9903, "keep", deadline="2022-03-31"))
    edits.apply(AcceptProposal(102, 9903))
    found = case(repo, 9903)
    event = found.decision_at(102)
    assert event is not None and event.decision is CaseDecision.KEEP
    assert found.deadline == date(2022, 3, 31) == event.new_deadline
    with pytest.raises(EditError, match="proposed nothing"):
        edits.apply(AcceptProposal(102, 9805))


def test_accepting_all_proposals_of_an_item_leaves_decided_and_unproposed_cases(
    repo: Repository,
) -> None:
    edits = service(repo)
    edits.apply(Propose(102, 9805, "release"))
    edits.apply(Propose(102, 9903, "keep"))
    edits.apply(Propose(102, 9904, "release"))
    edits.apply(Rule(102, 9904, "keep", words="俟新系統上線再議。"))  # the chair overrides
    report = meeting(repo).sections[1].items[1]
    done = edits.apply(AcceptProposals(102, report.id))
    decided = {n: case(repo, n).decision_at(102) for n in (9805, 9903, 9904, 10101)}
    assert decided[9805] is not None and decided[9805].reason is ReleaseReason.DONE
    assert decided[9903] is not None and decided[9903].decision is CaseDecision.KEEP
    assert decided[9904] is not None and decided[9904].decision is CaseDecision.KEEP
    assert decided[10101] is None or decided[10101].decision is None
    assert sentence(repo) == "列管案號 9805 解除列管；列管案號 9903 及 9904 賡續列管。"
    assert done.seq is not None
    service(repo).undo(102, done.seq)
    assert sentence(repo) == "列管案號 9904 賡續列管。"
    with pytest.raises(EditError, match="no undecided case"):
        edits.apply(AcceptProposals(102, meeting(repo).sections[1].items[0].id))


def test_a_cases_kind_and_outside_number_are_corrected_and_undone(repo: Repository) -> None:
    edits = service(repo)
    done = edits.apply(SetCaseKind(102, 9904, "internal", "council", 3301))
    assert repo.case(9904) is None
    moved = repo.case(3301, CaseKind.COUNCIL)
    assert moved is not None and moved.origin_meeting == 99
    listed = [(r.kind, r.number) for i in meeting(repo).items() for r in i.cases]
    assert (CaseKind.COUNCIL, 3301) in listed and (CaseKind.INTERNAL, 9904) not in listed
    assert "議會列管" in edits.log(102)[-1].summary
    assert done.seq is not None
    edits.undo(102, done.seq)
    assert repo.case(9904) is not None and repo.case(3301, CaseKind.COUNCIL) is None


def test_a_case_this_office_opened_keeps_its_kind(repo: Repository) -> None:
    with pytest.raises(EditError, match="opened by a conclusion"):
        service(repo).apply(SetCaseKind(102, 10101, "internal", "mayor", 12650))
    with pytest.raises(EditError, match="already a case"):
        service(repo).apply(SetCaseKind(102, 9904, "internal", "internal", 9903))
