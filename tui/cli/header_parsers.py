"""The commands of a meeting's header and attendance, and of a draft deleted: their
arguments (the work is in header_commands, imported only when one of them runs)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.parser import a_change, meeting_number
from tui.i18n import _

if TYPE_CHECKING:
    from tui.cli.parser import Parser

    _Commands = argparse._SubParsersAction[Parser]

RECORDER_LABELS = ("紀錄", "記錄", "彙整")  # as tui.edits.header, without importing it


def add_header_commands(commands: _Commands) -> None:
    _add_edit(commands)
    _add_attend(commands)
    _add_delete(commands)
    _add_undo(commands)


def _add_edit(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "edit",
        help=_("change a meeting's date, time, place, chair or recorder"),
        description=_(
            "Change the header of meeting N. Dates as 110/7/22 or 2021-07-22; the chair as "
            "offices write a stand-in, such as 陳志銘(請假)王主秘(代). Prints what changed."
        ),
    )
    meeting_number(cmd)
    cmd.add_argument("--date", metavar="DATE", help=_("the date (ROC or ISO)"))
    cmd.add_argument("--time", metavar="HH:MM", help=_("the starting time, such as 14:30"))
    cmd.add_argument("--place", metavar="TEXT", help=_("地點"))
    cmd.add_argument("--chair", metavar="TEXT", help=_("主席, with a stand-in as written"))
    cmd.add_argument("--recorder", metavar="TEXT", help=_("who takes the record (紀錄)"))
    cmd.add_argument(
        "--recorder-label",
        choices=RECORDER_LABELS,
        help=_("what the record calls the recorder: 紀錄, 記錄 or 彙整"),
    )


def _add_attend(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "attend",
        help=_("who attends: 出席, 列席, 請假, 公假, 代理, late arrivals"),
        description=_(
            "Mark the attendance of meeting N; each option may be repeated. Without one, "
            "show the attendance as the record prints it (--json: as data)."
        ),
    )
    meeting_number(cmd)
    for option, metavar, meaning in (
        ("--present", "NAME", _("出席, by name")),
        ("--absent", "NAME[=請假|公假]", _("on leave (請假, the default) or 公假")),
        ("--proxy", "NAME=STAND-IN", _("STAND-IN attends for NAME (代理)")),
        ("--observer", "NAME", _("列席")),
        ("--late", "NAME=HH:MM", _("came late, at that time")),
        ("--remove", "NAME", _("off every line")),
    ):
        cmd.add_argument(option, action="append", default=[], metavar=metavar, help=meaning)
    present = cmd.add_mutually_exclusive_group()
    present.add_argument(
        "--as-signed",
        action="store_const",
        const=True,
        dest="as_signed",
        help=_("print 出席：如簽到表 (the sign-in sheet is attached)"),
    )
    present.add_argument(
        "--by-name",
        action="store_const",
        const=False,
        dest="as_signed",
        help=_("print 出席 as the names"),
    )
    cmd.add_argument("--json", action="store_true", help=_("the attendance as JSON"))


def _add_delete(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "delete",
        help=_("delete a draft agenda prepared by mistake (logged; agenda undo N)"),
        description=_(
            "Delete meeting N while it is a draft agenda (議程草案). Its log stays, and "
            "`agenda undo N` puts it back."
        ),
    )
    meeting_number(cmd)


def _add_undo(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "undo",
        help=_("undo a logged change of a meeting (the last one by default)"),
        description=_(
            "Undo change SEQ of meeting N as `agenda log N` numbers it (the last by "
            "default). The undo is logged too; undoing it again redoes the change."
        ),
    )
    meeting_number(cmd)
    cmd.add_argument("--change", type=a_change, metavar="SEQ", help=_("the change to undo"))
