"""Agenda 102 from record 101: the date by the rule, every open case carried, nothing closed."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from tests import edit_support as edits
from tests.conftest import REFERENCE
from tui import database, secretary
from tui.domain.model import CaseDecision, CaseKind, ItemKind, Meeting, MeetingStatus
from tui.domain.rocdate import format_datetime
from tui.edits.errors import Hint
from tui.render.document import RenderOptions, render_agenda, render_record
from tui.storage.repository import Repository


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = Repository.open(tmp_path / "db")
    secretary.import_records(repository, [REFERENCE], replace=False)
    return repository


def _item(meeting: Meeting, kind: ItemKind) -> list[tuple[int, CaseKind]]:
    item = next(i for i in meeting.items() if i.kind is kind)
    return [(ref.number, ref.kind) for ref in item.cases]


def test_prepare_102_from_the_reference(repo: Repository) -> None:
    meeting = secretary.prepare(repo).meeting
    assert meeting.number == 102
    assert format_datetime(meeting.start) == "民國 110 年 7 月 15 日 10 時 0 分"
    assert meeting.status is MeetingStatus.DRAFT
    assert (meeting.place, meeting.chair, meeting.recorder) == ("視訊會議", "陳志銘", "許菁芳")
    assert _item(meeting, ItemKind.CASE_REPORT) == [
        (9805, CaseKind.INTERNAL),
        (9903, CaseKind.INTERNAL),
        (9904, CaseKind.INTERNAL),
        (10101, CaseKind.INTERNAL),
    ]
    assert _item(meeting, ItemKind.OUTSIDE_CASES) == [
        (12601, CaseKind.MAYOR),
        (12616, CaseKind.MAYOR),
    ]
    assert repo.case(10101) is not None and repo.case(10101).owner == "總務組"  # type: ignore[union-attr]
    stored = repo.load_meeting(102)
    assert stored == meeting


def test_closed_cases_appear_nowhere_in_the_agenda(repo: Repository) -> None:
    meeting = secretary.prepare(repo).meeting
    refs = [r for i in meeting.items() for r in i.cases]
    numbers = {r.number for r in refs}
    assert numbers.isdisjoint(range(10001, 10008))
    text = render_agenda(
        meeting, database.profile_of(repo).office, repo.cases_of(refs), RenderOptions()
    )
    assert not re.search(r"1000[1-7]", text)
    for number in ("9805", "9903", "9904", "10101", "12601", "12616"):
        assert number in text
    assert text.splitlines()[0] == "臺北市政府秘書處第 102 次處務會議議程"
    assert "宣讀 110 年 6 月 17 日第 101 次處務會議紀錄。" in text
    assert text.count("（請主辦單位填寫）") == 6


def test_prepare_refuses_an_existing_meeting(repo: Repository) -> None:
    secretary.prepare(repo)
    with pytest.raises(secretary.SecretaryError, match="102 exists already"):
        secretary.prepare(repo, after=101)


def test_prepare_on_a_given_date_keeps_the_series_time(repo: Repository) -> None:
    meeting = secretary.prepare(repo, on=date(2021, 7, 22)).meeting
    assert meeting.start == datetime(2021, 7, 22, 10, 0)


def test_undecided_cases_stop_the_next_preparation(repo: Repository) -> None:
    secretary.prepare(repo)
    edits.decide(repo, 102, 9805, CaseDecision.RELEASE, "已完成。")
    with pytest.raises(secretary.SecretaryError, match=r"9903、9904、10101") as refused:
        secretary.prepare(repo)
    assert refused.value.hint is Hint.DECIDE_FIRST
    prepared = secretary.prepare(repo, force=True)
    assert prepared.undecided == [9903, 9904, 10101]
    assert prepared.meeting.number == 103
    assert 9805 not in {r.number for r in prepared.meeting.items()[2].cases}


def test_deciding_102_writes_the_decision_sentence(repo: Repository) -> None:
    secretary.prepare(repo)
    for number in (9805, 9903, 10101):
        edits.decide(repo, 102, number, CaseDecision.RELEASE)
    edits.decide(repo, 102, 9904, CaseDecision.KEEP, "刻正辦理中。")
    meeting = secretary.load(repo, 102)
    text = render_record(meeting, database.profile_of(repo).office, RenderOptions())
    assert "列管案號 9805、9903 及 10101 均解除列管；列管案號 9904 賡續列管。" in text
    edits.decide(repo, 102, 9904, CaseDecision.RELEASE)
    text = render_record(
        secretary.load(repo, 102), database.profile_of(repo).office, RenderOptions()
    )
    assert "列管案號 9805、9903、9904 及 10101 均解除列管。" in text
    assert "賡續列管" not in text
    history = repo.case(9904).history  # type: ignore[union-attr]
    assert [(e.meeting, e.decision) for e in history] == [
        (101, CaseDecision.KEEP),
        (102, CaseDecision.RELEASE),
    ]
    assert history[1].progress == "刻正辦理中。"
