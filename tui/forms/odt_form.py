"""A unit's form as an OpenDocument text (odfpy), and a filled one read back."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from odf import dc, teletype
from odf.meta import UserDefined
from odf.opendocument import OpenDocumentText
from odf.style import (
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableRowProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, P

from tui.forms.content import GUIDE, HEADINGS, REPORT_GUIDE, REPORT_HEADING, Form
from tui.forms.filled import Filled, identifier_in
from tui.forms.identifier import MARK, PROPERTY

_WIDTHS = (22, 50, 26, 42, 70, 30, 24)  # mm, on landscape A4
_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}


def write(form: Form) -> bytes:
    doc = OpenDocumentText()
    _page(doc)
    doc.meta.addElement(dc.Title(text=form.title))
    doc.meta.addElement(UserDefined(name=PROPERTY, valuetype="string", text=form.identifier.line()))
    cell = Style(name="Cell", family="table-cell")
    cell.addElement(TableCellProperties(border="0.5pt solid #000000", padding="1mm"))
    small = Style(name="Small", family="paragraph")
    small.addElement(
        TextProperties(fontsize="6pt", fontsizeasian="6pt", fontsizecomplex="6pt", color="#808080")
    )
    for style in (cell, small):
        doc.automaticstyles.addElement(style)
    doc.text.addElement(H(outlinelevel=1, text=form.title))
    for label, value in form.fields:
        doc.text.addElement(P(text=f"{label}：{value}"))
    doc.text.addElement(P(text=GUIDE))
    rows = [list(HEADINGS), *([*row, "", "", ""] for row in form.rows)]
    doc.text.addElement(_table(doc, "Cases", rows, _WIDTHS, cell, "25mm"))
    doc.text.addElement(H(outlinelevel=2, text=REPORT_HEADING))
    doc.text.addElement(P(text=REPORT_GUIDE))
    report = [[REPORT_HEADING], [""]]
    doc.text.addElement(_table(doc, "Report", report, (sum(_WIDTHS),), cell, "60mm"))
    doc.text.addElement(P(stylename=small, text=MARK + form.identifier.line()))
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


def _page(doc: OpenDocumentText) -> None:
    page = PageLayout(name="A4L")
    page.addElement(
        PageLayoutProperties(
            pagewidth="297mm",
            pageheight="210mm",
            printorientation="landscape",
            margintop="15mm",
            marginbottom="15mm",
            marginleft="15mm",
            marginright="15mm",
        )
    )
    doc.automaticstyles.addElement(page)
    doc.masterstyles.addElement(MasterPage(name="Standard", pagelayoutname=page))


def _table(
    doc: OpenDocumentText,
    name: str,
    rows: list[list[str]],
    widths: tuple[int, ...],
    cell: Style,
    height: str,
) -> Table:
    """The table; each row after the first at least `height` tall, room to write in."""
    table = Table(name=name)
    tall = Style(name=f"{name}.Row", family="table-row")
    tall.addElement(TableRowProperties(minrowheight=height))
    doc.automaticstyles.addElement(tall)
    for n, width in enumerate(widths, 1):
        column = Style(name=f"{name}.C{n}", family="table-column")
        column.addElement(TableColumnProperties(columnwidth=f"{width}mm"))
        doc.automaticstyles.addElement(column)
        table.addElement(TableColumn(stylename=column))
    for n, row in enumerate(rows):
        line = TableRow(stylename=tall) if n else TableRow()
        for text in row:
            box = TableCell(stylename=cell, valuetype="string")
            for part in text.split("\n") if text else [""]:
                paragraph = P()
                teletype.addTextToElement(paragraph, part)
                box.addElement(paragraph)
            line.addElement(box)
        table.addElement(line)
    return table


# -- reading --------------------------------------------------------------------


def read(data: bytes) -> Filled:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = ElementTree.fromstring(archive.read("content.xml"))
        names = archive.namelist()
        meta = ElementTree.fromstring(archive.read("meta.xml")) if "meta.xml" in names else None
    tables = [_rows(t) for t in content.iter(f"{{{_NS['table']}}}table")]
    cases = next((t for t in tables if t and t[0] and t[0][0].strip() == HEADINGS[0]), None)
    report = next((t for t in tables if t and t[0] and t[0][0].strip() == REPORT_HEADING), None)
    report_text = report[1][0] if report and len(report) > 1 and report[1] else ""
    lines = [_text(p) for p in content.iter(f"{{{_NS['text']}}}p")]
    return Filled(
        identifier_in(_property(meta), lines), cases[1:] if cases else [], report_text, bool(cases)
    )


def _rows(table: ElementTree.Element) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.iter(f"{{{_NS['table']}}}table-row"):
        cells = row.findall(f"{{{_NS['table']}}}table-cell")
        rows.append([_cell_text(cell) for cell in cells])
    return rows


def _cell_text(cell: ElementTree.Element) -> str:
    paragraphs = [e for e in cell.iter() if e.tag in (_tag("p"), _tag("h"))]
    return "\n".join(_text(p) for p in paragraphs)


def _tag(name: str) -> str:
    return f"{{{_NS['text']}}}{name}"


def _text(paragraph: ElementTree.Element) -> str:
    """A paragraph's words: spans joined, <text:s/> a space, <text:tab/> a tab, a line break
    a newline."""
    parts: list[str] = [paragraph.text or ""]
    for child in paragraph:
        if child.tag == _tag("s"):
            parts.append(" " * int(child.get(f"{{{_NS['text']}}}c", "1")))
        elif child.tag == _tag("tab"):
            parts.append("\t")
        elif child.tag == _tag("line-break"):
            parts.append("\n")
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _property(meta: ElementTree.Element | None) -> str:
    if meta is None:
        return ""
    for found in meta.iter(f"{{{_NS['meta']}}}user-defined"):
        if found.get(f"{{{_NS['meta']}}}name") == PROPERTY:
            return "".join(found.itertext())
    return ""
