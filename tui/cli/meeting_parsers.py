"""The parsers of the commands on one meeting's course: prepare, conclude, confirm and log;
their handlers are in meeting_commands, imported when they run."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.parser import a_meeting, meeting_number
from tui.i18n import _

if TYPE_CHECKING:
    from tui.cli.parser import Parser

    _Commands = argparse._SubParsersAction[Parser]


def add_prepare(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "prepare",
        help=_("create the next meeting's agenda from the last record"),
        description=_(
            "Create meeting N+1: its date by the series' rule, the standing items, "
            "and every open tracked case with a slot for its progress report."
        ),
    )
    cmd.add_argument(
        "--after", type=a_meeting, metavar="N", help=_("the meeting to follow (default: latest)")
    )
    cmd.add_argument(
        "--date", metavar="DATE", help=_("the date instead of the rule's (ROC or ISO)")
    )
    cmd.add_argument(
        "--force", action="store_true", help=_("prepare even if meeting N left cases undecided")
    )
    cmd.add_argument(
        "--number",
        type=a_meeting,
        metavar="N",
        help=_(
            "the first meeting's number, in a database with none stored (agenda init): "
            "default 1; a later number reads the last record by its number"
        ),
    )


def add_conclude(commands: _Commands) -> None:
    cmd = commands.add_parser("conclude", help=_("add a conclusion to an item, tracked or not"))
    meeting_number(cmd)
    cmd.add_argument(
        "place",
        metavar="PLACE",
        help=_(
            "the item as the record writes it, such as 貳、四 (or 2.4); "
            "貳 for a section that is itself an item"
        ),
    )
    cmd.add_argument("text", metavar="TEXT", help=_("the chair's conclusion"))
    cmd.add_argument("--track", action="store_true", help=_("make it a tracked case (列管)"))
    cmd.add_argument(
        "--owner", default="", metavar="UNIT", help=_("owner unit (default: from text)")
    )
    cmd.add_argument("--deadline", metavar="DATE", help=_("列管期限 (ROC or ISO)"))


def add_confirm(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "confirm",
        help=_("confirm record N as read at the next meeting (紀錄確定)"),
        description=_(
            "Record N read and confirmed at meeting N+1: 紀錄確定, or with corrections "
            "修正後確定. Each correction is made in record N and printed in N+1's 宣讀 item "
            "(修正之點：貳、一「old」修正為「new」). Records can be confirmed in any order."
        ),
    )
    cmd.add_argument("number", type=a_meeting, metavar="N", help=_("the record's meeting number"))
    cmd.add_argument(
        "--correction",
        action="append",
        default=[],
        metavar="WHERE=OLD=NEW",
        help=_(
            "a correction read out (修正後確定): the item (貳、一 or 2.1), the words the record "
            "has and the words meant, such as 貳、一=同意備查=准予備查; nothing after the last = "
            "deletes the words (「…」等字刪除); text without = is printed as it is given. "
            "Repeat for several"
        ),
    )


def add_log(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "log",
        help=_("every change made to a meeting: when, who, what"),
        description=_(
            "List the changes made to meeting N, from the app and from commands "
            "alike, oldest first: when (ROC date), who (the OS user) and what."
        ),
    )
    meeting_number(cmd)
    cmd.add_argument("--json", action="store_true", help=_("as a JSON list, times in ISO form"))
