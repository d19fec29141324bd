"""The look the ODT and DOCX writers share: A4, 標楷體, indents that hang under the numerals."""

from __future__ import annotations

FONT = "標楷體"
# Tried in turn where 標楷體 is missing: its Latin name, the free 全字庫正楷體, other free
# kaiti, serif and sans faces with the traditional forms; the chain ends in a TC face, and
# the text is marked zh-TW, so a program falling back picks Taiwan's forms, not Japan's.
FALLBACK_FONTS = (
    "DFKai-SB",
    "TW-Kai",
    "AR PL UKai TW",
    "Noto Serif CJK TC",
    "Noto Sans CJK TC",
)
LANGUAGE, COUNTRY = "zh", "TW"

BODY_PT = 14.0
TITLE_PT = 18.0
PAGE_MM = (210.0, 297.0)
MARGIN_MM = 25.0
AFTER_PT = 3.0  # space after a paragraph
BEFORE_HEADING_PT = 9.0

HEADING_LEVELS = 3
NUMBER_LEVELS = 5
# The room each rung's numeral takes before its text, in ems: 一、 (一) 1. (1) and deeper.
_HANG_EM = (2.0, 2.5, 2.0, 2.5, 2.5)
HEADING_HANG_EM = 2.0  # 壹、
FIELD_HANG_EM = 3.0  # 時間：

NUMBER_STYLE = "Numbered {}"
PARA_STYLE = "Body {}"
FIELD_STYLE = "Meeting Field"
TITLE_STYLE = "Title"
HEADING_STYLE = "Heading {}"
FOOTER_STYLE = "Footer"
CELL_STYLE = "Table Contents"
HEAD_CELL_STYLE = "Table Heading"
TEXT_CELL_STYLE = "Table Text"
TEXT_HEAD_STYLE = "Table Text Heading"
TABLE_PT = 11.0  # the 列管 table's text: seven columns across A4
ROW_MM = 10.0  # a table's line: room to sign in
TEXT_WIDTH_MM = PAGE_MM[0] - 2 * MARGIN_MM


def em(count: float) -> float:
    """`count` ems in points."""
    return count * BODY_PT


def number_indent(level: int) -> tuple[float, float]:
    """A numbered paragraph's left indent and hang in points: its text starts at the indent."""
    return em(sum(_HANG_EM[:level])), em(_HANG_EM[level - 1])


def para_indent(level: int) -> float:
    """The left indent of a paragraph aligned with the text of numbered level `level`."""
    return em(sum(_HANG_EM[:level]))


def clamp(kind: str, level: int) -> int:
    if kind == "heading":
        return min(max(level, 1), HEADING_LEVELS)
    if kind == "number":
        return min(max(level, 1), NUMBER_LEVELS)
    return min(level, NUMBER_LEVELS)


def style_of(kind: str, level: int) -> str:
    """The paragraph style a block is laid out in."""
    level = clamp(kind, level)
    return {
        "title": TITLE_STYLE,
        "field": FIELD_STYLE,
        "heading": HEADING_STYLE.format(level),
        "number": NUMBER_STYLE.format(level),
        "para": PARA_STYLE.format(level),
    }[kind]


def lead(kind: str, label: str) -> str:
    """What a paragraph starts with before its text: a numeral, or a field's name.

    壹、 and 一、 are full-width, exactly the hang, so the text follows at once; (一), 1. and
    (1) take what their font gives them, so a tab carries the text to the hanging indent.
    """
    if kind in ("heading", "number") and label:
        return label if label.endswith("、") else label + "\t"
    if kind == "field":
        return f"{label}："
    return ""


def column_widths(shares: list[float]) -> list[float]:
    """Each column's width in millimetres, the table as wide as the text, shared out."""
    if not shares:
        return []
    unit = TEXT_WIDTH_MM / sum(shares)
    return [round(share * unit, 1) for share in shares]
