"""The parsers of `agenda cases` (the register), `agenda case` (a tracked case's details) and
`agenda propose` (the owner unit's 擬辦); their handlers are in case_listing and
case_commands, imported only when they run."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.parser import a_case, a_meeting, whole_number
from tui.i18n import _

if TYPE_CHECKING:
    from tui.cli.parser import Parser

    _Commands = argparse._SubParsersAction[Parser]

KINDS = ("internal", "mayor", "council")
STATUSES = ("open", "closed", "all")  # as tui.domain.register has them
PROPOSALS = ("release", "keep", "none")


def add_parsers(commands: _Commands) -> None:
    _add_case(commands)
    _add_propose(commands)


def meeting_and_case(cmd: argparse.ArgumentParser, meeting: str) -> None:
    cmd.add_argument("number", type=a_meeting, metavar="N", help=meeting)
    cmd.add_argument("case", type=a_case, metavar="CASE", help=_("the case number"))


def release_or_keep(cmd: argparse.ArgumentParser, release: str, keep: str) -> None:
    """--release or --keep, one of them: a decision, or the unit's proposal."""
    choice = cmd.add_mutually_exclusive_group(required=True)
    choice.add_argument("--release", action="store_true", help=release)
    choice.add_argument("--keep", action="store_true", help=keep)


def kind_option(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--kind",
        choices=KINDS,
        default="internal",
        help=_("who tracks the case (default: internal)"),
    )


def _add_case(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "case",
        help=_("set a tracked case's subject, owner, co-owners or deadline"),
        description=_(
            "Change a tracked case's details without withdrawing it: its number stays. Each "
            "change is logged (who, when, what) in the log of the newest meeting whose case "
            "report lists the case, else of the meeting that opened it, and can be undone "
            "there (`agenda log`, `agenda undo`). A new deadline needs its reason; every "
            "change of deadline stays in the case's history (`agenda cases --history`)."
        ),
    )
    cmd.add_argument("case", type=a_case, metavar="NUMBER", help=_("the case number"))
    cmd.add_argument("--subject", metavar="TEXT", help=_("the case's subject (案由)"))
    cmd.add_argument("--owner", metavar="UNIT", help=_("the owner unit (主辦單位)"))
    cmd.add_argument(
        "--co-owner",
        action="append",
        metavar="UNIT",
        dest="co_owners",
        help=_("a co-owner unit (協辦單位); repeat for each; an empty one clears them"),
    )
    cmd.add_argument(
        "--deadline",
        metavar="DATE",
        help=_("the new deadline (列管期限), such as 110/7/31; needs --reason"),
    )
    cmd.add_argument("--reason", metavar="TEXT", help=_("why the deadline changes"))
    kind_option(cmd)
    cmd.add_argument(
        "--new-kind",
        choices=KINDS,
        help=_("who tracks the case in truth: internal (本處), mayor (市長室), council (議會)"),
    )
    cmd.add_argument(
        "--new-number",
        type=whole_number,
        metavar="NUMBER",
        help=_("the number the outside body gives the case (with --new-kind)"),
    )


def _add_propose(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "propose",
        help=_("the owner unit's proposal (擬辦) on a tracked case for a meeting"),
        description=_(
            "Record what the owner unit proposes for a case at meeting N — release (建議解除"
            "列管) or keep (建議繼續列管) — with its progress and a new deadline it asks for. "
            "The chair's decision stays `agenda decide`."
        ),
    )
    meeting_and_case(cmd, _("the meeting"))
    release_or_keep(cmd, _("建議解除列管"), _("建議繼續列管"))
    cmd.add_argument("--progress", metavar="TEXT", help=_("辦理情形 reported"))
    cmd.add_argument(
        "--deadline", metavar="DATE", help=_("a new deadline the unit asks for, such as 110/9/30")
    )
    kind_option(cmd)


def add_cases(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "cases",
        help=_("list tracked cases (列管案件)"),
        description=_(
            "The tracked cases, filtered, with their deadlines flagged 逾期 (past) or 將屆 (due "
            "within the profile's deadline_warning_days). Deadlines are compared with the "
            "date of the next meeting (the newest draft or meeting in session) when there is "
            "one, else with today; the output says which."
        ),
    )
    cmd.add_argument(
        "--status",
        choices=STATUSES,
        help=_("open cases, released ones, or all (default: all)"),
    )
    cmd.add_argument(
        "--open",
        action="store_const",
        const="open",
        dest="status",
        help=_("only cases still tracked (as --status open)"),
    )
    cmd.add_argument(
        "--unit", metavar="UNIT", help=_("only cases this unit (組室) owns or co-owns (主辦或協辦)")
    )
    cmd.add_argument(
        "--due-before",
        metavar="DATE",
        help=_("only cases whose deadline is on or before DATE (115/12/31 or ISO)"),
    )
    cmd.add_argument(
        "--proposal",
        choices=PROPOSALS,
        help=_("only cases whose owner proposed this (擬辦) at their newest meeting"),
    )
    cmd.add_argument(
        "--overdue", action="store_true", help=_("only open cases past their deadline")
    )
    cmd.add_argument(
        "--summary",
        action="store_true",
        help=_("per owner unit: open cases, overdue, due within the warning days"),
    )
    cmd.add_argument(
        "--history", type=a_case, metavar="NUMBER", help=_("one case, meeting by meeting")
    )
    cmd.add_argument(
        "--missing",
        type=whole_number,
        metavar="N",
        help=_("the units and cases still without an answer (辦理情形) for meeting N"),
    )
    cmd.add_argument(
        "--json",
        action="store_true",
        help=_("as JSON: a list of cases; with --summary, the counts"),
    )
