"""A paragraph wrapped again as it is edited (cjkwrap.Paragraph) breaks exactly where
wrapping it afresh breaks, whatever the edits, and reads again only what follows the edit."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.render import cjkwrap
from tui.render.cjkwrap import Paragraph, line_spans

# Chinese, the marks a line may not start or end with, spaces, digits and units, English
# words and a web address's "://": whatever decides a break.
CHARACTERS = st.sampled_from(
    [*"本案辦理中年月第次，。、；：」』）「『（ 0123456789abcXYZ:/.-", "\u3000"]
)
EDIT = st.tuples(st.integers(0, 10_000), st.integers(0, 3), st.text(CHARACTERS, max_size=6))


@settings(max_examples=300)
@given(
    st.text(CHARACTERS, max_size=200),
    st.lists(EDIT, max_size=25),
    st.integers(2, 30),
    st.integers(2, 30),
)
def test_rewrapped_as_wrapped_afresh(
    text: str, edits: list[tuple[int, int, str]], first: int, rest: int
) -> None:
    paragraph = Paragraph()
    assert paragraph.spans(text, first, rest) == line_spans(text, first, rest)
    for at, removed, typed in edits:
        at %= len(text) + 1
        text = text[:at] + typed + text[at + removed :]
        assert paragraph.spans(text, first, rest) == line_spans(text, first, rest), text


@given(st.text(CHARACTERS, max_size=120), st.integers(2, 30), st.integers(2, 30))
def test_other_widths_wrap_afresh(text: str, first: int, rest: int) -> None:
    paragraph = Paragraph()
    paragraph.spans(text, 40, 40)
    assert paragraph.spans(text, first, rest) == line_spans(text, first, rest)


def test_a_key_at_the_end_reads_only_the_last_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "本案持續辦理中，請各單位配合辦理。" * 50  # 850 characters, 23 lines of 76 columns
    paragraph = Paragraph()
    paragraph.spans(text, 76)
    read: list[int] = []
    tokens = cjkwrap._tokens

    def counted(text: str, room: int, at: int = 0) -> list[cjkwrap.Token]:
        found = tokens(text, room, at)
        read.append(len(found))
        return found

    monkeypatch.setattr(cjkwrap, "_tokens", counted)
    assert paragraph.spans(text + "新", 76) == line_spans(text + "新", 76)
    assert read[0] <= 3  # the last word or two, not 851
