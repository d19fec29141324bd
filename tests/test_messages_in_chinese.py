"""The shared layers' messages in Chinese: what the domain, the store, the importer, the
renderer, the search index and the profile say reaches a Chinese user with no English words
(the record's own words, paths, options and names of formats aside).

Each is driven through the real command, in this process, so the message is the one users
see; the language is chosen by the command itself (AGENDA_LANG), and set back to English
afterwards as every other test expects."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REFERENCE
from tests.language_support import english
from tui import i18n
from tui.cli.main import main


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("AGENDA_LANG", "zh-TW")
    i18n.choose()
    try:
        yield
    finally:
        monkeypatch.setenv("AGENDA_LANG", "en")
        i18n.choose()


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """`agenda ARGS…` in this process: its status, stdout and stderr."""
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def error_line(capsys: pytest.CaptureFixture[str], *args: str | Path) -> str:
    """The one error line a refused command prints, checked to be Chinese throughout."""
    status, out, err = run(capsys, *args)
    assert status != 0, out
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("agenda：錯誤："), lines[0]
    assert not english(" ".join(str(a) for a in args), lines[0])
    return lines[0]


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database holding the reference record (meeting 101), imported in English."""
    folder = tmp_path / "db"
    assert main(["--db", str(folder), "import", str(REFERENCE)]) == 0
    capsys.readouterr()
    return folder


@pytest.mark.usefixtures("chinese")
def test_an_impossible_date_is_said_in_chinese(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = error_line(capsys, "--db", db, "prepare", "--date", "2021-02-30")
    assert "2 月沒有 30 日" in line and "2021-02-30" in line
    line = error_line(capsys, "--db", db, "prepare", "--date", "民國 109 年 2 月 30 日")
    assert "2 月沒有 30 日" in line
    line = error_line(capsys, "--db", db, "prepare", "--date", "民國 110 年 2 月 29 日")
    assert "民國 110 年不是閏年" in line
    line = error_line(capsys, "--db", db, "prepare", "--date", "下午 13 時")
    assert "找不到日期" in line
    line = error_line(capsys, "--db", db, "status", "101", "recorded", "--end", "上午 13 時")
    assert "上午沒有 13 時" in line


@pytest.mark.usefixtures("chinese")
def test_a_step_the_record_cannot_take_is_said_in_chinese(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = error_line(capsys, "--db", db, "status", "101", "in_session")
    assert "第 101 次會議為紀錄完成：退回請以 --reason 說明原因" in line
    line = error_line(capsys, "--db", db, "conclude", "101", "玖、一", "本案列管")
    assert "第 101 次會議沒有項次" in line


@pytest.mark.usefixtures("chinese")
def test_a_damaged_profile_is_said_in_chinese(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = db / "profile.toml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(re.sub(r"(?m)^text_width = .*$", "text_width = 5", text), encoding="utf-8")
    line = error_line(capsys, "--db", db, "show", "101")
    assert f"{profile} 第 " in line and "須為 20 至 400 的整數，而非 5" in line
    profile.write_bytes(b'organisation = "\xff"\n')
    assert "不是 UTF-8 文字" in error_line(capsys, "--db", db, "show", "101")


@pytest.mark.usefixtures("chinese")
def test_what_the_store_cannot_find_or_read_is_said_in_chinese(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "中查無第 999 次會議" in error_line(capsys, "--db", db, "show", "999")
    line = error_line(capsys, "--db", tmp_path / "none", "show", "101")
    assert "不是 agenda 資料庫：資料夾不存在" in line
    document = db / "meetings" / "0101.json"
    document.write_bytes(b"")
    document.with_name("0101.json.bak").unlink(missing_ok=True)
    line = error_line(capsys, "--db", db, "show", "101")
    assert "已損毀：檔案是空的；沒有備份 0101.json.bak 可供還原" in line


@pytest.mark.usefixtures("chinese")
def test_a_damaged_document_with_a_backup_is_a_chinese_warning(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = db / "meetings" / "0101.json"
    shutil.copyfile(document, document.with_name("0101.json.bak"))
    document.write_bytes(b'{"format": "agenda", "schema": 2, "tables": {')
    status, _out, err = run(capsys, "--db", db, "show", "101")
    assert status == 0, err
    assert err.startswith("agenda：警告："), err
    assert "曾損毀（不是有效的 JSON" in err and "還原最後一份完好的版本" in err
    # The reason json gives is its own English; the words around it are ours.
    json_says = "Expecting property name enclosed in double quotes"
    assert not english("warning", err, content=[json_says])


@pytest.mark.usefixtures("chinese")
def test_a_file_that_is_not_a_record_is_refused_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "note.txt").write_text("明天開會，請準時出席。\n", encoding="utf-8")
    (folder / "empty.md").write_text("", encoding="utf-8")
    (folder / "image.md").write_bytes(b"\x89PNG\x00\x00")
    status, _out, err = run(capsys, "--db", tmp_path / "db", "import", folder, tmp_path / "gone")
    assert status == 2
    assert not english("import", err)
    prefix = "agenda：錯誤："
    assert all(line.startswith(prefix) for line in err.splitlines())
    said = dict(line.removeprefix(prefix).split("：", 1) for line in err.splitlines())
    assert said == {
        f"{tmp_path / 'gone'}": "沒有這個檔案或資料夾",
        f"{folder / 'empty.md'}": "檔案是空的",
        f"{folder / 'image.md'}": "這是二進位資料，不是文字紀錄",
        f"{folder / 'note.txt'}": "找不到紀錄標題（…第 N 次…紀錄）",
    }


@pytest.mark.usefixtures("chinese")
def test_a_record_of_another_office_or_one_stored_is_refused_in_chinese(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.md"
    other.write_text(
        REFERENCE.read_text(encoding="utf-8").replace("臺北市政府秘書處", "臺北市政府法務局", 1),
        encoding="utf-8",
    )
    status, _out, err = run(capsys, "--db", db, "import", REFERENCE, other)
    assert status == 2
    assert not english("import", err, content=["--replace"])
    assert "第 101 次會議也見於" in err and "請只匯入其中之一" in err
    status, _out, err = run(capsys, "--db", db, "import", other)
    assert "這是臺北市政府法務局處務會議的紀錄，但本資料庫存放的是臺北市政府秘書處處務會議" in err
    status, _out, err = run(capsys, "--db", db, "import", REFERENCE)
    assert "第 101 次會議已儲存；請以 --replace 用本紀錄取代" in err
    assert not english("import", err)


@pytest.mark.usefixtures("chinese")
def test_the_search_index_notice_and_results_are_chinese(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "--db", db, "search", "總務組")
    assert status == 0, err
    assert err.startswith("agenda：附註：正在建立搜尋索引 "), err
    assert "（僅此一次；之後只更新有變動的部分）" in err
    assert not english("search", err)
    assert "會議結論 1" in out and "列管案件 10101" in out, out
    assert not english("search", out, content=[REFERENCE.read_text(encoding="utf-8")])
    line = error_line(capsys, "--db", db, "search", "、。")
    assert "中沒有可搜尋的內容：請輸入文字或數字" in line


def test_an_office_template_that_runs_away_is_stopped_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, units: list[str]
) -> None:
    from tui.importer.record import read_record
    from tui.render.document import RenderOptions, render_record
    from tui.render.formats import RenderError

    (tmp_path / "record.md.j2").write_text(
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    record = read_record(REFERENCE, units)
    options = RenderOptions(template_dirs=(tmp_path,), time_limit=0.3)
    monkeypatch.setenv("AGENDA_LANG", "zh-TW")
    i18n.choose()
    try:
        with pytest.raises(RenderError) as raised:
            render_record(record.meeting, record.office, options)
    finally:
        monkeypatch.setenv("AGENDA_LANG", "en")
        i18n.choose()
    assert str(raised.value) == "範本 record.md.j2 執行超過 0.3 秒，已中止"
