"""What the commands print: summaries for people, JSON for programs."""

from __future__ import annotations

import shutil
import sys
from typing import TYPE_CHECKING, Any

from tui.cli.columns import pad, rpad
from tui.cli.json_output import meeting_json, print_json
from tui.cli.writing import write_document, write_text
from tui.domain.cases import KIND_WORDS, NO_OWNER, state_key, state_word
from tui.domain.codec import to_data
from tui.domain.model import TrackedCase
from tui.domain.register import FLAG_KEYS, Reckoning, UnitCount, flag
from tui.domain.rocdate import format_numeric_date
from tui.i18n import _, pgettext
from tui.render.cjkwrap import width

if TYPE_CHECKING:
    pass

__all__ = ["meeting_json", "pad", "print_json", "rpad", "write_document", "write_text"]


def case_json(
    case: TrackedCase, on: Reckoning, warning_days: int, data: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The case as --json gives it; `data`: its to_data, when the caller has it already."""
    if data is None:
        case.read_back(0)
        data = to_data(case)
    data["status"] = state_key(case)
    data["flag"] = FLAG_KEYS[flag(case, on, warning_days)]
    data["flag_on"] = on.day.isoformat()
    return data


def summary_json(counts: list[UnitCount], on: Reckoning, warning_days: int) -> dict[str, Any]:
    return {
        "flag_on": on.day.isoformat(),
        "meeting": on.meeting,
        "warning_days": warning_days,
        "units": [vars(count) for count in counts],
    }


LINE = 80  # the listings fit a terminal of 80 columns


def line_width() -> int:
    """The terminal's columns (not fewer than 60); 80 down a pipe."""
    if not sys.stdout.isatty():
        return LINE
    return max(shutil.get_terminal_size((LINE, 24)).columns, 60)


def print_cases(cases: list[TrackedCase], on: Reckoning, warning_days: int) -> None:
    """案號, 狀態, 類別, 主辦, 列管期限 with its flag, 案由; then the day flags are reckoned on."""
    if cases:
        head = _case_columns()
        rows = [_case_cells(case, on, warning_days) for case in cases]
        for line in table_lines(head, rows, line=line_width()):
            print(line)
    else:
        print(_("no cases"))
    print(on.words())


def _case_columns() -> list[str]:
    return [
        pgettext("cases", "number"),
        pgettext("cases", "status"),
        pgettext("cases", "kind"),
        pgettext("cases", "owner"),
        pgettext("cases", "deadline"),
        pgettext("cases", "subject"),
    ]


def _case_cells(case: TrackedCase, on: Reckoning, warning_days: int) -> list[str]:
    deadline = format_numeric_date(case.deadline) if case.deadline else "-"
    flagged = f"{deadline} {flag(case, on, warning_days).value}".rstrip()
    subject = case.subject.replace("\n", " ")
    return [
        str(case.number),
        state_word(case),
        KIND_WORDS[case.kind],
        case.owner or "-",
        flagged,
        subject,
    ]


def print_summary(counts: list[UnitCount], on: Reckoning, warning_days: int) -> None:
    """Per owner unit: open cases, overdue, near; a total; then the day and the window."""
    head = [
        pgettext("cases", "unit"),
        pgettext("cases", "open"),
        pgettext("cases", "overdue"),
        pgettext("cases", "near"),
    ]
    rows = [[c.unit or NO_OWNER, str(c.open), str(c.overdue), str(c.near)] for c in counts]
    total = [sum(getattr(c, name) for c in counts) for name in ("open", "overdue", "near")]
    rows.append([_("total"), *map(str, total)])
    for line in table_lines(head, rows, right=(1, 2, 3)):
        print(line)
    print(on.words())
    print(_("near: due within {days} days").format(days=warning_days))


def table_lines(
    head: list[str], rows: list[list[str]], right: tuple[int, ...] = (0,), line: int = LINE
) -> list[str]:
    """Columns aligned by display width, two spaces apart; the last one cut to fit `line`."""
    widths = [max(width(cell) for cell in column) for column in zip(head, *rows, strict=True)]
    room = max(line - sum(widths[:-1]) - 2 * (len(widths) - 1), 8)
    widths[-1] = min(widths[-1], room)
    return [
        "  ".join(
            (rpad if n in right else pad)(clip(cell, widths[n]), widths[n])
            for n, cell in enumerate(cells)
        ).rstrip()
        for cells in (head, *rows)
    ]


def clip(text: str, columns: int) -> str:
    """`text` cut to `columns` display columns, an ellipsis saying so."""
    if width(text) <= columns:
        return text
    kept, used = [], 0
    for char in text:
        used += width(char)
        if used > columns - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"
