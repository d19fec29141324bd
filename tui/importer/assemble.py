"""What parsing a record gives: the meeting with its header, and the lines it skipped or
could not place."""

from __future__ import annotations

from datetime import datetime

from tui.dataclass_cache import dataclass, field
from tui.domain.model import Meeting, Section
from tui.importer.attendance import attendance
from tui.importer.decode import NotARecordError
from tui.importer.header import HeaderReader


@dataclass
class Unplaced:
    """A line of the record the importer could not place."""

    line: int
    text: str


@dataclass
class ParsedRecord:
    """A record read from its text: the meeting, the office's names and the lines left over."""

    meeting: Meeting
    organisation: str
    series: str
    unplaced: list[Unplaced] = field(default_factory=list)
    skipped: list[Unplaced] = field(default_factory=list)  # site chrome, page numbers


class SecondRecordError(NotARecordError):
    """A file holding a second record, from `line` on."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def assemble(number: int, start: datetime, head: HeaderReader, sections: list[Section]) -> Meeting:
    """The meeting its header describes, with its sections; head counts kept as notes."""

    def value(name: str) -> str:
        return head.fields.get(name, ("", "", 0))[0]

    present, counts = attendance(value("present"), value("observers"), value("absent"))
    return Meeting(
        number=number,
        start=start,
        place=value("place"),
        chair=value("chair"),
        recorder=value("recorder"),
        recorder_label=head.fields.get("recorder", ("", "紀錄", 0))[1],
        attendance=present,
        sections=sections,
        notes=[*head.counts, *counts],
    )
