"""The app's forms: each unit's form for a meeting written into a folder beside the working
directory, said in a notice naming the folder."""

from __future__ import annotations

from pathlib import Path

from tui.i18n import _
from tui.storage.repository import Repository


def forms_folder(number: int) -> Path:
    return Path.cwd() / f"第{number}次處務會議填報表"


def write_unit_forms(repo: Repository, number: int) -> tuple[str, bool]:
    """What to tell the user, and whether it went wrong."""
    from tui.forms.content import FormsError
    from tui.forms.writer import write_forms

    folder = forms_folder(number)
    try:
        written = write_forms(repo, number, folder)
    except FormsError as error:
        return str(error), True
    except OSError as error:
        return _("{path}: cannot be written ({reason})").format(
            path=folder, reason=error.strerror or error
        ), True
    return _("{count} forms for meeting {number} written to {folder}").format(
        count=len(written), number=number, folder=folder
    ), False
