"""The 列管 table in the ODT and DOCX agenda and record, opened with odfpy and python-docx:
a real table of seven columns, its header row repeated on each page, as wide as A4's text;
the font chain ends in a Traditional Chinese face, the text marked zh-TW."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from odf import teletype
from odf.opendocument import load
from odf.style import FontFace
from odf.table import Table, TableColumn, TableHeaderRows, TableRow

from tests.case_table_support import OFFICE, table_meeting
from tui.render.document import RenderOptions, render_agenda, render_record
from tui.render.documents import write_document
from tui.render.documents.layout import TEXT_WIDTH_MM

CASE_REPORT_ROWS = 3 + 1  # three cases and the column names


def agenda(format: str) -> bytes:
    found = table_meeting(decided=False)
    source = render_agenda(found.meeting, OFFICE, found.cases, RenderOptions(format))
    return write_document(source, format, "agenda.blocks.j2")


def record(format: str) -> bytes:
    found = table_meeting(decided=True)
    source = render_record(found.meeting, OFFICE, RenderOptions(format), found.cases)
    return write_document(source, format, "record.blocks.j2")


def test_the_odt_agenda_has_a_table_for_each_item_with_cases() -> None:
    doc = load(io.BytesIO(agenda("odt")))
    tables = doc.text.getElementsByType(Table)
    assert len(tables) == 2
    report = tables[0]
    assert len(report.getElementsByType(TableColumn)) == 7
    (headers,) = report.getElementsByType(TableHeaderRows)
    assert [teletype.extractText(c) for c in headers.childNodes[0].childNodes][:2] == [
        "案號",
        "案由",
    ]
    assert len(report.getElementsByType(TableRow)) == CASE_REPORT_ROWS
    assert "（請主辦單位填寫）" in teletype.extractText(tables[1])


def test_the_odt_record_fills_the_decisions() -> None:
    doc = load(io.BytesIO(record("odt")))
    (table,) = doc.text.getElementsByType(Table)  # nobody answered for the mayor's case
    text = teletype.extractText(table)
    assert "解除列管（併入列管案號 10201）" in text and "115/11/30\n逾期" in text


@pytest.mark.parametrize("document", [agenda, record])
def test_the_docx_table_repeats_its_header_and_fits_a4(document: object) -> None:
    assert callable(document)
    doc = Document(io.BytesIO(document("docx")))
    table = doc.tables[0]
    assert len(table.rows) == CASE_REPORT_ROWS and len(table.columns) == 7
    first = table.rows[0]._tr.trPr
    assert first is not None and first.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None
               for r in table.rows[1:])  # fmt: skip
    widths = [column.width.mm for column in table.columns if column.width is not None]
    assert len(widths) == 7 and sum(widths) <= TEXT_WIDTH_MM + 0.5
    assert table.cell(1, 0).text == "10201"


def test_the_odt_font_chain_ends_in_a_traditional_chinese_face() -> None:
    doc = load(io.BytesIO(agenda("odt")))
    faces = doc.fontfacedecls.getElementsByType(FontFace)
    families = faces[0].getAttribute("fontfamily")
    assert families.startswith("'標楷體'") and families.endswith("CJK TC'")
    styles = zipfile.ZipFile(io.BytesIO(agenda("odt"))).read("styles.xml").decode()
    assert styles.count('style:language-asian="zh" style:country-asian="TW"') >= 2


def test_the_docx_marks_its_text_zh_tw_in_every_style() -> None:
    styles = zipfile.ZipFile(io.BytesIO(agenda("docx"))).read("word/styles.xml").decode()
    assert 'w:eastAsia="zh-TW"' in styles
    doc = Document(io.BytesIO(agenda("docx")))
    table_text = doc.styles["Heading 1"].element.rPr
    assert table_text is not None
    language = table_text.find(qn("w:lang"))
    assert language is not None and language.get(qn("w:eastAsia")) == "zh-TW"


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("format", ["odt", "docx"])
def test_libreoffice_prints_the_table(tmp_path: Path, format: str) -> None:
    assert SOFFICE is not None
    source = tmp_path / f"agenda.{format}"
    source.write_bytes(agenda(format))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "agenda.pdf"
    assert pdf.stat().st_size > 0
    if shutil.which("pdftotext") is None:
        return
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "案號" in text and "10201" in text and "115/12/31" in text
