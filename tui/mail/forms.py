"""Where reminders learn which units still owe answers, and get the form each fills in:
the units' forms (tui.forms), or any other source with the same three calls (a test's)."""

from __future__ import annotations

from typing import Protocol

from tui import forms
from tui.dataclass_cache import dataclass
from tui.domain.model import Meeting, TrackedCase
from tui.storage.repository import Repository


class FormSource(Protocol):
    def missing(self, meeting: int) -> dict[str, list[int]]:
        """Unit → the numbers of its cases without an answer."""
        ...

    def units_with_open_cases(self, meeting: int) -> list[str]: ...

    def form(self, meeting: int, unit: str) -> tuple[str, bytes] | None:
        """The unit's form to fill in, as (file name, bytes); None: none to attach."""
        ...


def form_source(repo: Repository) -> FormSource:
    return UnitForms(repo)


def cases_by_unit(repo: Repository, meeting: Meeting) -> dict[str, list[TrackedCase]]:
    """The cases on meeting N's case report, by owner unit, in the report's order."""
    refs = [ref for item in meeting.items() for ref in item.cases]
    found: dict[str, list[TrackedCase]] = {}
    for case in repo.cases_of(refs):
        if case.owner:
            found.setdefault(case.owner, []).append(case)
    return found


@dataclass
class UnitForms:
    """The units' forms (agenda forms) and their answers (agenda collect)."""

    repo: Repository
    format: str = "docx"

    def missing(self, meeting: int) -> dict[str, list[int]]:
        return forms.missing(self.repo, meeting)

    def units_with_open_cases(self, meeting: int) -> list[str]:
        return forms.units_with_open_cases(self.repo, meeting)

    def form(self, meeting: int, unit: str) -> tuple[str, bytes] | None:
        return forms.unit_form(self.repo, meeting, unit, fmt=self.format)
