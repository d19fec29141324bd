"""PDF through LibreOffice, headless: the ODT the templates write, converted as it is. Where
LibreOffice is not installed, one line names the package to install."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tui.i18n import _
from tui.render.formats import RenderError

SECONDS = 120.0
PACKAGE = "libreoffice-writer"


class NoLibreOffice(RenderError):
    """PDF asked for where LibreOffice is not installed."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def has_pdf() -> bool:
    return soffice() is not None


def pdf_of(odt: bytes) -> bytes:
    program = soffice()
    if program is None:
        raise NoLibreOffice(
            _("PDF is made by LibreOffice, which is not installed: install {package}").format(
                package=PACKAGE
            )
        )
    with tempfile.TemporaryDirectory(prefix="agenda-pdf-") as folder:
        work = Path(folder)
        source = work / "record.odt"
        source.write_bytes(odt)
        # A profile of its own: a LibreOffice the user has open does not take the job.
        profile = (work / "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise RenderError(
                _("LibreOffice did not make the PDF ({reason})").format(reason=error)
            ) from None
        made = work / "record.pdf"
        if not made.is_file():
            raise RenderError(_("LibreOffice did not make the PDF"))
        return made.read_bytes()
