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

    def __init__(
        self, data: dict[str, Any], deadline: date | None, is_open: bool, chosen: list[Any]
    ) -> None:
        self.number: int = data["number"]
        self.subject: str = data.get("subject", "")
        self.owner: str = data.get("owner", "")
        self.co_owners: list[str] = data.get("co_owners", [])
        self.kind: str = data.get("kind", "internal")
        self.deadline = deadline
        self.is_open = is_open
        newest = max(chosen, key=lambda e: e["meeting"], default=None)  # the first, if equal
        self.proposal: str | None = newest.get("proposal") if newest else None


def head_of(data: dict[str, Any]) -> CaseHead | None:
    """The case's head, or None when its data is not as the codec writes it."""
    events = data.get("history", [])
    if not (_plain_head(data) and type(events) is list):
        return None
    chosen = _chosen(events)
    if not all(_plain_event(event) for event in chosen):
        return None
    deadline = data.get("deadline")
    if deadline is not None:
        try:
            deadline = date.fromisoformat(deadline) if type(deadline) is str else None
        except ValueError:
            deadline = None
        if deadline is None:
            return None
    is_open = not any(_releases(e) for e in events)
    return CaseHead(data, deadline, is_open, chosen)


def proposal_of(head: CaseHead) -> str | None:
    return head.proposal


def _plain_head(data: dict[str, Any]) -> bool:
    co_owners = data.get("co_owners", [])
    return (
        type(data.get("number")) is int
        and type(data.get("subject", "")) is str
        and type(data.get("owner", "")) is str
        and type(co_owners) is list
        and all(type(unit) is str for unit in co_owners)
        and _kind(data.get("kind", "internal"))
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
