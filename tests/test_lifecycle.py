"""Records move forward and lock once confirmed; cases are decided once a meeting."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import pytest

from tests import edit_support as edits
from tests.conftest import REFERENCE
from tui import secretary
from tui.domain import lifecycle
from tui.domain.model import (
    Amendment,
    CaseDecision,
    Conclusion,
    Meeting,
    MeetingStatus,
    TrackedCase,
)
from tui.edits import EditError, EditService
from tui.edits.ops import Correct, RemoveEntry, Untrack, WriteConclusion
from tui.storage.repository import LockedRecordError, Repository


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = Repository.open(tmp_path / "db")
    secretary.import_records(repository, [REFERENCE], replace=False)
    secretary.prepare(repository)
    return repository


def test_a_confirmed_record_is_locked(repo: Repository) -> None:
    edits.confirm(repo, 101)
    record = secretary.load(repo, 101)
    record.place = "市府大樓"
    with (
        pytest.raises(LockedRecordError, match="meeting 101 is confirmed"),
        repo.change() as records,
    ):
        records.save(record)  # storage's own guard, below the edit service's
    assert secretary.load(repo, 101).place == "視訊會議"


def test_a_correction_is_logged_with_who_when_and_what(repo: Repository) -> None:
    edits.confirm(repo, 101)
    service = EditService(repo, "許菁芳")
    item = secretary.load(repo, 101).sections[1].items[0]
    change = WriteConclusion(101, item.id, item.conclusions[0].id, "准予備查。")
    with pytest.raises(EditError, match="meeting 101 is confirmed"):
        service.apply(change)
    service.apply(Correct(101, "第 2 頁結論更正為准予備查"))
    service.apply(dataclasses.replace(change, correction=1))
    stored = secretary.load(repo, 101)
    assert stored.sections[1].items[0].conclusions[0].text == "准予備查。"
    assert [(c.by, c.what) for c in stored.corrections] == [("許菁芳", "第 2 頁結論更正為准予備查")]


def test_confirmed_with_corrections(repo: Repository) -> None:
    edits.confirm(repo, 101, [Amendment("2.3", "將屆", "即將屆至")])
    record = secretary.load(repo, 101)
    assert record.confirmation is not None
    assert record.confirmation.corrections == [Amendment("2.3", "將屆", "即將屆至")]
    assert "即將屆至" in record.sections[1].items[2].conclusions[1].text
    reader = secretary.load(repo, 102)
    assert reader.sections[0].body is not None
    assert reader.sections[0].body.conclusions[0].text == (
        "修正後確定，修正之點：貳、三「將屆」修正為「即將屆至」。"
    )
    with pytest.raises(EditError, match="already confirmed"):
        edits.confirm(repo, 101)


def test_status_only_moves_forward(repo: Repository) -> None:
    edits.set_status(repo, 102, MeetingStatus.IN_SESSION)
    edits.set_status(repo, 102, MeetingStatus.RECORDED)
    with pytest.raises(EditError, match="already recorded"):
        edits.set_status(repo, 102, MeetingStatus.IN_SESSION)


def test_a_released_case_cannot_be_decided_again(repo: Repository) -> None:
    with pytest.raises(EditError, match="10001 was released at meeting 101"):
        edits.decide(repo, 102, 10001, CaseDecision.KEEP)


def test_case_numbers_are_never_reused(repo: Repository) -> None:
    first = edits.conclude(repo, 102, "2.1", "請總務組辦理。", tracked=True)
    assert first is not None and first.number == 10201
    conclusion = secretary.load(repo, 102).sections[1].items[0].conclusions[0].id
    service = EditService(repo, "許菁芳")
    service.apply(Untrack(102, conclusion))
    service.apply(RemoveEntry(102, conclusion))
    second = edits.conclude(repo, 102, "2.1", "請人事室辦理。", tracked=True)
    assert second is not None and second.number == 10202
    assert second.owner == "人事室"
    assert second.origin_item == "貳、報告事項 一"


def test_a_case_decided_twice_at_one_meeting_keeps_one_event() -> None:
    case = TrackedCase(9805, origin_meeting=98)
    lifecycle.decide(case, 102, CaseDecision.KEEP, "辦理中")
    lifecycle.decide(case, 102, CaseDecision.RELEASE)
    assert [(e.meeting, e.decision, e.progress) for e in case.history] == [
        (102, CaseDecision.RELEASE, "辦理中")
    ]


def test_a_tracked_conclusion_cannot_be_tracked_twice() -> None:
    meeting = Meeting(102, datetime(2021, 7, 15, 10))
    conclusion = Conclusion("請總務組辦理。")
    lifecycle.track(meeting, conclusion, "", [], ["總務組"])
    with pytest.raises(lifecycle.LifecycleError, match="already case 10201"):
        lifecycle.track(meeting, conclusion, "", [], ["總務組"])
