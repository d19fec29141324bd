"""A tracked case as far as the register's listing reads it, taken from its stored data
without the model: the filters and the plain listing read its number, kind, subject, owners
and deadline, whether it is open, and its newest 擬辦.

`head_of` takes only data as the codec writes it, each value checked as the model's reader
checks it (tui.domain.codec.from_data); for anything else it gives None, and the caller
builds the case with the model, which says what is wrong. Of the events it reads only those
the model's listing reads (tui.cli.case_listing): the newest release before the last event,
and the last.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tui.domain.register_rules import KIND_WORDS, PROPOSALS

_DECISIONS = frozenset(PROPOSALS.values())  # None and CaseDecision's values


class CaseHead:
    """The case's fields the register reads, and `proposal`: its newest event's 擬辦."""

    __slots__ = (
        "co_owners",
        "deadline",
        "is_open",
        "kind",
        "number",
        "owner",
        "proposal",
        "subject",
    )

    def __init__(self, row: list[Any]) -> None:
        """The head from its row, as row() gives it."""
        (self.number, self.subject, self.owner, self.co_owners, self.kind) = row[:5]
        deadline = row[5]
        self.deadline: date | None = None if deadline is None else date.fromisoformat(deadline)
        self.is_open: bool = row[6]
        self.proposal: str | None = row[7]

    def row(self) -> list[Any]:
        """The head as plain JSON: number, subject, owner, co-owners, kind, deadline (ISO),
        whether open, proposal; for the closed cases kept between listings."""
        deadline = self.deadline.isoformat() if self.deadline else None
        return [
            *(self.number, self.subject, self.owner, self.co_owners, self.kind),
            *(deadline, self.is_open, self.proposal),
        ]


def head_from_row(row: Any) -> CaseHead:
    """The head that CaseHead.row gave (tui.register_cache kept it); ValueError when `row`
    is not one it gives."""
    if not (type(row) is list and len(row) == 8 and _plain_row(row)):
        raise ValueError("not a case's head")
    return CaseHead(row)


def _plain_row(row: list[Any]) -> bool:
    number, subject, owner, co_owners, kind, deadline, is_open, proposal = row
    return (
        _plain_fields(number, subject, owner, co_owners, kind)
        and (deadline is None or type(deadline) is str)
        and type(is_open) is bool
        and _decision(proposal)
    )


def head_of(data: dict[str, Any]) -> CaseHead | None:
    """The case's head, or None when its data is not as the codec writes it."""
    events = data.get("history", [])
    if not (_plain_head(data) and type(events) is list):
        return None
    chosen = _chosen(events)
    if not all(_plain_event(event) for event in chosen):
        return None
    is_open = not any(_releases(e) for e in events)
    newest = max(chosen, key=lambda e: e["meeting"], default=None)  # the first, if equal
    proposal = newest.get("proposal") if newest else None
    head = [data["number"], data.get("subject", ""), data.get("owner", "")]
    head += [data.get("co_owners", []), data.get("kind", "internal")]
    try:
        return CaseHead([*head, data.get("deadline"), is_open, proposal])
    except (TypeError, ValueError):  # a deadline that is not a date's ISO text
        return None


def proposal_of(head: CaseHead) -> str | None:
    return head.proposal


def _plain_head(data: dict[str, Any]) -> bool:
    return _plain_fields(
        data.get("number"),
        data.get("subject", ""),
        data.get("owner", ""),
        data.get("co_owners", []),
        data.get("kind", "internal"),
    )


def _plain_fields(number: Any, subject: Any, owner: Any, co_owners: Any, kind: Any) -> bool:
    return (
        type(number) is int
        and type(subject) is str
        and type(owner) is str
        and type(co_owners) is list
        and all(type(unit) is str for unit in co_owners)
        and _kind(kind)
    )


def _kind(value: Any) -> bool:
    return type(value) is str and value in KIND_WORDS


def _chosen(events: list[Any]) -> list[Any]:
    """The newest release before the last event, if any, and the last."""
    released = next((e for e in reversed(events[:-1]) if _releases(e)), None)
    return ([released] if released else []) + events[-1:]


def _releases(event: Any) -> bool:
    return isinstance(event, dict) and event.get("decision") == "release"


def _plain_event(event: Any) -> bool:
    return (
        type(event) is dict
        and type(event.get("meeting")) is int
        and _decision(event.get("decision"))
        and _decision(event.get("proposal"))
    )


def _decision(value: Any) -> bool:
    return value is None or (type(value) is str and value in _DECISIONS)
