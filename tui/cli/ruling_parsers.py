"""The parsers of `agenda decide` (the chair's 決定 on a case, with its reason, a new deadline,
the chair's words) and `agenda accept` (the owner units' 擬辦 agreed); their handlers are in
ruling_commands, imported only when they run."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.case_parsers import kind_option, meeting_and_case, release_or_keep
from tui.cli.parser import a_case, a_meeting
from tui.i18n import _

if TYPE_CHECKING:
    from tui.cli.parser import Parser

    _Commands = argparse._SubParsersAction[Parser]

REASONS = ("done", "merged", "moved", "withdrawn")


def add_parsers(commands: _Commands) -> None:
    _add_decide(commands)
    _add_accept(commands)


def _add_decide(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "decide",
        help=_("release (解除列管) or keep (賡續列管) a tracked case"),
        description=_(
            "The chair's decision on a case at meeting N. A release may say why: done (辦結), "
            "merged into another case (併案, --into), moved to another forum (移列, --to) or "
            "withdrawn (撤銷). A kept case may get a new deadline (kept in its deadline "
            "changes) and the chair's instruction (--words). Deciding again replaces it."
        ),
    )
    meeting_and_case(cmd, _("the meeting deciding"))
    release_or_keep(cmd, _("解除列管"), _("賡續列管"))
    cmd.add_argument("--progress", default="", metavar="TEXT", help=_("辦理情形 reported"))
    cmd.add_argument("--reason", choices=REASONS, help=_("why it is released (with --release)"))
    cmd.add_argument(
        "--into", type=a_case, metavar="CASE", help=_("the case it is merged into (併案)")
    )
    cmd.add_argument("--to", metavar="FORUM", help=_("the forum it is moved to (移列)"))
    cmd.add_argument(
        "--deadline", metavar="DATE", help=_("a new deadline (with --keep), such as 116/3/31")
    )
    cmd.add_argument("--words", metavar="TEXT", help=_("the chair's instruction on the case"))
    kind_option(cmd)


def _add_accept(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "accept",
        help=_("decide cases as their owner units proposed (擬辦)"),
        description=_(
            "The chair agrees with the owner unit's proposal: 建議解除列管 releases the case "
            "(辦結), 建議繼續列管 keeps it, with the deadline the unit asked for. Without CASE, "
            "every case of meeting N that has a proposal and no decision yet."
        ),
    )
    cmd.add_argument("number", type=a_meeting, metavar="N", help=_("the meeting deciding"))
    cmd.add_argument("case", type=a_case, nargs="?", metavar="CASE", help=_("the case number"))
    kind_option(cmd)
