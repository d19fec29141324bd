"""A meeting rendered as a circulated document through the office's templates."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from jinja2 import TemplateError, TemplateSyntaxError
from jinja2.exceptions import SecurityError

from tui.dataclass_cache import dataclass, field
from tui.domain.attendance import sign_in_rows
from tui.domain.case_table import COLUMNS, CaseRow, TableMeeting, case_rows, has_answers
from tui.domain.cases import deadline_state, kind_name
from tui.domain.model import Item, Meeting, Office, TrackedCase
from tui.domain.points import as_one_text
from tui.i18n import _
from tui.render.environment import environment
from tui.render.failures import template_failure
from tui.render.formats import DOCUMENT_FORMATS, FORMATS, WEB_FORMATS, RenderError

if TYPE_CHECKING:
    from pathlib import Path

    from tui.domain.profile import Member

DEFAULT_WIDTH = 70
TEMPLATE_SECONDS = 5.0


@dataclass
class RenderOptions:
    """How a meeting is rendered: the format, the width and the office's templates."""

    format: str = "md"
    width: int = DEFAULT_WIDTH
    template_dirs: Sequence[Path] = field(default_factory=tuple)
    time_limit: float = TEMPLATE_SECONDS  # for an office's own templates


def template_name(document: str, format: str) -> str:
    """The template of `document` (record, agenda) in `format`; ODT and DOCX share blocks."""
    if format not in (*FORMATS, *WEB_FORMATS):
        raise RenderError(
            _("unknown format {format!r}; choose one of {formats}").format(
                format=format, formats=", ".join((*FORMATS, *WEB_FORMATS))
            )
        )
    return f"{document}.{'blocks' if format in DOCUMENT_FORMATS else format}.j2"


def render_record(
    meeting: Meeting,
    office: Office,
    options: RenderOptions,
    cases: Iterable[TrackedCase] = (),
    warning_days: int = 30,
) -> str:
    """The record's text (md, txt), or for a document format the blocks it is made of; the
    case report items carry the 列管 table when the units answered at this meeting."""
    by_key = {(c.kind, c.number): c for c in cases}
    at = TableMeeting(meeting.number, meeting.date, warning_days)

    def table(item: Item) -> list[CaseRow]:
        listed = [by_key[(r.kind, r.number)] for r in item.cases if (r.kind, r.number) in by_key]
        return case_rows(listed, at, record=True) if has_answers(listed, meeting.number) else []

    extra = {"case_table": table, "case_columns": COLUMNS}
    return _render(template_name("record", options.format), meeting, office, options, extra)


def render_agenda(
    meeting: Meeting,
    office: Office,
    cases: Iterable[TrackedCase],
    options: RenderOptions,
    warning_days: int = 30,
) -> str:
    """The agenda (議程): the record's outline with each tracked case and its progress slot."""
    from tui.domain.agenda import meetings_open  # the agenda's making, which a record needs not

    by_key = {(c.kind, c.number): c for c in cases}
    missing = [
        r.number for i in meeting.items() for r in i.cases if (r.kind, r.number) not in by_key
    ]
    if missing:
        raise RenderError(
            _("meeting {number} lists unknown cases: {cases}").format(
                number=meeting.number, cases=missing
            )
        )
    at = TableMeeting(meeting.number, meeting.date, warning_days)
    extra = {
        "case_table": lambda item: case_rows([by_key[(r.kind, r.number)] for r in item.cases], at),
        "case_columns": COLUMNS,
        "case": lambda ref: by_key[(ref.kind, ref.number)],
        "kind_name": lambda case: kind_name(case.kind),
        "flag": lambda case: deadline_state(case, meeting.date, warning_days).value,
        "meetings_open": lambda case: meetings_open(case, meeting.number),
        "progress": lambda case: _progress(case, meeting.number),
    }
    return _render(template_name("agenda", options.format), meeting, office, options, extra)


def render_sign_in(
    meeting: Meeting, office: Office, members: list[Member], options: RenderOptions
) -> str:
    """The sign-in sheet (簽到表): the members with their units and titles, a column to sign."""
    if options.format not in SIGN_IN_FORMATS:
        raise RenderError(
            f"the sign-in sheet is written as {', '.join(SIGN_IN_FORMATS)}, not {options.format}"
        )
    rows = sign_in_rows(meeting.attendance, members)
    return _render(
        template_name("signin", options.format), meeting, office, options, {"rows": rows}
    )


SIGN_IN_FORMATS = ("md", *DOCUMENT_FORMATS)


def _progress(case: TrackedCase, meeting: int) -> str:
    event = case.decision_at(meeting)
    return as_one_text(event.progress, event.progress_points) if event else ""


def _render(
    name: str, meeting: Meeting, office: Office, options: RenderOptions, extra: dict[str, Any]
) -> str:
    env = environment(options.template_dirs)

    def fill() -> str:
        try:
            template = env.get_template(name)
            return template.render(meeting=meeting, office=office, width=options.width, **extra)
        except (TemplateError, RenderError):
            raise
        except Exception as error:  # an office's template may fail in any way Python can
            raise RenderError(template_failure(name, error)) from None

    try:
        text = _isolated(fill, name, options.time_limit) if options.template_dirs else fill()
    except SecurityError as error:
        refused = _("template {name}: refused by the sandbox: {problem}")
        raise RenderError(refused.format(name=name, problem=error)) from None
    except TemplateError as error:
        raise RenderError(_template_problem(name, error)) from None
    return _tidy(text)


def _isolated(fill: Callable[[], str], name: str, seconds: float) -> str:
    """The shipped templates are ours; an office's own are compiled and run apart, under the
    child's limits: compiling one may already evaluate what it holds."""
    from tui.render.isolation import RunawayError, run_isolated

    try:
        return run_isolated(fill, seconds)
    except RunawayError as error:
        stopped = _("template {name} {problem} and was stopped")
        raise RenderError(stopped.format(name=name, problem=error)) from None


def _template_problem(name: str, error: TemplateError) -> str:
    if isinstance(error, TemplateSyntaxError):
        return _("template {name} line {line}: {problem}").format(
            name=name, line=error.lineno, problem=error.message
        )
    return _("template {name}: {problem}").format(name=name, problem=error.message)


_BLANK_RUN = re.compile(r"\n[ \t]*(?:\n[ \t]*)+\n")


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.strip("\n").split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)) + "\n"
