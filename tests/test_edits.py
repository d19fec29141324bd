"""The edit service: each operation on what is stored now, logged, undone and redone."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from tests.app_support import demo_database
from tests.conftest import REFERENCE
from tests.edit_support import meeting, service
from tui import secretary
from tui.domain.identity import find_entry
from tui.domain.model import CaseDecision, CaseKind, Conclusion
from tui.edits import ConflictError, EditError, Operation
from tui.edits.clean import clean_text
from tui.edits.operation import OPERATIONS
from tui.edits.ops import (
    AddMotion,
    Adjourn,
    Begin,
    Confirm,
    Decide,
    MoveEntry,
    RemoveEntry,
    RemoveItem,
    Track,
    Untrack,
    WriteConclusion,
    WriteProgress,
    WriteReport,
)
from tui.storage.repository import Repository

ITEM = "i2.1"  # 貳、一 of the prepared meeting 102


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    return Repository.open(demo_database(tmp_path))


def texts(repo: Repository, number: int = 102) -> list[str]:
    return [c.text for c in meeting(repo, number).sections[1].items[0].conclusions]


def test_an_operation_is_applied_logged_undone_and_redone(repo: Repository) -> None:
    edits = service(repo)
    done = edits.apply(WriteConclusion(102, ITEM, "c-one", "同意備查。"))
    assert texts(repo) == ["同意備查。"]
    assert done.seq is not None and "同意備查" in done.summary
    undone = edits.undo(102, done.seq)
    assert texts(repo) == []
    assert undone.seq is not None
    edits.undo(102, undone.seq)  # the undo of an undo is a redo
    assert texts(repo) == ["同意備查。"]
    log = edits.log(102)
    assert [line.undoes for line in log[-3:]] == [None, done.seq, undone.seq]
    assert all(line.who == "許菁芳" for line in log[-3:])


def test_typing_into_one_entry_is_one_change_in_the_log(repo: Repository) -> None:
    edits = service(repo)
    before = len(edits.log(102))
    for text in ("同", "同意", "同意備查。"):
        edits.apply(WriteConclusion(102, ITEM, "c-typed", text, group="g1"))
    log = edits.log(102)
    assert len(log) == before + 1
    edits.undo(102, log[-1].seq)  # the whole typing goes at once
    assert texts(repo) == []


def test_an_undo_someone_elses_later_change_stands_in_the_way_of_is_refused(
    repo: Repository,
) -> None:
    mine, theirs = service(repo, "A", "甲"), service(repo, "B", "乙")
    done = mine.apply(WriteConclusion(102, ITEM, "c-1", "同意備查。"))
    theirs.apply(WriteConclusion(102, ITEM, "c-1", "准予備查。"))
    assert done.seq is not None
    with pytest.raises(ConflictError, match=r"changed since.*乙"):
        mine.undo(102, done.seq)
    assert texts(repo) == ["准予備查。"]


def test_operations_apply_to_what_is_stored_now_not_to_an_earlier_copy(
    repo: Repository,
) -> None:
    a, b = service(repo, "A"), service(repo, "B")
    a.apply(WriteConclusion(102, ITEM, "c-a", "甲的結論"))
    b.apply(WriteConclusion(102, ITEM, "c-b", "乙的結論"))
    a.apply(Decide(102, 9805, CaseDecision.RELEASE.value))
    b.apply(WriteProgress(102, 9805, "已完成。"))
    assert texts(repo) == ["甲的結論", "乙的結論"]
    case = repo.case(9805)
    assert case is not None and not case.is_open
    event = case.decision_at(102)
    assert event is not None and event.progress == "已完成。"


def test_decide_writes_the_sentence_and_its_undo_takes_it_back(repo: Repository) -> None:
    edits = service(repo)
    done = edits.apply(Decide(102, 9805, "release"))
    sentence = meeting(repo).sections[1].items[1].conclusions
    assert [c.text for c in sentence] == ["列管案號 9805 解除列管。"]
    assert done.seq is not None
    edits.undo(102, done.seq)
    assert meeting(repo).sections[1].items[1].conclusions == []
    case = repo.case(9805)
    assert case is not None and case.is_open


def test_a_case_of_the_mayor_s_office_is_decided_under_its_own_item(repo: Repository) -> None:
    """12601 and 12616 are listed under 貳、三 (市長室暨市政會議列管秘書處案件): deciding them
    writes 貳、三's sentence, and 貳、二 (the last meeting's cases) neither lists them nor
    names them in its own."""
    edits = service(repo)
    edits.apply(Decide(102, 9805, "keep"))
    edits.apply(Decide(102, 12601, "keep", "mayor"))
    done = edits.apply(Decide(102, 12616, "keep", "mayor"))
    last, outside = meeting(repo).sections[1].items[1:3]
    assert [ref.number for ref in last.cases] == [9805, 9903, 9904, 10101]
    assert [c.text for c in last.conclusions] == ["列管案號 9805 賡續列管。"]
    assert [ref.number for ref in outside.cases] == [12601, 12616]
    assert [(c.text, c.decisions) for c in outside.conclusions] == [
        ("列管案號 12601 及 12616 賡續列管。", True)
    ]
    assert done.seq is not None
    edits.undo(102, done.seq)
    outside = meeting(repo).sections[1].items[2]
    assert [c.text for c in outside.conclusions] == ["列管案號 12601 賡續列管。"]


def test_a_record_with_the_mayor_s_cases_decided_imports_back_with_them(
    repo: Repository, tmp_path: Path
) -> None:
    """「列管案號 12601 賡續列管。」 under 市長室暨市政會議列管… is the mayor's office's case
    12601 kept, not an internal case of a 126th meeting."""
    edits = service(repo)
    edits.apply(Decide(102, 12601, "keep", "mayor"))
    edits.apply(Adjourn(102, "11:00"))
    record = tmp_path / "record-102.md"
    text = secretary.render_meeting(repo, meeting(repo), agenda=False, format="md")
    record.write_text(text, "utf-8")
    again = Repository.open(tmp_path / "again")
    secretary.import_records(again, [REFERENCE, record], replace=False)
    assert again.case(12601) is None
    mayor = again.case(12601, CaseKind.MAYOR)
    assert mayor is not None
    event = mayor.decision_at(102)
    assert event is not None and event.decision is CaseDecision.KEEP


def test_track_and_withdraw_never_spend_a_number_twice(repo: Repository) -> None:
    edits = service(repo)
    edits.apply(WriteConclusion(102, ITEM, "c-t", "請總務組辦理。"))
    tracked = edits.apply(Track(102, "c-t"))
    assert repo.case(10201) is not None
    assert tracked.seq is not None
    withdrawn = edits.undo(102, tracked.seq)
    assert repo.case(10201) is None
    assert withdrawn.seq is not None
    edits.undo(102, withdrawn.seq)  # redo: the same number again
    case = repo.case(10201)
    assert case is not None and case.owner == "總務組"
    edits.apply(Untrack(102, "c-t"))
    edits.apply(Track(102, "c-t"))
    assert repo.case(10202) is not None and repo.case(10201) is None


def test_delete_move_and_their_undos_put_entries_back_where_they_were(
    repo: Repository,
) -> None:
    edits = service(repo)
    for n, text in enumerate(("一", "二", "三")):
        edits.apply(WriteConclusion(102, ITEM, f"c{n}", text))
    moved = edits.apply(MoveEntry(102, "c2", -2))
    assert texts(repo) == ["三", "一", "二"]
    removed = edits.apply(RemoveEntry(102, "c0"))
    assert texts(repo) == ["三", "二"]
    assert removed.seq is not None and moved.seq is not None
    edits.undo(102, removed.seq)
    edits.undo(102, moved.seq)
    assert texts(repo) == ["一", "二", "三"]


def test_a_tracked_conclusion_cannot_be_deleted_with_a_hint(repo: Repository) -> None:
    edits = service(repo)
    edits.apply(WriteConclusion(102, ITEM, "c-t", "請總務組辦理。"))
    edits.apply(Track(102, "c-t"))
    with pytest.raises(EditError, match="case 10201") as refused:
        edits.apply(RemoveEntry(102, "c-t"))
    assert refused.value.hint.value == "untrack_first"


def test_reports_motions_and_the_clock(repo: Repository) -> None:
    edits = service(repo)
    edits.apply(WriteReport(102, "i2.4", "r-new", "場地已安排。", "國際事務組陳組長"))
    motion = edits.apply(AddMotion(102, "i-m", "總務組王組長口頭報告", "薪資單標示。"))
    edits.apply(Begin(102, "10:05"))
    edits.apply(Adjourn(102, "11:14"))
    stored = meeting(repo)
    report = find_entry(stored, "r-new")
    assert report is not None and report[1].text == "場地已安排。"
    last = stored.sections[-1].items[-1]
    assert (last.presenter, last.presenter_kind) == ("總務組王組長", "口頭報告")
    assert stored.start.strftime("%H:%M") == "10:05" and str(stored.end) == "11:14:00"
    assert stored.status.value == "recorded"
    edits.apply(RemoveItem(102, "i-m"))
    assert motion.seq is not None
    assert all(item.id != "i-m" for item in meeting(repo).items())


def test_a_refused_operation_changes_nothing_and_logs_nothing(repo: Repository) -> None:
    edits = service(repo)
    before = (meeting(repo), len(edits.log(102)))
    with pytest.raises(EditError):
        edits.apply(Decide(102, 10001, "keep"))  # released at 101
    with pytest.raises(EditError):
        edits.apply(WriteConclusion(102, "no-such-item", "c", "文字"))
    assert (meeting(repo), len(edits.log(102))) == before


HOSTILE = "同意\u202e查備\x1b[31m紅\x1b]0;title\x07\u2066完\x9b2J"


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_every_operation_cleans_its_text_where_it_comes_in(name: str) -> None:
    cls = OPERATIONS[name]
    fields = [f for f in dataclasses.fields(cls) if f.name not in ("meeting", "group")]
    values: dict[str, Any] = {}
    for f in fields:
        if f.type in ("str", "str | None"):
            values[f.name] = HOSTILE
        elif f.type in ("list[str]", "list[str] | None"):
            values[f.name] = [HOSTILE]
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            values[f.name] = {"int": 1, "int | None": 1, "bool": False}.get(str(f.type), {})
    op: Operation = cls(102, **values)
    for f in fields:
        value = getattr(op, f.name)
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and f.name != "source":
                assert text == clean_text(HOSTILE) == "同意查備紅完", (name, f.name)


def test_a_confirmed_record_changes_only_under_a_logged_correction(repo: Repository) -> None:
    edits = service(repo)
    secretary.editor(repo).apply(Confirm(101, 102, []))
    record = meeting(repo, 101)
    first = record.sections[1].items[0].conclusions[0]
    change = WriteConclusion(101, record.sections[1].items[0].id, first.id, "准予備查。")
    with pytest.raises(EditError, match="confirmed"):
        edits.apply(change)
    reader = meeting(repo).sections[0].body
    assert reader is not None and reader.conclusions[0].text == "紀錄確定。"
    assert isinstance(reader.conclusions[0], Conclusion)


def _without_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def test_a_meeting_written_before_ids_and_logs_is_read_and_changed(repo: Repository) -> None:
    """Schema 1: no ids, no log. Its entries are named by place; the next write keeps them."""
    path = repo.store.root / "meetings" / "0102.json"
    document = json.loads(path.read_text("utf-8"))
    old = {"format": "agenda", "schema": 1, "tables": _without_ids(document["tables"])}
    old["tables"].pop("log", None)
    path.write_text(json.dumps(old, ensure_ascii=False), "utf-8")
    edits = service(repo)
    edits.apply(WriteReport(102, "i2.4", "r2.4.1", "場地已安排。"))
    stored = meeting(repo)
    assert stored.sections[1].items[3].reports[0].text == "場地已安排。"
    again = json.loads(path.read_text("utf-8"))
    assert again["schema"] == 2 and again["tables"]["log"]["1"]["op"] == "write_report"
    assert again["tables"]["meeting"]["1"]["sections"][1]["items"][3]["id"] == "i2.4"


def test_a_long_log_keeps_its_newest_changes_with_the_meeting(repo: Repository) -> None:
    """However many changes a meeting takes, its document keeps a bounded log; the rest
    is in documents of their own, and the whole log still reads, and undoes, in order."""
    edits = service(repo)
    done = [edits.apply(WriteConclusion(102, ITEM, f"c{n}", f"第 {n} 項")) for n in range(150)]
    document = json.loads((repo.store.root / "meetings" / "0102.json").read_text("utf-8"))
    assert len(document["tables"]["log"]) <= 64
    assert sorted(p.name for p in (repo.store.root / "logs" / "0102").iterdir()) == [
        "000001.json",
        "000033.json",
        "000065.json",
    ]
    log = edits.log(102)
    assert [line.seq for line in log] == list(range(1, 152))
    first = done[0].seq
    assert first == 2  # after "meeting 102 prepared"
    edits.undo(102, first)  # an old change, read from its chunk
    assert "第 0 項" not in texts(repo)
