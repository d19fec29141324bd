"""The Jinja2 environment every document is rendered in: sandboxed, strict, office-overridable."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    nodes,
)
from jinja2.bccache import Bucket
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from tui.domain.attendance import lines, written
from tui.domain.case_table import SHARES
from tui.domain.model import Attendee
from tui.domain.numerals import Ladder, label
from tui.domain.rocdate import format_date, format_datetime, format_short_date, format_time
from tui.domain.text import without_controls
from tui.render.widths import width
from tui.user_cache import cache_folder, forget_other_versions, kept_file

if TYPE_CHECKING:
    from tui.domain.case_table import CaseRow
    from tui.render.text_table import Columns


def builtin_templates() -> Path:
    """The shipped templates: inside the package once installed, else the repository's."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_templates"
    return packaged if packaged.is_dir() else here.parent / "templates"


def environment(overrides: Sequence[Path] = ()) -> ImmutableSandboxedEnvironment:
    return _environment(tuple(overrides))


class _Unfolded(CodeGenerator):
    """Jinja evaluates constant expressions while compiling ({{ 7 ** 100000000 }}), in the
    process that compiles, and keeps the result in the compiled template: here only text
    and literals are taken as they are, the rest is evaluated when the template runs."""

    def _output_child_to_const(self, node: nodes.Expr, frame: Frame, finalize: Any) -> str:
        if not isinstance(node, nodes.TemplateData | nodes.Const):
            raise nodes.Impossible()
        return super()._output_child_to_const(node, frame, finalize)


class _Environment(ImmutableSandboxedEnvironment):
    """Whether a template may read an attribute is worked out once for each kind of object
    and name: Jinja's answer depends on the object's type and the name alone, and asking
    it anew at every read took a third of a record's rendering."""

    code_generator_class = _Unfolded

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        kind = (type(obj), attr)
        safe = self._safe.get(kind)
        if safe is None:
            safe = self._safe[kind] = super().is_safe_attribute(obj, attr, value)
        return safe


@lru_cache(maxsize=8)
def _environment(overrides: tuple[Path, ...]) -> ImmutableSandboxedEnvironment:
    folders = [str(p) for p in overrides] + [str(builtin_templates())]
    env = _Environment(
        loader=ChoiceLoader([FileSystemLoader(f) for f in folders]),
        undefined=StrictUndefined,
        autoescape=_is_html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_shown,
        bytecode_cache=_compiled_templates(),
        optimized=False,
    )
    env.filters.update(
        section_label=lambda n: label(Ladder.SECTION, n),
        item_label=lambda n: label(Ladder.ITEM, n),
        point_label=_point_label,
        roc_datetime=format_datetime,
        roc_date=format_short_date,
        roc_full_date=format_date,
        roc_time=format_time,
        attendees=_attendees,
        attendance=lines,
        plain=plain,
        hang=_hang,
        centre=_centre,
        cell=cell,
        column=column,
        md_cell=md_cell,
        share=lambda key: f"{SHARES.get(key, 1.0):g}",
        text_table=_text_table,
        html_text=html_text,
    )
    return env


_ESCAPED_LINK = re.compile(r"&lt;((?:https?|mailto):[^\s&]+)&gt;")


def _is_html(name: str | None) -> bool:
    """A page for the web is escaped as it is written; every other format is text."""
    return bool(name) and str(name).endswith(".html.j2")


def html_text(value: object) -> Markup:
    """Text in a page: escaped, **bold** as <strong>, its lines as line breaks."""
    text = str(escape(without_controls(str(value))))
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    text = _ESCAPED_LINK.sub(r'<a href="\1">\1</a>', text)
    return Markup(text.replace("\r\n", "\n").replace("\n", "<br>\n"))


MOST_TEMPLATE_BYTES = 16 * 1024 * 1024  # a compiled template: the shipped ones take 2-40 KB


class _CompiledTemplates(FileSystemBytecodeCache):
    """Templates compiled once and kept between runs: compiling them took each `agenda
    render` about 14 ms. A cache that cannot be written is simply no cache."""

    def load_bytecode(self, bucket: Bucket) -> None:
        """Only from a plain file of the user's own that no one else may write: it is code
        that runs (and a pipe at its place would be waited on forever)."""
        path = self._get_cache_filename(bucket)
        data = kept_file(path, MOST_TEMPLATE_BYTES, owned=True, freshen=True)
        if data:
            bucket.load_bytecode(io.BytesIO(data))

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)
        forget_other_versions(self.directory, "templates-jinja-")


def _compiled_templates() -> BytecodeCache | None:
    # "-unfolded": a cache from before _Unfolded may hold what a template computed.
    folder = cache_folder(f"templates-jinja-{jinja2.__version__}-unfolded")
    return None if folder is None else _CompiledTemplates(str(folder), "%s.cache")


def _shown(value: object) -> object:
    """Every value a template prints, without terminal control characters."""
    if isinstance(value, Markup):
        return value  # a page's own markup, made of values shown through here already
    return without_controls(value) if isinstance(value, str) else value


_POINT_LADDERS = (Ladder.SUBITEM, Ladder.POINT, Ladder.SUBPOINT)


def _point_label(n: int, depth: int = 0) -> str:
    return label(_POINT_LADDERS[min(depth, len(_POINT_LADDERS) - 1)], n)


def _attendees(people: Sequence[Attendee], heading: str = "") -> str:
    """王○○、李四（王五代）: the names of one attendance line (an office's templates may
    still write the lines themselves)."""
    return written(list(people), heading)


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def plain(text: str) -> str:
    """Text without Markdown marks, for e-mail and print."""
    text = _BOLD.sub(r"\1", text)
    text = _LINK.sub(r"\1 (\2)", text)
    return _AUTOLINK.sub(r"\1", text)


LINE_BREAK = "\u2028"


def cell(value: object) -> str:
    """A value kept on its block's line (templates/_record_blocks.j2): a newline in it
    becomes a line break inside the paragraph."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\n", LINE_BREAK)


def column(value: object) -> str:
    """A value in a table's column: on its line, and never taken for the next column."""
    return cell(value).replace("|", "｜")


def md_cell(value: object) -> str:
    """A value in a Markdown table's cell: `|` escaped, its lines joined by <br> so the
    table stays one line a row."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("|", "\\|")
    return "<br>".join(line.strip() for line in text.split("\n"))


# A label wider than this (a speaker's name and title) does not push its text to the right.
_WIDEST_HANG = 12


# The numeral a label starts with: 一、 (一) （一） 1. (1)
_NUMERAL = re.compile(
    r"[一二三四五六七八九十百千零]+、|[(（][一二三四五六七八九十百千零0-9]+[)）]|[0-9]+\."
)


def _hang(text: str, columns: int, label: str = "", indent: int = 0) -> str:
    """`label` + `text` wrapped to `columns`, continuation lines hanging under the text; under
    the label's numeral when the label is too wide (一、法制王視察口頭報告：)."""
    from tui.render.cjkwrap import wrap  # its pattern takes a while: only for the text formats

    first = " " * indent + label
    hang = width(label)
    if hang > _WIDEST_HANG:
        numeral = _NUMERAL.match(label)
        hang = width(numeral.group(0)) if numeral else 0
    return "\n".join(wrap(plain(text), columns, first, " " * (indent + hang)))


def _text_table(rows: Sequence[CaseRow], columns: Columns, columns_wide: int, indent: int) -> str:
    from tui.render.text_table import text_table  # wraps: only for the text formats

    return text_table(rows, columns, columns_wide, indent)


def _centre(text: str, columns: int) -> str:
    pad = max((columns - width(text)) // 2, 0)
    return " " * pad + text
