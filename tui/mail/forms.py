"""Where reminders learn which units still owe answers, and get the form each fills in.

The forms themselves (issue 15 points 1–3, `tui.forms`) are built on another branch. Until
it is merged, `form_source` gives the FALLBACK below: every unit owning a case on meeting
N's case report owes every one of them, and no form is attached. At the merge, wire in
`UnitForms` in `form_source` (one line)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Protocol

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
    return CaseReportFallback(repo)  # at the merge of branch forms: UnitForms(repo)


def cases_by_unit(repo: Repository, meeting: Meeting) -> dict[str, list[TrackedCase]]:
    """The cases on meeting N's case report, by owner unit, in the report's order."""
    refs = [ref for item in meeting.items() for ref in item.cases]
    found: dict[str, list[TrackedCase]] = {}
    for case in repo.cases_of(refs):
        if case.owner:
            found.setdefault(case.owner, []).append(case)
    return found


@dataclass
class CaseReportFallback:
    """FALLBACK, until tui.forms is merged: answers are not tracked yet, so every case on
    the case report counts as missing, and there is no form to attach."""

    repo: Repository

    def missing(self, meeting: int) -> dict[str, list[int]]:
        found = self.repo.load_meeting(meeting)
        if found is None:
            return {}
        by_unit = cases_by_unit(self.repo, found)
        return {unit: [c.number for c in cases] for unit, cases in by_unit.items()}

    def units_with_open_cases(self, meeting: int) -> list[str]:
        return list(self.missing(meeting))

    def form(self, meeting: int, unit: str) -> tuple[str, bytes] | None:
        return None


@dataclass
class UnitForms:
    """The forms of branch `forms` (tui.forms), once it is merged."""

    repo: Repository
    format: str = "docx"

    def _forms(self) -> Any:
        return importlib.import_module("tui.forms")

    def missing(self, meeting: int) -> dict[str, list[int]]:
        found: dict[str, list[int]] = self._forms().missing(self.repo, meeting)
        return found

    def units_with_open_cases(self, meeting: int) -> list[str]:
        found: list[str] = self._forms().units_with_open_cases(self.repo, meeting)
        return found

    def form(self, meeting: int, unit: str) -> tuple[str, bytes] | None:
        name, data = self._forms().unit_form(self.repo, meeting, unit, fmt=self.format)
        return str(name), bytes(data)
