"""A meeting rendered as a circulated document through the office's templates."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError
from jinja2.exceptions import SecurityError

from tui.domain.model import Meeting, Office
from tui.render.environment import environment

FORMATS = ("md", "txt")
DEFAULT_WIDTH = 70


class RenderError(Exception):
    """A template that cannot render; the message names the template and the reason."""


@dataclass
class RenderOptions:
    format: str = "md"
    width: int = DEFAULT_WIDTH
    template_dirs: Sequence[Path] = field(default_factory=tuple)


def render_record(meeting: Meeting, office: Office, options: RenderOptions) -> str:
    return _render(f"record.{options.format}.j2", meeting, office, options)


def _render(name: str, meeting: Meeting, office: Office, options: RenderOptions) -> str:
    if options.format not in FORMATS:
        raise RenderError(f"unknown format {options.format!r}; choose one of {', '.join(FORMATS)}")
    env = environment(options.template_dirs)
    try:
        template = env.get_template(name)
        text = template.render(meeting=meeting, office=office, width=options.width)
    except SecurityError as error:
        raise RenderError(f"template {name}: refused by the sandbox: {error}") from None
    except TemplateError as error:
        where = f" line {error.lineno}" if isinstance(error, TemplateSyntaxError) else ""
        raise RenderError(f"template {name}{where}: {error.message}") from None
    return _tidy(text)


_BLANK_RUN = re.compile(r"\n[ \t]*(?:\n[ \t]*)+\n")


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.strip("\n").split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)) + "\n"
