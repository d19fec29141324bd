"""Styled text the app wraps by the record's rules, not Textual's: Textual breaks only at
spaces, so a Chinese paragraph (no spaces) is moved whole to a line of its own, leaving
「(二)」 alone above it, and is then cut anywhere, starting lines with 「，」 and parting
「7」 from 「月」. Here each paragraph breaks where plain text breaks it (cjkwrap), its
continuation lines hanging under the text after its numeral: (一) … and 1. … ."""

from __future__ import annotations

import re
from functools import lru_cache

from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from tui.render.cjkwrap import line_spans, width

_DIGITS = "一二三四五六七八九十百千零0-9"
# Where a paragraph's continuation lines start: under the text after its indent and numeral.
_LEAD = re.compile(rf"\s*(?:(?:[{_DIGITS}]+、|[(（][{_DIGITS}]+[)）]|[0-9]+\.)[\s\u00a0]?)?")
_WIDEST_HANG = 12


class Wrapped(Visual):
    """`hang`, when given, is where every paragraph's continuation lines start (a log line's
    text after its number, time and who), instead of under the text after a numeral."""

    def __init__(self, text: Text | Content | str, hang: int | None = None) -> None:
        if isinstance(text, Text):
            text = Content.from_rich_text(text)
        self.content = text if isinstance(text, Content) else Content(text)
        self.hang = hang

    @property
    def plain(self) -> str:
        return self.content.plain

    def __str__(self) -> str:
        return self.plain

    def lines(self, columns: int) -> Content:
        """The content with a line break wherever a line of `columns` ends."""
        return _broken(self.content, max(columns, 4), self.hang)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        pad = options.rules.get("line_pad", 0) * 2
        return self.lines(width - pad).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return min(self.content.get_minimal_width(rules), 8)

    def get_height(self, rules: RulesMap, width: int) -> int:
        pad = rules.get("line_pad", 0) * 2
        return self.lines(width - pad).get_height(rules, width)


@lru_cache(maxsize=512)
def _broken(content: Content, columns: int, hang: int | None = None) -> Content:
    lines: list[Content] = []
    offset = 0
    for paragraph in content.plain.split("\n"):
        lines.extend(_paragraph(content, offset, paragraph, columns, hang))
        offset += len(paragraph) + 1
    return Content("\n").join(lines)


def _paragraph(
    content: Content, offset: int, paragraph: str, columns: int, hang: int | None
) -> list[Content]:
    if hang is None:
        lead = _LEAD.match(paragraph)
        hang = width(lead.group(0)) if lead else 0
        hang = hang if hang <= _WIDEST_HANG else 0
    hang = hang if hang < columns // 2 else 0
    spans = line_spans(paragraph, columns, columns - hang)
    lines = []
    for n, (start, end) in enumerate(spans):
        line = content[offset + start : offset + end]
        lines.append(Content(" " * hang) + line if n and hang else line)
    return lines
