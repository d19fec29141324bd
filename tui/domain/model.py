"""The meeting record as data: series, meetings, sections, items, reports, conclusions, cases."""

from __future__ import annotations

import enum
from datetime import date, datetime, time

from tui.dataclass_cache import dataclass, field
from tui.domain.unread import UnreadEvents


class MeetingStatus(enum.StrEnum):
    DRAFT = "draft"  # 議程草案
    IN_SESSION = "in_session"  # 開會中
    RECORDED = "recorded"  # 紀錄完成
    CONFIRMED = "confirmed"  # 紀錄確定


class ConclusionLabel(enum.StrEnum):
    """What the office calls the chair's conclusions under an item."""

    CONCLUSION = "會議結論"
    RESOLUTION = "決議"
    DECISION = "決定"
    CHAIR_RULING = "主席裁示"
    SHORT = "結論"


class CaseKind(enum.StrEnum):
    INTERNAL = "internal"  # 本處列管
    MAYOR = "mayor"  # 市長室列管
    COUNCIL = "council"  # 議會列管


class CaseDecision(enum.StrEnum):
    RELEASE = "release"  # 解除列管
    KEEP = "keep"  # 賡續列管


class ReleaseReason(enum.StrEnum):
    """Why a case is released: 辦結, 併案 into another case, 移列 to another forum, 撤銷."""

    DONE = "done"
    MERGED = "merged"
    MOVED = "moved"
    WITHDRAWN = "withdrawn"


class ItemKind(enum.StrEnum):
    """What a standing item of the agenda does."""

    ORDINARY = ""
    READ_RECORD = "read_record"  # 宣讀上次會議紀錄
    CASE_REPORT = "case_report"  # 上次會議結論事項辦理情形報告
    OUTSIDE_CASES = "outside_cases"  # 市長室暨市政會議列管案件
    UNIT_REPORTS = "unit_reports"  # 各組室業務工作報告
    PROPOSALS = "proposals"  # 討論事項
    MOTIONS = "motions"  # 臨時動議
    # Items the secretary adds for one meeting:
    REPORT = "report"  # 報告, by its presenting unit
    SPECIAL = "special"  # 專題報告, with its presenter
    PROPOSAL = "proposal"  # 提案: 案由 / 說明 / 擬辦 before the meeting, 決議 at it


@dataclass
class Office:
    """The office profile: who holds the meeting and who takes part."""

    organisation: str  # 臺北市政府秘書處
    series: str  # 處務會議
    units: list[str] = field(default_factory=list)  # 組室


@dataclass
class Attendee:
    """One person of the attendance, as the record names them."""

    name: str
    mark: str = ""  # 請假, 公假, 代 …
    stand_in: str = ""  # who attends in this person's place: 王五, written (王五代)
    arrived: time | None = None  # a late arrival, written (10 時 20 分到)


@dataclass
class Attendance:
    """出席 / 列席 / 請假 as the record gives them."""

    present_as_text: str = ""  # "如簽到表"
    present: list[Attendee] = field(default_factory=list)
    observers: list[Attendee] = field(default_factory=list)  # 列席
    absent: list[Attendee] = field(default_factory=list)  # 請假


@dataclass
class Point:
    """A numbered line of a report or a conclusion, with its own sub-points."""

    text: str
    points: list[Point] = field(default_factory=list)


@dataclass
class Report:
    """A unit head's 補充報告 or 口頭報告 under an item."""

    speaker: str  # 國際事務組陳組長
    kind: str = "補充報告"
    text: str = ""
    points: list[Point] = field(default_factory=list)
    unit: str = ""
    id: str = ""  # stable within the meeting (see identity.py)
    answered_on: datetime | None = None  # a unit's work report collected from its form
    answered_from: str = ""


@dataclass
class Conclusion:
    """One of the chair's conclusions under an item, with its sub-points."""

    text: str
    points: list[Point] = field(default_factory=list)
    case: int | None = None  # the tracked case this conclusion opened
    decisions: bool = False  # the text is the decision sentence, written from the cases' decisions
    id: str = ""


@dataclass
class CaseRef:
    """A tracked case on an item's agenda: internal ones by their number, outside ones too."""

    number: int
    kind: CaseKind = CaseKind.INTERNAL


@dataclass
class Block:
    """A labelled paragraph of a proposal: 案由, 說明, 辦法 …"""

    label: str
    text: str = ""
    points: list[Point] = field(default_factory=list)


@dataclass
class Item:
    """一、 二、 … inside a section, or a section that is itself an item."""

    title: str
    kind: ItemKind = ItemKind.ORDINARY
    label: str = ""  # a heading written in place of the numeral, such as 第一案
    presenter: str = ""  # the bold reporter of a temporary motion
    presenter_kind: str = ""  # 口頭報告
    blocks: list[Block] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    conclusion_label: str = ConclusionLabel.CONCLUSION.value
    conclusions: list[Conclusion] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # text the importer could not place
    cases: list[CaseRef] = field(default_factory=list)  # the tracked cases it reports on
    id: str = ""

    @property
    def single_conclusion(self) -> bool:
        return len(self.conclusions) == 1 and not self.conclusions[0].points


@dataclass
class Section:
    """壹、 貳、 … ; `title` is the heading after the numeral."""

    title: str
    items: list[Item] = field(default_factory=list)
    body: Item | None = None  # a section whose heading is itself the item (宣讀上次會議紀錄)
    listed: bool = False  # items written as a list ("- 一、**…**") as in 臨時動議
    kind: ItemKind = ItemKind.ORDINARY
    id: str = ""  # stable within the meeting (see identity.py)


@dataclass
class Amendment:
    """One 修正之點 read out when a record is confirmed: where, the words the record has and
    the words meant ("" deletes them); or, as records confirmed before places were kept
    wrote it, a correction in words only (`note`)."""

    place: str = ""  # the item corrected, "2.1"
    old: str = ""
    new: str = ""
    note: str = ""

    @classmethod
    def from_text(cls, text: str) -> Amendment:
        """A correction stored as a sentence."""
        return cls(note=text)


@dataclass
class Confirmation:
    """紀錄確定, or 修正後確定 with the corrections read out at the next meeting."""

    at_meeting: int
    corrections: list[Amendment] = field(default_factory=list)


@dataclass
class Approval:
    """陳核 / 核定: the chair approved the record (who, when); after it, every change to the
    record is a logged correction, as after confirmation."""

    by: str
    at: datetime


@dataclass
class Correction:
    """A change to an approved or confirmed record: who made it, when and what."""

    by: str
    at: datetime
    what: str


@dataclass
class Meeting:
    """One meeting of the series: its agenda, and its record once it is held."""

    number: int
    start: datetime
    end: time | None = None
    place: str = ""
    chair: str = ""
    recorder: str = ""
    recorder_label: str = "紀錄"
    attendance: Attendance = field(default_factory=Attendance)
    sections: list[Section] = field(default_factory=list)
    status: MeetingStatus = MeetingStatus.RECORDED
    notes: list[str] = field(default_factory=list)
    last_case_sequence: int = 0  # case numbers of this meeting are never issued twice
    confirmation: Confirmation | None = None
    corrections: list[Correction] = field(default_factory=list)
    approval: Approval | None = None

    @property
    def date(self) -> date:
        return self.start.date()

    def items(self) -> list[Item]:
        found: list[Item] = []
        for section in self.sections:
            if section.body is not None:
                found.append(section.body)
            found.extend(section.items)
        return found

    def conclusions(self) -> list[Conclusion]:
        return [c for item in self.items() for c in item.conclusions]


UNSTORED = {"stored": False}  # a field's metadata: the codec neither writes nor reads it


@dataclass
class CaseEvent:
    """What one meeting heard and decided about a tracked case."""

    meeting: int
    progress: str = ""  # 辦理情形
    progress_points: list[Point] = field(default_factory=list)  # its (一)(二)…
    decision: CaseDecision | None = None
    conclusion: str = ""  # what the chair said of it
    proposal: CaseDecision | None = None  # the owner unit's 擬辦 (release or keep)
    proposed_deadline: date | None = None  # a new deadline the unit proposes
    reason: ReleaseReason | None = None  # why it was released
    merged_into: int | None = None  # 併案: the internal case it was merged into
    moved_to: str = ""  # 移列: the forum that tracks it now
    new_deadline: date | None = None  # 賡續列管 with a new 列管期限 set at this meeting
    answered_on: datetime | None = None  # when the owner unit's form answer was collected
    answered_from: str = ""  # the file it came from


@dataclass
class DeadlineChange:
    """One change of a case's 列管期限: from what to what, why, by whom, when."""

    old: date | None
    new: date | None
    reason: str
    by: str = ""
    on: date | None = None  # the day it was changed
    meeting: int | None = None  # the meeting whose log holds it


@dataclass
class TrackedCase:
    """列管案件."""

    number: int
    subject: str = ""
    owner: str = ""  # 組室 (主辦)
    co_owners: list[str] = field(default_factory=list)  # 協辦
    kind: CaseKind = CaseKind.INTERNAL
    origin_meeting: int | None = None
    origin_item: str = ""
    origin_conclusion: int | None = None  # 1-based position among the item's conclusions
    deadline: date | None = None
    history: list[CaseEvent] = field(default_factory=list)  # by meeting; see `unread`
    deadline_changes: list[DeadlineChange] = field(default_factory=list)
    merged_from: list[int] = field(default_factory=list)  # cases merged into this one (併案)
    # Older events not read yet: `history` holds the newer ones (tui.domain.case_history).
    unread: list[UnreadEvents] = field(
        default_factory=list, compare=False, repr=False, metadata=UNSTORED
    )

    @property
    def is_open(self) -> bool:
        return not any(e.decision is CaseDecision.RELEASE for e in self.history)

    def decision_at(self, meeting: int) -> CaseEvent | None:
        self.read_back(meeting)
        return next((e for e in self.history if e.meeting == meeting), None)

    def read_back(self, meeting: int) -> None:
        """Read the unread events of `meeting` and later ones (of every meeting: 0)."""
        wanted = [part for part in self.unread if part.end > meeting]
        if wanted:  # all read before any is taken off: a failed read leaves the case as it was
            events = [event for part in wanted for event in part.read()]
            self.unread = [part for part in self.unread if part.end <= meeting]
            self.history.extend(events)
            self.history.sort(key=lambda e: e.meeting)
