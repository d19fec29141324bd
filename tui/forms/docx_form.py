"""A unit's form as a Word document (python-docx), and a filled one read back."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from tui.forms.content import GUIDE, HEADINGS, REPORT_GUIDE, REPORT_HEADING, Form
from tui.forms.filled import Filled, identifier_in
from tui.forms.identifier import MARK, PROPERTY

_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_WIDTHS = (2.2, 5.0, 2.6, 4.2, 7.0, 3.0, 2.4)  # cm, on landscape A4


def write(form: Form) -> bytes:
    doc = Document()
    _landscape(doc)
    doc.add_heading(form.title, level=1)
    for label, value in form.fields:
        doc.add_paragraph(f"{label}：{value}")
    doc.add_paragraph(GUIDE)
    _cases_table(doc, form)
    doc.add_heading(REPORT_HEADING, level=2)
    doc.add_paragraph(REPORT_GUIDE)
    report = doc.add_table(rows=2, cols=1)
    report.style = "Table Grid"
    report.cell(0, 0).text = REPORT_HEADING
    report.rows[1].height = Cm(6)
    _identifier_line(doc, form)
    _custom_property(doc, form.identifier.line())
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _landscape(doc: object) -> None:
    section = doc.sections[0]  # type: ignore[attr-defined]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))


def _cases_table(doc: object, form: Form) -> None:
    table = doc.add_table(rows=1 + len(form.rows), cols=len(HEADINGS))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for column, heading in enumerate(HEADINGS):
        table.cell(0, column).text = heading
    for r, row in enumerate(form.rows, start=1):
        for column, text in enumerate(row):
            table.cell(r, column).text = text
    table.autofit = False
    for column, width in enumerate(_WIDTHS):
        table.columns[column].width = Cm(width)
        for cell in table.columns[column].cells:
            cell.width = Cm(width)
    for row in table.rows[1:]:
        row.height = Cm(2.5)  # room to write in; a row grows with what is typed


def _identifier_line(doc: object, form: Form) -> None:
    paragraph = doc.add_paragraph()  # type: ignore[attr-defined]
    run = paragraph.add_run(MARK + form.identifier.line())
    run.font.size = Pt(6)
    run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)


def _custom_property(doc: object, value: str) -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes"><property fmtid="{_FMTID}" pid="2" name="{PROPERTY}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property></Properties>"
    )
    package = doc.part.package  # type: ignore[attr-defined]
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM, xml.encode("utf-8"), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


# -- reading --------------------------------------------------------------------


def read(data: bytes) -> Filled:
    doc = Document(io.BytesIO(data))
    tables = list(_tables(doc.tables))
    cases = next((t for t in tables if _first(t) == HEADINGS[0]), None)
    report = next((t for t in tables if _first(t) == REPORT_HEADING), None)
    rows = [[_cell_text(c) for c in row.cells] for row in cases.rows[1:]] if cases else []
    report_text = _cell_text(report.rows[1].cells[0]) if report and len(report.rows) > 1 else ""
    lines = [p.text for p in doc.paragraphs]
    return Filled(identifier_in(_property(data), lines), rows, report_text, cases is not None)


def _tables(tables: list[Table]) -> list[Table]:
    found: list[Table] = []
    for table in tables:
        found.append(table)
        for row in table.rows:
            for cell in row.cells:
                found.extend(_tables(cell.tables))
    return found


def _first(table: Table) -> str:
    try:
        return table.rows[0].cells[0].text.strip()
    except IndexError:
        return ""


def _cell_text(cell: object) -> str:
    return "\n".join(p.text for p in cell.paragraphs)  # type: ignore[attr-defined]


def _property(data: bytes) -> str:
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "docProps/custom.xml" not in archive.namelist():
            return ""
        root = ElementTree.fromstring(archive.read("docProps/custom.xml"))
    for prop in root:
        if prop.get("name") == PROPERTY:
            return "".join(prop.itertext())
    return ""
