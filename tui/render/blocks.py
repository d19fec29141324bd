"""The blocks a document template writes, one a line, read back into paragraphs to lay out.

A line is `KIND [LEVEL] | FIELD | FIELD`, the last field taking the rest of the line
(templates/_record_blocks.j2 lists the kinds); a table's lines, `head | CELL | CELL …`
and then `row | CELL | CELL …`, take as many cells as they give; `head 1` starts a table of
text rather than a form to fill in. A column's name may end
with its share of the width, `簽名*2` (1 when it gives none). Text inside a field may hold **bold**,
<https://…> and [words](https://…), which become bold runs and links.
"""

from __future__ import annotations

import re

from tui.dataclass_cache import dataclass
from tui.i18n import _
from tui.render.environment import LINE_BREAK
from tui.render.formats import RenderError

# How many fields each kind takes, and its level when the line gives none.
_FIELDS = {"title": 1, "field": 2, "heading": 2, "number": 2, "para": 1}
_DEFAULT_LEVEL = {"title": 0, "field": 0, "heading": 1, "number": 1, "para": 0}
TABLE_KINDS = ("head", "row")  # a table's column names, and a line of it
# A table's level, on its `head`: a form to fill in (centred, rows tall enough to sign in),
# or a table of text (the 列管 table: cells left aligned, as tall as their text).
FORM, TEXT_TABLE = 0, 1
_SHARE = re.compile(r"(?P<name>.*?)\*(?P<share>[0-9]+(?:\.[0-9]+)?)")
_HEAD = re.compile(r"(?P<kind>[a-z]+)(?:\s+(?P<level>[0-9]))?")
# What XML 1.0 cannot hold; a document with it would not open. Named by what is refused:
# the complement of what it allows (\t \n \r, U+0020–D7FF, E000–FFFD, 10000–10FFFF) took
# 4 ms to compile at every start.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Block:
    """A paragraph or a table's line, as a document template wrote it."""

    kind: str  # title, field, heading, number, para; head, row
    level: int
    label: str  # the numeral of a heading or number, the name of a field
    text: str
    cells: tuple[str, ...] = ()  # a table's line
    shares: tuple[float, ...] = ()  # of a table's first line: each column's share of the width


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph's text: plain, bold or linked."""

    text: str
    bold: bool = False
    link: str = ""


def read_blocks(source: str, template: str) -> list[Block]:
    blocks = []
    for number, line in enumerate(_NOT_XML.sub("", source).split("\n"), 1):
        if line.strip():
            blocks.append(_block(line, number, template))
    return blocks


def _block(line: str, number: int, template: str) -> Block:
    head, bar, rest = line.partition("|")
    found = _HEAD.fullmatch(head.strip())
    if bar and found is not None and found["kind"] in TABLE_KINDS:
        cells = [c.strip().replace(LINE_BREAK, "\n") for c in rest.split("|")]
        level = int(found["level"]) if found["level"] else FORM
        if found["kind"] == "row":
            return Block("row", level, "", "", tuple(cells))
        shared = [_SHARE.fullmatch(c) for c in cells]
        names = tuple(m["name"].strip() if m else c for m, c in zip(shared, cells, strict=True))
        shares = tuple(float(m["share"]) if m else 1.0 for m in shared)
        return Block("head", level, "", "", names, shares)
    if not bar or found is None or found["kind"] not in _FIELDS:
        raise RenderError(
            _("template {template} wrote line {line}, which is not a block: {text!r}").format(
                template=template, line=number, text=line[:60]
            )
        )
    kind = found["kind"]
    level = int(found["level"]) if found["level"] else _DEFAULT_LEVEL[kind]
    fields = [f.strip().replace(LINE_BREAK, "\n") for f in rest.split("|", _FIELDS[kind] - 1)]
    fields += [""] * (_FIELDS[kind] - len(fields))
    label, text = ("", fields[0]) if len(fields) == 1 else (fields[0], fields[1])
    return Block(kind, level, label, text)


_INLINE = re.compile(
    r"\*\*(?P<bold>.+?)\*\*"
    r"|<(?P<address>(?:https?|mailto):[^>\s]+)>"
    r"|\[(?P<words>[^\]]+)\]\((?P<target>(?:https?|mailto):[^)\s]+)\)"
)


def runs(text: str) -> list[Run]:
    """`text` cut into plain, bold and linked runs."""
    found: list[Run] = []
    at = 0
    for mark in _INLINE.finditer(text):
        if mark.start() > at:
            found.append(Run(text[at : mark.start()]))
        if mark["bold"] is not None:
            found.append(Run(mark["bold"], bold=True))
        elif mark["address"] is not None:
            found.append(Run(mark["address"], link=mark["address"]))
        else:
            found.append(Run(mark["words"], link=mark["target"]))
        at = mark.end()
    if at < len(text):
        found.append(Run(text[at:]))
    return found


def title_of(blocks: list[Block]) -> str:
    return next((b.text for b in blocks if b.kind == "title"), "")


def tables(blocks: list[Block]) -> list[Block | list[Block]]:
    """The blocks, each table's lines gathered in a list of their own."""
    found: list[Block | list[Block]] = []
    for block in blocks:
        if block.kind not in TABLE_KINDS:
            found.append(block)
        elif block.kind == "head" or not found or not isinstance(found[-1], list):
            found.append([block])
        else:
            found[-1].append(block)
    return found


def is_text_table(lines: list[Block]) -> bool:
    return bool(lines) and lines[0].kind == "head" and lines[0].level == TEXT_TABLE


def shares(lines: list[Block]) -> list[float]:
    """Each column's share of a table's width: as its first line gives them, else equal."""
    columns = max((len(line.cells) for line in lines), default=0)
    given = list(lines[0].shares) if lines and lines[0].shares else []
    return (given + [1.0] * columns)[:columns]
