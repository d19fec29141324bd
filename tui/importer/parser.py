"""A circulated record's text to a Meeting, keeping every line somewhere."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, time

from tui.domain.limits import oversized
from tui.domain.model import (
    Block,
    Conclusion,
    Item,
    Report,
    Section,
)
from tui.domain.numerals import LARGEST, Label, Ladder, parse_label
from tui.domain.rocdate import DateError, parse_time
from tui.i18n import _
from tui.importer import patterns
from tui.importer.assemble import ParsedRecord, SecondRecordError, Unplaced, assemble
from tui.importer.decode import NotARecordError
from tui.importer.header import HeaderReader
from tui.importer.lines import Line, record_lines
from tui.importer.outline import OpenList, conclusion_list, point_list
from tui.importer.title import Title, read_title
from tui.importer.when import beside_the_date, meeting_start


def parse_record(text: str, where: str, when: datetime | None = None) -> ParsedRecord:
    """The record; `when` is its date when the record gives none (--date)."""
    return _RecordParser(where, when).parse(text)


class _RecordParser:
    def __init__(self, where: str, when: datetime | None) -> None:
        self.where = where
        self.when = when
        self.title: Title | None = None
        self.head = HeaderReader()
        self.header = self.head.fields
        self.skipped: list[Line] = []
        self.sections: list[Section] = []
        self.item: Item | None = None
        self.open: OpenList | None = None
        self.end: time | None = None
        self.notes: list[str] = []
        self.unplaced: list[Unplaced] = []
        self.bare_labels: list[tuple[Item, Line]] = []
        self.tables: list[Block] = []  # 決議： with nothing on its line

    def parse(self, text: str) -> ParsedRecord:
        for line in record_lines(text, patterns.is_structural, self.skipped):
            self._take(line)
        for item, line in self.bare_labels:
            if not item.conclusions:  # a label that nothing followed is said, not lost
                self.unplaced.append(Unplaced(line.number, line.text))
                item.notes.append(line.text)
        return self._finish()

    def _take(self, line: Line) -> None:
        label = parse_label(line.text) or patterns.bare_point(line.text)
        if self.title is None:
            self._before_title(line)
        elif line.table:
            self._table(line)
        elif label is None and read_title(line.text) and (self.sections or self.header):
            raise self._second_record(line)
        elif not self.sections and self._header_line(line, label):
            return
        elif match := patterns.ADJOURNMENT.match(line.text):
            self._adjourned(match, line)
        elif (heading := patterns.section_heading(line.text)) is not None:
            self._new_section(heading)
        elif label is not None:
            self._labelled(label, line)
        else:
            self._unlabelled(line)

    def _before_title(self, line: Line) -> None:
        """Lines before the title are the site's or the file's chrome, skipped and said."""
        self.title = read_title(line.text)
        if self.title is None:
            self.skipped.append(line)

    def _header_line(self, line: Line, label: Label | None) -> bool:
        opens = label is not None or patterns.is_structural(line.text)
        return self.head.take(line.number, line.spaced(), opens)

    def _table(self, line: Line) -> None:
        """A flattened table: one block in its place, its lines as they were."""
        if not self.sections:
            self._keep_unplaced(line)
            return
        item = self._current_item(line)
        item.blocks.append(Block("", line.text))
        self.tables.append(item.blocks[-1])
        self.open = None

    def _second_record(self, line: Line) -> SecondRecordError:
        message = _(
            "{path} line {line}: a second record begins here ({title}); "
            "give each record its own file, or import with --split"
        ).format(path=self.where, line=line.number, title=line.text)
        return SecondRecordError(message, line.number)

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
            (patterns.RIDER, self._rider),
            (patterns.CONCLUSION, self._conclusion),
            (patterns.BLOCK, self._new_block),
            (patterns.CASE_HEADING, self._case_heading),
            (patterns.REPORT, self._report),
        ]

    def _adjourned(self, match: re.Match[str], line: Line) -> None:
        self.open = None
        if not match["time"].strip():
            return  # 散會 with no time: the record says none
        try:
            self.end = parse_time(match["time"])
        except DateError as error:
            raise self._refused(
                _("{path} line {line}: 散會 {problem}"), line=line.number, problem=error
            ) from None
        self.open = None

    def _conclusion(self, match: re.Match[str], line: Line) -> None:
        item = self._current_item(line)
        item.conclusion_label = _unspaced(match["label"])
        text = match["text"].strip()
        if text:
            item.conclusions.append(Conclusion(text))
            self.open = point_list(item.conclusions[-1].points)
        else:
            self.open = conclusion_list(item.conclusions)
            self.bare_labels.append((item, line))

    def _new_block(self, match: re.Match[str], line: Line) -> None:
        label = _unspaced(match["label"])
        if label in patterns.CASE_NAMES and self._starts_item(label):
            self._new_item("", line)
        item = self._current_item(line)
        block = Block(label, match["text"].strip())
        item.blocks.append(block)
        self.open = point_list(block.points, _filler(block))

    def _starts_item(self, label: str) -> bool:
        """案由 after a decided item, or a second 案由, is the next case (no 一、 before it)."""
        if not self.sections:
            return False
        item = self.item
        return item is None or bool(item.conclusions) or any(b.label == label for b in item.blocks)

    def _case_heading(self, match: re.Match[str], line: Line) -> None:
        self._new_item(match["text"].strip(), line)
        assert self.item is not None
        self.item.label = _unspaced(match["label"])

    def _rider(self, match: re.Match[str], line: Line) -> None:
        """附帶決議 follows the decision it rides on, as one more conclusion."""
        item = self._current_item(line)
        item.conclusions.append(Conclusion(f"附帶決議：{match['text'].strip()}"))
        self.open = point_list(item.conclusions[-1].points)

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
        elif self.open is not None and (holder := self.open.last_text_holder()) is not None:
            holder.text = _join(holder.text, line.text)  # a paragraph continuing its point
        else:
            self._keep_unplaced(line)

    def _is_body_text(self, item: Item) -> bool:
        return not item.reports and not item.conclusions and self.open is None

    def _body_block(self) -> Block:
        assert self.item is not None
        last = self.item.blocks[-1] if self.item.blocks else None
        if last is None or last.label or any(last is table for table in self.tables):
            self.item.blocks.append(Block(""))  # a table's block takes no more text
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
        if not 1 <= self.title.number <= LARGEST:
            raise self._refused(
                _("{path}: meeting number {number}: give 1 to {most}"),
                number=self.title.number,
                most=LARGEST,
            )
        start = meeting_start(self.header, self.when, self.where)
        for name in ("time", "date"):
            value, label, number = self.header.get(name, ("", "", 0))
            if beside_the_date(value):  # kept whole beside the date read from it
                self.notes.append(f"{label}：{value}")
                self.unplaced.append(Unplaced(number, f"{label}：{value}"))
        meeting = assemble(self.title.number, start, self.head, self.sections)
        meeting.end = self.end
        meeting.notes += self.notes
        if problem := oversized(meeting):
            raise self._refused(_("{path}: {problem}"), problem=problem)
        skipped = sorted((Unplaced(s.number, s.text) for s in self.skipped), key=lambda u: u.line)
        title = self.title
        return ParsedRecord(meeting, title.organisation, title.series, self.unplaced, skipped)

    def _refused(self, message: str, **values: object) -> NotARecordError:
        """Not a record: `message` (translated) said of this file."""
        return NotARecordError(message.format(path=self.where, **values))


def _unspaced(label: str) -> str:
    return re.sub(r"[\s\u3000]+", "", label)


def _filler(holder: Report | Block) -> Callable[[str], None] | None:
    def fill(text: str) -> None:
        holder.text = _join(holder.text, text)

    return fill if not holder.text else None


def _join(old: str, new: str) -> str:
    return f"{old}\n{new}" if old else new
