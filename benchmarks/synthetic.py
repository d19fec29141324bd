"""A synthetic history in the shape of the reference record (data/record-101.md), but fuller.

Each meeting has about 30 items and 60 conclusions in realistic Chinese, reports on a dozen
tracked cases (ten internal ones, two from the mayor's office) and opens four new ones, so
cases are born, kept and released the way they are in the real series. Meetings are built
with the domain model and stored with `Repository.save` in one process: one durable commit
a meeting, the way the app and the CLI write, only without going through the importer.

    .venv/bin/python benchmarks/synthetic.py DB --meetings 300
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.domain.model import (
    Attendance,
    CaseDecision,
    CaseEvent,
    CaseKind,
    CaseRef,
    Conclusion,
    Confirmation,
    Item,
    ItemKind,
    Meeting,
    MeetingStatus,
    Point,
    Report,
    Section,
    TrackedCase,
)
from tui.profile import profile_text_for
from tui.storage.repository import Repository

FIRST = 101
ORGANISATION = "臺北市政府秘書處"
SERIES = "處務會議"
NEW_CASES = 4  # tracked conclusions a meeting opens
KEPT_FOR = 3  # meetings an internal case stays open: 12 open internal cases at any time
MAYOR_FOR = 12  # meetings a case of the mayor's office stays on the agenda; two are open
UNITS = [
    ("總務組", "李組長"),
    ("國際事務組", "陳組長"),
    ("機要組", "莊組長"),
    ("媒體事務組", "王組長"),
    ("市政大樓公共事務管理中心", "林主任"),
    ("採購管理組", "黃組長"),
    ("人事室", "楊主任"),
    ("會計室", "吳主任"),
    ("政風室", "劉主任"),
    ("綜合企劃組", "張組長"),
    ("文書組", "蔡組長"),
]
SUBJECTS = [
    "宣達市政會議裁指示事項",
    "市政大樓辦公空間中繼及調度",
    "公務車輛汰換及報廢計畫",
    "市府各機關公文線上簽核推動情形",
    "因應嚴重特殊傳染性肺炎疫情居家辦公措施",
    "市政大樓節能減碳及用電管理",
    "外賓接待及國際交流活動籌辦",
    "議會定期大會備詢資料彙整",
    "年度預算執行及保留款檢討",
    "公務機密維護及個人資料保護",
    "採購案件履約管理及驗收",
    "同仁教育訓練及終身學習時數",
    "市政大樓消防安全設備檢修",
    "檔案清理及銷毀作業",
]
PHRASES = [
    "請各組室主管督促同仁確實辦理，並於下次會議提出報告",
    "同意備查",
    "請總務組會同公管中心研議具體改善方案，提送處長參考",
    "相關作業刻正配合辦理中，主計處及財政局書面資料已送達議會",
    "請人事室統計本處同仁申請情形，並彙整陳報",
    "請政風室適時提醒同仁防範公務機密外流，避免引發外界爭議",
    "爾後遇到問題，隨時滾動修正檢討精進",
    "請會計室掌握預算執行進度，落後部分應說明原因及改善措施",
    "本案列管期限將屆，請儘速安排於月底前開會，並將辦理情形提報列管會議審查",
    "請媒體事務組加強對外說明，適時發布新聞稿",
    "場地及口譯人員均已安排妥當，亦會協助相關事項",
    "請採購管理組依政府採購法規定辦理，並注意履約期限",
]


class History:
    """Writes meetings FIRST, FIRST+1, … to a repository, carrying the cases forward."""

    def __init__(self, repo: Repository, seed: int = 101) -> None:
        self.repo = repo
        self.rng = random.Random(seed)
        self.open: dict[tuple[CaseKind, int], TrackedCase] = {}
        self.next_mayor = 12601

    def mayor_case(self) -> TrackedCase:
        case = TrackedCase(self.next_mayor, subject=self.sentence(), kind=CaseKind.MAYOR)
        case.owner = self.rng.choice(UNITS)[0]
        self.open[(CaseKind.MAYOR, case.number)] = case
        self.next_mayor += 1
        return case

    def sentence(self, parts: int = 2) -> str:
        return "，".join(self.rng.choice(PHRASES) for _ in range(parts)) + "。"

    def add(self, number: int, *, last: bool) -> Meeting:
        changed: list[TrackedCase] = []
        while sum(kind is CaseKind.MAYOR for kind, _ in self.open) < 2:
            changed.append(self.mayor_case())
        meeting = self.meeting(number, last=last)
        # The cases on this meeting's agenda: kept or released (internal ones after KEPT_FOR).
        for (kind, case_number), case in list(self.open.items()):
            if kind is CaseKind.INTERNAL:
                release = case_number // 100 <= number - KEPT_FOR
            else:  # staggered, so that one of the two goes every MAYOR_FOR / 2 meetings
                release = len(case.history) >= MAYOR_FOR // (1 + case_number % 2)
            event = CaseEvent(
                number,
                progress=self.sentence(),
                decision=CaseDecision.RELEASE if release else CaseDecision.KEEP,
            )
            case.history.append(event)
            if case not in changed:
                changed.append(case)
            if release:
                del self.open[(kind, case_number)]
        # The conclusions this meeting tracks as new cases.
        conclusions = [c for item in meeting.items() for c in item.conclusions]
        for index in range(NEW_CASES):
            unit = self.rng.choice(UNITS)[0]
            conclusion = conclusions[5 + index * 9]
            case_number = number * 100 + index + 1
            conclusion.case = case_number
            case = TrackedCase(
                case_number,
                subject=conclusion.text[:40],
                owner=unit,
                origin_meeting=number,
                origin_item="貳、報告事項 四",
                origin_conclusion=1,
                deadline=date(2000 + number // 12, number % 12 + 1, 28),
                history=[CaseEvent(number, conclusion=conclusion.text)],
            )
            self.open[(CaseKind.INTERNAL, case_number)] = case
            changed.append(case)
        meeting.last_case_sequence = NEW_CASES
        with self.repo.change() as records:  # a generated meeting, written as made
            records.save(meeting, changed)
        return meeting

    def meeting(self, number: int, *, last: bool) -> Meeting:
        rng = self.rng
        month = number - FIRST
        start = datetime(2021 + (month + 5) // 12, (month + 5) % 12 + 1, 17, 10, 0)
        reading = Item(
            f"宣讀第 {number - 1} 次處務會議紀錄。",
            conclusions=[Conclusion("紀錄確定。"), Conclusion(self.sentence())],
        )
        internal = [ref for kind, ref in self.open if kind is CaseKind.INTERNAL]
        mayor = [ref for kind, ref in self.open if kind is CaseKind.MAYOR]
        reports = [
            Item("宣達市政會議裁指示事項。", conclusions=self.conclusions(2)),
            Item(
                f"第 {number - 1} 次處務會議結論事項辦理情形報告。",
                conclusions=[Conclusion("同意備查。"), *self.conclusions(2)],
                cases=[CaseRef(n) for n in internal],
            ),
            Item(
                "市長室暨市政會議列管秘書處案件。",
                conclusions=self.conclusions(2),
                cases=[CaseRef(n, CaseKind.MAYOR) for n in mayor],
            ),
        ]
        for unit, head in UNITS * 2:
            reports.append(
                Item(
                    f"{unit}業務工作報告：{rng.choice(SUBJECTS)}。",
                    reports=[
                        Report(
                            f"{unit}{head}",
                            text=self.sentence(3),
                            points=[Point(self.sentence()) for _ in range(2)],
                            unit=unit,
                        )
                    ],
                    conclusions=self.conclusions(2),
                )
            )
        discussion = [
            Item(
                f"{rng.choice(SUBJECTS)}案。",
                label=f"第{'一二三'[i]}案",
                conclusions=self.conclusions(2),
            )
            for i in range(3)
        ]
        motions = [
            Item(
                self.sentence(),
                presenter=f"{unit}{head}",
                presenter_kind="口頭報告",
                conclusions=self.conclusions(2),
            )
            for unit, head in rng.sample(UNITS, 2)
        ]
        return Meeting(
            number,
            start,
            end=clock(11, 30),
            place="市政大樓 11 樓會議室",
            chair="陳志銘",
            recorder="許菁芳",
            attendance=Attendance(present_as_text="如簽到表"),
            sections=[
                Section(f"宣讀第 {number - 1} 次處務會議紀錄", body=reading),
                Section("報告事項", items=reports),
                Section("討論事項", items=discussion),
                Section("臨時動議", items=motions, listed=True, kind=ItemKind.MOTIONS),
                Section("散會"),
            ],
            status=MeetingStatus.RECORDED if last else MeetingStatus.CONFIRMED,
            confirmation=None if last else Confirmation(number + 1),
        )

    def conclusions(self, count: int) -> list[Conclusion]:
        return [
            Conclusion(self.sentence(), points=[Point(self.sentence(1))] if i else [])
            for i in range(count)
        ]


def build(db: Path, meetings: int, *, progress: bool = False) -> Repository:
    """A database of `meetings` meetings at db (which must not exist yet)."""
    repo = Repository.open(db)
    repo.write_profile(profile_text_for(ORGANISATION, SERIES))
    history = History(repo)
    started = time.perf_counter()
    for index in range(meetings):
        history.add(FIRST + index, last=index == meetings - 1)
        if progress and index and index % 500 == 0:
            took = time.perf_counter() - started
            print(f"  {index} meetings in {took:.0f} s", file=sys.stderr, flush=True)
    return repo


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--meetings", type=int, default=300)
    args = parser.parse_args()
    started = time.perf_counter()
    build(args.db, args.meetings, progress=True)
    print(f"{args.meetings} meetings in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
