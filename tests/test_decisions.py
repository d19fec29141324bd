from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.decisions import (
    Decisions,
    case_list,
    case_number,
    decision_sentence,
    join_list,
    parse_decision_sentence,
    runs,
    split_case_number,
)

REFERENCE = "列管案號 10001 至 10007 均解除列管；列管案號 9805、9903 及 9904 賡續列管。"
REFERENCE_DECISIONS = Decisions(tuple(range(10001, 10008)), (9805, 9903, 9904))

meetings = st.integers(min_value=1, max_value=300)
sequences = st.integers(min_value=1, max_value=99)
case_numbers = st.builds(case_number, meetings, sequences)
# Sequences 1..12 of a few meetings, so that runs are common.
crowded_case_numbers = st.builds(case_number, st.integers(98, 101), st.integers(1, 12))


def test_case_numbers() -> None:
    assert case_number(100, 1) == 10001
    assert case_number(98, 5) == 9805
    assert split_case_number(10001) == (100, 1)
    assert split_case_number(9805) == (98, 5)


@pytest.mark.parametrize(("meeting", "sequence"), [(100, 0), (100, 100), (0, 1), (-1, 5)])
def test_case_number_rejects_impossible_parts(meeting: int, sequence: int) -> None:
    with pytest.raises(ValueError):
        case_number(meeting, sequence)


@pytest.mark.parametrize("number", [10000, 100, 99, 0])
def test_split_case_number_rejects_non_cases(number: int) -> None:
    with pytest.raises(ValueError):
        split_case_number(number)


@given(meetings, sequences)
def test_case_number_splits_back(meeting: int, sequence: int) -> None:
    assert split_case_number(case_number(meeting, sequence)) == (meeting, sequence)


def test_runs_group_consecutive_numbers() -> None:
    assert runs([9904, 10002, 9805, 10001, 9903, 10003, 10001]) == [
        (9805, 9805),
        (9903, 9904),
        (10001, 10003),
    ]
    assert runs([]) == []


@given(st.lists(st.integers(min_value=-50, max_value=50)))
def test_runs_cover_exactly_the_input(numbers: list[int]) -> None:
    grouped = runs(numbers)
    covered = [n for first, last in grouped for n in range(first, last + 1)]
    assert covered == sorted(set(numbers))
    assert all(first <= last for first, last in grouped)
    assert all(later[0] > earlier[1] + 1 for earlier, later in pairwise(grouped))


@pytest.mark.parametrize(
    ("parts", "joined"),
    [([], ""), (["A"], "A"), (["A", "B"], "A 及 B"), (["A", "B", "C"], "A、B 及 C")],
)
def test_join_list(parts: list[str], joined: str) -> None:
    assert join_list(parts) == joined


@pytest.mark.parametrize(
    ("numbers", "written"),
    [
        (range(10001, 10008), "10001 至 10007"),
        ([9805, 9903, 9904], "9805、9903 及 9904"),
        ([10003, 10001, 10002], "10001 至 10003"),
        ([10001, 10002], "10001 及 10002"),
        ([9801, 9802, 9803, 9810], "9801 至 9803 及 9810"),
    ],
)
def test_case_list_compresses_runs_of_three(numbers: list[int], written: str) -> None:
    assert case_list(numbers) == written


def test_reference_sentence_is_written_exactly() -> None:
    assert decision_sentence(range(10001, 10008), [9904, 9805, 9903]) == REFERENCE


def test_reference_sentence_reads_back() -> None:
    assert parse_decision_sentence(REFERENCE) == REFERENCE_DECISIONS
    assert parse_decision_sentence(f"- (二) {REFERENCE}") == REFERENCE_DECISIONS


def test_decision_sentence_parts() -> None:
    assert decision_sentence([10001], []) == "列管案號 10001 解除列管。"
    assert decision_sentence([10001, 10003], []) == "列管案號 10001 及 10003 均解除列管。"
    assert decision_sentence([], [9805]) == "列管案號 9805 賡續列管。"
    assert decision_sentence([], []) == ""


def test_a_case_cannot_be_both_released_and_kept() -> None:
    with pytest.raises(ValueError, match="10002"):
        decision_sentence([10001, 10002], [10002])


@pytest.mark.parametrize(
    ("text", "released", "kept"),
    [
        ("案號10001~10003、10005同意解除列管，9805繼續列管", [10001, 10002, 10003, 10005], [9805]),
        ("列管編號 10001－10007 均解列；9805 及 9903 持續列管", range(10001, 10008), [9805, 9903]),
        ("列管案號１０００１至１０００７均解除列管。", range(10001, 10008), []),
        ("10001,10002和10003與10004 解除列管", range(10001, 10005), []),
        ("10001 到 10003 解除列管", range(10001, 10004), []),
        ("10001-10003 及 10005 賡續列管", [], [10001, 10002, 10003, 10005]),
        ("10001，10002 均同意解除列管", [10001, 10002], []),
        ("10001 不予解除列管", [], [10001]),
        ("列管案號：9805 繼續列管；列管案號 9903 解除列管", [9903], [9805]),
    ],
)
def test_parse_other_offices_spellings(text: str, released: list[int], kept: list[int]) -> None:
    assert parse_decision_sentence(text) == Decisions(tuple(released), tuple(kept))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "同意備查。",
        "請總務組統計全府 111 至 115 年每年規劃報廢車輛數提送處長參考。",
        "案號 12601 之列管期限將屆，請儘速安排於 6 月底前開會。",
        "列管案號 12616 於今年底完工後，請公管中心積極辦理。",
        "本案列管，請總務組出納配合改正。",
        "本案解除列管。",
        "110 年度解除列管",
        "列管案號 10000 解除列管",
    ],
)
def test_text_without_a_decision_is_none(text: str) -> None:
    assert parse_decision_sentence(text) is None


def test_a_backwards_range_is_an_error() -> None:
    with pytest.raises(ValueError, match="backwards"):
        parse_decision_sentence("列管案號 10007 至 10001 均解除列管")


@given(st.sets(case_numbers | crowded_case_numbers, max_size=20), st.data())
def test_decision_sentence_reads_back(cases: set[int], data: st.DataObject) -> None:
    released = data.draw(st.sets(st.sampled_from(sorted(cases)))) if cases else set()
    kept = cases - released
    expected = Decisions(tuple(sorted(released)), tuple(sorted(kept)))
    parsed = parse_decision_sentence(decision_sentence(released, kept))
    assert parsed == (expected if cases else None)
