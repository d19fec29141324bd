"""The commands of recording live: `motion`, `report`, `stamp` and `status` (their work is in
motion_commands and clock_commands)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.parser import a_place, meeting_number
from tui.domain.motions import MOTION_KINDS, REPORT_KINDS
from tui.i18n import N_, _

if TYPE_CHECKING:
    from tui.cli.parser import Parser

    _Commands = argparse._SubParsersAction[Parser]

_MOTION = N_("the motion as the record writes its place, such as 參、一 (or 3.1)")
_ITEM = N_("the item, such as 貳、四 (or 2.4)")


def add_live_commands(commands: _Commands) -> None:
    _add_motion(commands)
    _add_report(commands)
    _add_stamp(commands)
    _add_status(commands)


def _place(cmd: argparse.ArgumentParser, text: str = _MOTION) -> None:
    cmd.add_argument("place", metavar="PLACE", help=_(text))


def _subcommands(cmd: Parser, dest: str) -> _Commands:
    return cmd.add_subparsers(dest=dest, metavar="ACTION", required=True)


def _add_motion(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "motion",
        help=_("temporary motions (臨時動議): add, edit, move, remove, list"),
        description=_(
            "A meeting's temporary motions. A presenter may be written as the record "
            "writes it (總務組王組長口頭報告): the kind is taken from it. Conclude on a "
            "motion with `agenda conclude N 參、一 TEXT`."
        ),
    )
    actions = _subcommands(cmd, "action")
    add = actions.add_parser("add", help=_("add a motion; prints its place (參、一)"))
    meeting_number(add)
    add.add_argument("presenter", metavar="PRESENTER", help=_("who presents it (法制王視察)"))
    add.add_argument("text", metavar="TEXT", nargs="?", default="", help=_("what it says"))
    add.add_argument("--kind", metavar="KIND", default="", help=_kinds(MOTION_KINDS))
    edit = actions.add_parser("edit", help=_("change a motion's presenter, kind or words"))
    meeting_number(edit)
    _place(edit)
    edit.add_argument("--presenter", metavar="TEXT", help=_("who presents it"))
    edit.add_argument("--kind", metavar="KIND", help=_kinds(MOTION_KINDS))
    edit.add_argument("--text", metavar="TEXT", help=_("what it says"))
    move = actions.add_parser("move", help=_("move a motion among the motions"))
    meeting_number(move)
    _place(move)
    where = move.add_mutually_exclusive_group(required=True)
    where.add_argument("--up", action="store_true", help=_("one place up"))
    where.add_argument("--down", action="store_true", help=_("one place down"))
    where.add_argument("--to", type=a_place, metavar="K", help=_("to the K-th place (1: first)"))
    remove = actions.add_parser("remove", help=_("delete a motion (undo: the app's ctrl+z)"))
    meeting_number(remove)
    _place(remove)
    listing = actions.add_parser("list", help=_("the motions: place, presenter, kind, words"))
    meeting_number(listing)
    listing.add_argument("--json", action="store_true", help=_("as a JSON list"))


def _kinds(kinds: tuple[str, ...]) -> str:
    return _("how it is given: {kinds}").format(kinds=", ".join(kinds))


def _add_report(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "report",
        help=_("reports under an item (補充報告): add, edit, remove, list"),
        description=_(
            "The reports under an item. WHO is the report's number under the item (1, 2 …) "
            "or its speaker, or the start of it (機要組). TEXT may hold points, one a line, "
            "labelled (一) (二) … with 1. and (1) below; --point adds one more."
        ),
    )
    actions = _subcommands(cmd, "action")
    add = actions.add_parser("add", help=_("add a report under an item"))
    meeting_number(add)
    _place(add, _ITEM)
    add.add_argument("speaker", metavar="SPEAKER", help=_("who reports (國際事務組陳組長)"))
    add.add_argument("text", metavar="TEXT", nargs="?", default="", help=_("what was reported"))
    _text_options(add, with_text=False)
    edit = actions.add_parser("edit", help=_("rename its speaker, change its kind or its text"))
    meeting_number(edit)
    _place(edit, _ITEM)
    edit.add_argument("who", metavar="WHO", help=_("its number under the item, or its speaker"))
    edit.add_argument("--speaker", metavar="TEXT", help=_("the speaker's new name"))
    _text_options(edit, with_text=True)
    remove = actions.add_parser("remove", help=_("delete a report"))
    meeting_number(remove)
    _place(remove, _ITEM)
    remove.add_argument("who", metavar="WHO", help=_("its number under the item, or its speaker"))
    listing = actions.add_parser("list", help=_("the reports of every item, or of one"))
    meeting_number(listing)
    listing.add_argument("place", metavar="PLACE", nargs="?", help=_("only this item"))
    listing.add_argument("--json", action="store_true", help=_("as a JSON list"))


def _text_options(cmd: argparse.ArgumentParser, *, with_text: bool) -> None:
    cmd.add_argument("--kind", metavar="KIND", help=_kinds(REPORT_KINDS))
    if with_text:
        cmd.add_argument("--text", metavar="TEXT", help=_("what was reported (its points too)"))
    cmd.add_argument(
        "--point",
        action="append",
        metavar="TEXT",
        help=_("a point (一) (二) … after the text; repeat for several"),
    )


def _add_stamp(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "stamp",
        help=_("correct the start or the adjournment (散會) time"),
        description=_(
            "Correct the time the meeting started or adjourned (14:30, 下午2時30分); "
            "the status stays. To stamp 散會 in the first place: status N recorded --end."
        ),
    )
    meeting_number(cmd)
    cmd.add_argument("--start", metavar="TIME", help=_("when it started"))
    cmd.add_argument("--end", metavar="TIME", help=_("when it adjourned (散會)"))


def _add_status(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "status",
        help=_("move a meeting forward (in_session, recorded) or back (with --reason)"),
        description=_(
            "Move the record forward (draft → in_session → recorded), --end stamping 散會; "
            "or back to an earlier status with --reason, which the log keeps (back in "
            "session, the adjournment is taken back)."
        ),
    )
    meeting_number(cmd)
    cmd.add_argument("status", choices=("draft", "in_session", "recorded"))
    cmd.add_argument("--end", metavar="TIME", help=_("adjournment time (散會), such as 11:14"))
    cmd.add_argument("--reason", metavar="TEXT", help=_("why the record goes back"))
