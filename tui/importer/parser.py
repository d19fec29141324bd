"""A circulated record's text to a Meeting, keeping every line somewhere."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from tui.domain.limits import oversized
from tui.domain.model import (
    Attendance,
    Attendee,
    Block,
    Conclusion,
    Item,
    Meeting,
    Report,
    Section,
)
from tui.domain.numerals import (
    LARGEST,
    Label,
    Ladder,
    NumeralError,
    parse_label,
    parse_number,
)
from tui.domain.rocdate import DateError, parse_datetime, parse_time
from tui.i18n import _
from tui.importer import patterns
from tui.importer.decode import NotARecordError
from tui.importer.lines import Line, record_lines
from tui.importer.outline import OpenList, conclusion_list, point_list


@dataclass
class Unplaced:
    line: int
    text: str


@dataclass
class ParsedRecord:
    meeting: Meeting
    organisation: str
    series: str
    unplaced: list[Unplaced] = field(default_factory=list)


def parse_record(text: str, where: str) -> ParsedRecord:
    return _RecordParser(where).parse(text)


class _RecordParser:
    def __init__(self, where: str) -> None:
        self.where = where
        self.title: re.Match[str] | None = None
        self.header: dict[str, tuple[str, str, int]] = {}
        self.sections: list[Section] = []
        self.item: Item | None = None
        self.open: OpenList | None = None
        self.end: time | None = None
        self.notes: list[str] = []
        self.unplaced: list[Unplaced] = []

    def parse(self, text: str) -> ParsedRecord:
        for line in record_lines(text, patterns.is_structural):
            self._take(line)
        return self._finish()

    def _take(self, line: Line) -> None:
        if self.title is None:
            self._before_title(line)
        elif not self.sections and self._header_line(line):
            return
        elif (label := parse_label(line.text)) is not None:
            self._labelled(label, line)
        else:
            self._unlabelled(line)

    def _before_title(self, line: Line) -> None:
        self.title = patterns.TITLE.match(line.text)
        if self.title is None:
            self._keep_unplaced(line)

    def _header_line(self, line: Line) -> bool:
        found = patterns.header_field(line.text)
        if found is None:
            return False
        name, label, value = found
        if name in self.header:  # a second 出席 line continues the first
            old, old_label, _ = self.header[name]
            value = f"{old}、{value}"
            label = old_label
        self.header[name] = (value, label, line.number)
        return True

    # -- numbered lines -------------------------------------------------------

    def _labelled(self, label: Label, line: Line) -> None:
        if label.ladder == Ladder.SECTION:
            self._new_section(label.rest)
        elif self.open is not None and self._continues_list(label):
            self.open.add(label.ladder, label.rest)
        elif label.ladder == Ladder.ITEM:
            self._new_item(label.rest, line)
        elif self.item is not None:
            self.open = point_list(self._body_block().points)
            self.open.add(label.ladder, label.rest)
        else:
            self._keep_unplaced(line)

    def _continues_list(self, label: Label) -> bool:
        assert self.open is not None
        if label.ladder == Ladder.ITEM and self.open.ladder != Ladder.ITEM:
            return self.open.ladder is None and not self._is_next_item(label.number)
        return self.open.takes(label.ladder, label.number)

    def _is_next_item(self, number: int) -> bool:
        return bool(self.sections) and number == len(self.sections[-1].items) + 1

    def _new_section(self, title: str) -> None:
        self.sections.append(Section(title))
        self.item = None
        self.open = None

    def _new_item(self, text: str, line: Line) -> None:
        section = self._section(line)
        item = Item(title=text)
        presenter = patterns.PRESENTER.match(text)
        if presenter:
            item.title = presenter["text"]
            item.presenter = presenter["speaker"]
            item.presenter_kind = presenter["kind"]
        section.listed = section.listed or line.listed
        section.items.append(item)
        self.item = item
        self.open = None
        block = patterns.BLOCK.match(text)
        if block:
            item.title = ""
            self._new_block(block, line)

    def _section(self, line: Line) -> Section:
        if not self.sections:
            self.sections.append(Section(""))
        return self.sections[-1]

    def _current_item(self, line: Line) -> Item:
        if self.item is None:
            section = self._section(line)
            if section.body is None:
                section.body = Item(title="")
            self.item = section.body
        return self.item

    # -- unnumbered lines -----------------------------------------------------

    def _unlabelled(self, line: Line) -> None:
        text = line.text
        for pattern, handler in self._openers():
            match = pattern.match(text)
            if match:
                handler(match, line)
                return
        self._paragraph(line)

    def _openers(self) -> list[tuple[re.Pattern[str], Callable[[re.Match[str], Line], None]]]:
        return [
            (patterns.ADJOURNMENT, self._adjourned),
            (patterns.CONCLUSION, self._conclusion),
            (patterns.BLOCK, self._new_block),
            (patterns.CASE_HEADING, self._case_heading),
            (patterns.REPORT, self._report),
        ]

    def _adjourned(self, match: re.Match[str], line: Line) -> None:
        try:
            self.end = parse_time(match["time"])
        except DateError as error:
            raise self._refused(
                _("{path} line {line}: 散會 {problem}"), line=line.number, problem=error
            ) from None
        self.open = None

    def _conclusion(self, match: re.Match[str], line: Line) -> None:
        item = self._current_item(line)
        item.conclusion_label = match["label"]
        text = match["text"].strip()
        if text:
            item.conclusions.append(Conclusion(text))
            self.open = point_list(item.conclusions[-1].points)
        else:
            self.open = conclusion_list(item.conclusions)

    def _new_block(self, match: re.Match[str], line: Line) -> None:
        item = self._current_item(line)
        block = Block(match["label"], match["text"].strip())
        item.blocks.append(block)
        self.open = point_list(block.points, _filler(block))

    def _case_heading(self, match: re.Match[str], line: Line) -> None:
        self._new_item("", line)
        assert self.item is not None
        self.item.label = re.sub(r"\s+", "", match["label"])

    def _report(self, match: re.Match[str], line: Line) -> None:
        item = self._current_item(line)
        report = Report(speaker=match["speaker"], kind=match["kind"], text=match["text"].strip())
        item.reports.append(report)
        self.open = point_list(report.points, _filler(report))

    def _paragraph(self, line: Line) -> None:
        if self.open is not None and self.open.accepts_text and not self.open.entries:
            self.open.accepts_text(line.text)
            self.open.accepts_text = None
        elif self.sections and self._is_body_text(self._current_item(line)):
            self._body_block().text = _join(self._body_block().text, line.text)
        else:
            self._keep_unplaced(line)

    def _is_body_text(self, item: Item) -> bool:
        return not item.reports and not item.conclusions and self.open is None

    def _body_block(self) -> Block:
        assert self.item is not None
        if not self.item.blocks or self.item.blocks[-1].label:
            self.item.blocks.append(Block(""))
        return self.item.blocks[-1]

    def _keep_unplaced(self, line: Line) -> None:
        self.unplaced.append(Unplaced(line.number, line.text))
        if self.item is not None:
            self.item.notes.append(line.text)
        else:
            self.notes.append(line.text)

    # -- the meeting ----------------------------------------------------------

    def _finish(self) -> ParsedRecord:
        if self.title is None:
            raise self._refused(_("{path}: no record title (…第 N 次…紀錄) found"))
        if not self.sections and not self.header:
            raise self._refused(_("{path}: a title but no header fields or sections"))
        meeting = Meeting(
            number=self._number(),
            start=self._start(),
            end=self.end,
            place=self._value("place"),
            chair=self._value("chair"),
            recorder=self._value("recorder"),
            recorder_label=self.header.get("recorder", ("", "紀錄", 0))[1],
            attendance=self._attendance(),
            sections=self.sections,
            notes=self.notes,
        )
        if problem := oversized(meeting):
            raise self._refused(_("{path}: {problem}"), problem=problem)
        return ParsedRecord(
            meeting, self.title["organisation"].strip(), self.title["series"], self.unplaced
        )

    def _refused(self, message: str, **values: object) -> NotARecordError:
        """Not a record: `message` (translated) said of this file."""
        return NotARecordError(message.format(path=self.where, **values))

    def _value(self, name: str) -> str:
        return self.header.get(name, ("", "", 0))[0]

    def _number(self) -> int:
        assert self.title is not None
        try:
            number = parse_number(self.title["number"])
        except NumeralError as error:
            raise self._refused(_("{path}: meeting number: {problem}"), problem=error) from None
        if not 1 <= number <= LARGEST:
            raise self._refused(
                _("{path}: meeting number {number}: give 1 to {most}"), number=number, most=LARGEST
            )
        return number

    def _start(self) -> datetime:
        when = self.header.get("time") or self.header.get("date")
        if when is None:
            raise self._refused(_("{path}: no meeting date (時間：…) found"))
        text, label, number = when
        try:
            day, at = self._date_and_time(text)
        except DateError as error:
            raise self._refused(
                _("{path} line {line}: {label} {problem}"), line=number, label=label, problem=error
            ) from None
        return datetime.combine(day, at or time(0, 0))

    def _date_and_time(self, text: str) -> tuple[date, time | None]:
        if "date" in self.header and "time" in self.header:
            day, _ = parse_datetime(self.header["date"][0])
            return day, parse_time(self.header["time"][0])
        return parse_datetime(text)

    def _attendance(self) -> Attendance:
        present = self._value("present")
        listed = bool(re.search(r"[、，,；;]", present)) or "(" in present or "（" in present
        return Attendance(
            present_as_text="" if listed else present,
            present=attendees(present) if listed else [],
            observers=attendees(self._value("observers")),
            absent=attendees(self._value("absent")),
        )


_ATTENDEE = re.compile(r"^(?P<name>[^（(]+?)\s*(?:[（(](?P<mark>[^)）]*)[)）])?$")


def attendees(text: str) -> list[Attendee]:
    found: list[Attendee] = []
    for part in re.split(r"\s*[、，,；;]\s*", text.strip()):
        match = _ATTENDEE.match(part.strip())
        if match:
            found.append(Attendee(match["name"].strip(), (match["mark"] or "").strip()))
    return found


def _filler(holder: Report | Block) -> Callable[[str], None] | None:
    def fill(text: str) -> None:
        holder.text = _join(holder.text, text)

    return fill if not holder.text else None


def _join(old: str, new: str) -> str:
    return f"{old}\n{new}" if old else new
