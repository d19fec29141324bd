"""`agenda import` of an office's archive: a folder of records derived from the reference,
with a Big5 record and a note that is not a record, stored in meeting order."""

from __future__ import annotations

import json
import random
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest

from benchmarks.archive import NOT_A_RECORD, Archive, record_text, write_archive
from tests.cli_support import agenda, imported_rows, load_json, one_error_line
from tests.conftest import ROOT
from tests.test_app_pty import needs_pty

FIRST, COUNT = 98, 6  # meetings 98 to 103


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return write_archive(tmp_path_factory.mktemp("archive") / "處務會議紀錄", FIRST, COUNT)


@pytest.fixture(scope="module")
def folder_import(
    archive: Archive, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    db = tmp_path_factory.mktemp("bulk") / "db"
    return db, agenda("import", archive.folder, db=db)


def documents(db: Path) -> dict[str, Any]:
    """Every document of a database, parsed: equal when they hold the same, in any order.

    Left out: meta.json (when the database was made) and each meeting's log (when and
    from which file each record came, which differs from one import to another)."""
    found = {}
    for path in sorted(db.rglob("*.json")):
        if path.name != "meta.json":
            document = json.loads(path.read_text(encoding="utf-8"))
            document["tables"].pop("log", None)
            found[path.relative_to(db).as_posix()] = document
    return found


def test_a_folder_is_imported_in_meeting_order(
    folder_import: tuple[Path, subprocess.CompletedProcess[str]], archive: Archive
) -> None:
    _db, result = folder_import
    rows = imported_rows(result)
    assert list(rows) == list(range(FIRST, FIRST + COUNT))
    for number, row in rows.items():
        # Each opens two cases (N01, N02); keeps those of the three meetings before it.
        assert row[1:] == ["8", "22", "2", "2", "6", str(archive.records[number])], number
    assert rows[101][0] == "110/6/17"
    assert rows[FIRST + 1][-1] == str(archive.big5)


def test_the_file_that_is_not_a_record_is_named_and_the_status_says_so(
    folder_import: tuple[Path, subprocess.CompletedProcess[str]], archive: Archive
) -> None:
    _db, result = folder_import
    assert result.returncode == 2
    line = one_error_line(result)
    assert line.startswith(f"agenda: error: {archive.not_a_record}: no record title")
    last = result.stdout.splitlines()[-1]
    assert last == (
        f"imported {COUNT} meetings from {COUNT + 1} file(s); 1 not imported (listed on stderr); "
        "every line placed"
    )


def test_a_case_history_is_stitched_meeting_by_meeting(
    folder_import: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    db, _ = folder_import
    [case] = load_json(agenda("cases", "--history", "9801", "--json", db=db))
    assert (case["status"], case["owner"], case["origin_meeting"]) == ("closed", "市民服務組", 98)
    events = [(e["meeting"], e["decision"]) for e in case["history"]]
    assert events == [(98, None), (99, "keep"), (100, "keep"), (101, "keep"), (102, "release")]
    assert "本案列管" in case["history"][0]["conclusion"]
    open_cases = load_json(agenda("cases", "--open", "--json", db=db))
    internal = [c["number"] for c in open_cases if c["kind"] == "internal"]
    assert internal == [10001, 10002, 10101, 10102, 10201, 10202, 10301, 10302]


def test_the_big5_record_reads_as_its_utf8_text_does(
    folder_import: tuple[Path, subprocess.CompletedProcess[str]], archive: Archive, tmp_path: Path
) -> None:
    db, _ = folder_import
    assert archive.big5 is not None
    with pytest.raises(UnicodeDecodeError):
        archive.big5.read_bytes().decode("utf-8")
    utf8 = tmp_path / "utf8.md"
    utf8.write_text(record_text(FIRST + 1), encoding="utf-8")
    assert agenda("import", utf8, db=tmp_path / "db").returncode == 0
    meeting = load_json(agenda("show", str(FIRST + 1), "--json", db=db))
    assert meeting == load_json(agenda("show", str(FIRST + 1), "--json", db=tmp_path / "db"))
    assert meeting["date"] == "2021-04-15"


def test_files_in_any_order_give_the_same_database(archive: Archive, tmp_path: Path) -> None:
    files = list(archive.records.values())
    ordered, shuffled = tmp_path / "ordered", tmp_path / "shuffled"
    assert agenda("import", *files, db=ordered).returncode == 0
    mixed = files[:]
    random.Random(7).shuffle(mixed)
    assert mixed != files
    assert agenda("import", *mixed, db=shuffled).returncode == 0
    assert documents(ordered) == documents(shuffled)  # the logs aside: they say when


def test_one_import_at_a_time_in_reverse_gives_the_same_records(
    folder_import: tuple[Path, subprocess.CompletedProcess[str]], archive: Archive, tmp_path: Path
) -> None:
    bulk, _ = folder_import
    db = tmp_path / "one-by-one"
    for number in sorted(archive.records, reverse=True):
        result = agenda("import", archive.records[number], db=db)
        assert result.returncode == 0, result.stderr
    assert documents(db) == documents(bulk)


def test_the_json_summary(archive: Archive, tmp_path: Path) -> None:
    result = agenda("import", "--json", archive.folder, db=tmp_path / "db")
    assert result.returncode == 2
    summary = json.loads(result.stdout)
    assert summary["files"] == COUNT + 1
    assert [r["meeting"] for r in summary["imported"]] == list(range(FIRST, FIRST + COUNT))
    first = summary["imported"][0]
    assert first["date"] == "2021-03-18"
    assert first["file"] == str(archive.records[FIRST])
    assert (first["items"], first["conclusions"]) == (8, 22)
    assert first["cases"] == {"opened": 2, "released": 2, "kept": 6, "outside": 2}
    assert first["unplaced"] == []
    assert summary["failed"] == [
        {"file": str(archive.not_a_record), "reason": "no record title (…第 N 次…紀錄) found"}
    ]


def test_a_line_not_placed_is_listed_with_its_file_and_line(
    archive: Archive, tmp_path: Path
) -> None:
    stamped = tmp_path / "stamped.md"
    text = archive.records[101].read_text(encoding="utf-8")
    text = text.replace("處務會議紀錄\n", "處務會議紀錄\n檔　　號：110/010101\n", 1)
    stamped.write_text(text, encoding="utf-8")
    line = text.splitlines().index("檔　　號：110/010101") + 1
    result = agenda("import", stamped, archive.records[100], db=tmp_path / "db")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-3:] == [
        "1 line(s) kept as notes, not placed:",
        f"  {stamped}:{line}: 檔　　號：110/010101",
        "imported 2 meetings from 2 file(s)",
    ]


def test_chrome_before_the_title_is_skipped_and_said(archive: Archive, tmp_path: Path) -> None:
    stamped = tmp_path / "stamped.md"
    text = archive.records[101].read_text(encoding="utf-8")
    stamped.write_text("首頁 > 會議紀錄\n檔　　號：110/010101\n" + text, encoding="utf-8")
    result = agenda("import", stamped, db=tmp_path / "db")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-4:] == [
        "2 line(s) skipped (before the title, or page numbers):",
        f"  {stamped}:1: 首頁 > 會議紀錄",
        f"  {stamped}:2: 檔　　號：110/010101",
        "imported 1 meeting from 1 file(s); every line placed",
    ]


def test_bad_files_do_not_stop_the_others(archive: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(archive.folder, folder)
    (folder / "empty.md").write_bytes(b"")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x01binary")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden: not looked at
    missing = tmp_path / "nowhere.md"
    result = agenda("import", folder, missing, db=tmp_path / "db")
    assert result.returncode == 2
    assert list(imported_rows(result)) == list(range(FIRST, FIRST + COUNT))
    assert sorted(result.stderr.splitlines()) == [
        f"agenda: error: {folder / 'empty.md'}: the file is empty",
        f"agenda: error: {folder / 'scan.pdf'}: binary data, not a text record",
        f"agenda: error: {folder / NOT_A_RECORD}: no record title (…第 N 次…紀錄) found",
        f"agenda: error: {missing}: no such file or folder",
    ]


def test_meetings_already_stored_are_refused_and_new_ones_stored(
    folder_import: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    bulk, _ = folder_import
    db = tmp_path / "db"
    shutil.copytree(bulk, db)
    later = write_archive(tmp_path / "later", FIRST + COUNT - 1, 2, extras=False)
    stored_before = later.records[FIRST + COUNT - 1]
    result = agenda("import", later.folder, db=db)
    assert result.returncode == 2
    assert list(imported_rows(result)) == [FIRST + COUNT]
    assert one_error_line(result) == (
        f"agenda: error: {stored_before}: meeting {FIRST + COUNT - 1} is already stored; "
        "use --replace to replace it with this record"
    )
    [case] = load_json(agenda("cases", "--history", "10001", "--json", db=db))
    assert [e["decision"] for e in case["history"]][-1] == "release"  # at 104


def test_nothing_readable_leaves_no_database(archive: Archive, tmp_path: Path) -> None:
    db = tmp_path / "db"
    assert archive.not_a_record is not None
    result = agenda("import", archive.not_a_record, db=db)
    assert result.returncode == 2
    assert result.stdout == ""
    one_error_line(result)
    assert not db.exists()


@needs_pty
def test_a_terminal_sees_a_progress_bar_on_stderr(archive: Archive, tmp_path: Path) -> None:
    db, out = tmp_path / "db", tmp_path / "stdout"
    command = [sys.executable, "-m", "tui", "--db", str(db), "import", str(archive.folder)]
    shell = f"exec {shlex.join(command)} > {shlex.quote(str(out))}"  # stderr on the terminal
    child = pexpect.spawn("bash", ["-c", shell], cwd=str(ROOT), timeout=30, dimensions=(24, 100))
    child.expect("reading")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    terminal = child.before.decode("utf-8")
    assert f"{COUNT + 1}/{COUNT + 1}" in terminal  # files read
    assert f"{COUNT}/{COUNT}" in terminal  # meetings stored
    assert f"agenda: error: {archive.not_a_record}: no record title" in terminal
    table = out.read_text(encoding="utf-8")
    assert "\x1b" not in table  # the bar never reaches stdout
    assert table.splitlines()[-1].startswith(f"imported {COUNT} meetings")
