"""Places as the record writes them (貳、一) and as the machine keeps them ("2.1")."""

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.domain.model import Item, ItemKind, Meeting, Section
from tui.domain.places import PlaceError, item_at, parse_place, placed_items, written_place

numbers = st.integers(min_value=1, max_value=120)


@pytest.mark.parametrize(
    ("typed", "place"),
    [
        ("2.1", "2.1"),
        ("貳、一", "2.1"),
        ("貳、一、", "2.1"),
        ("貳一", "2.1"),
        (" 貳 、 一 ", "2.1"),
        ("２．１", "2.1"),
        ("貳", "2"),
        ("貳、", "2"),
        ("2", "2"),
        ("參、二", "3.2"),
        ("拾壹、十二", "11.12"),
    ],
)
def test_a_place_typed_either_way(typed: str, place: str) -> None:
    assert parse_place(typed) == place


@pytest.mark.parametrize("typed", ["", "x", "0.1", "1.0", "貳、零", "2.1.3", "一、二", "2.x"])
def test_what_is_no_place(typed: str) -> None:
    with pytest.raises(PlaceError):
        parse_place(typed)


def test_written_places() -> None:
    assert written_place("2.1") == "貳、一"
    assert written_place("1") == "壹"
    assert written_place("3.12") == "參、十二"
    assert written_place("") == ""  # anything else as it is
    assert written_place("?") == "?"


@given(numbers, numbers)
def test_written_item_places_read_back(section: int, item: int) -> None:
    place = f"{section}.{item}"
    assert parse_place(written_place(place)) == place
    assert parse_place(place) == place
    assert "." not in written_place(place)


@given(numbers)
def test_written_section_places_read_back(section: int) -> None:
    assert parse_place(written_place(str(section))) == str(section)


def _meeting() -> Meeting:
    read = Section("宣讀上次會議紀錄", body=Item("宣讀上次會議紀錄"))
    reports = Section("報告事項", items=[Item("甲"), Item("乙")])
    motions = Section("臨時動議", kind=ItemKind.MOTIONS, items=[Item("丙"), Item("丁")])
    return Meeting(number=102, start=datetime(2021, 7, 15, 10), sections=[read, reports, motions])


def test_item_at_takes_either_notation() -> None:
    meeting = _meeting()
    assert item_at(meeting, "貳、二") == item_at(meeting, "2.2")
    assert item_at(meeting, "貳、二")[1].title == "乙"
    assert item_at(meeting, "參、二")[1].title == "丁"  # a motion
    assert item_at(meeting, "壹")[1].title == "宣讀上次會議紀錄"  # a section that is an item
    with pytest.raises(PlaceError, match="貳、三"):
        item_at(meeting, "貳、三")
    with pytest.raises(PlaceError):
        item_at(meeting, "貳")  # a section of items is not itself an item


def test_every_placed_item_is_found_at_its_written_place() -> None:
    meeting = _meeting()
    for place, _, item in placed_items(meeting):
        assert item_at(meeting, written_place(place))[1] is item
