"""`agenda init`: a database and its profile for an office with no record to import.

The parser is built here; the work is imported only when the command runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tui.cli.parser import Parser
from tui.i18n import _

if TYPE_CHECKING:
    from tui.cli.session import Session
    from tui.domain.profile import Member, Unit
    from tui.new_profile import Setup


def add_parser(commands: argparse._SubParsersAction[Parser]) -> None:
    cmd = commands.add_parser(
        "init",
        help=_("make a database and its profile for an office with no record to import"),
        description=_(
            "Make the database (--db) and its profile.toml from what is given: the office, the "
            "meeting's name, its units (組室) and members, when it meets and where. Then "
            "`agenda prepare --date DATE` makes its first meeting (meeting 1, or --number). "
            "At a terminal, without --organisation, it asks."
        ),
    )
    cmd.add_argument("--organisation", metavar="TEXT", help=_("the office (臺北市政府秘書處)"))
    cmd.add_argument("--series", metavar="TEXT", help=_("the meeting's name (處務會議)"))
    cmd.add_argument(
        "--unit",
        action="append",
        default=[],
        metavar="NAME[,REPORTER]",
        help=_("a unit (組室) in the order it reports, and who reports (default 組長); repeat"),
    )
    cmd.add_argument(
        "--member",
        action="append",
        default=[],
        metavar="NAME[,TITLE[,UNIT]]",
        help=_("who attends every meeting (出席), with title and unit; repeat"),
    )
    cmd.add_argument(
        "--rule",
        metavar="RRULE",
        default="",
        help=_("when it meets, an RFC 5545 rule: FREQ=MONTHLY;BYDAY=+3TH;BYHOUR=10;BYMINUTE=0"),
    )
    cmd.add_argument("--time", metavar="HH:MM", help=_("the time of day, if the rule has none"))
    cmd.add_argument("--place", metavar="TEXT", default="", help=_("where it meets (地點)"))
    cmd.add_argument("--chair", metavar="TEXT", default="", help=_("who chairs (主席)"))
    cmd.add_argument("--recorder", metavar="TEXT", default="", help=_("who records (紀錄)"))
    cmd.add_argument(
        "--language", choices=("zh-TW", "en"), default="", help=_("the app's language")
    )
    cmd.add_argument(
        "--force",
        action="store_true",
        help=_(
            "the database exists: write this profile over its profile (the old one is kept as "
            "profile.toml.bak; meetings and cases stay)"
        ),
    )


def init(args: argparse.Namespace, session: Session) -> int:
    from tui.cli.session import UsageError

    if args.organisation is None and sys.stdin.isatty() and sys.stdout.isatty():
        _ask(args)
    setup = _setup(args)
    db = session.db
    existing = _is_database(db)
    if existing and not args.force:
        raise UsageError(
            _("{db} is a database already; --force writes this profile over its profile").format(
                db=db
            )
        )
    _write(session, setup, existing)
    print(_("made {db}: {office}").format(db=db, office=setup.organisation + setup.series))
    if setup.units:
        print(_("  units: {units}").format(units="、".join(u.name for u in setup.units)))
    if setup.members:
        names = "、".join(m.name for m in setup.members)
        print(_("  members: {names}").format(names=names))
    print(_("next: agenda --db {db} prepare --date DATE").format(db=db))
    return 0


def _is_database(db: Path) -> bool:
    return db.is_dir() and any(db.iterdir())


def _write(session: Session, setup: Setup, existing: bool) -> None:
    from tui.new_profile import checked
    from tui.profile import ProfileError
    from tui.storage.layout import PROFILE_FILE

    path = session.db / PROFILE_FILE
    try:
        text, _profile = checked(setup, path)
    except ProfileError as error:
        from tui.cli.session import UsageError

        raise UsageError(str(error)) from None
    repo = session.repo(create=True)
    if existing and repo.profile_path.exists():
        old = repo.profile_path.read_bytes()
        repo.profile_path.with_name(PROFILE_FILE + ".bak").write_bytes(old)
    repo.write_profile(text)


def _setup(args: argparse.Namespace) -> Setup:
    from tui.domain.text import has_controls
    from tui.new_profile import Setup

    organisation, series = (args.organisation or "").strip(), (args.series or "").strip()
    given = [
        ("--organisation", organisation),
        ("--series", series),
        ("--place", args.place),
        ("--chair", args.chair),
        ("--recorder", args.recorder),
        *(("--unit", u) for u in args.unit),
        *(("--member", m) for m in args.member),
    ]
    for flag, value in given:
        if has_controls(value):
            _refuse(_("{flag}: holds terminal control characters").format(flag=flag))
        if flag in ("--organisation", "--series") and not value:
            needed = _("{flag} is needed: agenda init --organisation … --series …")
            _refuse(needed.format(flag=flag))
    return Setup(
        organisation=organisation,
        series=series,
        units=[_unit(text) for text in args.unit],
        members=[_member(text) for text in args.member],
        rule=_rule(args.rule.strip(), args.time),
        place=args.place.strip(),
        chair=args.chair.strip(),
        recorder=args.recorder.strip(),
        language=args.language,
    )


def _fields(text: str) -> list[str]:
    return [part.strip() for part in text.replace("，", ",").split(",")]


def _unit(text: str) -> Unit:
    from tui.domain.profile import Unit

    name, *rest = _fields(text)
    if not name:
        _refuse(_("--unit {text!r}: a unit needs a name").format(text=text))
    return Unit(name, rest[0] if rest and rest[0] else "組長")


def _member(text: str) -> Member:
    from tui.domain.profile import Member

    name, *rest = [*_fields(text), "", ""][:3] if text else ["", "", ""]
    if not name:
        _refuse(_("--member {text!r}: a member needs a name").format(text=text))
    return Member(name, rest[0], rest[1])


def _rule(rule: str, at: str | None) -> str:
    from tui.domain.rocdate import DateError, parse_time
    from tui.domain.schedule import ScheduleError, check_rule

    if at:
        try:
            clock = parse_time(at)
        except DateError as error:
            _refuse(f"--time: {error}")
        if rule and "BYHOUR=" not in rule.upper():
            rule = f"{rule};BYHOUR={clock.hour};BYMINUTE={clock.minute}"
    try:
        check_rule(rule)
    except ScheduleError as error:
        _refuse(_("--rule {rule}: {problem}").format(rule=rule, problem=error))
    return rule


def _refuse(problem: str) -> NoReturn:
    from tui.cli.session import UsageError

    raise UsageError(problem)


def _ask(args: argparse.Namespace) -> None:
    """The few things init needs, asked one line at a time (at a terminal, given no flags)."""
    args.organisation = input(_("Office (機關, such as 臺北市政府秘書處): ")).strip()
    args.series = args.series or input(_("Meeting (會議名稱, such as 處務會議): ")).strip()
    units = input(_("Units in reporting order, separated by 、 (組室): ")).strip()
    args.unit = args.unit or [u for u in units.replace("，", "、").split("、") if u.strip()]
    if not args.rule:
        args.rule = input(_("When it meets, as a rule (FREQ=MONTHLY;BYDAY=+3TH): ")).strip()
        args.time = args.time or input(_("At what time (10:00): ")).strip() or "10:00"


COMMANDS = {"init": init}
