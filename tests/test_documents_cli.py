"""`agenda render N --format odt|docx` end to end: a file, a pipe, a terminal; LibreOffice
opening what was written, where it is installed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from tests.cli_support import agenda, one_error_line
from tests.conftest import REFERENCE, ROOT
from tests.document_support import shown

FORMATS = ["odt", "docx"]
TITLE = "臺北市政府秘書處第 101 次處務會議紀錄"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("documents") / "db"
    result = agenda("import", REFERENCE, db=folder)
    assert result.returncode == 0, result.stderr
    return folder


def render_bytes(db: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "AGENDA_DB"}
    command = [sys.executable, "-m", "tui", "--db", str(db), "render", "101", *args]
    return subprocess.run(command, capture_output=True, env=env, cwd=cwd, timeout=60)


@pytest.mark.parametrize("format", FORMATS)
def test_output_file_is_the_document(db: Path, tmp_path: Path, format: str) -> None:
    target = tmp_path / f"minutes.{format}"
    result = agenda("render", "101", "--format", format, "-o", target, db=db)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert shown(target.read_bytes(), format)[0].text == TITLE
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temp file left


def test_output_file_is_replaced_whole(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "record.odt"
    target.write_bytes(b"an older export, longer than nothing at all" * 1000)
    link = tmp_path / "latest.odt"
    link.symlink_to(target)
    result = agenda("render", "101", "--format", "odt", "-o", link, db=db)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()  # written through the link, not over it
    assert shown(target.read_bytes(), "odt")[0].text == TITLE


def test_a_replaced_export_keeps_who_may_read_it(db: Path, tmp_path: Path) -> None:
    private = tmp_path / "private.odt"
    private.write_bytes(b"kept from the others on this host")
    private.chmod(0o600)
    assert agenda("render", "101", "--format", "odt", "-o", private, db=db).returncode == 0
    assert private.stat().st_mode & 0o777 == 0o600
    assert shown(private.read_bytes(), "odt")[0].text == TITLE


@pytest.mark.parametrize("format", FORMATS)
def test_a_pipe_gets_the_bytes(db: Path, tmp_path: Path, format: str) -> None:
    result = render_bytes(db, "--agenda", "--format", format, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout[:2] == b"PK"  # both are zip packages
    assert shown(result.stdout, format)[0].text == "臺北市政府秘書處第 101 次處務會議議程"
    assert list(tmp_path.iterdir()) == []


def test_at_a_terminal_the_document_lands_in_the_current_folder(db: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "AGENDA_DB"}
    command = ["-m", "tui", "--db", str(db), "render", "101", "--format", "docx"]
    try:
        child = pexpect.spawn(sys.executable, command, cwd=str(tmp_path), env=env, timeout=30)
    except (OSError, pexpect.ExceptionPexpect) as error:
        pytest.skip(f"no pseudo-terminal to run the command in: {error}")
    child.expect(pexpect.EOF)
    child.close()
    written = tmp_path / "record-101.docx"
    assert child.exitstatus == 0
    assert child.before.decode().strip() == str(written)
    assert shown(written.read_bytes(), "docx")[0].text == TITLE


def test_a_folder_that_cannot_be_written_is_one_line(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "record.odt"
    result = agenda("render", "101", "--format", "odt", "-o", target, db=db)
    assert result.returncode == 2
    assert (
        one_error_line(result)
        == f"agenda: error: {target}: cannot be written (No such file or directory)"
    )


def test_markdown_does_not_load_the_document_libraries(db: Path) -> None:
    program = (
        "import sys, contextlib, io\n"
        "from tui.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['--db', {str(db)!r}, 'render', '101']) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('odf', 'docx', 'lxml')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("format", FORMATS)
def test_libreoffice_converts_the_document_to_pdf(db: Path, tmp_path: Path, format: str) -> None:
    assert SOFFICE is not None
    document = tmp_path / f"record-101.{format}"
    assert agenda("render", "101", "--format", format, "-o", document, db=db).returncode == 0
    profile = (tmp_path / "profile").as_uri()  # its own, so parallel runs do not collide
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    result = subprocess.run(
        [*command, "--outdir", str(tmp_path / "pdf"), str(document)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "pdf" / "record-101.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stdout + result.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 2  # the record takes pages
