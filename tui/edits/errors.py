"""Why an operation cannot be applied: a message, and a hint each front end words itself."""

from __future__ import annotations

import enum


class Hint(enum.StrEnum):
    """What the user can do about a refusal; the CLI names an option, the app a key."""

    NONE = ""
    REPLACE = "replace"  # the meeting is stored already: replace it
    DECIDE_FIRST = "decide_first"  # cases left undecided: decide them, or go on anyway
    UNTRACK_FIRST = "untrack_first"  # a tracked conclusion: withdraw the case first
    CORRECT_FIRST = "correct_first"  # a confirmed record: log a correction first
    DECIDE_INSTEAD = "decide_instead"  # the decision sentence follows the decisions
    GIVE_DATE = "give_date"  # no schedule rule: give a date


class EditError(ValueError):
    """An operation that cannot be applied as asked; the message says why."""

    def __init__(self, message: str, hint: Hint = Hint.NONE) -> None:
        super().__init__(message)
        self.hint = hint


class ConflictError(EditError):
    """An undo (or a change) that someone else's later change stands in the way of."""
