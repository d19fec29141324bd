"""An office's archive of circulated records, derived from the reference record (meeting 101).

Meeting N is the reference with its number, dates and decisions changed: it opens two
tracked cases (N01 in the units' work reports, N02 in the temporary motions), keeps the
cases of the three meetings before it (賡續列管) and releases those of the fourth before it
(解除列管), so case 9801 is opened at 98, kept at 99 to 101 and released at 102. The
records are kept as offices keep them: a folder per 民國 year, file names that do not sort
in meeting order, one record in Big5, and a file that is not a record.

    .venv/bin/python benchmarks/archive.py FOLDER --first 98 --meetings 6
"""

from __future__ import annotations

import argparse
import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "data" / "record-101.md"
OPENED = 2  # tracked cases each meeting opens
KEPT_FOR = 3  # meetings a case is kept before the one that releases it
WEEKLY_FROM = 500  # meeting 500 is in 民國 143
NOT_A_RECORD = "說明.txt"
NOTE = "本資料夾存放歷次處務會議紀錄，請勿任意更名。\n承辦人：文書組\n"


def meeting_day(number: int) -> date:
    """The third Thursday of the month: meeting 101 on 2021-06-17, one meeting a month; past
    meeting WEEKLY_FROM one a week, so that 2,900 meetings stay within 民國 189, the last
    year a record may give."""
    if number > WEEKLY_FROM:
        return _monthly(WEEKLY_FROM) + timedelta(weeks=number - WEEKLY_FROM)
    return _monthly(number)


def _monthly(number: int) -> date:
    months = 2021 * 12 + 5 + (number - 101)
    year, month = divmod(months, 12)
    first = date(year, month + 1, 1)
    thursday = 1 + (calendar.THURSDAY - first.weekday()) % 7
    return first.replace(day=thursday + 14)


def opened_at(number: int) -> list[int]:
    return [number * 100 + sequence for sequence in range(1, OPENED + 1)]


def decisions_at(number: int) -> tuple[list[int], list[int]]:
    """The cases meeting N releases and keeps."""
    kept = [case for before in range(number - KEPT_FOR, number) for case in opened_at(before)]
    return opened_at(number - KEPT_FOR - 1), kept


def _written(day: date) -> str:
    return f"{day.year - 1911} 年 {day.month} 月 {day.day} 日"


def record_text(number: int) -> str:
    from tui.domain.decisions import decision_sentence

    day, before = meeting_day(number), meeting_day(number - 1)
    released, kept = decisions_at(number)
    text = REFERENCE.read_text(encoding="utf-8")
    for old, new in (
        ("第 101 次處務會議紀錄\n", f"第 {number} 次處務會議紀錄\n"),
        ("時間：民國 110 年 6 月 17 日", f"時間：民國 {_written(day)}"),
        ("宣讀 110 年 5 月 20 日第 100 次", f"宣讀 {_written(before)}第 {number - 1} 次"),
        ("二、第 100 次處務會議結論事項", f"二、第 {number - 1} 次處務會議結論事項"),
        (
            "列管案號 10001 至 10007 均解除列管；列管案號 9805、9903 及 9904 賡續列管。",
            decision_sentence(released, kept),
        ),
        ("請儘速安排於 6 月底前開會", f"請儘速安排於 {day.month} 月底前開會"),
        ("「資通系統防護基準」導入作業。", "「資通系統防護基準」導入作業，本案列管。"),
    ):
        if text.count(old) != 1:
            raise ValueError(f"the reference record no longer has {old!r} once")
        text = text.replace(old, new)
    return text


@dataclass
class Archive:
    folder: Path
    records: dict[int, Path] = field(default_factory=dict)  # meeting number -> its file
    big5: Path | None = None
    not_a_record: Path | None = None


def write_archive(folder: Path, first: int, count: int, *, extras: bool = True) -> Archive:
    """Meetings first … first+count-1 as files under folder/<民國 year>/; with extras, the
    second record in Big5 and a note that is not a record."""
    archive = Archive(folder)
    for number in range(first, first + count):
        year_folder = folder / str(meeting_day(number).year - 1911)
        year_folder.mkdir(parents=True, exist_ok=True)
        big5 = extras and number == first + 1
        path = year_folder / f"第{number}次處務會議紀錄.{'txt' if big5 else 'md'}"
        text = record_text(number)
        path.write_bytes(text.encode("cp950") if big5 else text.encode("utf-8"))
        archive.records[number] = path
        if big5:
            archive.big5 = path
    if extras:
        archive.not_a_record = folder / NOT_A_RECORD
        archive.not_a_record.write_text(NOTE, encoding="utf-8")
    return archive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--first", type=int, default=98)
    parser.add_argument("--meetings", type=int, default=6)
    args = parser.parse_args()
    archive = write_archive(args.folder, args.first, args.meetings)
    print(f"{len(archive.records)} records in {args.folder}")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    main()
