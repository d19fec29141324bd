"""A circulated record file to a meeting, its office and its tracked cases."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from tui.dataclass_cache import dataclass, field
from tui.domain.model import Meeting, Office, TrackedCase
from tui.domain.units import unit_at_start
from tui.i18n import _
from tui.importer.assemble import SecondRecordError, Unplaced
from tui.importer.case_table import fill_answers, table_answers
from tui.importer.cases import CaseNumbersUsed, cases_in
from tui.importer.decode import NotARecordError, read_record_text
from tui.importer.kinds import mark_kinds
from tui.importer.parser import parse_record


@dataclass
class ImportedRecord:
    """A record ready to store: its meeting, office, cases and the lines left over."""

    meeting: Meeting
    office: Office
    cases: list[TrackedCase]
    unplaced: list[Unplaced]
    source: Path
    skipped: list[Unplaced] = field(default_factory=list)  # chrome before the title, page numbers


def read_record(path: Path, units: Sequence[str], when: datetime | None = None) -> ImportedRecord:
    return parse_record_text(read_record_text(path), path, units, when)


def read_records(
    path: Path, units: Sequence[str], split: bool = False, when: datetime | None = None
) -> list[ImportedRecord]:
    """The record in the file, or with `split` each record it holds, one after another."""
    text = read_record_text(path)
    if not split:
        return [parse_record_text(text, path, units, when)]
    found = []
    while True:
        try:
            found.append(parse_record_text(text, path, units, when))
            return found
        except SecondRecordError as second:
            lines = text.split("\n")
            first = "\n".join(lines[: second.line - 1])
            found.append(parse_record_text(first, path, units, when))
            # The lines before stay blank, so every line keeps its number in the file.
            text = "\n" * (second.line - 1) + "\n".join(lines[second.line - 1 :])


def parse_record_text(
    text: str, source: Path, units: Sequence[str], when: datetime | None = None
) -> ImportedRecord:
    parsed = parse_record(text, str(source), when)
    meeting = parsed.meeting
    for item in meeting.items():
        for report in item.reports:
            report.unit = unit_at_start(report.speaker, units)
    office = Office(parsed.organisation, parsed.series, list(units))
    try:
        cases = cases_in(meeting, units)
    except CaseNumbersUsed as error:
        raise NotARecordError(_("{path}: {problem}").format(path=source, problem=error)) from None
    fill_answers(cases, meeting.number, table_answers(text))
    mark_kinds(meeting, cases)
    return ImportedRecord(meeting, office, cases, parsed.unplaced, source, parsed.skipped)
