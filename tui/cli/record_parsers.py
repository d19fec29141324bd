"""The parsers of the commands that read or write a whole record: import, render, show;
their handlers are in commands and import_command, imported when they run."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.parser import a_path, meeting_number
from tui.i18n import _

if TYPE_CHECKING:
    from tui.cli.parser import Parser

    _Commands = argparse._SubParsersAction[Parser]


def add_import(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "import",
        help=_("store circulated records (Markdown or plain text), or a folder of them"),
        description=_(
            "Read circulated records (UTF-8, UTF-8 with BOM, Big5/CP950) and store "
            "them in meeting order; a folder is read with its subfolders. A file that cannot be "
            "imported is named on stderr and the others are stored all the same."
        ),
    )
    cmd.add_argument("files", nargs="+", type=a_path, metavar="FILE|FOLDER")
    cmd.add_argument("--replace", action="store_true", help=_("replace a meeting already stored"))
    cmd.add_argument(
        "--split", action="store_true", help=_("import each record of a file that holds several")
    )
    cmd.add_argument(
        "--date", metavar="DATE", help=_("the meeting's date when the record gives none")
    )
    cmd.add_argument("--json", action="store_true", help=_("a summary object as JSON"))


def add_render(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "render",
        help=_("write a meeting's record (or agenda) as Markdown, text, ODT, DOCX, PDF or HTML"),
        description=_(
            "Write a meeting's record, or its agenda, through the templates. ODT and "
            "DOCX are documents to edit: without -o they go down a pipe, or at a terminal into "
            "record-N.odt (agenda-N.docx …) in the current folder; a file there is kept and "
            "the next free name (record-N-2.odt) written, unless --force. -o FILE replaces FILE."
        ),
    )
    meeting_number(cmd)
    cmd.add_argument("--agenda", action="store_true", help=_("the agenda (議程), not the record"))
    cmd.add_argument(
        "--format",
        choices=("md", "txt", "odt", "docx", "pdf", "html"),
        default="md",
        help=_(
            "md (default), txt, odt (OpenDocument), docx (Word), pdf (through LibreOffice) "
            "or html (the record as a web page)"
        ),
    )
    cmd.add_argument("--width", type=int, default=None, help=_("text width in columns (txt)"))
    cmd.add_argument(
        "-o", "--output", type=a_path, metavar="FILE", help=_("write here, not stdout")
    )
    cmd.add_argument(
        "--force",
        action="store_true",
        help=_("at a terminal, replace record-N.odt if it is there (else record-N-2.odt …)"),
    )
    cmd.add_argument(
        "--sign-in",
        action="store_true",
        help=_("the sign-in sheet (簽到表) for the meeting: md, odt or docx"),
    )


def add_show(commands: _Commands) -> None:
    cmd = commands.add_parser("show", help=_("show a stored meeting"))
    meeting_number(cmd)
    cmd.add_argument("--json", action="store_true", help=_("the whole meeting as JSON"))
