"""`agenda decide` and `agenda accept`: the chair's 決定 on tracked cases, each an operation
of the edit service (logged, undoable)."""

from __future__ import annotations

import argparse

from tui import secretary
from tui.cli.case_commands import day_option
from tui.cli.session import Session, UsageError
from tui.domain.cases import decision_words
from tui.domain.model import CaseDecision, CaseKind
from tui.edits import requests
from tui.edits.cases import WORDS
from tui.edits.errors import EditError
from tui.edits.operation import Operation
from tui.edits.rulings import AcceptProposal, AcceptProposals, Rule
from tui.i18n import _


def decide(args: argparse.Namespace, session: Session) -> int:
    decision = CaseDecision.RELEASE if args.release else CaseDecision.KEEP
    service = secretary.editor(session.repo())
    kind = CaseKind(args.kind)
    rule = _rule(args, decision)
    if rule is None or args.progress:
        requests.decide(service, args.number, args.case, decision, args.progress, kind)
    if rule is not None:
        service.apply(rule)
    found = service.repo.case(args.case, kind)
    event = found.decision_at(args.number) if found else None
    print(
        _("case {case}: {decision} at meeting {number}").format(
            case=args.case,
            decision=decision_words(event, with_words=False) or WORDS[decision],
            number=args.number,
        )
    )
    return 0


def _rule(args: argparse.Namespace, decision: CaseDecision) -> Rule | None:
    """The full ruling the options ask for; None for a plain release or keep."""
    reason = args.reason or ("merged" if args.into else "moved" if args.to else None)
    if decision is CaseDecision.KEEP and (reason or args.into or args.to):
        raise UsageError(_("--reason, --into and --to go with --release"))
    if decision is CaseDecision.RELEASE and args.deadline:
        raise UsageError(_("--deadline goes with --keep"))
    if args.into and args.to:
        raise UsageError(_("a case is merged (--into) or moved (--to), not both"))
    if (reason == "merged") != bool(args.into) or (reason == "moved") != bool(args.to):
        raise UsageError(_("--reason merged goes with --into CASE, --reason moved with --to"))
    if not (reason or args.deadline or args.words is not None):
        return None
    deadline = day_option(args.deadline, "--deadline").isoformat() if args.deadline else None
    return Rule(
        args.number,
        args.case,
        decision.value,
        args.kind,
        reason=reason,
        into=args.into,
        forum=args.to or "",
        deadline=deadline,
        words=args.words,
    )


def accept(args: argparse.Namespace, session: Session) -> int:
    repo = session.repo()
    service = secretary.editor(repo)
    ops: list[Operation] = []
    if args.case is not None:
        ops.append(AcceptProposal(args.number, args.case, args.kind))
    else:
        meeting = repo.load_meeting(args.number)
        if meeting is None:
            raise UsageError(_("no meeting {number}").format(number=args.number))
        ops.extend(AcceptProposals(args.number, i.id) for i in meeting.items() if i.cases)
    said, refused = [], []
    for op in ops:
        try:
            done = service.apply(op)
            said.append(done.summary if done.seq is not None else _("nothing changed"))
        except EditError as error:  # an item with no undecided proposal: the others go on
            refused.append(error)
    if refused and not said:
        raise refused[0]
    print("\n".join(said) or _("meeting {number} lists no cases").format(number=args.number))
    return 0


COMMANDS = {"decide": decide, "accept": accept}
