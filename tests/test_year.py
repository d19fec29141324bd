"""A whole year run as a secretary would: prepare, decide, record, confirm, twelve times."""

from __future__ import annotations

import random
from datetime import time
from pathlib import Path

from tests import edit_support as edits
from tests.conftest import REFERENCE
from tui import secretary
from tui.domain.decisions import parse_decision_sentence
from tui.domain.model import CaseDecision, CaseKind, ItemKind, MeetingStatus, TrackedCase
from tui.storage.repository import Repository

UNITS = ["總務組", "人事室", "文書組", "會計室"]


def _run_month(repo: Repository, rng: random.Random, issued: list[int]) -> int:
    meeting = secretary.prepare(repo).meeting
    number = meeting.number
    edits.set_status(repo, number, MeetingStatus.IN_SESSION)
    report = next(i for i in meeting.items() if i.kind is ItemKind.CASE_REPORT)
    for ref in report.cases:
        decision = rng.choice([CaseDecision.RELEASE, CaseDecision.KEEP])
        edits.decide(repo, number, ref.number, decision, f"第 {number} 次會議辦理情形")
    for _ in range(rng.randint(0, 4)):
        unit = rng.choice(UNITS)
        case = edits.conclude(
            repo, number, "2.1", f"請{unit}辦理第 {number} 次交辦事項。", tracked=True
        )
        assert case is not None and case.owner == unit
        issued.append(case.number)
    place = edits.add_motion(repo, number, "法制王視察", "建議同仁參加課程。")
    case = edits.conclude(repo, number, place, "本案列管，請人事室辦理。", tracked=True)
    assert case is not None
    issued.append(case.number)
    edits.set_status(repo, number, MeetingStatus.RECORDED, end=time(11, 30))
    edits.confirm(repo, number - 1)
    return number


def _all_cases(repo: Repository) -> list[TrackedCase]:
    return [c for c in repo.all_cases() if c.kind is CaseKind.INTERNAL]


def test_a_year_of_meetings_keeps_every_case_history_consistent(tmp_path: Path) -> None:
    repo = Repository.open(tmp_path / "db")
    secretary.import_records(repo, [REFERENCE], replace=False)
    rng = random.Random(2021)
    issued: list[int] = [10101]
    numbers = [_run_month(repo, rng, issued) for _ in range(12)]
    assert numbers == list(range(102, 114))

    cases = _all_cases(repo)
    by_number = {c.number: c for c in cases}
    assert len(by_number) == len(cases), "a case is stored twice"
    assert len(set(issued)) == len(issued), "a case number was issued twice"
    assert set(issued) <= set(by_number), "a tracked case was lost"
    for case in cases:
        meetings = [e.meeting for e in case.history]
        assert meetings == sorted(set(meetings)), f"case {case.number} decided twice at a meeting"
        releases = [e for e in case.history if e.decision is CaseDecision.RELEASE]
        assert len(releases) <= 1
        if releases:
            assert case.history[-1].decision is CaseDecision.RELEASE

    last = secretary.load(repo, 113)
    still_open = {c.number for c in cases if c.is_open}
    next_meeting = secretary.prepare(repo).meeting
    report = next(i for i in next_meeting.items() if i.kind is ItemKind.CASE_REPORT)
    assert {r.number for r in report.cases} == still_open
    assert last.status is MeetingStatus.RECORDED

    for number in range(102, 114):
        meeting = secretary.load(repo, number)
        if number < 113:
            assert meeting.status is MeetingStatus.CONFIRMED
            assert meeting.confirmation is not None
            assert meeting.confirmation.at_meeting == number + 1
            reader = secretary.load(repo, number + 1)
            assert reader.sections[0].body is not None
            assert reader.sections[0].body.conclusions[0].text == "紀錄確定。"
        sentence = next(c.text for i in meeting.items() for c in i.conclusions if c.decisions)
        decisions = parse_decision_sentence(sentence)
        assert decisions is not None
        for released in decisions.released:
            assert by_number[released].decision_at(number).decision is CaseDecision.RELEASE  # type: ignore[union-attr]
        for kept in decisions.kept:
            assert by_number[kept].decision_at(number).decision is CaseDecision.KEEP  # type: ignore[union-attr]
