"""Issue 17, meeting numbers: every number a user or a file gives has a range, checked where it
enters, refused in one line naming the field and the range; the database stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_support import agenda, imported_rows, private_copy, snapshot
from tests.conftest import REFERENCE


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("numbers") / "db"
    assert agenda("import", REFERENCE, db=db).returncode == 0
    return db


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("render", "-1"), "N"),
        (("render", "0"), "N"),
        (("show", "10000"), "N"),
        (("prepare", "--after", "-1"), "--after"),
        (("prepare", "--number", "0"), "--number"),
        (("decide", "101", "-1", "--keep"), "CASE"),
        (("decide", "-101", "10101", "--keep"), "N"),
        (("cases", "--history", "-1"), "--history"),
        (("confirm", "-3"), "N"),
        (("log", "99999999999999999999999"), "N"),
        (("render", "101", "--format", "txt", "--width", "99999999999999999999999"), "--width"),
        (("render", "101", "--format", "txt", "--width", "1000000000"), "--width"),
        (("undo", "101", "--change", "-1"), "--change"),
    ],
)
def test_a_number_out_of_range_is_one_line_naming_field_and_range(
    shared_db: Path, args: tuple[str, ...], field: str
) -> None:
    before = snapshot(shared_db)
    result = agenda(*args, db=shared_db, env={"AGENDA_LANG": "en"})
    assert result.returncode == 2
    assert "Traceback" not in result.stderr, result.stderr
    line = result.stderr.splitlines()[-1]  # argparse's refusals come after the usage line
    assert "error: " in line and field in line and " to " in line, line
    assert snapshot(shared_db) == before


@pytest.mark.parametrize("zero", ["0", "０", "000"])
def test_a_record_numbered_zero_is_refused_and_the_others_stored(
    shared_db: Path, tmp_path: Path, zero: str
) -> None:
    db = private_copy(shared_db, tmp_path)
    folder = tmp_path / "records"
    folder.mkdir()
    text = REFERENCE.read_text(encoding="utf-8")
    (folder / "a-zero.md").write_text(text.replace("第 101 次", f"第 {zero} 次", 1), "utf-8")
    (folder / "b-102.md").write_text(text.replace("第 101 次", "第 102 次", 1), "utf-8")
    result = agenda("import", folder, db=db, env={"AGENDA_LANG": "en"})
    assert "Traceback" not in result.stderr, result.stderr
    assert 102 in imported_rows(result)
    assert "a-zero.md" in result.stderr and "1 to 9999" in result.stderr, result.stderr


@pytest.mark.parametrize(
    "args", [("import", ""), ("render", "101", "-o", ""), ("--db", "", "meetings")]
)
def test_an_empty_name_is_not_the_current_folder(shared_db: Path, args: tuple[str, ...]) -> None:
    """Found by the fuzzing suite: `import ""` imported every file of the current folder."""
    before = snapshot(shared_db)
    db = None if args[0] == "--db" else shared_db
    result = agenda(*args, db=db, env={"AGENDA_LANG": "en"})
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].endswith("an empty name is not a file or folder")
    assert snapshot(shared_db) == before
