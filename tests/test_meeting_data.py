"""A stored meeting read as plain data without the model (issue 18) is what the model reads
and the JSON output writes, to the byte; what the model would read otherwise or refuse is
left to it. The table of stored fields is the model's."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path
from typing import Any

import pytest

from benchmarks.archive import write_archive
from tests.conftest import REFERENCE
from tui import database, secretary
from tui.cli.json_output import meeting_json
from tui.domain.codec import ShapeError, from_data, to_data
from tui.domain.filling import Misfit
from tui.domain.identity import name_entries
from tui.domain.meeting_data import meeting_data
from tui.domain.model import (
    Amendment,
    Approval,
    Attendance,
    Attendee,
    Block,
    CaseKind,
    CaseRef,
    Conclusion,
    Confirmation,
    Correction,
    Item,
    ItemKind,
    Meeting,
    MeetingStatus,
    Point,
    Report,
    Section,
)
from tui.domain.schema import schema
from tui.domain.schema_table import ENUMS, FIELDS


def test_the_table_is_the_model_s() -> None:
    """Fails after a change to the stored model until `python -m tui.domain.schema`."""
    assert schema() == (ENUMS, FIELDS)


def as_the_model_gives_it(stored: Any) -> str:
    return text(meeting_json(name_entries(from_data(Meeting, stored, "stored"))))


def text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)  # as print_json writes it


def stored_meetings(db: Path) -> list[dict[str, Any]]:
    paths = sorted((db / "meetings").glob("*.json"))
    return [json.loads(p.read_bytes())["tables"]["meeting"]["1"] for p in paths]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference record imported and meeting 102 prepared, as `agenda demo` has them."""
    db = tmp_path_factory.mktemp("reference") / "db"
    repo = database.open_repository(db)
    secretary.import_records(repo, [REFERENCE], replace=False)
    secretary.prepare(repo)
    return db


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("history")
    archive = write_archive(folder / "records", 100, 8, extras=False)
    repo = database.open_repository(folder / "db")
    secretary.import_records(repo, sorted(archive.records.values()), replace=False)
    return folder / "db"


def full_meeting() -> Meeting:
    """Every stored field of a meeting given, none at its default."""
    points = [Point("第一點", [Point("（一）子點")])]
    item = Item(
        "人事室報告",
        ItemKind.REPORT,
        "第一案",
        "王組長",
        "口頭報告",
        [Block("案由", "說明", points)],
        [Report("陳主任", "口頭報告", "文字", points, "人事室", "r9", datetime(2021, 6, 1, 9, 30))],
        "決議",
        [Conclusion("照案通過", points, 12601, True, "c9")],
        ["未能歸類"],
        [CaseRef(12601, CaseKind.MAYOR)],
        "i9",
    )
    return Meeting(
        101,
        datetime(2021, 6, 17, 10, 0, 5, 120),
        time(11, 14),
        "視訊會議",
        "陳志銘",
        "許菁芳",
        "記錄",
        Attendance("如簽到表", [Attendee("王五", "代", "李四", time(10, 20))], [], []),
        [Section("報告事項", [item], item, True, ItemKind.UNIT_REPORTS, "s9"), Section("空")],
        MeetingStatus.CONFIRMED,
        ["備註"],
        3,
        Confirmation(102, [Amendment("2.1", "舊", "新", "")]),
        [Correction("許菁芳", datetime(2021, 7, 1, 8, 0), "更正")],
        Approval("陳志銘", datetime(2021, 6, 20, 17, 45)),
    )


def test_every_meeting_of_the_reference_and_a_history_reads_to_the_byte(
    reference: Path, history: Path
) -> None:
    found = [*stored_meetings(reference), *stored_meetings(history)]
    assert [m["number"] for m in found] == [101, 102, *range(100, 108)]
    for stored in found:
        assert text(meeting_data(stored)) == as_the_model_gives_it(stored)


def test_a_meeting_of_every_field_reads_to_the_byte() -> None:
    stored = to_data(full_meeting())
    assert text(meeting_data(stored)) == as_the_model_gives_it(stored)


# Fields of the same default in every stored type that has them.
LEFT_OUT: dict[str, Any] = {
    **{key: [] for key in ("points", "blocks", "reports", "conclusions", "notes", "cases")},
    **dict.fromkeys(("id", "label", "presenter", "presenter_kind", "unit", "answered_from"), ""),
    **dict.fromkeys(("answered_on", "body", "approval", "confirmation"), None),
    "listed": False,
}


def without_defaults(data: Any) -> Any:
    """Stored data as an older writer may have left it: fields at their default left out."""
    if isinstance(data, list):
        return [without_defaults(v) for v in data]
    if not isinstance(data, dict):
        return data
    return {
        k: without_defaults(v) for k, v in data.items() if k not in LEFT_OUT or LEFT_OUT[k] != v
    }


def test_fields_left_out_and_times_written_otherwise_read_as_the_model_reads_them(
    reference: Path,
) -> None:
    for stored in stored_meetings(reference):
        shorter = without_defaults(stored)
        assert len(json.dumps(shorter)) < len(json.dumps(stored))
        shorter["start"] = shorter["start"][:16].replace("T", " ")  # "2021-06-17 10:00"
        assert text(meeting_data(shorter)) == as_the_model_gives_it(shorter)


def places(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The path of every value inside `data`."""
    if not isinstance(data, dict | list):
        return
    for key, value in data.items() if isinstance(data, dict) else enumerate(data):
        yield (*path, key)
        yield from places(value, (*path, key))


def at(data: Any, path: tuple[str | int, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def changed(data: Any, path: tuple[str | int, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(data))
    at(copy, path[:-1])[path[-1]] = value
    return copy


ODD_VALUES = [None, "", "x", 0, 1, True, 1.5, [], {}, ["x"], {"x": 1}, "2021-06-17", "10:20"]


def test_no_value_anywhere_reads_otherwise_than_the_model_reads_it() -> None:
    """Each value of a full meeting replaced by each odd value, and an unknown field added
    to each object: read as the model reads it, or left to the model (Misfit)."""
    stored = to_data(full_meeting())
    tried = misfits = 0
    for path in places(stored):
        for value in ODD_VALUES:
            odd = changed(stored, path, value)
            tried += 1
            try:
                plain = text(meeting_data(odd))
            except Misfit:
                misfits += 1
                continue
            assert plain == as_the_model_gives_it(odd), (path, value)
    for path in [(), *places(stored)]:
        if isinstance(at(stored, path), dict):
            with pytest.raises(Misfit):
                meeting_data(changed(stored, (*path, "unknown"), 1))
    assert 0 < misfits < tried


def test_what_the_model_refuses_is_left_to_it() -> None:
    stored = to_data(full_meeting())
    for odd in (
        changed(stored, ("sections",), "nonsense"),
        changed(stored, ("status",), "postponed"),
        changed(stored, ("start",), "17 June"),
        changed(stored, ("sections", 0, "items", 0, "reports", 0, "answered_on"), 5),
        {k: v for k, v in stored.items() if k != "start"},
    ):
        with pytest.raises(ShapeError):
            from_data(Meeting, odd, "stored")
        with pytest.raises(Misfit):
            meeting_data(odd)


def test_a_shape_stored_as_a_sentence_is_left_to_the_model() -> None:
    stored = changed(to_data(full_meeting()), ("confirmation", "corrections", 0), "第 2 頁誤植")
    with pytest.raises(Misfit):
        meeting_data(stored)
    assert as_the_model_gives_it(stored)  # which reads it


def test_filled_data_shares_no_list_or_object_with_another_or_the_table() -> None:
    one, two = (meeting_data({"number": n, "start": "2021-06-17T10:00:00"}) for n in (1, 2))
    one["notes"].append("x")
    one["attendance"]["present"].append("x")
    assert two["notes"] == [] and two["attendance"]["present"] == []
    assert ("notes", "list[str]", []) in FIELDS["Meeting"]
