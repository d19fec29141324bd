"""The app's forms: each unit's form for a meeting written into a folder under the working
directory (the notice names it), and the filled ones read back from there."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding

from tui.i18n import N_, _

if TYPE_CHECKING:
    from tui.storage.repository import Repository

# On the meetings list, for the highlighted meeting.
BINDINGS = [
    Binding(
        "F",
        "write_forms",
        N_("Forms"),
        id="meetings.forms",
        tooltip=N_("Write each unit's form (填報表) for the meeting into a folder"),
    ),
    Binding(
        "G",
        "collect_forms",
        N_("Collect forms"),
        id="meetings.collect_forms",
        show=False,
        tooltip=N_("Read the filled forms in the meeting's forms folder back into it"),
    ),
]


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


def collect_unit_forms(repo: Repository, number: int) -> tuple[str, bool]:
    """Every DOCX and ODT in the meeting's forms folder read back; what to tell the user."""
    from tui import secretary
    from tui.forms.collect import collect
    from tui.forms.identifier import FormError

    folder = forms_folder(number)
    files = sorted(p for p in folder.glob("*") if p.suffix.lower() in (".docx", ".odt"))
    if not files:
        return _("no forms in {folder}").format(folder=folder), True
    service = secretary.editor(repo, session="collect")
    changed, kept, refused = 0, 0, []
    for path in files:
        try:
            found = collect(service, path)
        except FormError as error:
            refused.append(_("{file}: {problem}").format(file=path.name, problem=error))
            continue
        changed += found.changed
        kept += len(found.differs)
    said = _("{changed} of {count} forms collected from {folder}").format(
        changed=changed, count=len(files), folder=folder
    )
    if kept:
        said += "\n" + _("{kept} slots kept as they were (agenda collect --replace)").format(
            kept=kept
        )
    return "\n".join([said, *refused]), bool(refused)
