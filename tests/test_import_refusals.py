"""Input that is not a record is refused with one line that names the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.importer.decode import NotARecordError
from tui.importer.record import read_record

NOT_RECORDS = {
    "empty.md": b"",
    "blank.md": b"\n\n   \n",
    "binary.bin": bytes(range(256)) * 4,
    "undecodable.txt": "第 1 次會議紀錄".encode("utf-16-le")[:-1] + b"\xff\xfe\xfa",
    "error-page.html": b"<html><head><title>502 Bad Gateway</title></head>"
    b"<body><h1>Bad Gateway</h1></body></html>",
    "prose.txt": "今天天氣很好，我們去公園散步。\n然後回家吃飯。\n".encode(),
    "no-date.md": "臺北市政府秘書處第 5 次處務會議紀錄\n\n地點：會議室\n".encode(),
    "bad-date.md": "臺北市政府秘書處第 5 次處務會議紀錄\n\n時間：民國 110 年 13 月 1 日\n".encode(),
}


@pytest.mark.parametrize("name", sorted(NOT_RECORDS))
def test_refused_with_one_line_naming_the_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(NOT_RECORDS[name])
    with pytest.raises(NotARecordError) as raised:
        read_record(path, [])
    message = str(raised.value)
    assert message.startswith(str(path))
    assert "\n" not in message


def test_bad_date_names_the_line_and_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "bad-date.md"
    path.write_bytes(NOT_RECORDS["bad-date.md"])
    with pytest.raises(NotARecordError, match=r"line 3: 時間 .*13"):
        read_record(path, [])


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(NotARecordError, match="no such file"):
        read_record(tmp_path / "nowhere.md", [])


def test_a_record_tracking_more_cases_than_a_meeting_may_number_is_refused(
    tmp_path: Path,
) -> None:
    """A meeting numbers its new cases 01 to 99 (案號 10101 … 10199): a record that tracks a
    hundredth is refused in one line, not stopped by a ValueError (found by the fuzzer)."""
    from tests.cli_support import agenda, one_error_line
    from tests.conftest import REFERENCE

    text = REFERENCE.read_text(encoding="utf-8")
    tracked = "會議結論：本案列管，請總務組出納配合改正。\n"
    end = text.rindex("散會")
    path = tmp_path / "hundred.md"
    path.write_text(text[:end] + tracked * 100 + "\n" + text[end:], encoding="utf-8")
    with pytest.raises(NotARecordError, match="99") as raised:
        read_record(path, [])
    assert str(raised.value).startswith(str(path))
    line = one_error_line(agenda("import", path, db=tmp_path / "db"))
    assert str(path) in line and "99" in line
    assert not (tmp_path / "db" / "meetings").exists()
