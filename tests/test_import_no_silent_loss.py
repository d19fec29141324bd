"""Nothing dropped without a word: every Chinese character of a record's lines is in the stored
record (as rendered), in the order of its line, or in what `import` says it skipped or could
not place — over the offices' styles and over mutations of them."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import RECORDS
from tui.importer.decode import NotARecordError
from tui.importer.header import HEADER_FIELDS
from tui.importer.record import read_record
from tui.importer.title import read_title
from tui.render.document import RenderOptions, render_record

STYLES = sorted(p for p in [*RECORDS.iterdir(), *(RECORDS / "offices").iterdir()] if p.is_file())
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Written again from values, not kept as text: the header's labels, the numbering, the time.
_LABEL = re.compile(
    r"^\s*(?:[-*#]+\s*)?(?:[0-9０-９lI]{1,2}\s*[、.．]?\s*|[(（]?[一二三四五六七八九十]+[)）、]?\s*"
    r"|[壹貳參肆伍陸柒捌玖拾甲乙丙丁戊己]+\s*[、.．]\s*)?"
)
_HEADER_LABEL = re.compile(
    "|".join(r"[\s\u3000]*".join(label) for label in sorted(HEADER_FIELDS, key=len, reverse=True))
)
_NORMALISED = re.compile(r"^\S{0,3}散[\s\u3000]*會|^\s*[0-9０-９一二三四五六七八九十〇○]{1,3}\s*$")


_DATE_WORDS = frozenset("中華民國年月日星期週一二三四五六七八九十〇○零上下中午晚時點分整起至")


def _is_normalised(line: str) -> bool:
    """The title, the time and the adjournment are stored as values and written anew."""
    a_date = set(_chinese(_HEADER_LABEL.sub("", line))) <= _DATE_WORDS
    return bool(read_title(line.strip()) or a_date or _NORMALISED.search(line.strip()))


def _chinese(text: str) -> str:
    return "".join(_CJK.findall(text))


def _is_subsequence(needle: str, haystack: str) -> bool:
    found = iter(haystack)
    return all(ch in found for ch in needle)


def _lost(path: Path) -> list[str]:
    """The lines whose Chinese is neither in the stored record nor said to be skipped."""
    try:
        record = read_record(path, [])
    except NotARecordError as refused:
        assert "\n" not in str(refused)
        return []  # refused with a word is not a silent loss
    said = [u.text for u in (*record.unplaced, *record.skipped)]
    stored = _chinese(render_record(record.meeting, record.office, RenderOptions("md")))
    office = record.office
    # A title broken over two lines is read whole; its year is the meeting's date.
    told = _chinese("".join([*said, office.organisation, "年第次", office.series, "紀錄議事錄"]))
    lost = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if _is_normalised(line):
            continue
        text = _chinese(_HEADER_LABEL.sub("", _LABEL.sub("", line, count=1)))
        if text and not (_is_subsequence(text, stored) or _is_subsequence(text, told)):
            lost.append(line)
    return lost


def test_the_styles_lose_nothing() -> None:
    for path in STYLES:
        assert _lost(path) == [], path.name


def _wrap(line: str, at: int) -> list[str]:
    cut = at % max(len(line), 1)
    return [line[:cut], line[cut:]] if cut > 0 else [line]


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(STYLES)).read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(0, 4))):
        where = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["wrap", "pad", "page", "swap", "blank"]))
        if kind == "wrap":
            lines[where : where + 1] = _wrap(lines[where], draw(st.integers(1, 80)))
        elif kind == "pad":
            lines[where] = "\u3000 " + lines[where] + "  "
        elif kind == "page":
            page = draw(st.integers(1, 99))
            lines[where:where] = ["\f", draw(st.sampled_from([f"- {page} -", f"第 {page} 頁"]))]
        elif kind == "swap" and where + 1 < len(lines):
            lines[where], lines[where + 1] = lines[where + 1], lines[where]
        else:
            lines.insert(where, "")
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_mutated())
def test_mutated_styles_lose_nothing_silently(tmp_path_factory, text: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("mutated") / "record.txt"
    path.write_text(text, encoding="utf-8")
    assert _lost(path) == []
