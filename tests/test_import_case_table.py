"""A Markdown record we printed with the 列管 table imports as it was written: the table's
lines are not read as items, points or notes, and nothing else of the record is lost."""

from __future__ import annotations

from pathlib import Path

from tests.case_table_support import DECISION_SENTENCE, OFFICE, table_meeting
from tui.importer.record import parse_record_text
from tui.render.document import RenderOptions, render_record


def test_a_record_with_the_table_imports_without_it(tmp_path: Path) -> None:
    found = table_meeting(decided=True)
    text = render_record(found.meeting, OFFICE, RenderOptions("md"), found.cases)
    assert "| 10203 |" in text
    imported = parse_record_text(text, tmp_path / "103.md", OFFICE.units)
    assert imported.unplaced == []
    (section,) = imported.meeting.sections
    report, mayor = section.items
    assert report.title == "第 102 次處務會議結論事項辦理情形報告。"
    assert [c.text for c in report.conclusions] == [DECISION_SENTENCE]
    assert report.notes == [] and report.blocks == [] and report.reports == []
    assert mayor.title == "市長室暨市政會議列管秘書處案件。" and mayor.notes == []
    assert all("|" not in c.text for c in imported.meeting.conclusions())


def test_the_table_s_rendering_round_trips_the_rest(tmp_path: Path) -> None:
    found = table_meeting(decided=True)
    first = render_record(found.meeting, OFFICE, RenderOptions("md"), found.cases)
    imported = parse_record_text(first, tmp_path / "103.md", OFFICE.units)
    again = render_record(imported.meeting, imported.office, RenderOptions("md"))
    kept = [line for line in first.split("\n") if line and not line.startswith("|")]
    assert kept == [line for line in again.split("\n") if line]


def test_the_table_s_progress_and_proposals_are_read_back(tmp_path: Path) -> None:
    found = table_meeting(decided=True)
    text = render_record(found.meeting, OFFICE, RenderOptions("md"), found.cases)
    imported = {
        c.number: c for c in parse_record_text(text, tmp_path / "103.md", OFFICE.units).cases
    }
    for case in found.cases[:3]:
        wanted, got = case.decision_at(103), imported[case.number].decision_at(103)
        assert wanted is not None and got is not None
        assert (got.progress, got.proposal, got.proposed_deadline, got.decision) == (
            wanted.progress,
            wanted.proposal,
            wanted.proposed_deadline,
            wanted.decision,
        )


def test_a_record_without_a_table_reads_no_answers(tmp_path: Path) -> None:
    from tests.conftest import REFERENCE
    from tui.importer.record import read_record

    imported = read_record(REFERENCE, OFFICE.units)
    events = [e for c in imported.cases for e in c.history]
    assert all(e.proposal is None and not e.progress for e in events)
