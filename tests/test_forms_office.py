"""A form written by agenda, filled, then opened and saved by LibreOffice (headless, as
DOCX and as ODT) collects without loss: the identifier survives as a document property."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.form_support import fill_docx, fill_odt, prepared
from tui import secretary
from tui.domain.model import CaseKind
from tui.forms import unit_form
from tui.forms.collect import collect, read_file
from tui.storage.repository import Repository

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")

ROWS = {
    1: ("（一）已修正薪資單格式。\n(二)其他給付亦逐項標示，計 3 項。", "建議解除列管"),
    2: ("已排定會議。", "建議繼續列管", "110/9/30"),
}
REPORT = ["(一)辦理採購案 3 件。", "（二）完成消防演練；另, 半形標點亦可。"]


def _saved_by_libreoffice(path: Path, fmt: str, folder: Path) -> Path:
    """`soffice --convert-to`: the file opened and saved as `fmt` by LibreOffice."""
    out = folder / f"lo-{fmt}-from-{path.suffix[1:]}"
    out.mkdir()
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out / f"{path.stem}.{fmt}"


def _answers(repo: Repository) -> list[tuple[str, list[str], object, object]]:
    found: list[tuple[str, list[str], object, object]] = []
    for number, kind in ((10101, CaseKind.INTERNAL), (12601, CaseKind.MAYOR)):
        case = repo.case(number, kind)
        event = case.decision_at(102) if case else None
        assert event is not None
        points = [p.text for p in event.progress_points]
        found.append((event.progress, points, event.proposal, event.proposed_deadline))
    return found


@pytest.mark.parametrize("written", ["docx", "odt"])
@pytest.mark.parametrize("saved", ["docx", "odt"])
def test_a_form_saved_by_libreoffice_collects_without_loss(
    written: str, saved: str, tmp_path: Path
) -> None:
    repo = prepared(tmp_path / "db")
    name, data = unit_form(repo, 102, "總務組", written)
    path = tmp_path / name
    path.write_bytes(data)
    fill = fill_docx if written == "docx" else fill_odt
    fill(path, ROWS, REPORT)
    shutil.copytree(repo.store.root, tmp_path / "direct")
    direct = Repository.open(tmp_path / "direct")
    collect(secretary.editor(direct), path)

    round_trip = _saved_by_libreoffice(path, saved, tmp_path)
    assert read_file(round_trip).identifier == read_file(path).identifier
    found = collect(secretary.editor(repo), round_trip)
    assert found.changed and found.differs == []
    assert _answers(repo) == _answers(direct)
    reports = [
        r for i in secretary.load(repo, 102).items() for r in i.reports if r.unit == "總務組"
    ]
    expected = ["辦理採購案 3 件。", "完成消防演練；另, 半形標點亦可。"]
    assert [p.text for p in reports[0].points] == expected
