"""Blocks laid out as a Word document (DOCX).

The record's text is written here as the XML python-docx would write for it (add_run,
add_table, a hyperlink's relationship), into the parts every record shares (docx_frame):
building it through python-docx's elements took most of a render. Its text has come
through read_blocks, which drops what XML cannot hold."""

from __future__ import annotations

import io
import re
import zipfile

from tui.render.blocks import Block, Run, is_text_table, runs, shares, tables, title_of
from tui.render.documents import layout
from tui.render.documents.docx_frame import (
    BODY_START,
    CORE,
    DOCUMENT,
    END,
    RELATIONSHIPS,
    TITLE,
    Frame,
    frame,
)

_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_BREAKS = re.compile(r"([\t\r\n])")
_EMU_PER_MM, _EMU_PER_TWIP = 36000, 635  # python-docx's Mm and twips


def write(blocks: list[Block]) -> bytes:
    shared = frame()
    writer = _Writer(shared, dict(shared.parts)[RELATIONSHIPS].decode("utf-8"))
    for part in tables(blocks):
        if isinstance(part, list):
            writer.table(part)
        else:
            writer.paragraph(part)
    return _package(shared, writer, title_of(blocks))


def _package(shared: Frame, writer: _Writer, title: str) -> bytes:
    """The frame's parts, the record's text, title and links put in, zipped as python-docx
    zips them."""
    changed = {
        DOCUMENT: lambda xml: xml.replace(BODY_START, BODY_START + "".join(writer.body), 1),
        CORE: lambda xml: xml.replace(TITLE, f"<dc:title>{_text(title)}</dc:title>"),
        RELATIONSHIPS: lambda xml: xml.replace(END, "".join(writer.links.values()) + END),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in shared.parts:
            if name in changed:
                data = changed[name](data.decode("utf-8")).encode("utf-8")
            package.writestr(name, data)
    return buffer.getvalue()


def _text(text: str) -> str:
    """Text as lxml writes it."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("\r", "&#13;")


def _attribute(value: str) -> str:
    """An attribute's value as lxml writes it, between double quotes."""
    escaped = _text(value).replace('"', "&quot;")
    return escaped.replace("\n", "&#10;").replace("\t", "&#9;")


def _twips(millimetres: float) -> str:
    return str(round(int(millimetres * _EMU_PER_MM) / _EMU_PER_TWIP))


_TABLE_SIZE = str(int(layout.TABLE_PT * 2))  # in half points
_ROW_HEIGHT = _twips(layout.ROW_MM)


def _run(text: str, bold: bool = False, size: str | None = None, link: bool = False) -> str:
    """A run as python-docx's add_run(text) writes it: <w:b/> when bold, <w:sz/> for a
    size (in half points), underlined in a link, <w:tab/> for a tab, <w:br/> for a line
    break, the rest in <w:t>, told to keep its spaces when it has some at either end."""
    properties = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size}"/>' if size else "")
    properties += '<w:u w:val="single"/>' if link else ""
    inner = [f"<w:rPr>{properties}</w:rPr>"] if properties else []
    for part in _BREAKS.split(text):
        if part == "\t":
            inner.append("<w:tab/>")
        elif part in ("\r", "\n"):
            inner.append("<w:br/>")
        elif part:
            space = ' xml:space="preserve"' if len(part.strip()) < len(part) else ""
            inner.append(f"<w:t{space}>{_text(part)}</w:t>")
    return f"<w:r>{''.join(inner)}</w:r>" if inner else "<w:r/>"


class _Writer:
    """The record's body as python-docx would write it, and the links it relates to."""

    def __init__(self, shared: Frame, relationships: str) -> None:
        self.ids = shared.ids
        self.table_style = shared.table
        self.body: list[str] = []
        self.links: dict[str, str] = {}  # each address's relationship, in order
        self._ids: dict[str, str] = {}  # each address's relationship's id
        self._taken = set(re.findall(r'Id="(rId[0-9]+)"', relationships))

    def paragraph(self, block: Block) -> None:
        style = self.ids[layout.style_of(block.kind, block.level)]
        inner = [f'<w:pPr><w:pStyle w:val="{_attribute(style)}"/></w:pPr>'] if style else []
        lead = layout.lead(block.kind, block.label)
        if lead:
            inner.append(_run(lead))
        inner += [self._piece(run, run.bold) for run in runs(block.text)]
        self.body.append(f"<w:p>{''.join(inner)}</w:p>" if inner else "<w:p/>")

    def _piece(self, run: Run, bold: bool, size: str | None = None) -> str:
        """A run of text, in its hyperlink when it is a link."""
        if not run.link:
            return _run(run.text, bold, size)
        linked = _run(run.text, bold, size, link=True)
        return f'<w:hyperlink r:id="{self._related(run.link)}">{linked}</w:hyperlink>'

    def _related(self, address: str) -> str:
        """The id of the link's relationship: its address's own, or the first one free (as
        python-docx's relate_to gives them)."""
        if address not in self._ids:
            free = (f"rId{n}" for n in range(1, len(self._taken) + 2))
            found = next(rid for rid in free if rid not in self._taken)
            self._taken.add(found)
            self._ids[address] = found
            self.links[address] = (
                f'<Relationship Id="{found}" Type="{_HYPERLINK}" '
                f'Target="{_attribute(address)}" TargetMode="External"/>'
            )
        return self._ids[address]

    def table(self, lines: list[Block]) -> None:
        """A table with a line around every cell, the column names repeated on each page."""
        twips = [_twips(width) for width in layout.column_widths(shares(lines))]
        text_table = is_text_table(lines)
        # A table without columns keeps what python-docx's empty grid holds.
        grid = "".join(f'<w:gridCol w:w="{twip}"/>' for twip in twips) or "\n  "
        rows = "".join(self._row(line, twips, text_table) for line in lines)
        self.body.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{_attribute(self.table_style)}"/>'
            '<w:tblW w:type="auto" w:w="0"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0"'
            ' w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
        )

    def _row(self, line: Block, twips: list[str], text_table: bool) -> str:
        head = line.kind == "head"
        properties = "" if text_table else f'<w:trHeight w:val="{_ROW_HEIGHT}" w:hRule="atLeast"/>'
        properties += "<w:tblHeader/>" if head else ""
        inner = [f"<w:trPr>{properties}</w:trPr>"] if properties else []
        cells = [*line.cells, *[""] * (len(twips) - len(line.cells))]
        for text, twip in zip(cells, twips, strict=False):
            width = f'<w:tcPr><w:tcW w:type="dxa" w:w="{twip}"/></w:tcPr>'
            inner.append(f"<w:tc>{width}{self._cell_text(text, head, text_table)}</w:tc>")
        return f"<w:tr>{''.join(inner)}</w:tr>" if inner else "<w:tr/>"

    def _cell_text(self, text: str, head: bool, text_table: bool) -> str:
        """A cell's text: centred in a form and in a heading, else from the left, smaller."""
        spacing = '<w:spacing w:after="0"/>' if text_table else ""
        align = "center" if head or not text_table else "left"
        size = _TABLE_SIZE if text_table else None
        inner = "".join(self._piece(run, run.bold or head, size) for run in runs(text))
        return f'<w:p><w:pPr>{spacing}<w:jc w:val="{align}"/></w:pPr>{inner}</w:p>'
