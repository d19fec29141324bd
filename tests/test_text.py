"""The one cleaning of text: no terminal control characters, no bidirectional controls."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.text import has_controls, without_controls
from tui.storage.hold import MeetingHold, clean_name

C0 = [chr(c) for c in range(0x20) if chr(c) not in "\t\n"]
C1 = [chr(c) for c in range(0x7F, 0xA0)]  # DEL and the C1 controls
BIDI = [
    *(chr(c) for c in range(0x202A, 0x202F)),  # LRE RLE PDF LRO RLO
    *(chr(c) for c in range(0x2066, 0x206A)),  # LRI RLI FSI PDI
    "\u200e",  # LRM
    "\u200f",  # RLM
    "\u061c",  # ALM
]
REMOVED = C0 + C1 + BIDI
# Neighbours of the removed ones, and text an office writes: all kept.
KEPT = "\t\n 同意備查 ABC abc 123 ．、。「」\u00a0\u200b\u200d\u2065\u206a\u2029\u2028"


@pytest.mark.parametrize("char", REMOVED, ids=lambda c: f"U+{ord(c):04X}")
def test_every_control_and_bidi_character_is_removed(char: str) -> None:
    assert has_controls(char)
    assert without_controls(f"同意{char}備查") == "同意備查"
    assert without_controls(char, one_line=True) == ""


def test_what_an_office_writes_is_kept() -> None:
    assert not has_controls(KEPT)
    assert without_controls(KEPT) == KEPT


def test_tab_and_newline_stay_unless_the_text_is_one_line() -> None:
    text = "第一行\n\t第二行"
    assert without_controls(text) == text
    assert without_controls(text, one_line=True) == "第一行第二行"


def test_an_override_no_longer_hides_the_stored_words() -> None:
    # Shown with the override, 「同意\u202e查備」 reads 同意備查; cleaned, it is what it says.
    assert without_controls("同意\u202e查備") == "同意查備"
    # Whole terminal sequences go, so no "[2J" is left behind to puzzle a reader.
    assert without_controls("\x1b[2J\x1b]0;title\x07字\x9b31m樣") == "字樣"
    # A string command never ended keeps the text after it: only its introducer (ESC ]) goes.
    assert without_controls("名\x1b]0;稱") == "名0;稱"


text_with_controls = st.text(
    alphabet=st.one_of(st.sampled_from([*REMOVED, "\t", "\n"]), st.characters()), max_size=80
)


@given(text_with_controls, st.booleans())
def test_cleaning_removes_only_controls_and_is_done_once(text: str, one_line: bool) -> None:
    cleaned = without_controls(text, one_line=one_line)
    assert not has_controls(cleaned)
    assert without_controls(cleaned, one_line=one_line) == cleaned
    dropped = set(REMOVED) | ({"\t", "\n"} if one_line else set())
    kept = iter(text)
    assert all(c in kept for c in cleaned)  # what is kept is the text's, in its order
    if not any(c == "\x1b" or "\x80" <= c <= "\x9f" for c in text):  # no sequence begins
        assert cleaned == "".join(c for c in text if c not in dropped)


def test_a_holders_name_is_one_clean_line(tmp_path: Path) -> None:
    hostile = "mallory\x1b]0;pwned\x07\x1b[2J\u202eevil\nsecond line\x9b"
    assert clean_name(hostile) == "malloryevilsecond line"
    hold = MeetingHold(tmp_path, 102, hostile)
    assert hold.acquire()
    try:
        written = hold.path.read_text(encoding="utf-8")
        assert written.startswith("malloryevilsecond line (pid ")
        assert not has_controls(written) and "\n" not in written
        shown = MeetingHold(tmp_path, 102, "colleague").holder()
        assert shown.startswith("malloryevilsecond line (pid ")
    finally:
        hold.release()


def test_a_name_written_raw_by_another_program_is_read_clean(tmp_path: Path) -> None:
    hold = MeetingHold(tmp_path, 102, "me")
    assert hold.acquire()
    try:
        hold.request_path.write_bytes("eve\x1b[31m\u2066x\u2069\n\xff".encode() + b"\xff")
        assert hold.takeover_asked_by() == "evex\u00ff\ufffd"
    finally:
        hold.release()


def test_a_holders_time_reads_in_the_offices_notation(tmp_path: Path) -> None:
    from tests.notation_support import offences

    hold = MeetingHold(tmp_path, 102, "alice@host")
    assert hold.acquire()
    try:
        shown = MeetingHold(tmp_path, 102, "colleague").holder()
        assert shown.startswith("alice@host (pid ") and " 時 " in shown
        assert offences("holder", shown) == []
    finally:
        hold.release()


@pytest.mark.parametrize("one_line", [False, True])
def test_printable_text_is_passed_over_as_the_whole_cleaning_would_pass_it(one_line: bool) -> None:
    """without_controls returns text Python calls printable at once: none of what it takes
    out (C0, C1, bidi controls, terminal sequences) is printable."""
    from tui.domain import text

    cleaning = text._controls_and_breaks() if one_line else text._CONTROLS
    for code in [*range(0x10000), 0x1F600, 0xE0001, 0x10FFFD]:
        written = f"a{chr(code)}b"
        whole = cleaning.sub("", text._sequences().sub("", written))
        assert text.without_controls(written, one_line=one_line) == whole, hex(code)
