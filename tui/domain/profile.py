"""The office profile as data: who meets, when, where, and the standing agenda."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui.dataclass_cache import dataclass, field
from tui.domain.model import ItemKind, Office
from tui.domain.profile_limits import DEFAULT_WARNING_DAYS


@dataclass
class Unit:
    """A 組室 and the title of who usually reports for it (組長, 主任)."""

    name: str
    reporter: str = ""


@dataclass
class Member:
    """Who is expected at every meeting: 出席 is filled with them, the sign-in sheet lists
    them with their unit and title."""

    name: str
    title: str = ""
    unit: str = ""


@dataclass
class StandingItem:
    """An item every meeting's agenda has under its section."""

    title: str
    kind: ItemKind = ItemKind.ORDINARY


@dataclass
class StandingSection:
    """A section of every agenda; with no items, the section is itself the item."""

    title: str
    kind: ItemKind = ItemKind.ORDINARY
    items: list[StandingItem] = field(default_factory=list)


@dataclass
class Schedule:
    """When the meetings are held, the dates skipped, and how early a deadline warns."""

    rule: str = ""  # RFC 5545 RRULE; empty: inferred from the last two meetings
    skip: list[date] = field(default_factory=list)
    deadline_warning_days: int = DEFAULT_WARNING_DAYS


@dataclass
class Mail:
    """The profile's [mail] section: the SMTP server, who sends, who receives. The password
    is never here: only the environment variable or the owner-only file that holds it."""

    host: str = ""
    port: int = 587
    starttls: bool = True
    sender: str = ""
    user: str = ""  # the login; none: the server is used without one
    password_env: str = ""
    password_file: Path | None = None
    units: dict[str, list[str]] = field(default_factory=dict)  # unit → its addresses
    circulate_to: list[str] = field(default_factory=list)  # the record's distribution list
    attach: str = "odt"  # the record circulated as odt or docx


@dataclass
class Profile:
    """The office as its profile gives it: names, units, members and the meetings' defaults."""

    organisation: str
    series: str
    units: list[Unit] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    place: str = ""
    chair: str = ""
    recorder: str = ""
    schedule: Schedule = field(default_factory=Schedule)
    agenda: list[StandingSection] = field(default_factory=list)
    text_width: int = 70
    templates: Path | None = None
    group: str = ""  # a Unix group that may read and write the database with its owner
    language: str = ""  # "zh-TW" or "en": the app's and the commands' language; "" the locale's
    mail: Mail = field(default_factory=Mail)

    @property
    def office(self) -> Office:
        return Office(self.organisation, self.series, self.unit_names)

    @property
    def unit_names(self) -> list[str]:
        return [unit.name for unit in self.units]
