"""Words the screens show for the model's values."""

from __future__ import annotations

from tui.domain.decisions import DECISION_WORDS, UNDECIDED_WORD
from tui.domain.lifecycle import STATUS_WORDS
from tui.domain.model import CaseDecision

STATUS = STATUS_WORDS

DECISION: dict[CaseDecision | None, str] = {None: UNDECIDED_WORD}
DECISION.update(DECISION_WORDS.items())
