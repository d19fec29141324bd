"""A circulated record file to a meeting, its office and its tracked cases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.domain.model import Meeting, Office, TrackedCase
from tui.domain.units import unit_at_start
from tui.importer.case_table import fill_answers, table_answers
from tui.importer.cases import cases_in
from tui.importer.decode import read_record_text
from tui.importer.kinds import mark_kinds
from tui.importer.parser import Unplaced, parse_record


@dataclass
class ImportedRecord:
    meeting: Meeting
    office: Office
    cases: list[TrackedCase]
    unplaced: list[Unplaced]
    source: Path


def read_record(path: Path, units: Sequence[str]) -> ImportedRecord:
    return parse_record_text(read_record_text(path), path, units)


def parse_record_text(text: str, source: Path, units: Sequence[str]) -> ImportedRecord:
    parsed = parse_record(text, str(source))
    meeting = parsed.meeting
    for item in meeting.items():
        for report in item.reports:
            report.unit = unit_at_start(report.speaker, units)
    office = Office(parsed.organisation, parsed.series, list(units))
    cases = cases_in(meeting, units)
    fill_answers(cases, meeting.number, table_answers(text))
    mark_kinds(meeting, cases)
    return ImportedRecord(meeting, office, cases, parsed.unplaced, source)
