"""The real record of the 101st meeting goes in whole and comes back out as itself."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from tests.conftest import REFERENCE
from tui.domain.model import CaseDecision, CaseKind
from tui.importer.record import ImportedRecord, read_record
from tui.render.document import RenderOptions, render_record


@pytest.fixture(scope="module")
def record(units: list[str]) -> ImportedRecord:
    return read_record(REFERENCE, units)


def _significant_lines(text: str) -> list[str]:
    return [stripped for line in text.split("\n") if (stripped := "".join(line.split()))]


def _reference_lines() -> list[str]:
    lines = _significant_lines(REFERENCE.read_text(encoding="utf-8"))
    cut = next(i for i, line in enumerate(lines) if line.endswith("所引發的爭議，養"))
    return [*lines[:cut], lines[cut] + lines[cut + 1], *lines[cut + 2 :]]


def test_markdown_equals_the_reference_line_by_line(record: ImportedRecord) -> None:
    rendered = render_record(record.meeting, record.office, RenderOptions("md"))
    assert _significant_lines(rendered) == _reference_lines()


def test_header_fields(record: ImportedRecord) -> None:
    meeting = record.meeting
    assert meeting.number == 101
    assert meeting.start == datetime(2021, 6, 17, 10, 0)
    assert meeting.end == time(11, 14)
    assert (meeting.place, meeting.chair, meeting.recorder) == ("視訊會議", "陳志銘", "許菁芳")
    assert meeting.attendance.present_as_text == "如簽到表"
    assert (record.office.organisation, record.office.series) == ("臺北市政府秘書處", "處務會議")


def test_outline(record: ImportedRecord) -> None:
    sections = record.meeting.sections
    assert [s.title for s in sections] == [
        "宣讀 110 年 5 月 20 日第 100 次處務會議紀錄。",
        "報告事項",
        "臨時動議",
    ]
    assert sections[0].body is not None and len(sections[0].body.conclusions) == 2
    assert [len(i.conclusions) for i in sections[1].items] == [2, 4, 3, 8]
    assert [i.presenter for i in sections[2].items] == [
        "法制王視察",
        "會計室潘主任",
        "政風室劉主任",
    ]
    assert all(len(i.conclusions) == 1 for i in sections[2].items)
    reports = sections[1].items[3].reports
    assert [r.unit for r in reports] == ["國際事務組", "機要組", "人事室", "政風室"]
    assert [len(r.points) for r in reports] == [0, 0, 0, 4]


def test_page_break_split_is_joined(record: ImportedRecord) -> None:
    seventh = record.meeting.sections[1].items[3].conclusions[6]
    assert "爭議，養成自省的習慣" in seventh.text
    assert record.unplaced == []


def test_cases(record: ImportedRecord) -> None:
    by_number = {c.number: c for c in record.cases}
    assert sorted(by_number) == [9805, 9903, 9904, *range(10001, 10008), 10101, 12601, 12616]
    for number in range(10001, 10008):
        assert by_number[number].history[0].decision is CaseDecision.RELEASE
        assert not by_number[number].is_open
    for number in (9805, 9903, 9904):
        assert by_number[number].history[0].decision is CaseDecision.KEEP
        assert by_number[number].is_open
    assert by_number[9805].origin_meeting == 98
    assert {by_number[n].kind for n in (12601, 12616)} == {CaseKind.MAYOR}
    assert by_number[12616].owner == "公共事務管理中心"
    new = by_number[10101]
    assert (new.owner, new.origin_meeting, new.kind) == ("總務組", 101, CaseKind.INTERNAL)
    assert new.origin_item == "參、臨時動議 三" and new.origin_conclusion == 1
    assert record.meeting.sections[2].items[2].conclusions[0].case == 10101
