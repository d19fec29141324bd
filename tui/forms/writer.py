"""A unit's form for a meeting as a file: its name (holding the unit's name) and bytes."""

from __future__ import annotations

from pathlib import Path

from tui.forms.content import FormsError, form_of, units_with_open_cases
from tui.i18n import _
from tui.storage.repository import Repository

FORMATS = ("docx", "odt")


def unit_form(repo: Repository, meeting: int, unit: str, fmt: str = "docx") -> tuple[str, bytes]:
    """The file name and bytes of `unit`'s form for meeting N."""
    if fmt not in FORMATS:
        raise FormsError(_("a form is written as docx or odt, not {format}").format(format=fmt))
    form = form_of(repo, meeting, unit)
    if fmt == "odt":
        from tui.forms import odt_form

        return f"{form.file_stem}.odt", odt_form.write(form)
    from tui.forms import docx_form

    return f"{form.file_stem}.docx", docx_form.write(form)


def write_forms(
    repo: Repository, meeting: int, folder: Path, units: list[str] | None = None, fmt: str = "docx"
) -> list[Path]:
    """Each unit's form written into `folder` (made if need be); the files written."""
    wanted = units if units is not None else units_with_open_cases(repo, meeting)
    if not wanted:
        raise FormsError(
            _("no unit owns an open case on meeting {number}'s agenda").format(number=meeting)
        )
    forms = [unit_form(repo, meeting, unit, fmt) for unit in wanted]
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in forms:
        path = folder / name
        path.write_bytes(data)
        written.append(path)
    return written
