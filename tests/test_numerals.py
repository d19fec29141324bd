import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.numerals import (
    Label,
    Ladder,
    NumeralError,
    chinese,
    digits,
    formal,
    label,
    parse_label,
    parse_number,
    to_halfwidth,
)

ladders = st.sampled_from(list(Ladder))
label_numbers = st.integers(min_value=1, max_value=99)


@pytest.mark.parametrize(
    ("n", "common", "formal_form"),
    [
        (1, "一", "壹"),
        (2, "二", "貳"),
        (10, "十", "拾"),
        (11, "十一", "拾壹"),
        (12, "十二", "拾貳"),
        (20, "二十", "貳拾"),
        (21, "二十一", "貳拾壹"),
        (100, "一百", "壹佰"),
        (101, "一百零一", "壹佰零壹"),
        (110, "一百一十", "壹佰壹拾"),
        (119, "一百一十九", "壹佰壹拾玖"),
        (1000, "一千", "壹仟"),
        (1001, "一千零一", "壹仟零壹"),
        (1010, "一千零一十", "壹仟零壹拾"),
        (2100, "二千一百", "貳仟壹佰"),
        (9999, "九千九百九十九", "玖仟玖佰玖拾玖"),
    ],
)
def test_chinese_and_formal_numerals(n: int, common: str, formal_form: str) -> None:
    assert chinese(n) == common
    assert formal(n) == formal_form


@pytest.mark.parametrize(("n", "written"), [(110, "一一○"), (101, "一○一"), (92, "九二"), (0, "○")])
def test_digits_writes_roc_years_digit_by_digit(n: int, written: str) -> None:
    assert digits(n) == written


@pytest.mark.parametrize("n", [0, -1, 10_000])
def test_positional_numerals_reject_numbers_outside_their_range(n: int) -> None:
    with pytest.raises(ValueError):
        chinese(n)
    with pytest.raises(ValueError):
        formal(n)


def test_every_common_and_formal_numeral_reads_back() -> None:
    for n in range(1, 10_000):
        assert parse_number(chinese(n)) == n
        assert parse_number(formal(n)) == n


@given(st.integers(min_value=0, max_value=10**6))
def test_digit_by_digit_reads_back(n: int) -> None:
    assert parse_number(digits(n)) == n


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=9999))
def test_numerals_keep_their_order(a: int, b: int) -> None:
    assert (parse_number(chinese(a)) < parse_number(chinese(b))) == (a < b)


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("17", 17),
        ("１２", 12),
        (" 101 ", 101),
        ("一〇一", 101),
        ("一○一", 101),
        ("一零一", 101),
        ("一百〇一", 101),
        ("兩百", 200),
        ("兩千零五", 2005),
        ("壹拾", 10),
        ("拾", 10),
        ("叁", 3),
        ("零五", 5),
        ("二○二一", 2021),
    ],
)
def test_parse_number_variants(text: str, n: int) -> None:
    assert parse_number(text) == n


@pytest.mark.parametrize(
    "text", ["", "abc", "一卡", "十十", "百", "一百一", "一百零", "二十二二", "1.5"]
)
def test_parse_number_rejects_text_and_names_it(text: str) -> None:
    with pytest.raises(NumeralError, match=f'"{text}"'):
        parse_number(text)


def test_numeral_error_is_a_value_error() -> None:
    assert issubclass(NumeralError, ValueError)


def test_to_halfwidth_turns_full_width_ascii_plain() -> None:
    assert to_halfwidth("１２：（三）　Ａ") == "12:(三) A"


@pytest.mark.parametrize(
    ("ladder", "n", "written"),
    [
        (Ladder.SECTION, 1, "壹、"),
        (Ladder.SECTION, 11, "拾壹、"),
        (Ladder.ITEM, 3, "三、"),
        (Ladder.ITEM, 11, "十一、"),
        (Ladder.ITEM, 20, "二十、"),
        (Ladder.SUBITEM, 1, "(一)"),
        (Ladder.SUBITEM, 12, "(十二)"),
        (Ladder.POINT, 2, "2."),
        (Ladder.SUBPOINT, 13, "(13)"),
    ],
)
def test_labels_of_the_ladder(ladder: Ladder, n: int, written: str) -> None:
    assert label(ladder, n) == written
    assert parse_label(written + "本文") == Label(ladder, n, "本文")


def test_label_starts_at_one() -> None:
    with pytest.raises(ValueError):
        label(Ladder.POINT, 0)


@given(ladders, label_numbers)
def test_label_reads_back(ladder: Ladder, n: int) -> None:
    assert parse_label(label(ladder, n) + " text") == Label(ladder, n, "text")
    assert parse_label(label(ladder, n) + "text") == Label(ladder, n, "text")


@given(ladders, label_numbers, st.sampled_from(["", "  ", "- ", "* ", "  - "]))
def test_label_reads_back_after_indent_and_list_marker(ladder: Ladder, n: int, lead: str) -> None:
    assert parse_label(f"{lead}{label(ladder, n)} 同意備查。") == Label(ladder, n, "同意備查。")


@given(ladders, st.integers(min_value=2, max_value=99), st.randoms(use_true_random=False))
def test_ladder_order_is_preserved(ladder: Ladder, count: int, shuffler: random.Random) -> None:
    lines = [label(ladder, n) + " x" for n in range(1, count + 1)]
    shuffled = shuffler.sample(lines, len(lines))
    assert sorted(shuffled, key=lambda line: _number_of(line)) == lines


def _number_of(line: str) -> int:
    found = parse_label(line)
    assert found is not None
    return found.number


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("（一）紀錄確定。", Label(Ladder.SUBITEM, 1, "紀錄確定。")),
        ("( 二 ) 同意", Label(Ladder.SUBITEM, 2, "同意")),
        ("一．說明", Label(Ladder.ITEM, 1, "說明")),
        ("一.說明", Label(Ladder.ITEM, 1, "說明")),
        ("壹、宣讀上次會議紀錄", Label(Ladder.SECTION, 1, "宣讀上次會議紀錄")),
        ("參、臨時動議", Label(Ladder.SECTION, 3, "臨時動議")),
        ("1、辦理", Label(Ladder.POINT, 1, "辦理")),
        ("１．辦理", Label(Ladder.POINT, 1, "辦理")),
        ("（1）辦理", Label(Ladder.SUBPOINT, 1, "辦理")),
        ("- (一) 紀錄確定。", Label(Ladder.SUBITEM, 1, "紀錄確定。")),
        ("- 一、**法制王視察口頭報告**：", Label(Ladder.ITEM, 1, "**法制王視察口頭報告**：")),
        ("十一、", Label(Ladder.ITEM, 11, "")),
    ],
)
def test_parse_label_accepts_the_variants_offices_write(line: str, expected: Label) -> None:
    assert parse_label(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "一卡、一通、一付",
        "十分重要",
        "110 年度臺北市總預算",
        "1.5 億",
        "紀錄確定。",
        "(註) 另案辦理",
        "一一、",
        "零、",
        "(0) 無",
        "兩、三天內完成",
        "拾一、",
        "",
        "-",
    ],
)
def test_parse_label_leaves_ordinary_text_alone(line: str) -> None:
    assert parse_label(line) is None
