"""Words the screens show for the model's values."""

from __future__ import annotations

from tui.domain.decisions import DECISION_WORDS, UNDECIDED_WORD
from tui.domain.lifecycle import STATUS_WORDS
from tui.domain.limits import MOST_ENTRIES
from tui.domain.model import CaseDecision
from tui.domain.numerals import Ladder, label

STATUS = STATUS_WORDS

DECISION: dict[CaseDecision | None, str] = {None: UNDECIDED_WORD}
DECISION.update(DECISION_WORDS.items())


def safe_label(rung: Ladder, n: int) -> str:
    """An entry's label; past what the rung numbers (a list stored before the limit), n."""
    return label(rung, n) if n <= MOST_ENTRIES else f"({n})"
