"""The 列管 table of a Markdown record we printed, read back: what each case's owner
reported and proposed at the meeting (the decisions are read from the decision sentence)."""

from __future__ import annotations

import re
from datetime import date

from tui.dataclass_cache import dataclass
from tui.domain.case_table import COLUMNS
from tui.domain.cases import PROPOSAL_WORDS
from tui.domain.model import TrackedCase
from tui.domain.rocdate import DateError, parse_date

TABLE_ROW = re.compile(r"^\|.*\|$")
_CELL_BORDER = re.compile(r"(?<!\\)\|")
_RULE = re.compile(r"^:?-{3,}:?$")
_NUMBER = re.compile(r"^([0-9]{3,6})")
_PROPOSED_DEADLINE = re.compile(r"（期限 ([^）]+)）")
_KEYS = {heading: key for key, heading in COLUMNS}
_PROPOSALS = {word: decision for decision, word in PROPOSAL_WORDS.items()}


@dataclass(frozen=True)
class Answer:
    """One row: the owner's 辦理情形 and 擬辦."""

    progress: str
    proposal: str


def table_answers(text: str) -> dict[int, Answer]:
    """Each case number in the record's tables with what its row says."""
    answers: dict[int, Answer] = {}
    keys: list[str] | None = None
    for line in (raw.strip() for raw in text.split("\n")):
        if not TABLE_ROW.match(line):
            keys = None
            continue
        cells = _cells(line)
        if keys is None:
            keys = [_KEYS.get(cell, "") for cell in cells]
        elif not all(_RULE.match(cell) for cell in cells):
            row = dict(zip(keys, cells, strict=False))
            found = _NUMBER.match(row.get("number", ""))
            if found:
                answers[int(found[1])] = Answer(row.get("progress", ""), row.get("proposal", ""))
    return answers


def fill_answers(cases: list[TrackedCase], meeting: int, answers: dict[int, Answer]) -> None:
    """Give each case's event at `meeting` the progress and proposal its row says."""
    for case in cases:
        answer = answers.get(case.number)
        event = case.decision_at(meeting)
        if answer is None or event is None:
            continue
        event.progress = answer.progress
        event.proposal = _PROPOSALS.get(_PROPOSED_DEADLINE.sub("", answer.proposal))
        event.proposed_deadline = _proposed_deadline(answer.proposal)


def _cells(line: str) -> list[str]:
    inner = line[1:-1]
    return [_unescaped(cell.strip()) for cell in _CELL_BORDER.split(inner)]


def _unescaped(cell: str) -> str:
    return cell.replace("\\|", "|").replace("<br>", "\n")


def _proposed_deadline(text: str) -> date | None:
    found = _PROPOSED_DEADLINE.search(text)
    if found is None:
        return None
    try:
        return parse_date(found[1])
    except DateError:
        return None
