"""The office profile checked key by key: the parsed TOML read into a Profile, every
complaint naming the file, the line and the key (tui.profile reads the file)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from tui.domain.model import ItemKind
from tui.domain.profile import (
    Member,
    Profile,
    Schedule,
    StandingItem,
    StandingSection,
    Unit,
)
from tui.domain.profile_limits import DEFAULT_WARNING_DAYS, MOST_WARNING_DAYS, WIDEST_TEXT
from tui.domain.schedule import ScheduleError, check_rule
from tui.domain.text import has_controls
from tui.i18n import _
from tui.mail_profile import read_mail


class ProfileError(ValueError):
    """A profile that cannot be used; the message names the file, the line and the key."""


class ProfileReader:
    """Reads the parsed TOML into a Profile; every complaint names the key and its line."""

    def __init__(self, text: str, path: Path) -> None:
        self.lines = text.split("\n")
        self.path = path

    def fail(self, key: str, problem: str) -> ProfileError:
        return ProfileError(
            _("{path} line {line}: {key}: {problem}").format(
                path=self.path, line=self._line_of(key), key=key, problem=problem
            )
        )

    def _line_of(self, key: str) -> int:
        last = key.rsplit(".", 1)[-1].split("[")[0]
        pattern = re.compile(rf"^\s*(\[\[?)?\s*({re.escape(last)})\b")
        for number, line in enumerate(self.lines, start=1):
            if pattern.search(line) or re.search(rf"\b{re.escape(last)}\s*=", line):
                return number
        return 1

    def profile(self, data: dict[str, Any]) -> Profile:
        self._no_unknown(data, "", _TOP_KEYS)
        return Profile(
            organisation=self.text(data, "organisation", required=True),
            series=self.text(data, "series", required=True),
            units=self.units(data.get("units", [])),
            members=self.members(data.get("members", [])),
            place=self.text(data, "place"),
            chair=self.text(data, "chair"),
            recorder=self.text(data, "recorder"),
            schedule=self.schedule(data.get("schedule", {})),
            agenda=self.agenda(data.get("agenda", [])),
            text_width=self.number(data, "text_width", 70, low=20, high=WIDEST_TEXT),
            templates=self.templates(data),
            group=self.group(data),
            language=self.language(data),
            mail=read_mail(self, data.get("mail", {})),
        )

    def _no_unknown(self, data: dict[str, Any], where: str, known: set[str]) -> None:
        for key in data:
            if key not in known:
                known_keys = ", ".join(sorted(known))
                raise self.fail(
                    f"{where}{key}", _("unknown key (known: {keys})").format(keys=known_keys)
                )

    def text(
        self, data: dict[str, Any], key: str, *, required: bool = False, where: str = ""
    ) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            raise self.fail(
                where + key, _("must be a text in quotes, not {kind}").format(kind=_kind(value))
            )
        if required and not value.strip():
            raise self.fail(where + key, _("must not be empty"))
        if has_controls(value):
            raise self.fail(where + key, _("holds terminal control characters"))
        return value.strip()

    def number(self, data: dict[str, Any], key: str, default: int, *, low: int, high: int) -> int:
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise self.fail(
                key,
                _("must be a whole number from {low} to {high}, not {value!r}").format(
                    low=low, high=high, value=value
                ),
            )
        return value

    def units(self, value: Any) -> list[Unit]:
        if not isinstance(value, list):
            raise self.fail("units", _("must be a list of [[units]] tables or names"))
        return [self.unit(entry, i) for i, entry in enumerate(value)]

    def unit(self, entry: Any, index: int) -> Unit:
        if isinstance(entry, str):
            return Unit(entry.strip())
        if not isinstance(entry, dict):
            raise self.fail(
                f"units[{index}]",
                _("must be a table or a name, not {kind}").format(kind=_kind(entry)),
            )
        self._no_unknown(entry, f"units[{index}].", {"name", "reporter"})
        where = f"units[{index}]."
        return Unit(
            self.text(entry, "name", required=True, where=where),
            self.text(entry, "reporter", where=where),
        )

    def members(self, value: Any) -> list[Member]:
        if not isinstance(value, list):
            raise self.fail("members", _("must be a list of [[members]] tables or names"))
        return [self.member(entry, i) for i, entry in enumerate(value)]

    def member(self, entry: Any, index: int) -> Member:
        if isinstance(entry, str) and entry.strip():
            return Member(entry.strip())
        if not isinstance(entry, dict):
            raise self.fail(
                f"members[{index}]",
                _("must be a table or a name, not {kind}").format(kind=_kind(entry)),
            )
        where = f"members[{index}]."
        self._no_unknown(entry, where, {"name", "title", "unit"})
        return Member(
            self.text(entry, "name", required=True, where=where),
            self.text(entry, "title", where=where),
            self.text(entry, "unit", where=where),
        )

    def schedule(self, value: Any) -> Schedule:
        if not isinstance(value, dict):
            raise self.fail("schedule", _("must be a [schedule] table"))
        self._no_unknown(value, "schedule.", {"rule", "skip", "deadline_warning_days"})
        rule = self.text(value, "rule", where="schedule.")
        try:
            check_rule(rule)
        except ScheduleError as error:
            raise self.fail("schedule.rule", str(error)) from None
        return Schedule(
            rule=rule,
            skip=self.dates(value.get("skip", []), "schedule.skip"),
            deadline_warning_days=self.number(
                value, "deadline_warning_days", DEFAULT_WARNING_DAYS, low=0, high=MOST_WARNING_DAYS
            ),
        )

    def dates(self, value: Any, key: str) -> list[date]:
        if not isinstance(value, list):
            raise self.fail(key, _("must be a list of dates such as [2021-10-21]"))
        found: list[date] = []
        for entry in value:
            if isinstance(entry, date):
                found.append(entry)
                continue
            if isinstance(entry, str):
                from tui.domain.rocdate import DateError, parse_date

                try:
                    found.append(parse_date(entry))
                    continue
                except DateError as error:
                    raise self.fail(key, str(error)) from None
            raise self.fail(key, _("{value!r} is not a date").format(value=entry))
        return found

    def agenda(self, value: Any) -> list[StandingSection]:
        if not isinstance(value, list):
            raise self.fail("agenda", _("must be a list of [[agenda]] tables"))
        return [self.section(entry, i) for i, entry in enumerate(value)]

    def section(self, entry: Any, index: int) -> StandingSection:
        where = f"agenda[{index}]."
        if not isinstance(entry, dict):
            raise self.fail(f"agenda[{index}]", _("must be a table with a section"))
        self._no_unknown(entry, where, {"section", "kind", "items"})
        items = entry.get("items", [])
        if not isinstance(items, list):
            raise self.fail(where + "items", _("must be a list of { title = …, kind = … }"))
        return StandingSection(
            title=self.text(entry, "section", required=True, where=where),
            kind=self.kind(entry, where),
            items=[self.item(item, f"{where}items[{i}].") for i, item in enumerate(items)],
        )

    def item(self, entry: Any, where: str) -> StandingItem:
        if isinstance(entry, str):
            return StandingItem(entry)
        if not isinstance(entry, dict):
            raise self.fail(where.rstrip("."), _("must be { title = …, kind = … }"))
        self._no_unknown(entry, where, {"title", "kind"})
        return StandingItem(
            self.text(entry, "title", required=True, where=where), self.kind(entry, where)
        )

    def kind(self, entry: dict[str, Any], where: str) -> ItemKind:
        value = entry.get("kind", "")
        try:
            return ItemKind(value)
        except ValueError:
            known = ", ".join(k.value for k in ItemKind if k.value)
            raise self.fail(
                where + "kind",
                _("{value!r} is not one of {known}").format(value=value, known=known),
            ) from None

    def group(self, data: dict[str, Any]) -> str:
        import grp

        name = self.text(data, "group")
        if name:
            try:
                grp.getgrnam(name)
            except KeyError:
                raise self.fail(
                    "group", _("there is no group {group!r} on this machine").format(group=name)
                ) from None
        return name

    def language(self, data: dict[str, Any]) -> str:
        value = self.text(data, "language")
        if value and value not in LANGUAGES:
            raise self.fail(
                "language",
                _("{value!r} is not one of {known}").format(
                    value=value, known=", ".join(LANGUAGES)
                ),
            )
        return value

    def templates(self, data: dict[str, Any]) -> Path | None:
        folder = self.text(data, "templates")
        if not folder:
            return None
        try:
            path = (self.path.parent / folder).resolve()
            is_folder = path.is_dir()
        except (OSError, RuntimeError) as error:  # a name too long, a loop of links
            raise self.fail("templates", str(getattr(error, "strerror", None) or error)) from None
        if not is_folder:
            raise self.fail("templates", _("{path} is not a folder").format(path=path))
        return path


_TOP_KEYS = {
    "organisation",
    "series",
    "units",
    "members",
    "place",
    "chair",
    "recorder",
    "schedule",
    "agenda",
    "text_width",
    "templates",
    "group",
    "language",
    "mail",
}
LANGUAGES = ("zh-TW", "en")  # the languages the app and the commands speak (tui/locale)


def _kind(value: Any) -> str:
    kinds = {
        bool: "true/false",
        int: _("a number"),
        float: _("a number"),
        list: _("a list"),
        dict: _("a table"),
    }
    return kinds.get(type(value), type(value).__name__)
