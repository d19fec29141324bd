"""What `agenda import` tells: a table of the meetings stored, the lines it could not place,
and the files it did not import (on stderr, one line each)."""

from __future__ import annotations

import sys
from typing import Any

from tui.archive import ArchiveImport, Refusal
from tui.cli.output import print_json, rpad
from tui.domain.model import CaseDecision, CaseKind
from tui.domain.rocdate import format_numeric_date
from tui.i18n import N_, _, ngettext
from tui.importer.record import ImportedRecord
from tui.render.cjkwrap import width


def case_counts(record: ImportedRecord) -> dict[str, int]:
    number = record.meeting.number
    counts = {"opened": 0, "released": 0, "kept": 0, "outside": 0}
    for case in record.cases:
        counts["opened"] += case.origin_meeting == number and case.kind is CaseKind.INTERNAL
        counts["outside"] += case.kind is not CaseKind.INTERNAL
        event = case.decision_at(number)
        decision = event.decision if event else None
        counts["released"] += decision is CaseDecision.RELEASE
        counts["kept"] += decision is CaseDecision.KEEP
    return counts


def record_json(record: ImportedRecord) -> dict[str, Any]:
    meeting = record.meeting
    return {
        "meeting": meeting.number,
        "date": meeting.date.isoformat(),
        "file": str(record.source),
        "items": len(meeting.items()),
        "conclusions": len(meeting.conclusions()),
        "cases": case_counts(record),
        "adjourned": meeting.end is not None,
        "unplaced": [{"line": u.line, "text": u.text} for u in record.unplaced],
        "skipped": [{"line": u.line, "text": u.text} for u in record.skipped],
    }


def summary_json(found: ArchiveImport) -> dict[str, Any]:
    return {
        "files": found.files,
        "imported": [record_json(r) for r in found.stored],
        "failed": [{"file": str(r.file), "reason": r.reason} for r in found.refused],
    }


_COLUMNS = (
    N_("meeting"),
    N_("date"),
    N_("items"),
    N_("conclusions"),
    N_("opened"),
    N_("released"),
    N_("kept"),
)


def print_summary(found: ArchiveImport, as_json: bool) -> None:
    if as_json:
        print_json(summary_json(found))
    elif found.stored:
        _print_table(found.stored)
        _print_skipped(found.stored)
        _print_unplaced(found.stored)
        _print_totals(found)
    for refusal in found.refused:
        print(
            _("agenda: error: {problem}").format(problem=_refused(refusal)),
            file=sys.stderr,
        )


def _print_table(records: list[ImportedRecord]) -> None:
    print("  ".join(rpad(_(name), _width(name)) for name in _COLUMNS) + "  " + _("file"))
    for record in records:
        meeting = record.meeting
        counts = case_counts(record)
        cells = (
            meeting.number,
            format_numeric_date(meeting.date),
            len(meeting.items()),
            len(meeting.conclusions()),
            counts["opened"],
            counts["released"],
            counts["kept"],
        )
        row = "  ".join(
            f"{cell:>{_width(name)}}" for name, cell in zip(_COLUMNS, cells, strict=True)
        )
        print(f"{row}  {record.source}")


def _width(column: str) -> int:
    return max(width(_(column)), 9 if column == "date" else 0)


def _print_skipped(records: list[ImportedRecord]) -> None:
    lines = [(r.source, u.line, u.text) for r in records for u in r.skipped]
    if not lines:
        return
    print(
        _("{count} line(s) skipped (before the title, or page numbers):").format(count=len(lines))
    )
    for source, line, text in lines:
        print(f"  {source}:{line}: {text}")


def _print_unplaced(records: list[ImportedRecord]) -> None:
    lines = [(r.source, u.line, u.text) for r in records for u in r.unplaced]
    if not lines:
        return
    print(_("{count} line(s) kept as notes, not placed:").format(count=len(lines)))
    for source, line, text in lines:
        print(f"  {source}:{line}: {text}")


def _print_totals(found: ArchiveImport) -> None:
    stored = len(found.stored)
    placed = _("every line placed") if not any(r.unplaced for r in found.stored) else ""
    meetings = ngettext("imported {count} meeting", "imported {count} meetings", stored).format(
        count=stored
    )
    files = _("from {count} file(s)").format(count=found.files)
    parts = [_("{meetings} {files}").format(meetings=meetings, files=files)]
    if found.refused:
        parts.append(_("{count} not imported (listed on stderr)").format(count=len(found.refused)))
    if placed:
        parts.append(placed)
    print(_("; ").join(parts))


def _refused(refusal: Refusal) -> str:
    return _("{file}: {reason}").format(file=refusal.file, reason=refusal.reason)
