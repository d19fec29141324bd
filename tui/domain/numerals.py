"""Chinese numerals and the labels of the numbering ladder 壹、→ 一、→ (一) → 1. → (1)."""

import enum
import functools
import re
from typing import NamedTuple

from tui.i18n import _

COMMON_DIGITS = "零一二三四五六七八九"
FORMAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
COMMON_UNITS = "千百十"
FORMAL_UNITS = "仟佰拾"
YEAR_DIGITS = "○一二三四五六七八九"
LARGEST = 9999

_POWERS = (1000, 100, 10, 1)

_DIGIT_VALUES: dict[str, int] = {
    **{ch: value for value, ch in enumerate(COMMON_DIGITS)},
    **{ch: value for value, ch in enumerate(FORMAL_DIGITS)},
    **{ch: value for value, ch in enumerate(YEAR_DIGITS)},
    "〇": 0,
    "兩": 2,
    "两": 2,
    "貮": 2,
    "叁": 3,
}
_UNIT_VALUES: dict[str, int] = {
    **dict(zip(COMMON_UNITS, _POWERS, strict=False)),
    **dict(zip(FORMAL_UNITS, _POWERS, strict=False)),
}
# 兩 is left out: "兩、三天" is a phrase, never a label.
_COMMON_CHARS = frozenset(COMMON_DIGITS + COMMON_UNITS + "〇○")
_FORMAL_CHARS = frozenset(FORMAL_DIGITS + FORMAL_UNITS + "貮叁")
_NUMERAL_CHARS = "".join(sorted(_DIGIT_VALUES.keys() | _UNIT_VALUES.keys()))


# The patterns are compiled when first used: writing numerals reads none.
@functools.cache
def _arabic() -> re.Pattern[str]:
    return re.compile(r"[0-9０-９]+")


_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


class NumeralError(ValueError):
    """Text that was expected to be a number is not one."""


def to_halfwidth(text: str) -> str:
    """Full-width ASCII (１２：（）) as plain ASCII, the ideographic space as a space."""
    return text.translate(_FULL_WIDTH)


def chinese(n: int) -> str:
    """一, 十, 十一, 二十, 一百零一, 一百一十, 一千."""
    return _positional(n, COMMON_DIGITS, COMMON_UNITS)


def formal(n: int) -> str:
    """拾, 拾壹, 貳拾, 壹佰零壹: the form that numbers the sections of a record."""
    return _positional(n, FORMAL_DIGITS, FORMAL_UNITS)


def digits(n: int) -> str:
    """Digit by digit, as ROC years are written: 110 → 一一○."""
    if n < 0:
        raise ValueError(f"{n} has no digit-by-digit form")
    return "".join(YEAR_DIGITS[int(digit)] for digit in str(n))


def _positional(n: int, digit_chars: str, unit_chars: str) -> str:
    if not 1 <= n <= LARGEST:
        raise ValueError(f"{n} is outside 1..{LARGEST}")
    parts: list[str] = []
    zero_pending = False
    for power, unit in zip(_POWERS, (*unit_chars, ""), strict=True):
        digit = n // power % 10
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append(digit_chars[0])
            zero_pending = False
        parts.append(digit_chars[digit] + unit)
    text = "".join(parts)
    # 十一, not 一十一: the leading one of the teens is not written.
    return text[1:] if 10 <= n <= 19 else text


def parse_number(text: str) -> int:
    """Read ASCII, full-width, common, formal or digit-by-digit numerals."""
    value = _read_number(text.strip())
    if value is None:
        raise NumeralError(_('"{text}" is not a number').format(text=text))
    return value


def _read_number(text: str) -> int | None:
    if _arabic().fullmatch(text):
        return int(text)
    if _is_digitwise(text):
        return _read_digitwise(text)
    return _read_positional(text)


def _is_digitwise(text: str) -> bool:
    return bool(text) and all(ch in _DIGIT_VALUES for ch in text)


def _read_digitwise(text: str) -> int:
    return int("".join(str(_DIGIT_VALUES[ch]) for ch in text))


def _read_positional(text: str) -> int | None:
    total, digit, last_unit, after_zero = 0, None, LARGEST + 1, False
    for ch in text:
        if ch in _UNIT_VALUES:
            unit = _UNIT_VALUES[ch]
            # Only 十 may stand without its digit, and only first or after a zero (十一, 一百零十).
            bare_ten = digit is None and unit == 10 and (total == 0 or after_zero)
            if unit >= last_unit or (digit is None and not bare_ten):
                return None
            total += (digit or 1) * unit
            digit, last_unit, after_zero = None, unit, False
        elif _DIGIT_VALUES.get(ch) == 0:
            if digit is not None or total == 0:
                return None
            after_zero = True
        elif ch in _DIGIT_VALUES:
            if digit is not None:
                return None
            digit = _DIGIT_VALUES[ch]
        else:
            return None
    return _close_positional(total, digit, last_unit, after_zero)


def _close_positional(
    total: int, digit: int | None, last_unit: int, after_zero: bool
) -> int | None:
    if digit is None:
        return None if after_zero or total == 0 else total
    # 一百一 is ambiguous (101 or 110), so a trailing digit must sit right after 十 or 零.
    if last_unit in (10, LARGEST + 1) or after_zero:
        return total + digit
    return None


class Ladder(enum.Enum):
    """The rungs of the numbering ladder, outermost first."""

    SECTION = "壹、"
    ITEM = "一、"
    SUBITEM = "(一)"
    POINT = "1."
    SUBPOINT = "(1)"


def label(ladder: Ladder, n: int) -> str:
    """The label of the n-th entry on a rung: 壹、 一、 (一) 1. (1)."""
    if n < 1:
        raise ValueError(f"labels start at 1, not {n}")
    match ladder:
        case Ladder.SECTION:
            return f"{formal(n)}、"
        case Ladder.ITEM:
            return f"{chinese(n)}、"
        case Ladder.SUBITEM:
            return f"({chinese(n)})"
        case Ladder.POINT:
            return f"{n}."
        case Ladder.SUBPOINT:
            return f"({n})"


class Label(NamedTuple):
    """A label found at the start of a line, and the text after it."""

    ladder: Ladder
    number: int
    rest: str


@functools.cache
def _list_marker() -> re.Pattern[str]:
    return re.compile(r"\s*(?:[-*]\s+)?")


@functools.cache
def _in_parentheses() -> re.Pattern[str]:
    return re.compile(r"[(（]\s*(?P<numeral>[^()（）\s]+)\s*[)）]")


@functools.cache
def _before_mark() -> re.Pattern[str]:
    return re.compile(rf"(?P<numeral>[0-9０-９]+|[{_NUMERAL_CHARS}]+)(?P<mark>[、.．])")


def parse_label(line: str) -> Label | None:
    """The label a line starts with, or None when the line starts with ordinary text."""
    start = _list_marker().match(line)
    position = start.end() if start else 0
    if found := _in_parentheses().match(line, position):
        ladder = _parenthesised_ladder(found["numeral"])
    elif (found := _before_mark().match(line, position)) and not _is_decimal_point(line, found):
        ladder = _marked_ladder(found["numeral"])
    else:
        return None
    number = _label_number(found["numeral"])
    if ladder is None or number is None:
        return None
    return Label(ladder, number, line[found.end() :].lstrip())


def _is_decimal_point(line: str, found: re.Match[str]) -> bool:
    """1.5 億 is an amount, not point 1."""
    following = line[found.end() : found.end() + 1]
    return found["mark"] in ".．" and _arabic().fullmatch(following) is not None


def _parenthesised_ladder(numeral: str) -> Ladder | None:
    if _arabic().fullmatch(numeral):
        return Ladder.SUBPOINT
    return Ladder.SUBITEM if _is_common(numeral) else None


def _marked_ladder(numeral: str) -> Ladder | None:
    if _arabic().fullmatch(numeral):
        return Ladder.POINT
    if _is_common(numeral):
        return Ladder.ITEM
    return Ladder.SECTION if _is_formal(numeral) else None


def _is_common(numeral: str) -> bool:
    return set(numeral) <= _COMMON_CHARS


def _is_formal(numeral: str) -> bool:
    return set(numeral) <= _FORMAL_CHARS


def _label_number(numeral: str) -> int | None:
    if _arabic().fullmatch(numeral):
        return int(numeral) or None
    if len(numeral) > 1 and _is_digitwise(numeral):
        return None  # 一一、 is not how an item is numbered
    return _read_positional(numeral)
