"""`agenda forms` (each unit's form for a meeting), `agenda collect` (filled forms read back)
and `agenda cases --missing` (who still owes answers)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.parser import meeting_number
from tui.cli.session import Session, UsageError
from tui.i18n import _

if TYPE_CHECKING:
    from tui.cli.parser import Parser
    from tui.edits.answers import Differs
    from tui.forms.collect import Collected
    from tui.storage.repository import Repository

    _Commands = argparse._SubParsersAction[Parser]


def add_parsers(commands: _Commands) -> None:
    cmd = commands.add_parser(
        "forms",
        help=_("write each unit's form (填報表) for meeting N: its open cases to answer"),
        description=_(
            "One file per unit owning an open case on meeting N's agenda, named after the "
            "unit: its cases, each a row with empty cells for 辦理情形, 擬辦 and a new "
            "deadline, and room for its work report (業務工作報告). Read them back with "
            "`agenda collect`."
        ),
    )
    meeting_number(cmd)
    cmd.add_argument("--unit", metavar="UNIT", help=_("only this unit's form"))
    cmd.add_argument(
        "--format", choices=("docx", "odt"), default="docx", help=_("docx (default) or odt")
    )
    cmd.add_argument(
        "-o", "--output", type=Path, metavar="DIR", help=_("the folder (default: the current one)")
    )
    cmd = commands.add_parser(
        "collect",
        help=_("read filled forms back into their meeting, as each unit's answer"),
        description=_(
            "Each form's answers go into the meeting it was written for, logged as its "
            "unit's answer (undo with `agenda undo`). A slot already filled with other words "
            "is shown beside the answer and kept unless --replace. A file that is not a form "
            "of this database's meeting, or whose rows were changed, is named with the reason "
            "and changes nothing."
        ),
    )
    cmd.add_argument("files", nargs="+", type=Path, metavar="FILE", help=_("filled forms"))
    cmd.add_argument(
        "--replace", action="store_true", help=_("answers replace what the slots hold")
    )


def forms(args: argparse.Namespace, session: Session) -> int:
    from tui.forms.content import FormsError
    from tui.forms.writer import write_forms

    repo = session.repo()
    folder = args.output or Path.cwd()
    try:
        written = write_forms(
            repo, args.number, folder, [args.unit] if args.unit else None, args.format
        )
    except FormsError as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(
            _("{path}: cannot be written ({reason})").format(path=folder, reason=error.strerror)
        ) from None
    for path in written:
        print(path)
    return 0


def collect(args: argparse.Namespace, session: Session) -> int:
    from tui import secretary
    from tui.edits.errors import EditError
    from tui.forms.collect import collect as collect_one
    from tui.forms.identifier import FormError

    service = secretary.editor(session.repo(), session="collect")
    failed = 0
    for path in args.files:
        try:
            _print(collect_one(service, path, args.replace))
        except (FormError, EditError) as error:
            problem = _("{file}: {problem}").format(file=path, problem=error)
            print(_("agenda: error: {problem}").format(problem=problem), file=sys.stderr)
            failed += 1
    return 2 if failed else 0


def _print(found: Collected) -> None:
    head = _("{file}: {unit}, meeting {number}").format(
        file=found.file, unit=found.unit, number=found.meeting
    )
    print(head)
    for case, slots in found.filled.items():
        if case:
            print("  " + _("case {case}: {slots}").format(case=case, slots="、".join(slots)))
    if found.report:
        print("  " + _("work report (業務工作報告) filled"))
    for differs in found.differs:
        print("  " + _differs(differs))
        print("    " + _("now:    {text}").format(text=_one_line(differs.current)))
        print("    " + _("answer: {text}").format(text=_one_line(differs.answer)))
    if found.cases_changed_since:
        print("  " + _("note: the cases changed after this form was written"))
    if not found.changed:
        print("  " + _("nothing changed"))


def _differs(differs: Differs) -> str:
    if differs.case:
        return _("case {case} {slot}: kept as it is (--replace takes the answer)").format(
            case=differs.case, slot=differs.slot
        )
    return _("{slot}: kept as it is (--replace takes the answer)").format(slot=differs.slot)


def _one_line(text: str) -> str:
    return " / ".join(line for line in text.splitlines() if line.strip())


def missing(number: int, repo: Repository, as_json: bool = False) -> int:
    from tui.cli import output
    from tui.forms.content import FormsError, missing

    try:
        owed = missing(repo, number)
    except FormsError as error:
        raise UsageError(str(error)) from None
    if as_json:
        output.print_json({"meeting": number, "missing": owed})
        return 0
    if not owed:
        print(_("meeting {number}: every unit has answered").format(number=number))
        return 0
    print(_("meeting {number}: units still to answer").format(number=number))
    for unit, cases in owed.items():
        print(f"  {unit}：" + "、".join(str(n) for n in cases))
    return 0


COMMANDS = {"forms": forms, "collect": collect}
