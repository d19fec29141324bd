"""Every form `agenda collect` refuses: one line naming the file and why, status 2, and the
database byte for byte as it was."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from tests.cli_support import agenda, one_error_line, snapshot
from tests.edit_support import set_status
from tests.form_support import fill_docx, prepared
from tui import secretary
from tui.domain.model import MeetingStatus
from tui.edits.case_details import SetCaseDetails
from tui.forms import docx_form, unit_form
from tui.forms.content import form_of
from tui.storage.repository import Repository

UNIT = "總務組"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with meeting 102 prepared, shared: each test works on its own copy."""
    folder = tmp_path_factory.mktemp("refusals")
    prepared(folder / "db")
    return folder / "db"


@pytest.fixture
def repo(made: Path, tmp_path: Path) -> Repository:
    shutil.copytree(made, tmp_path / "db")
    return Repository.open(tmp_path / "db")


def _written(repo: Repository, folder: Path) -> Path:
    name, data = unit_form(repo, 102, UNIT)
    path = folder / name
    path.write_bytes(data)
    return fill_docx(path, {1: ("辦理中。", "建議繼續列管")})


def _with_identifier(repo: Repository, folder: Path, **changes: Any) -> Path:
    form = form_of(repo, 102, UNIT)
    form = dataclasses.replace(form, identifier=dataclasses.replace(form.identifier, **changes))
    path = folder / "改過的表.docx"
    path.write_bytes(docx_form.write(form))
    return fill_docx(path, {1: ("辦理中。", "建議繼續列管")})


def _another_meeting(repo: Repository, folder: Path) -> Path:
    return _with_identifier(repo, folder, meeting=103)


def _a_recorded_meeting(repo: Repository, folder: Path) -> Path:
    path = _written(repo, folder)
    set_status(repo, 102, MeetingStatus.IN_SESSION)
    set_status(repo, 102, MeetingStatus.RECORDED)
    return path


def _another_database(repo: Repository, folder: Path) -> Path:
    other = prepared(folder / "other-db")
    name, data = unit_form(other, 102, UNIT)
    (folder / name).write_bytes(data)
    return fill_docx(folder / name, {1: ("辦理中。", "建議繼續列管")})


def _another_unit(repo: Repository, folder: Path) -> Path:
    return _with_identifier(repo, folder, unit="機要組")


def _owner_changed(repo: Repository, folder: Path) -> Path:
    path = _written(repo, folder)
    secretary.editor(repo).apply(SetCaseDetails(102, 10101, owner="人事室"))
    return path


def _row_deleted(repo: Repository, folder: Path) -> Path:
    path = _written(repo, folder)
    doc = Document(str(path))
    row = doc.tables[0].rows[2]._tr
    row.getparent().remove(row)
    doc.save(str(path))
    return path


def _rows_reordered(repo: Repository, folder: Path) -> Path:
    path = _written(repo, folder)
    doc = Document(str(path))
    first, second = doc.tables[0].rows[1]._tr, doc.tables[0].rows[2]._tr
    second.addnext(first)
    doc.save(str(path))
    return path


def _truncated(repo: Repository, folder: Path) -> Path:
    path = _written(repo, folder)
    path.write_bytes(path.read_bytes()[:2000])
    return path


def _identifier_edited(repo: Repository, folder: Path) -> Path:
    path = _written(repo, folder)
    doc = Document(str(path))
    doc.paragraphs[-1].runs[0].text = doc.paragraphs[-1].text.replace("meeting=102", "meeting=101")
    doc.save(str(path))
    _drop_property(path)
    return path


def _drop_property(path: Path) -> None:
    """The form as a program that keeps no custom properties saves it."""
    import zipfile

    data = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            text = archive.read(name)
            if name == "docProps/custom.xml":
                text = text.replace(b"agenda-form", b"something-else")
            data[name] = text
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in data.items():
            archive.writestr(name, text)


def _not_a_form(repo: Repository, folder: Path) -> Path:
    doc = Document()
    doc.add_paragraph("一份普通的文件。")
    doc.add_table(rows=2, cols=2).cell(0, 0).text = "案號"
    path = folder / "普通文件.docx"
    doc.save(str(path))
    return path


def _plain_text(repo: Repository, folder: Path) -> Path:
    path = folder / "筆記.txt"
    path.write_text("不是表單。", encoding="utf-8")
    return path


def _bad_proposal(repo: Repository, folder: Path) -> Path:
    path = _written(repo, folder)
    return fill_docx(path, {1: ("辦理中。", "再研議")})


def _bad_deadline(repo: Repository, folder: Path) -> Path:
    path = _written(repo, folder)
    return fill_docx(path, {1: ("辦理中。", "建議繼續列管", "明年")})


REFUSALS: dict[str, tuple[Callable[[Repository, Path], Path], str]] = {
    "another meeting": (_another_meeting, "a form for meeting 103, which is not being prepared"),
    "a recorded meeting": (_a_recorded_meeting, "a form for meeting 102, which is not being"),
    "another database": (_another_database, "a form of another database"),
    "another unit": (_another_unit, "a form for 機要組, which no longer owns cases 10101"),
    "the owner changed": (_owner_changed, "a form for 總務組, which no longer owns cases 10101"),
    "a row deleted": (_row_deleted, "rows were deleted, added or reordered"),
    "rows reordered": (
        _rows_reordered,
        "sent with 10101、12601（市長室列管）, it has 12601（市長室列管）、10101",
    ),
    "a truncated file": (_truncated, "damaged: not a DOCX or ODT file"),
    "the identifier edited": (_identifier_edited, "damaged: its form identifier has been changed"),
    "not a form": (_not_a_form, "not a form written by agenda"),
    "not a document": (_plain_text, "damaged: not a DOCX or ODT file"),
    "a proposal neither way": (_bad_proposal, "case 10101: 擬辦 「再研議」 is neither"),
    "a deadline that is no date": (_bad_deadline, "case 10101: 建議新期限:"),
}


@pytest.mark.parametrize("name", REFUSALS)
def test_a_refused_form_is_one_line_and_changes_nothing(
    name: str, repo: Repository, tmp_path: Path
) -> None:
    make, said = REFUSALS[name]
    path = make(repo, tmp_path)
    before = snapshot(repo.store.root)
    result = agenda("collect", path, db=repo.store.root)
    assert result.returncode == 2
    line = one_error_line(result)
    assert str(path) in line and said in line, line
    assert snapshot(repo.store.root) == before
