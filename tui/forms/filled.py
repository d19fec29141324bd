"""A filled form as read from its file, before it is checked against the database."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tui.dataclass_cache import dataclass
from tui.domain.model import CaseDecision
from tui.domain.rocdate import DateError, parse_date
from tui.forms.identifier import MARK, PROPERTY


@dataclass(frozen=True)
class Filled:
    """What a unit wrote into its form: the identifier, the rows and its work report."""

    identifier: str  # the identifier's line ("" when the file has none)
    rows: list[list[str]]  # each row's cells, a cell's paragraphs joined by newlines
    report: str  # the 業務工作報告 as typed
    has_table: bool


def identifier_in(prop: str, lines: Iterable[str]) -> str:
    """The identifier: the document property, else the form's last small line."""
    if prop:
        return prop
    return next((line for line in lines if MARK in line or PROPERTY in line), "")


_MARKED = "☑☒■✔✓✅VvＶ●"
_WORDS = {CaseDecision.RELEASE: ("解除",), CaseDecision.KEEP: ("繼續", "賡續", "持續", "續予")}


class ProposalError(ValueError):
    pass


def read_proposal(text: str) -> CaseDecision | None:
    """建議解除列管 / 建議繼續列管 as typed (or the one marked ☑ when both are there)."""
    plain = "".join(text.split())
    if not plain:
        return None
    found = [kind for kind, words in _WORDS.items() if any(w in plain for w in words)]
    if len(found) == 1:
        return found[0]
    if len(found) == 2:
        marked = [k for k in found if _marked(plain, _WORDS[k])]
        if len(marked) == 1:
            return marked[0]
    raise ProposalError(plain)


def _marked(plain: str, words: tuple[str, ...]) -> bool:
    for word in words:
        at = plain.find(word)
        if at >= 0 and re.search(f"[{_MARKED}]建議?$", plain[max(0, at - 4) : at]):
            return True
    return False


def read_deadline(text: str) -> str:
    """A proposed deadline as ISO, "" when none is typed; DateError when it is no date."""
    plain = text.strip()
    if not plain:
        return ""
    return parse_date(plain).isoformat()


__all__ = ["DateError", "Filled", "ProposalError", "identifier_in", "read_deadline"]
