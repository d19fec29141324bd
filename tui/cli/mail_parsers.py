"""The parsers of `agenda remind`, `agenda approve` and `agenda circulate`; their handlers
are in mail_commands, imported only when they run."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.parser import meeting_number
from tui.i18n import _

if TYPE_CHECKING:
    from tui.cli.parser import Parser

    _Commands = argparse._SubParsersAction[Parser]


def add_parsers(commands: _Commands) -> None:
    _add_remind(commands)
    _add_approve(commands)
    _add_circulate(commands)


def _add_remind(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "remind",
        help=_("mail each unit that still owes answers for meeting N its cases and form"),
        description=_(
            "One message per unit that still owes answers for meeting N (every unit with "
            "open cases, with --all): its cases, deadlines and flags, the reply date and its "
            "form. Written as .eml files into a folder (reminders-N unless -o), or with --send "
            "sent through the profile's [mail] server and logged (agenda log N)."
        ),
    )
    meeting_number(cmd)
    cmd.add_argument("--all", action="store_true", help=_("every unit with open cases"))
    cmd.add_argument("--reply-by", metavar="DATE", help=_("the reply date (ROC or ISO)"))
    _delivery(cmd, "reminders-N")


def _add_approve(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "approve",
        help=_("the chair approves record N (陳核/核定); later changes are logged corrections"),
        description=_(
            "Record N, finished (recorded), approved by the chair: who and when are "
            "logged. From then on the record changes only under a logged correction, as after "
            "confirmation; only an approved record is circulated. `agenda undo` takes it back."
        ),
    )
    meeting_number(cmd)
    cmd.add_argument("--by", default="", metavar="NAME", help=_("who approves (default: 主席)"))


def _add_circulate(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "circulate",
        help=_("mail the approved record N to the profile's distribution list"),
        description=_(
            "The approved record N to [mail] circulate_to: its text in the body, the "
            "ODT (or DOCX) attached, and a PDF where LibreOffice is installed. Written as an "
            ".eml file (into record-N-mail unless -o), or with --send sent and logged."
        ),
    )
    meeting_number(cmd)
    cmd.add_argument(
        "--format",
        choices=("odt", "docx"),
        default=None,
        help=_("the document attached (default: [mail] attach, else odt)"),
    )
    _delivery(cmd, "record-N-mail")


def _delivery(cmd: argparse.ArgumentParser, folder: str) -> None:
    cmd.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="DIR",
        help=_("the folder for the .eml files (default: {folder})").format(folder=folder),
    )
    cmd.add_argument(
        "--send", action="store_true", help=_("send through the profile's [mail] server")
    )
