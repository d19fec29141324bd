"""Blocks laid out as a Word document (DOCX)."""

from __future__ import annotations

import io
import re

from docx.document import Document as WordDocument
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from tui.render.blocks import Block, Run, is_text_table, runs, shares, tables, title_of
from tui.render.documents import layout
from tui.render.documents.docx_styles import Styles
from tui.render.documents.docx_template import restyled


def write(blocks: list[Block]) -> bytes:
    doc, styles = restyled()
    _page(doc, styles)
    properties = doc.core_properties
    properties.title = title_of(blocks)
    properties.language = f"{layout.LANGUAGE}-{layout.COUNTRY}"
    properties.author = properties.last_modified_by = properties.comments = ""
    end = doc.element.body.find(qn("w:sectPr"))
    for part in tables(blocks):
        if isinstance(part, list):
            _table(doc, part)
        else:
            _paragraph(end, doc, part, styles)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _page(doc: WordDocument, styles: Styles) -> None:
    section = doc.sections[0]
    width, height = layout.PAGE_MM
    section.page_width, section.page_height = Mm(width), Mm(height)
    margin = Mm(layout.MARGIN_MM)
    section.top_margin = section.bottom_margin = margin
    section.left_margin = section.right_margin = margin
    line = section.footer.paragraphs[0]
    line._p.style = styles.id_of(layout.FOOTER_STYLE)
    line.add_run("第 ")
    _field(line, "PAGE")
    line.add_run(" 頁，共 ")
    _field(line, "NUMPAGES")
    line.add_run(" 頁")


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A field Word and LibreOffice fill in as they lay out the pages; 1 until they do."""
    _field_char(paragraph, "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    _field_char(paragraph, "separate")
    paragraph.add_run("1")
    _field_char(paragraph, "end")


def _field_char(paragraph: Paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def _paragraph(end: BaseOxmlElement, doc: WordDocument, block: Block, styles: Styles) -> None:
    """The block's paragraph put before `end` (the body's section properties), its XML
    written here in one go: python-docx finds where each element it adds belongs among
    the ones a paragraph may hold, most of the time a record's paragraphs took."""
    p = OxmlElement("w:p")
    end.addprevious(p)
    style_id = styles.id_of(layout.style_of(block.kind, block.level))
    if style_id is not None:
        _child(_child(p, "w:pPr"), "w:pStyle").set(qn("w:val"), style_id)
    lead = layout.lead(block.kind, block.label)
    if lead:
        p.append(_run_element(lead))
    for run in runs(block.text):
        if run.link:
            _add_run(Paragraph(p, doc._body), run)
        else:
            p.append(_run_element(run.text, run.bold))


def _run_element(text: str, bold: bool = False) -> BaseOxmlElement:
    """A run as python-docx's add_run(text) writes it: <w:b/> when bold, <w:tab/> for a tab,
    <w:br/> for a line break, the rest in <w:t>, told to keep its spaces when it has some
    at either end."""
    r = OxmlElement("w:r")
    if bold:
        _child(_child(r, "w:rPr"), "w:b")
    for part in _BREAKS.split(text):
        if part == "\t":
            _child(r, "w:tab")
        elif part in ("\r", "\n"):
            _child(r, "w:br")
        elif part:
            t = _child(r, "w:t")
            t.text = part
            if len(part.strip()) < len(part):
                t.set(qn("xml:space"), "preserve")
    return r


_BREAKS = re.compile(r"([\t\r\n])")


def _child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    child = OxmlElement(tag)
    parent.append(child)
    return child


def _add_run(paragraph: Paragraph, run: Run) -> None:
    added = paragraph.add_run(run.text)
    if run.bold:
        added.bold = True
    if not run.link:
        return
    added.font.underline = True
    target = paragraph.part.relate_to(run.link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), target)
    link.append(added._r)
    paragraph._p.append(link)


def _table(doc: WordDocument, lines: list[Block]) -> None:
    """A table with a line around every cell, the column names repeated on each page."""
    widths = [Mm(width) for width in layout.column_widths(shares(lines))]
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    text_table = is_text_table(lines)
    for line in lines:
        row = table.add_row()
        if not text_table:
            row.height = Mm(layout.ROW_MM)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        if line.kind == "head":
            header = OxmlElement("w:tblHeader")
            row._tr.get_or_add_trPr().append(header)
        cells = [*line.cells, *[""] * (len(widths) - len(line.cells))]
        for cell, text, width in zip(row.cells, cells, widths, strict=False):
            cell.width = width
            _cell_text(cell.paragraphs[0], text, line.kind == "head", text_table)


def _cell_text(paragraph: Paragraph, text: str, head: bool, text_table: bool) -> None:
    """A cell's text: centred in a form and in a heading, else from the left, smaller."""
    centred = head or not text_table
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    if text_table:
        paragraph.paragraph_format.space_after = Pt(0)
    for run in runs(text):
        _add_run(paragraph, run)
        added = paragraph.runs[-1]
        if head:
            added.bold = True
        if text_table:
            added.font.size = Pt(layout.TABLE_PT)
