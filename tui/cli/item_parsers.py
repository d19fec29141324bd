"""The parsers of `agenda item …` and `agenda section …`: the agenda's structure of one
meeting (its handlers are in item_commands, imported only when they run)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.parser import meeting_number
from tui.i18n import _

if TYPE_CHECKING:
    from tui.cli.parser import Parser

    _Commands = argparse._SubParsersAction[Parser]

KINDS = ("report", "special", "proposal")
SECTION_KINDS = ("proposals", "motions")


def add_parsers(commands: _Commands) -> None:
    _add_item(commands)
    _add_section(commands)


def _place(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "place",
        metavar="PLACE",
        help=_("the item as the record writes it, such as 參、一 (or 3.1)"),
    )


def _section_arg(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "section",
        metavar="SECTION",
        help=_("a section's numeral (貳, or 2) or its title (討論事項)"),
    )


def _direction(cmd: argparse.ArgumentParser, to_help: str) -> None:
    way = cmd.add_mutually_exclusive_group(required=True)
    way.add_argument("--up", action="store_true", help=_("one place up"))
    way.add_argument("--down", action="store_true", help=_("one place down"))
    way.add_argument("--to", metavar="PLACE", default="", help=to_help)


def _add_item(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "item",
        help=_("add, rename, remove, move an agenda item of one meeting, or write its blocks"),
        description=_(
            "Change the items of one meeting's agenda. Items copied from the profile's "
            "standing agenda when the meeting was prepared are this meeting's own: changing "
            "them leaves the profile as it is. Every change is in `agenda log` and can be "
            "undone in the app."
        ),
    )
    actions = cmd.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help=_("add an item at the end of a section; prints its place (參、一)"),
        description=_(
            "Add an item at the end of SECTION and print its place (參、一). SECTION is a "
            "section's numeral (參) or title (討論事項); a missing 討論事項 section is made "
            "before 臨時動議. A proposal's TITLE is its 案由, and in 討論事項 an item is a "
            "proposal unless --kind says otherwise. A block's TEXT may hold points: each line "
            "starting with (一) or 一、 is a point, 1. a point under it, (1) one under that; "
            "on one line, (一)…(二)… is split into points too."
        ),
    )
    meeting_number(add)
    _section_arg(add)
    add.add_argument("title", metavar="TITLE", help=_("the item's title (a proposal: its 案由)"))
    add.add_argument(
        "--kind",
        choices=KINDS,
        default="",
        help=_("report (報告), special (專題報告) or proposal (提案: 案由/說明/擬辦, 決議)"),
    )
    add.add_argument(
        "--presenter",
        default="",
        metavar="TEXT",
        help=_("who presents it: a unit (總務組) or a person (資訊室王主任)"),
    )
    add.add_argument(
        "--block",
        action="append",
        default=[],
        metavar="LABEL=TEXT",
        help=_("a block such as 說明=… or 擬辦=…; repeat for several"),
    )
    rename = actions.add_parser("rename", help=_("an item's title for this meeting"))
    meeting_number(rename)
    _place(rename)
    rename.add_argument("title", metavar="TITLE", help=_("the new title (a proposal: its 案由)"))
    remove = actions.add_parser(
        "remove", help=_("delete an item (refused while it holds tracked cases)")
    )
    meeting_number(remove)
    _place(remove)
    move = actions.add_parser("move", help=_("move an item up, down or to another place"))
    meeting_number(move)
    _place(move)
    _direction(move, _("to this place (參、二), or to the end of a section (參, 討論事項)"))
    block = actions.add_parser(
        "block",
        help=_("write an item's block (案由, 說明, 擬辦 …); empty TEXT deletes it"),
        description=_(
            "Write the block LABEL of the item at PLACE, adding it if the item has none "
            "(案由, 說明, 辦法, 擬辦 in that order). TEXT may hold points as in `item add "
            "--block`; an empty TEXT deletes the block."
        ),
    )
    meeting_number(block)
    _place(block)
    block.add_argument("label", metavar="LABEL", help=_("案由, 說明, 擬辦 …"))
    block.add_argument("text", metavar="TEXT", help=_("the block's text, with its points"))
    _finish(cmd, actions)


def _add_section(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "section",
        help=_("add, rename, remove or move a section (壹、貳、參…) of one meeting"),
        description=_(
            "Change the sections of one meeting's agenda; the profile's standing agenda "
            "stays as it is. SECTION is a section's numeral (參, or 3) or its title."
        ),
    )
    actions = cmd.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help=_("add a section (before 臨時動議 unless --before says); prints its numeral")
    )
    meeting_number(add)
    add.add_argument("title", metavar="TITLE", help=_("its title, such as 專題報告"))
    add.add_argument(
        "--before", default="", metavar="SECTION", help=_("put it before this section")
    )
    add.add_argument(
        "--kind",
        choices=SECTION_KINDS,
        default="",
        help=_("proposals (討論事項) or motions (臨時動議); default: read from the title"),
    )
    rename = actions.add_parser("rename", help=_("a section's title for this meeting"))
    meeting_number(rename)
    _section_arg(rename)
    rename.add_argument("title", metavar="TITLE", help=_("the new title"))
    remove = actions.add_parser(
        "remove", help=_("delete a section and its items (refused while they hold tracked cases)")
    )
    meeting_number(remove)
    _section_arg(remove)
    move = actions.add_parser("move", help=_("move a section up, down or to another's place"))
    meeting_number(move)
    _section_arg(move)
    _direction(move, _("to the place of this section (its numeral or title)"))
    _finish(cmd, actions)


def _finish(cmd: argparse.ArgumentParser, actions: _Commands) -> None:
    """The actions' help as the commands' own: the exit statuses (they are Parsers, which
    speak argparse's words in ours)."""
    from tui.cli.command_line import EPILOG

    for action in actions.choices.values():
        action.epilog = _(EPILOG)
