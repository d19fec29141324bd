"""Tracked-case numbers and the sentence that releases (解除列管) or keeps (賡續列管) them."""

import functools
import re
from collections.abc import Iterable, Sequence

from tui.dataclass_cache import dataclass
from tui.domain.model import CaseDecision
from tui.domain.numerals import to_halfwidth

# What the office calls each decision on a tracked case, wherever one is shown or written.
DECISION_WORDS = {CaseDecision.RELEASE: "解除列管", CaseDecision.KEEP: "賡續列管"}
UNDECIDED_WORD = "未決定"

LAST_SEQUENCE = 99
# A run this long is compressed to "A 至 B"; shorter runs are listed.
SHORTEST_RANGE = 3
# No meeting tracks this many cases; a longer range is a misreading, not a decision.
LONGEST_RANGE = 10_000


def case_number(meeting: int, sequence: int) -> int:
    """Meeting 100, case 1 → 10001."""
    if meeting < 1:
        raise ValueError(f"meeting number {meeting} is not positive")
    if not 1 <= sequence <= LAST_SEQUENCE:
        raise ValueError(f"case sequence {sequence} is outside 1..{LAST_SEQUENCE}")
    return meeting * 100 + sequence


def split_case_number(number: int) -> tuple[int, int]:
    """10001 → (meeting 100, case 1)."""
    meeting, sequence = divmod(number, 100)
    if meeting < 1 or sequence == 0:
        raise ValueError(f"{number} is not a case number")
    return meeting, sequence


def is_case_number(number: int) -> bool:
    """Whether a number can be meeting × 100 + sequence: 10001 yes, 10000 no."""
    return number > 100 and number % 100 != 0


def runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive numbers grouped as (first, last), in order, each number once."""
    grouped: list[tuple[int, int]] = []
    for number in sorted(set(numbers)):
        if grouped and grouped[-1][1] == number - 1:
            grouped[-1] = (grouped[-1][0], number)
        else:
            grouped.append((number, number))
    return grouped


def join_list(parts: Sequence[str]) -> str:
    """A、B 及 C"""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{'、'.join(parts[:-1])} 及 {parts[-1]}"


def case_list(numbers: Iterable[int]) -> str:
    """10001 至 10007; 9805、9903 及 9904."""
    parts: list[str] = []
    for first, last in runs(numbers):
        if last - first + 1 >= SHORTEST_RANGE:
            parts.append(f"{first} 至 {last}")
        else:
            parts.extend(str(number) for number in range(first, last + 1))
    return join_list(parts)


def decision_sentence(released: Iterable[int], kept: Iterable[int]) -> str:
    """列管案號 10001 至 10007 均解除列管；列管案號 9805、9903 及 9904 賡續列管。"""
    released_cases, kept_cases = set(released), set(kept)
    if both := released_cases & kept_cases:
        raise ValueError(f"cases both released and kept: {case_list(both)}")
    clauses: list[str] = []
    if released_cases:
        each = "均" if len(released_cases) > 1 else ""
        released_word = DECISION_WORDS[CaseDecision.RELEASE]
        clauses.append(f"列管案號 {case_list(released_cases)} {each}{released_word}")
    if kept_cases:
        clauses.append(f"列管案號 {case_list(kept_cases)} {DECISION_WORDS[CaseDecision.KEEP]}")
    return f"{'；'.join(clauses)}。" if clauses else ""


@dataclass(frozen=True)
class Decisions:
    """The cases a meeting released and the cases it kept, each in order."""

    released: tuple[int, ...]
    kept: tuple[int, ...]


# Compiled when first used: a render or a listing reads no decision sentence.
@functools.cache
def _verdict() -> re.Pattern[str]:
    return re.compile(
        r"(?:均|皆|都)?\s*(?:同意)?\s*(?:予以|准予)?\s*"
        r"(?:(?P<kept>不予解除列管|不解除列管|不予解列|賡續列管|繼續列管|持續列管|續予列管)"
        r"|(?P<released>解除列管|解列))"
    )


_NUMBER = r"[0-9]{3,}"
_RANGE_MARK = r"\s*(?:至|到|~|〜|-|－)\s*"
_ENTRY = rf"(?P<first>{_NUMBER})(?:{_RANGE_MARK}(?P<last>{_NUMBER}))?"
_LIST_MARK = r"\s*(?:、|,|，|及|和|與|暨)\s*|\s+"
_PLAIN_ENTRY = _ENTRY.replace("?P<first>", "").replace("?P<last>", "")


# The cases a verdict applies to are the list right before it, up to the verdict itself.
@functools.cache
def _cases_before_verdict() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![0-9])(?P<cases>{_PLAIN_ENTRY}(?:(?:{_LIST_MARK}){_PLAIN_ENTRY})*)\s*(?:案|號)?\s*$"
    )


@functools.cache
def _entries() -> re.Pattern[str]:
    return re.compile(_ENTRY)


def parse_decision_sentence(text: str) -> Decisions | None:
    """The cases released and kept in a decision, as offices write it; None if it holds none."""
    plain = to_halfwidth(text)
    released: set[int] = set()
    kept: set[int] = set()
    start = 0
    for verdict in _verdict().finditer(plain):
        cases = _cases_before(plain[start : verdict.start()], text)
        (kept if verdict["kept"] else released).update(cases)
        start = verdict.end()
    if not released and not kept:
        return None
    return Decisions(tuple(sorted(released)), tuple(sorted(kept)))


def _cases_before(clause: str, text: str) -> list[int]:
    found = _cases_before_verdict().search(clause)
    if found is None:
        return []
    entries = list(_entries().finditer(found["cases"]))
    ends = [int(e[name]) for e in entries for name in ("first", "last") if e[name]]
    if not all(is_case_number(n) for n in ends):
        return []
    return [n for entry in entries for n in _expand(entry, text)]


def _expand(entry: re.Match[str], text: str) -> list[int]:
    first = int(entry["first"])
    last = int(entry["last"] or first)
    if last < first:
        raise ValueError(f'case range {first} to {last} runs backwards in "{text}"')
    if last - first >= LONGEST_RANGE:
        raise ValueError(f'case range {first} to {last} is too long in "{text}"')
    return [n for n in range(first, last + 1) if is_case_number(n)]
