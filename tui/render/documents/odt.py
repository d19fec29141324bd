"""Blocks laid out as an OpenDocument text (ODT), the format Taiwan's government exchanges.

The record's text is written here as the XML odfpy would write for it, into the parts every
record shares (odt_frame): building it through odfpy's elements took most of a render. Its
text has come through read_blocks, which drops what XML cannot hold."""

from __future__ import annotations

import io
import re
import time
import zipfile

from tui.render.blocks import Block, Run, is_text_table, runs, shares, tables, title_of
from tui.render.documents import layout
from tui.render.documents.odt_frame import AUTOMATIC, BOLD_STYLE, END, META, frame, style_name

_PERMISSIONS = 0o100644 << 16  # -rw-r--r--, as odfpy marks each part
# What odfpy writes as U+FFFD: characters XML 1.0 discourages (read_blocks has already
# dropped what it forbids).
_DISCOURAGED = re.compile(
    "[\x7f-\x84\x86-\x9f"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}-{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
# Within text, what odfpy writes as elements: a tab, a line's end, a second space and more.
_SPACING = re.compile(r"\t|\n| {2,}")


def write(blocks: list[Block]) -> bytes:
    parts = frame()
    styles: list[str] = []
    body: list[str] = []
    for number, part in enumerate(tables(blocks), 1):
        if isinstance(part, list):
            _table(part, number, styles, body)
        else:
            body.append(_paragraph(part))
    head = parts["content.xml"].partition(AUTOMATIC)[0]
    automatic = _element("office:automatic-styles", "", "".join(styles))
    text = _element("office:body", "", _element("office:text", "", "".join(body)))
    content = head + automatic + text + END
    title = _element("dc:title", "", _text(title_of(blocks)))
    meta = parts["meta.xml"].replace(META, META + title)
    written = dict(parts, **{"content.xml": content, "meta.xml": meta})
    return _package(written)


def _package(parts: dict[str, str]) -> bytes:
    """The parts zipped in odfpy's order, the mimetype first and stored as it is."""
    buffer = io.BytesIO()
    now = time.localtime()[:6]
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in parts.items():
            entry = zipfile.ZipInfo(name, now)
            entry.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            entry.external_attr = _PERMISSIONS
            package.writestr(entry, text.encode("utf-8"))
    return buffer.getvalue()


def _text(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _DISCOURAGED.sub("\ufffd", text)


def _attribute(value: str) -> str:
    value = _text(value).replace("\n", "&#10;").replace("\r", "&#13;")
    if '"' not in value:
        return f'"{value}"'
    if "'" in value:
        return '"' + value.replace('"', "&quot;") + '"'
    return f"'{value}'"


def _spaced(text: str) -> str:
    """Text as odfpy's teletype writes it: a tab and a line's end as elements, and every
    space after a first as a count."""
    return _SPACING.sub(_spacing, _text(text))


def _spacing(found: re.Match[str]) -> str:
    mark = found[0]
    if mark == "\t":
        return "<text:tab/>"
    if mark == "\n":
        return "<text:line-break/>"
    return f' <text:s text:c="{len(mark) - 1}"/>'


def _element(tag: str, attributes: str, inner: str) -> str:
    return f"<{tag}{attributes}>{inner}</{tag}>" if inner else f"<{tag}{attributes}/>"


def _paragraph(block: Block) -> str:
    style = f" text:style-name={_attribute(style_name(layout.style_of(block.kind, block.level)))}"
    inner = _spaced(layout.lead(block.kind, block.label)) + _runs(block.text)
    if block.kind == "heading":
        level = layout.clamp("heading", block.level)
        return _element("text:h", f'{style} text:outline-level="{level}"', inner)
    return _element("text:p", style, inner)


def _runs(text: str) -> str:
    return "".join(_run(run) for run in runs(text))


def _run(run: Run) -> str:
    inner = _spaced(run.text)
    if run.bold:
        inner = _element("text:span", f' text:style-name="{style_name(BOLD_STYLE)}"', inner)
    if run.link:
        link = f' xlink:href={_attribute(run.link)} xlink:type="simple"'
        inner = _element("text:a", link, inner)
    return inner


def _table(lines: list[Block], number: int, styles: list[str], body: list[str]) -> None:
    """A table with a line around every cell, the column names repeated on each page; its
    styles go to `styles`, itself to `body`."""
    widths = layout.column_widths(shares(lines))
    name = f"Table{number}"
    text = is_text_table(lines)
    styles.append(_style(name, "table", _table_properties(sum(widths))))
    columns = []
    for column, width in enumerate(widths, 1):
        properties = f'<style:table-column-properties style:column-width="{width:g}mm"/>'
        styles.append(_style(f"{name}.C{column}", "table-column", properties))
        columns.append(f'<table:table-column table:style-name="{name}.C{column}"/>')
    if widths:  # a table without columns has no cells to style
        styles.append(_style(f"{name}.Cell", "table-cell", _cell_properties(text)))
    styles.append(_style(f"{name}.Row", "table-row", "" if text else _ROW_PROPERTIES))
    head = "".join(_row(line, name, len(widths), text) for line in lines if line.kind == "head")
    rows = "".join(_row(line, name, len(widths), text) for line in lines if line.kind != "head")
    headers = _element("table:table-header-rows", "", head) if head else ""
    attributes = f' table:name="{name}" table:style-name="{name}"'
    body.append(_element("table:table", attributes, "".join(columns) + headers + rows))


_ROW_PROPERTIES = f'<style:table-row-properties style:min-row-height="{layout.ROW_MM:g}mm"/>'


def _style(name: str, family: str, properties: str) -> str:
    attributes = f' style:name="{name}" style:family="{family}" style:display-name="{name}"'
    return _element("style:style", attributes, properties)


def _table_properties(width: float) -> str:
    return f'<style:table-properties style:width="{width:g}mm" table:align="center"/>'


def _cell_properties(text: bool) -> str:
    """A text table's cells start at the top, a form's in the middle."""
    align = "top" if text else "middle"
    return (
        '<style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="1mm"'
        f' style:vertical-align="{align}"/>'
    )


def _paragraph_style(line: Block, text: bool) -> str:
    if text:
        return layout.TEXT_HEAD_STYLE if line.kind == "head" else layout.TEXT_CELL_STYLE
    return layout.HEAD_CELL_STYLE if line.kind == "head" else layout.CELL_STYLE


def _row(line: Block, table: str, columns: int, text: bool) -> str:
    paragraph = f' text:style-name="{style_name(_paragraph_style(line, text))}"'
    attributes = f' table:style-name="{table}.Cell" office:value-type="string"'
    cells = [*line.cells, *[""] * (columns - len(line.cells))][:columns]
    inner = "".join(
        _element("table:table-cell", attributes, _element("text:p", paragraph, _runs(cell)))
        for cell in cells
    )
    return _element("table:table-row", f' table:style-name="{table}.Row"', inner)
