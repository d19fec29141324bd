"""The register's listing as the commands print it, read off any case (the model's or a
plain head, tui.domain.case_heads) and imported without the model: columns aligned by display
width, and a case's fields as --json adds them."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from tui.domain.register_rules import (
    FLAG_KEYS,
    KIND_WORDS,
    Reckoning,
    flag,
    state_key,
    state_word,
)
from tui.domain.rocdays import format_numeric_date
from tui.i18n import _, pgettext
from tui.render.widths import char_width, width

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Protocol

    from tui.domain.register_rules import Case

    class Listed(Case, Protocol):
        """What the listing prints of a case, beside what the register's rules read."""

        @property
        def subject(self) -> str: ...


def with_state(data: dict[str, Any], case: Case, on: Reckoning, warning_days: int) -> None:
    """The case's data as --json gives it: its state and flag added."""
    data["status"] = state_key(case)
    data["flag"] = FLAG_KEYS[flag(case, on, warning_days)]
    data["flag_on"] = on.day.isoformat()


LINE = 80  # the listings fit a terminal of 80 columns


def line_width() -> int:
    """The terminal's columns (not fewer than 60); 80 down a pipe."""
    if not sys.stdout.isatty():
        return LINE
    import shutil  # only for a terminal: it imports the compressors

    return max(shutil.get_terminal_size((LINE, 24)).columns, 60)


def print_cases(cases: Sequence[Listed], on: Reckoning, warning_days: int) -> None:
    """案號, 狀態, 類別, 主辦, 列管期限 with its flag, 案由; then the day flags are reckoned on."""
    if cases:
        head = _case_columns()
        rows = [_case_cells(case, on, warning_days) for case in cases]
        print("\n".join(table_lines(head, rows, line=line_width())))
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


def _case_cells(case: Listed, on: Reckoning, warning_days: int) -> list[str]:
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


def table_lines(
    head: list[str], rows: list[list[str]], right: tuple[int, ...] = (0,), line: int = LINE
) -> list[str]:
    """Columns aligned by display width, two spaces apart; the last one cut to fit `line`.
    The same words fill a column (a state, a unit, a day): each distinct cell is measured,
    padded or cut once, not at every line."""
    grid = [head, *rows]
    *columns, ends = zip(*grid, strict=True)
    measures = [{cell: width(cell) for cell in set(column)} for column in columns]
    widths = [max(measure.values()) for measure in measures]
    room = max(line - sum(widths) - 2 * len(widths), 8)
    padded = [
        {cell: _fit(cell, used, widths[n], n in right) for cell, used in measure.items()}
        for n, measure in enumerate(measures)
    ]
    if len(widths) in right:  # padded: the column as wide as its widest cell, up to the room
        measure = {cell: width(cell) for cell in set(ends)}
        wide = min(max(measure.values()), room)
        shown = {cell: _fit(cell, used, wide, True) for cell, used in measure.items()}
    else:  # left as it is, cut if it must be: the line's end is not padded
        shown = {cell: cell if 2 * len(cell) <= room else clip(cell, room) for cell in set(ends)}
    return [
        "  ".join([*map(dict.__getitem__, padded, row[:-1]), shown[row[-1]]]).rstrip()
        for row in grid
    ]


def _fit(cell: str, used: int, columns: int, right: bool) -> str:
    """The cell clipped to `columns` and padded to them (`used`: its width, known already)."""
    if used > columns:
        cell, used = _clipped(cell, columns)  # wider than them: cut
    if used == columns:
        return cell
    space = " " * (columns - used)
    return space + cell if right else cell + space


def clip(text: str, columns: int) -> str:
    """`text` cut to `columns` display columns, an ellipsis saying so."""
    return _clipped(text, columns)[0]


def _clipped(text: str, columns: int) -> tuple[str, int]:
    """`text` cut to `columns` display columns, an ellipsis saying so; and the columns the
    result takes. Read only as far as the cut: a subject is cut to a few of its letters."""
    if text.isascii():
        if len(text) <= columns:
            return text, len(text)
        kept = max(columns - 1, 0)
        return text[:kept] + "…", kept + 1
    used = kept = kept_width = 0
    for char in text:
        used += char_width(char)
        if used > columns:
            return text[:kept] + "…", kept_width + 1
        if used <= columns - 1:
            kept, kept_width = kept + 1, used
    return text, used
