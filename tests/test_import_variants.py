"""Records in other offices' styles import without loss."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

import pytest

from tests.conftest import RECORDS
from tui.domain.model import CaseDecision
from tui.importer.record import ImportedRecord, read_record
from tui.render.document import RenderOptions, render_record

UNITS = ["藝術發展科", "會計室", "秘書室", "法制科"]
# Lines whose meaning is stored as values and rendered in the office's canonical form:
# the title (number, office, series), the time and the adjournment.
NORMALISED = ("時間", "散會")


def _import(name: str) -> ImportedRecord:
    return read_record(RECORDS / name, UNITS)


def _squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("name", sorted(p.name for p in RECORDS.iterdir() if p.is_file()))
def test_every_line_survives_import_and_render(name: str) -> None:
    record = _import(name)
    rendered = _squeeze(render_record(record.meeting, record.office, RenderOptions("md")))
    title, *lines = (RECORDS / name).read_text(encoding="utf-8").splitlines()
    assert _squeeze(title).startswith(record.office.organisation)
    assert record.office.series in title
    for line in lines:
        squeezed = _squeeze(line).lstrip("-")
        if squeezed and not squeezed.startswith(NORMALISED):
            assert squeezed in rendered, f"{name}: lost {line!r}"
    assert record.unplaced == []


def test_discussion_items_with_proposal_blocks() -> None:
    record = _import("discussion-45.md")
    meeting = record.meeting
    assert meeting.start == datetime(2023, 3, 9, 14, 30)
    assert meeting.end == time(16, 5)
    assert meeting.recorder_label == "記錄"
    proposal = meeting.sections[2].items[0]
    assert [b.label for b in proposal.blocks] == ["案由", "說明"]
    explanation = proposal.blocks[1]
    assert [p.text for p in explanation.points[1].points] == [
        "演講廳每時段 3,000 元。",
        "展覽室每日 5,000 元。",
    ]
    assert proposal.conclusion_label == "決議"
    assert [c.text for c in proposal.conclusions] == [
        "照案通過。",
        "請藝術發展科於 4 月底前完成公告，本案列管。",
    ]
    assert meeting.sections[3].body is not None
    assert meeting.sections[3].body.blocks[0].text == "無。"
    cases = {c.number: c for c in record.cases}
    assert cases[4501].owner == "藝術發展科"
    assert cases[4302].history[0].decision is CaseDecision.KEEP
    assert [cases[n].is_open for n in (4401, 4402, 4403)] == [False] * 3


def test_attendance_with_observers_and_leave() -> None:
    meeting = _import("attendance-12.txt").meeting
    present = {a.name: a.mark for a in meeting.attendance.present}
    assert present["劉科長德華"] == "請假"
    assert present["黃科長淑芬"] == "公假"
    assert present["周專員志強"] == "代"
    assert [a.name for a in meeting.attendance.observers] == ["秘書室吳主任"]
    assert [a.name for a in meeting.attendance.absent] == ["林科長建國"]
    assert meeting.sections[0].items[0].conclusion_label == "主席裁示"
    assert meeting.end == time(10, 42)


def test_chinese_numeral_dates() -> None:
    record = _import("chinese-dates-88.txt")
    assert record.meeting.number == 88
    assert record.meeting.start == datetime(2003, 11, 20, 9, 30)
    assert record.meeting.end == time(10, 40)
    decided = {c.number: c.history[0].decision for c in record.cases}
    assert decided == {
        8701: CaseDecision.RELEASE,
        8603: CaseDecision.KEEP,
        8605: CaseDecision.KEEP,
    }


def test_big5_and_bom_files_read_like_utf8(tmp_path: Path) -> None:
    text = (RECORDS / "attendance-12.txt").read_text(encoding="utf-8")
    big5 = tmp_path / "big5.txt"
    big5.write_bytes(text.encode("cp950"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(text.encode("utf-8-sig"))
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    expected = _import("attendance-12.txt").meeting
    for path in (big5, bom, crlf):
        assert read_record(path, UNITS).meeting == expected
