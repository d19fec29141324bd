"""Records of other bodies (市政會議, 主管會報, 委員會議) import as they were written, and
nothing is lost without a word: the silent losses of issue 16 each have a test here."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

import pytest

from tests.conftest import RECORDS
from tui.domain.model import Meeting
from tui.importer.decode import NotARecordError
from tui.importer.record import ImportedRecord, read_record, read_records

OFFICES = RECORDS / "offices"


def _import(name: str) -> ImportedRecord:
    return read_record(OFFICES / name, [])


def _names(people: list) -> list[str]:  # type: ignore[type-arg]
    return [p.name for p in people]


def test_a_time_line_does_not_swallow_the_lines_after_it(tmp_path: Path) -> None:
    path = tmp_path / "swallowed.txt"
    path.write_text(
        "某某市政府某某委員會第 8 次委員會議紀錄\n"
        "時間：115 年 3 月 5 日（星期四）上午 9 時 30 分\n"
        "王委員大同 林委員志遠 陳委員美玲 張委員建國\n"
        "地點：第一會議室\n"
        "壹、報告事項\n"
        "一、業務報告\n"
        "決議：洽悉。\n",
        encoding="utf-8",
    )
    record = read_record(path, [])
    assert record.meeting.start == datetime(2026, 3, 5, 9, 30)
    assert record.meeting.place == "第一會議室"
    assert [u.line for u in record.unplaced] == [3]
    assert "王委員大同" in record.meeting.notes[0]


TWO_RECORDS = (
    "臺中市某某委員會第 3 次會議紀錄\n時間：115 年 1 月 5 日 14 時\n"
    "壹、報告事項\n一、業務報告\n決議：洽悉。\n\n"
    "臺中市某某委員會第 4 次會議紀錄\n時間：115 年 2 月 2 日 14 時\n"
    "壹、報告事項\n一、預算報告\n決議：准予備查。\n"
)


def test_two_records_in_one_file_are_refused_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "two.txt"
    path.write_text(TWO_RECORDS, encoding="utf-8")
    with pytest.raises(NotARecordError, match=r"line 7: a second record .*--split"):
        read_record(path, [])


def test_split_imports_each_record_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "two.txt"
    path.write_text(TWO_RECORDS, encoding="utf-8")
    records = read_records(path, [], split=True)
    assert [r.meeting.number for r in records] == [3, 4]
    assert [r.meeting.items()[0].title for r in records] == ["業務報告", "預算報告"]
    assert all(r.unplaced == [] for r in records)


def test_tai_and_tai_are_one_organisation(tmp_path: Path) -> None:
    from tests.cli_support import agenda

    for number, city in ((3, "台中市"), (4, "臺中市")):
        text = TWO_RECORDS.split("\n\n")[number - 3].replace("臺中市", city)
        (tmp_path / f"{number}.txt").write_text(text, encoding="utf-8")
    result = agenda("import", tmp_path / "3.txt", tmp_path / "4.txt", db=tmp_path / "db")
    assert result.returncode == 0, result.stderr
    assert "imported 2 meetings" in result.stdout


def test_no_date_is_refused_naming_the_option(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("某某局第 2 次主管會報\n地點：本局會議室\n甲、報告事項\n", encoding="utf-8")
    with pytest.raises(NotARecordError, match="--date"):
        read_record(path, [])
    assert read_record(path, [], datetime(2026, 3, 5)).meeting.start == datetime(2026, 3, 5)


def test_city_council_web_record() -> None:
    record = _import("city-web-2122.txt")
    meeting: Meeting = record.meeting
    assert (record.office.organisation, record.office.series) == ("臺北市政府", "市政會議")
    assert meeting.number == 2122
    assert meeting.start == datetime(2026, 3, 10, 9, 0)
    assert (meeting.place, meeting.chair, meeting.recorder) == (
        "市政大樓親民廳",
        "蔣市長萬安",
        "研考會周專員惠玲",
    )
    assert len(meeting.attendance.present) == 6
    assert meeting.attendance.observers[0].stand_in == "黃副局長子青"
    assert [s.title for s in meeting.sections] == ["報告事項", "討論事項"]
    first = meeting.sections[0].items[0]
    assert (first.label, first.title) == ("報告事項一", "臺北市公有市場改建計畫期中報告")
    assert first.blocks[0].text.endswith("並已完成基本設計。")  # the page number is gone
    assert first.conclusion_label == "決議"
    assert meeting.end == time(12, 25)
    assert [u.line for u in record.skipped] == [1, 2, 16]
    assert record.unplaced == []


def test_bureau_report_with_numbered_header_and_lettered_sections() -> None:
    record = _import("bureau-report-16.txt")
    meeting = record.meeting
    assert (record.office.organisation, record.office.series) == ("新北市政府文化局", "主管會報")
    assert meeting.number == 16
    assert meeting.start == datetime(2024, 8, 12, 9, 30)
    assert meeting.chair == "張局長淑華"
    present = {p.name: p.mark for p in meeting.attendance.present}
    assert present["周科長志明"] == "請假"
    assert present["吳主任怡君"] == "未派員"
    assert [s.title for s in meeting.sections] == ["報告事項", "臨時動議"]
    first, second = meeting.sections[0].items
    assert [p.text for p in first.blocks[0].points] == [
        "本月辦理街頭藝人審議共計 42 件",
        "補助計畫核定 11 案，總金額 1.97 億元",
    ]
    assert second.conclusions[-1].text == "附帶決議：請會計室協助檢視經費執行率。"
    assert record.unplaced == []


def test_committee_items_introduced_by_case_name() -> None:
    record = _import("committee-302.txt")
    meeting = record.meeting
    assert meeting.number == 302
    assert record.office.series == "會議"
    assert meeting.start == datetime(2025, 5, 7, 14, 0)
    assert meeting.recorder == "都市發展局 何偉倫"
    assert len(meeting.attendance.present) == 5
    assert meeting.notes == ["委員出席12人"]
    assert _names(meeting.attendance.observers) == ["都市發展局", "交通局"]
    cases = meeting.sections[1].items
    assert len(cases) == 2
    assert [b.label for b in cases[0].blocks] == ["案名", "案由", "說明"]
    assert len(cases[0].blocks[2].points) == 2
    assert [c.text for c in cases[1].conclusions] == ["請市府補充交通影響評估後再提會討論。"]
    assert meeting.end == time(16, 10)
    assert record.unplaced == []


def test_a_proxy_written_after_the_name() -> None:
    present = {p.name: p for p in _import("bureau-report-16.txt").meeting.attendance.present}
    assert present["黃科長丁燦"].stand_in == "魏境"


def test_a_flattened_table_is_one_block_in_its_place() -> None:
    record = _import("petitions-88.txt")
    first, second = record.meeting.sections[0].items
    assert [b.label for b in first.blocks] == ["案由", "說明", ""]
    table = first.blocks[2].text.split("\n")
    assert table[:5] == ["編號", "陳情人", "陳情理由", "市府回應意見", "委員會決議"]
    assert table[5:7] == ["1", "王○○"]  # a cell's number is not a page number
    assert len(first.blocks[1].points) == 2
    assert first.conclusions[0].text.startswith("照案通過")
    assert second.blocks[2].text.startswith("修正條文 現行條文 說明\n第三條")
    assert record.unplaced == [] and record.skipped == []


def test_legislature_proceedings_in_columns() -> None:
    record = _import("legislature-5.txt")
    meeting = record.meeting
    assert (record.office.organisation, record.office.series) == ("立法院第11屆第2會期", "會議")
    assert meeting.start == datetime(2024, 10, 8, 9, 0)
    assert meeting.place == "本院議場"
    assert len(meeting.attendance.present) == 7
    assert _names(meeting.attendance.absent) == ["劉委員辛"]
    assert meeting.notes == ["委員出席 7 人"]
    assert [s.title for s in meeting.sections] == ["報告事項", "討論事項"]
    case = meeting.sections[1].items[0]
    assert case.label == "第一案"
    explanation = case.blocks[1]
    assert explanation.points[0].text == "本案經委員會審查完竣，\n不須交由黨團協商。"
    assert [p.text for p in explanation.points[1].points] == [
        "提高罰鍰上限。",
        "增訂主管機關查核權限。",
    ]
    assert meeting.end is None
    assert record.unplaced == []


def test_page_furniture_is_removed_before_lines_are_joined(tmp_path: Path) -> None:
    path = tmp_path / "paged.txt"
    path.write_text(
        "某某市政府法務局第 9 次局務會議紀錄\n時間：115 年 4 月 1 日上午 10 時\n"
        "壹、報告事項\n一、法規整理報告\n"
        "說明：依行政程序法第 6 條第 1 項及地方制度法相關規定辦理本年度法規整理，依第\n"
        "\f\n- 13 -\n一〇\n"
        "6 條第 1 項公告。\n決議：洽悉。\n",
        encoding="utf-8",
    )
    record = read_record(path, [])
    text = record.meeting.sections[0].items[0].blocks[0].text
    assert text.endswith("依第6 條第 1 項公告。")
    assert [u.text for u in record.skipped] == ["- 13 -", "一〇"]


def test_lettered_points_and_numbers_that_only_look_like_labels(tmp_path: Path) -> None:
    path = tmp_path / "lettered.txt"
    path.write_text(
        "某某區公所第 4 次區務會議紀錄\n時間：115 年 2 月 3 日上午 9 時\n壹、報告事項\n"
        "一、災害防救整備報告\n說明：\n1. 防汛器材整備情形：\nA. 抽水機 12 台均已測試。\n"
        "B. 沙包 3,000 包已備妥。\n2.97 年起逐年汰換老舊機具。\n"
        "1.97 公頃滯洪池已完工。\n決議：洽悉。\n",
        encoding="utf-8",
    )
    record = read_record(path, [])
    explanation = record.meeting.sections[0].items[0].blocks[0]
    assert [p.text for p in explanation.points[0].points] == [
        "抽水機 12 台均已測試。",
        "沙包 3,000 包已備妥。",
    ]
    assert explanation.points[1].text == "97 年起逐年汰換老舊機具。\n1.97 公頃滯洪池已完工。"
    assert record.unplaced == []


def test_split_from_the_command_line(tmp_path: Path) -> None:
    from tests.cli_support import agenda

    path = tmp_path / "two.txt"
    path.write_text(TWO_RECORDS, encoding="utf-8")
    refused = agenda("import", path, db=tmp_path / "db")
    assert refused.returncode == 2
    assert "line 7: a second record begins here" in refused.stderr
    result = agenda("import", "--split", path, db=tmp_path / "db")
    assert result.returncode == 0, result.stderr
    assert "imported 2 meetings from 1 file(s)" in result.stdout


def test_words_beside_the_date_are_said_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "online.txt"
    path.write_text(
        "某某局第 6 次局務會議紀錄\n時間：115 年 5 月 4 日上午 10 時（視訊會議）\n"
        "壹、報告事項\n一、業務報告\n決議：洽悉。\n",
        encoding="utf-8",
    )
    record = read_record(path, [])
    assert record.meeting.start == datetime(2026, 5, 4, 10, 0)
    assert [u.line for u in record.unplaced] == [2]
    assert "（視訊會議）" in record.meeting.notes[0]


def test_a_long_list_of_names_in_columns_with_marks(tmp_path: Path) -> None:
    names = [
        f"委員{'甲乙丙丁戊己庚辛壬癸'[i % 10]}{'一二三四五六七八'[i // 10]}" for i in range(71)
    ]
    marked = [f"{n}（請假）" if i % 9 == 0 else n for i, n in enumerate(names)]
    rows = ["　".join(marked[i : i + 8]) for i in range(0, 71, 8)]
    path = tmp_path / "many.txt"
    path.write_text(
        "某某市議會第 3 次大會議事錄\n時間：115 年 6 月 1 日上午 9 時\n出席：\n"
        + "\n".join(rows)
        + "\n壹、報告事項\n一、議事日程報告\n決議：洽悉。\n",
        encoding="utf-8",
    )
    record = read_record(path, [])
    present = record.meeting.attendance.present
    assert [p.name for p in present] == names
    assert [p.mark for p in present].count("請假") == 8
    assert record.unplaced == []


@pytest.mark.parametrize(
    ("title", "organisation", "number", "series"),
    [
        ("某某縣政府某某委員會第 3 次委員會議", "某某縣政府某某委員會", 3, "委員會議"),
        ("某某縣政府某某委員會第 3 次委員會議紀錄", "某某縣政府某某委員會", 3, "委員會議"),
        ("臺北市政府第2122次市政會議", "臺北市政府", 2122, "市政會議"),
        ("某某局 1 0 1 年第 1 6 次主管會報", "某某局", 16, "主管會報"),
        ("某某市議會第 3 屆第 2 次定期大會議事錄", "某某市議會第3屆", 2, "定期大會"),
        ("某某委員會 780 次會議紀錄", "某某委員會", 780, "會議"),
        ("某某委員會第一二二次會議記錄", "某某委員會", 122, "會議"),
    ],
)
def test_titles_as_offices_write_them(
    tmp_path: Path, title: str, organisation: str, number: int, series: str
) -> None:
    from tui.render.document import RenderOptions, render_record

    path = tmp_path / "titled.txt"
    path.write_text(f"{title}\n時間：115 年 1 月 5 日 14 時\n", encoding="utf-8")
    record = read_record(path, [])
    assert (record.office.organisation, record.meeting.number) == (organisation, number)
    assert record.office.series == series
    rendered = render_record(record.meeting, record.office, RenderOptions("md"))
    assert rendered.split("\n", 1)[0] == f"{organisation}第 {number} 次{series}紀錄"


def test_an_item_written_as_a_heading_renders_on_its_own_line() -> None:
    from tui.render.document import RenderOptions, render_record

    record = _import("petitions-88.txt")
    text = render_record(record.meeting, record.office, RenderOptions("txt"))
    assert "\n第一案\n    案由：變更" in text
    markdown = render_record(record.meeting, record.office, RenderOptions("md"))
    assert "\n第一案\n\n案由：變更" in markdown
