"""The `agenda` command end to end: real processes, real files, a real database folder."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.cli_support import (
    agenda,
    imported_rows,
    load_json,
    one_error_line,
    private_copy,
    snapshot,
)
from tests.conftest import REFERENCE, ROOT
from tui import __version__
from tui.render.cjkwrap import width

CLOSED = set(range(10001, 10008))
OPEN = {9805, 9903, 9904, 10101, 12601, 12616}

NOT_RECORDS = {
    "empty.md": b"",
    "binary.bin": bytes(range(256)) * 4,
    "error-page.html": b"<html><head><title>502 Bad Gateway</title></head>"
    b"<body><h1>Bad Gateway</h1></body></html>\n",
    "prose.txt": "今天天氣很好，我們去公園散步。\n然後回家吃飯。\n".encode(),
}


def squeezed_lines(text: str) -> list[str]:
    """The non-blank lines of text with all whitespace taken out."""
    lines = ("".join(line.split()) for line in text.splitlines())
    return [line for line in lines if line]


# -- fixtures -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def first_import(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    db = tmp_path_factory.mktemp("shared") / "db"
    return db, agenda("import", REFERENCE, db=db)


@pytest.fixture(scope="module")
def shared_db(first_import: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    """The reference imported once; only for tests that never change it."""
    db, result = first_import
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture
def db(shared_db: Path, tmp_path: Path) -> Path:
    """A private copy of the imported reference, free to change."""
    return private_copy(shared_db, tmp_path)


@pytest.fixture(scope="module")
def meeting(shared_db: Path) -> dict[str, Any]:
    data: dict[str, Any] = load_json(agenda("show", "101", "--json", db=shared_db))
    return data


@pytest.fixture(scope="module")
def all_cases(shared_db: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = load_json(agenda("cases", "--json", db=shared_db))
    return data


# -- import ---------------------------------------------------------------------------


def test_import_reports_the_meeting_and_every_line_placed(
    first_import: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    _db, result = first_import
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    # 壹's own conclusions + 貳's four items + 參's three motions; 2+2+4+3+8+1+1+1
    # conclusions; 1 case opened, 7 released, 3 kept.
    assert imported_rows(result)[101] == ["110/6/17", "8", "22", "1", "7", "3", str(REFERENCE)]
    assert result.stdout.splitlines()[-1] == "imported 1 meeting from 1 file(s); every line placed"


def test_import_through_agenda_db_variable(tmp_path: Path) -> None:
    db = tmp_path / "from-env"
    env = {"AGENDA_DB": str(db)}
    imported = agenda("import", REFERENCE, env=env)
    assert imported.returncode == 0, imported.stderr
    assert (db / "meetings").is_dir()
    listed = load_json(agenda("cases", "--open", "--json", env=env))
    assert {c["number"] for c in listed} == OPEN


def test_db_option_wins_over_agenda_db_variable(shared_db: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "never-made"
    result = agenda("show", "101", "--json", db=shared_db, env={"AGENDA_DB": str(elsewhere)})
    assert load_json(result)["number"] == 101
    assert not elsewhere.exists()


# -- show -------------------------------------------------------------------------------


def test_show_json_gives_number_and_iso_dates(meeting: dict[str, Any]) -> None:
    assert meeting["number"] == 101
    assert meeting["date"] == "2021-06-17"
    assert meeting["start"] == "2021-06-17T10:00:00"
    assert meeting["end"] == "11:14:00"


def test_show_json_gives_the_header_fields(meeting: dict[str, Any]) -> None:
    assert meeting["place"] == "視訊會議"
    assert meeting["chair"] == "陳志銘"
    assert meeting["recorder"] == "許菁芳"


def test_show_json_gives_the_three_sections(meeting: dict[str, Any]) -> None:
    titles = [section["title"] for section in meeting["sections"]]
    assert len(titles) == 3
    assert titles[0].startswith("宣讀 110 年 5 月 20 日第 100 次處務會議紀錄")
    assert titles[1:] == ["報告事項", "臨時動議"]


def test_show_without_json_names_the_meeting(shared_db: Path) -> None:
    result = agenda("show", "101", db=shared_db)
    assert result.returncode == 0, result.stderr
    assert "第 101 次" in result.stdout
    assert "民國 110 年 6 月 17 日 10 時 0 分" in result.stdout


# -- cases ------------------------------------------------------------------------------


def test_cases_json_has_the_fields_of_every_case(all_cases: list[dict[str, Any]]) -> None:
    assert all_cases
    for case in all_cases:
        assert {"number", "status", "owner", "origin_meeting", "subject"} <= case.keys(), case
        assert case["status"] in ("open", "closed")


def test_cases_released_and_kept_as_the_record_says(all_cases: list[dict[str, Any]]) -> None:
    status = {c["number"]: c["status"] for c in all_cases}
    assert {n for n, s in status.items() if s == "closed"} == CLOSED
    assert {n for n, s in status.items() if s == "open"} == OPEN


def test_internal_cases_come_from_the_meeting_their_number_names(
    all_cases: list[dict[str, Any]],
) -> None:
    internal = [c for c in all_cases if c["number"] < 12000]
    assert len(internal) == 11
    for case in internal:
        assert case["origin_meeting"] == case["number"] // 100, case


def test_new_case_from_the_motion_is_owned_by_general_affairs(
    all_cases: list[dict[str, Any]],
) -> None:
    new = next(c for c in all_cases if c["number"] == 10101)
    assert new["owner"] == "總務組"
    assert new["origin_meeting"] == 101
    assert new["status"] == "open"
    assert "員工薪資單" in new["subject"]


def test_cases_open_lists_exactly_the_open_ones(shared_db: Path) -> None:
    listed = load_json(agenda("cases", "--open", "--json", db=shared_db))
    assert sorted(c["number"] for c in listed) == sorted(OPEN)
    assert all(c["status"] == "open" for c in listed)


# -- render -----------------------------------------------------------------------------


def test_render_markdown_is_the_reference_with_the_page_break_joined(shared_db: Path) -> None:
    result = agenda("render", "101", db=shared_db)
    assert result.returncode == 0, result.stderr
    expected = squeezed_lines(REFERENCE.read_text(encoding="utf-8"))
    split = next(i for i, line in enumerate(expected) if line.endswith("的爭議，養"))
    assert expected[split + 1].startswith("成自省的習慣")
    expected[split : split + 2] = [expected[split] + expected[split + 1]]
    assert squeezed_lines(result.stdout) == expected


def test_render_text_to_a_file_fits_fifty_columns(shared_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "record-101.txt"
    result = agenda("render", "101", "--format", "txt", "--width", "50", "-o", target, db=shared_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    lines = target.read_text(encoding="utf-8").splitlines()
    too_wide = [line for line in lines if width(line) > 50 and "https://" not in line]
    assert too_wide == []
    assert max(width(line) for line in lines if "https://" not in line) > 40
    joined = "".join("".join(lines).split())
    assert "臺北市政府秘書處第101次處務會議紀錄" in joined
    assert "養成自省的習慣" in joined
    assert "散會" in joined


# -- refused imports leave the database as it was -----------------------------------------


@pytest.mark.parametrize("name", sorted(NOT_RECORDS))
def test_import_of_a_non_record_is_refused(db: Path, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(NOT_RECORDS[name])
    before = snapshot(db)
    result = agenda("import", path, db=db)
    assert result.returncode == 2
    assert str(path) in one_error_line(result)
    assert snapshot(db) == before


def test_import_of_a_missing_file_is_refused(db: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.md"
    before = snapshot(db)
    result = agenda("import", missing, db=db)
    assert result.returncode == 2
    assert str(missing) in one_error_line(result)
    assert snapshot(db) == before


@pytest.mark.parametrize("name", sorted(NOT_RECORDS))
def test_refused_import_creates_no_database(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(NOT_RECORDS[name])
    db = tmp_path / "db"
    result = agenda("import", path, db=db)
    assert result.returncode == 2
    one_error_line(result)
    assert not db.exists()


def test_importing_a_meeting_again_asks_for_replace(db: Path) -> None:
    before = snapshot(db)
    result = agenda("import", REFERENCE, db=db)
    assert result.returncode == 2
    assert "--replace" in one_error_line(result)
    assert snapshot(db) == before


def test_import_with_replace_succeeds(db: Path) -> None:
    result = agenda("import", "--replace", REFERENCE, db=db)
    assert result.returncode == 0, result.stderr
    assert list(imported_rows(result)) == [101]
    cases = load_json(agenda("cases", "--json", db=db))
    assert len(cases) == 13
    assert {c["number"] for c in cases if c["status"] == "open"} == OPEN


def test_one_meeting_in_two_files_is_refused_in_both(tmp_path: Path) -> None:
    db = tmp_path / "db"
    copy = tmp_path / "copy-of-101.md"
    shutil.copy(REFERENCE, copy)
    result = agenda("import", REFERENCE, copy, db=db)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"agenda: error: {REFERENCE}: meeting 101 is also in {copy}; import only one of them",
        f"agenda: error: {copy}: meeting 101 is also in {REFERENCE}; import only one of them",
    ]
    assert not db.exists()


def test_one_file_named_twice_is_imported_once(tmp_path: Path) -> None:
    db = tmp_path / "db"
    result = agenda("import", REFERENCE, REFERENCE.parent / ".." / "data" / REFERENCE.name, db=db)
    assert result.returncode == 0, result.stderr
    assert list(imported_rows(result)) == [101]


# -- other refusals -------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["render", "show"])
def test_unknown_meeting_is_refused(shared_db: Path, command: str) -> None:
    result = agenda(command, "999", db=shared_db)
    assert result.returncode == 2
    assert "999" in one_error_line(result)
    assert result.stdout == ""


def test_render_refuses_a_width_too_narrow(shared_db: Path) -> None:
    result = agenda("render", "101", "--width", "5", db=shared_db)
    assert result.returncode == 2
    assert "--width 5" in one_error_line(result)
    assert result.stdout == ""


def not_a_database(tmp_path: Path, kind: str) -> Path:
    if kind == "plain file":
        path = tmp_path / "db.txt"
        path.write_text("my notes\n", encoding="utf-8")
    else:
        path = tmp_path / "papers"
        path.mkdir()
        (path / "minutes.docx").write_bytes(b"PK\x03\x04 not really")
    return path


@pytest.mark.parametrize("kind", ["plain file", "folder of other files"])
def test_show_refuses_a_db_that_is_not_a_database(tmp_path: Path, kind: str) -> None:
    path = not_a_database(tmp_path, kind)
    result = agenda("show", "101", db=path)
    assert result.returncode in (1, 2)
    assert str(path) in one_error_line(result)


@pytest.mark.parametrize("kind", ["plain file", "folder of other files"])
def test_import_leaves_a_db_that_is_not_a_database_alone(tmp_path: Path, kind: str) -> None:
    path = not_a_database(tmp_path, kind)
    before = snapshot(tmp_path)
    result = agenda("import", REFERENCE, db=path)
    assert result.returncode in (1, 2)
    assert str(path) in one_error_line(result)
    assert snapshot(tmp_path) == before


# -- version and help ----------------------------------------------------------------------


def test_version() -> None:
    result = agenda("--version")
    assert result.returncode == 0
    assert result.stdout == f"agenda {__version__}\n"


def test_help_names_the_commands_and_exit_statuses() -> None:
    result = agenda("--help")
    assert result.returncode == 0
    for command in ("import", "render", "show", "cases"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.MULTILINE), command
    assert "exit status" in result.stdout
    for status in ("0", "1", "2"):
        assert re.search(rf"^\s+{status}\s+\S", result.stdout, re.MULTILINE), status


# -- a damaged database file ----------------------------------------------------------------

GARBAGE = b"\x00\x17 this is not JSON {{{"


def files_holding(folder: Path, data: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.read_bytes() == data]


def test_damaged_meeting_without_backup_fails_naming_the_file(db: Path) -> None:
    document = db / "meetings" / "0101.json"
    assert not (db / "meetings" / "0101.json.bak").exists()  # one import leaves no backup
    document.write_bytes(GARBAGE)
    result = agenda("show", "101", "--json", db=db)
    assert result.returncode == 1
    assert str(document) in one_error_line(result)
    assert result.stdout == ""
    assert document.read_bytes() == GARBAGE


def test_damaged_meeting_is_restored_from_its_backup_with_a_warning(
    db: Path, tmp_path: Path
) -> None:
    later = tmp_path / "record-101-later.md"
    text = REFERENCE.read_text(encoding="utf-8")
    later.write_text(text.replace("散會 (11 時 14 分)", "散會 (11 時 15 分)"), encoding="utf-8")
    assert agenda("import", "--replace", later, db=db).returncode == 0
    document = db / "meetings" / "0101.json"
    assert (db / "meetings" / "0101.json.bak").is_file()
    document.write_bytes(GARBAGE)

    result = agenda("show", "101", "--json", db=db)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    warnings = result.stderr.splitlines()
    assert len(warnings) == 1, result.stderr
    assert warnings[0].startswith("agenda: warning: ")
    assert str(document) in warnings[0]
    assert json.loads(result.stdout)["end"] == "11:14:00"  # the copy before the replace
    assert files_holding(db, GARBAGE) != []
    again = load_json(agenda("show", "101", "--json", db=db))  # repaired: no second warning
    assert again["end"] == "11:14:00"


@pytest.mark.parametrize("canonical", [True, False], ids=["as-written", "hand-edited"])
@pytest.mark.parametrize(
    "words", [("show", "101"), ("show", "101", "--json"), ("report", "list", "101")]
)
def test_a_lone_surrogate_in_a_document_is_named_as_damage(
    db: Path, canonical: bool, words: tuple[str, ...]
) -> None:
    """JSON may escape half of a surrogate pair (\\ud800), which no UTF-8 text holds: the
    store could neither write the document back nor read it as its canonical bytes."""
    document = db / "meetings" / "0101.json"
    raw = document.read_bytes()
    if canonical:  # the framing this program writes, one escape edited in
        damaged = raw.replace("視訊會議".encode(), b"\\ud800", 1)
    else:
        data = json.loads(raw)
        data["tables"]["meeting"]["1"]["place"] = "\ud800"
        damaged = json.dumps(data).encode()
    assert damaged != raw
    document.write_bytes(damaged)
    result = agenda(*words, db=db, env={"AGENDA_LANG": "en"})
    assert result.returncode == 1, result.stdout
    line = one_error_line(result)
    assert str(document) in line and "surrogate" in line
    assert document.read_bytes() == damaged


# -- the console ------------------------------------------------------------------------------


def test_closed_pipe_ends_quietly(shared_db: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "AGENDA_DB"}
    command = [sys.executable, "-m", "tui", "--db", str(shared_db), "show", "101", "--json"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # like `| head` that has already gone
        stderr = process.stderr.read().decode("utf-8", "replace")
        process.wait(timeout=60)
    assert "Traceback" not in stderr
    assert "BrokenPipe" not in stderr


def test_console_that_cannot_show_chinese_gets_escapes(shared_db: Path) -> None:
    result = agenda("show", "101", db=shared_db, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "\\u" in result.stdout
