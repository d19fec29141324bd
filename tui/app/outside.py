"""A long text opened in the user's own editor ($VISUAL, else $EDITOR, else vi), the app
suspended meanwhile, as Posting does: the text goes out in a private temporary file and
comes back as it was saved."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from textual.app import App, SuspendNotSupported

from tui.i18n import _


class OutsideEditorError(Exception):
    """The editor could not be run, or what it saved could not be read."""


def editor_command() -> list[str]:
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        return shlex.split(command) or ["vi"]
    except ValueError:
        return [command]


def edit_outside(app: App[object], text: str) -> str | None:
    """The text as the user saved it in their editor; None where the app cannot lend its
    terminal (in a browser)."""
    command = editor_command()
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", prefix="agenda-", suffix=".txt", delete=False
    ) as file:  # created readable by its owner only
        file.write(text + "\n")
    path = Path(file.name)
    try:
        with app.suspend():
            subprocess.run([*command, str(path)], check=False)
        return path.read_text("utf-8").rstrip("\n")
    except SuspendNotSupported:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise OutsideEditorError(
            _("The editor {editor} did not run: {problem}").format(
                editor=command[0], problem=getattr(error, "strerror", None) or error
            )
        ) from None
    finally:
        path.unlink(missing_ok=True)
