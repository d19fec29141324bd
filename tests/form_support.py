"""Forms as a person fills them: typing into the cells of a DOCX with python-docx, of an ODT
with odfpy, adding a paragraph, typing a proposal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from docx import Document
from odf import teletype
from odf.opendocument import load
from odf.table import Table, TableCell, TableRow
from odf.text import P

from tests.conftest import REFERENCE
from tui import secretary
from tui.edits.case_details import SetCaseDetails
from tui.forms.content import FIXED
from tui.storage.repository import Repository

PROGRESS, PROPOSAL, DEADLINE = len(FIXED), len(FIXED) + 1, len(FIXED) + 2
# The demo's cases given owners, so four units get forms.
OWNERS = {9805: "國際事務組", 9903: "機要組", 12601: "總務組"}


def prepared(db: Path, owners: dict[int, str] | None = None) -> Repository:
    """Record 101 imported, meeting 102 prepared, and the cases without owners given some."""
    repo = Repository.open(db)
    secretary.import_records(repo, [REFERENCE], replace=False)
    secretary.prepare(repo)
    service = secretary.editor(repo)
    for number, owner in (OWNERS if owners is None else owners).items():
        kind = "mayor" if number > 12000 else "internal"
        service.apply(SetCaseDetails(102, number, kind, owner=owner))
    return repo


def fill_docx(
    path: Path,
    rows: Mapping[int, Sequence[str]],
    report: Sequence[str] = (),
    out: Path | None = None,
) -> Path:
    """Type into the form's cells: row n's 辦理情形 (one paragraph each line), 擬辦, 新期限."""
    doc = Document(str(path))
    cases, report_table = doc.tables[0], doc.tables[1]
    for n, (progress, *rest) in rows.items():
        cells = cases.rows[n].cells
        lines = progress.split("\n")
        cells[PROGRESS].text = lines[0]
        for line in lines[1:]:
            cells[PROGRESS].add_paragraph(line)
        for offset, text in enumerate(rest, start=PROPOSAL):
            cells[offset].text = text
    if report:
        cell = report_table.rows[1].cells[0]
        cell.text = report[0]
        for line in report[1:]:
            cell.add_paragraph(line)
    target = out or path
    doc.save(str(target))
    return target


def fill_odt(
    path: Path,
    rows: Mapping[int, Sequence[str]],
    report: Sequence[str] = (),
    out: Path | None = None,
) -> Path:
    doc = load(str(path))
    tables = doc.getElementsByType(Table)
    for n, texts in rows.items():
        cells = tables[0].getElementsByType(TableRow)[n].getElementsByType(TableCell)
        for offset, text in enumerate(texts, start=PROGRESS):
            _type_into(cells[offset], text.split("\n"))
    if report:
        cell = tables[1].getElementsByType(TableRow)[1].getElementsByType(TableCell)[0]
        _type_into(cell, list(report))
    target = out or path
    doc.save(str(target))
    return target


def _type_into(cell: TableCell, lines: list[str]) -> None:
    for old in list(cell.getElementsByType(P)):
        cell.removeChild(old)
    for line in lines:
        paragraph = P()
        teletype.addTextToElement(paragraph, line)
        cell.addElement(paragraph)
