"""Two app sessions and the CLI on one database, in random interleavings, with kills.

A hypothesis state machine (issue 11). Session A and session B are each an EditService
driven by its own real DiskWriter thread; the CLI is real `agenda` processes, some of them
SIGKILLed after a random short delay. Meetings 102 and 103 both list the open cases 9805,
9903, 9904 and 10101. Each step is a round: a command starts, A and B send operations
(and undos) at the same time, the command ends or is killed, both writers are flushed.

The model is a few plain dicts of its own (conclusions per meeting and item, in order; a
decision and a progress per case and meeting) with its own small rules; it never calls
an operation's `apply`. After each round it applies what was acknowledged in commit
order: each meeting's log order, the two logs merged in an order in which every commit
is allowed (a decision at 102 depends on 103's, and back). Then:

- the stored conclusions, decisions, progress and decision sentences equal the model's;
- every acknowledged operation is in its meeting's log exactly once, and every new log
  entry is one that was acknowledged (or a killed command's that landed): nothing lost,
  nothing applied twice;
- an operation refused, or acknowledged as changing nothing, is so in some state the
  meeting passed through during the round.

AGENDA_INTERLEAVINGS sets the number of examples (default 15).
"""

from __future__ import annotations

import copy
import dataclasses
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from tests.app_support import demo_database
from tests.conftest import ROOT
from tui import secretary
from tui.app.writer import DiskWriter, Events
from tui.domain.decisions import decision_sentence
from tui.domain.model import ItemKind
from tui.edits import Done, EditError, Operation
from tui.edits.ops import Decide, RemoveEntry, WriteConclusion, WriteProgress
from tui.storage.repository import Records, Repository

MEETINGS = (102, 103)
CASES = (9805, 9903, 9904, 10101)  # open, on both meetings' case report (item 2.2)
PLACES = {"i2.1": "2.1", "i2.2": "2.2", "i2.4": "2.4"}  # items written to, on both
SENTENCE = "<the decision sentence>"  # how the model names the case report's sentence
UNDECIDED = "undecided"
REFUSED = 2  # the exit status of a command whose change is refused
TALLY: Counter[str] = Counter()  # what the runs did, printed at the end (pytest -s)
EXAMPLES = int(os.environ.get("AGENDA_INTERLEAVINGS") or 15)

Step = tuple[str, dict[str, Any]]  # an operation as the model reads it: name, arguments
Entries = list[tuple[str, str]]  # an item's conclusions: (id, text), in order
Outcome = Literal["changed", "nothing", "refused"]


class Refused(Exception):
    """The model would refuse this operation."""


# -- the model ------------------------------------------------------------------------


@dataclass
class Model:
    conclusions: dict[int, dict[str, Entries]]  # meeting -> item id -> entries
    events: dict[int, dict[int, tuple[str | None, str]]]  # case -> meeting -> decision, progress
    refs: dict[int, list[int]]  # meeting -> the cases on its case report
    tracked: set[str] = field(default_factory=set)  # conclusions that opened a case

    def apply(self, name: str, a: dict[str, Any]) -> Step | None:
        """Apply an operation; returns its inverse, or None when it changes nothing."""
        if name == "write_conclusion":
            return self._write(
                a["meeting"], a["item"], a["id"], a["text"], a["position"], a["expect"]
            )
        if name == "remove_entry":
            return self._remove(a["meeting"], a["id"], a["expect"])
        if name == "insert_entry":
            return self._insert(a["meeting"], a["item"], a["position"], a["id"], a["text"])
        if name == "decide":
            return self._decide(a["meeting"], a["case"], a["decision"], a["progress"], a["expect"])
        if name == "write_progress":
            return self._progress(a["meeting"], a["case"], a["text"], a["expect"])
        raise AssertionError(f"the model has no operation {name!r}")

    def outcome(self, step: Step) -> Outcome:
        try:
            return "nothing" if copy.deepcopy(self).apply(*step) is None else "changed"
        except Refused:
            return "refused"

    def find(self, meeting: int, entry: str) -> tuple[Entries, int] | None:
        for entries in self.conclusions[meeting].values():
            for index, (found, _) in enumerate(entries):
                if found == entry:
                    return entries, index
        return None

    def _write(
        self, meeting: int, item: str, entry: str, text: str, at: int | None, expect: str | None
    ) -> Step | None:
        found = self.find(meeting, entry)
        if found is None:  # not there (any more): added
            if expect not in (None, ""):
                raise Refused("changed since")
            if not text:
                return None
            entries = self.conclusions[meeting][item]
            at = len(entries) if at is None else at
            entries.insert(max(0, min(at, len(entries))), (entry, text))
            return "remove_entry", {"meeting": meeting, "id": entry, "expect": text}
        entries, index = found
        before = entries[index][1]
        if expect is not None and before != expect:
            raise Refused("changed since")
        if before == text:
            return None
        if not text:
            return self._remove(meeting, entry, None)
        entries[index] = (entry, text)
        undo = {"meeting": meeting, "item": item, "id": entry, "text": before, "position": None}
        return "write_conclusion", {**undo, "expect": text}

    def _remove(self, meeting: int, entry: str, expect: str | None) -> Step:
        found = self.find(meeting, entry)
        if found is None or entry in self.tracked or entry == SENTENCE:
            raise Refused("gone, tracked or the sentence")
        entries, index = found
        if expect is not None and entries[index][1] != expect:
            raise Refused("changed since")
        item = next(i for i, e in self.conclusions[meeting].items() if e is entries)
        _, text = entries.pop(index)
        args = {"meeting": meeting, "item": item, "position": index, "id": entry, "text": text}
        return "insert_entry", args

    def _insert(self, meeting: int, item: str, at: int, entry: str, text: str) -> Step:
        if self.find(meeting, entry) is not None:
            raise Refused("there already")
        entries = self.conclusions[meeting][item]
        entries.insert(max(0, min(at, len(entries))), (entry, text))
        return "remove_entry", {"meeting": meeting, "id": entry, "expect": None}

    def _decide(
        self,
        meeting: int,
        case: int,
        decision: str | None,
        progress: str | None,
        expect: str | None,
    ) -> Step | None:
        events = self.events[case]
        before, before_progress = events.get(meeting, (None, ""))
        if expect is not None and (before or UNDECIDED) != expect:
            raise Refused("decision changed since")
        wanted = None if decision in (None, UNDECIDED) else decision
        if wanted == before and (progress is None or progress == before_progress):
            return None
        if any(m > meeting and d is not None for m, (d, _) in events.items()):
            raise Refused("decided at a later meeting")
        if wanted is not None and any(
            m < meeting and d == "release" for m, (d, _) in events.items()
        ):
            raise Refused("released at an earlier meeting")
        events[meeting] = (wanted, before_progress if progress is None else progress)
        self._sentence(meeting)
        inverse = {"meeting": meeting, "case": case, "decision": before or UNDECIDED}
        undo_progress = None if progress is None else before_progress
        return "decide", {**inverse, "progress": undo_progress, "expect": wanted or UNDECIDED}

    def _progress(self, meeting: int, case: int, text: str, expect: str | None) -> Step | None:
        decision, before = self.events[case].get(meeting, (None, ""))
        if expect is not None and before != expect:
            raise Refused("progress changed since")
        if before == text:
            return None
        self.events[case][meeting] = (decision, text)
        return "write_progress", {"meeting": meeting, "case": case, "text": before, "expect": text}

    def sentence(self, meeting: int) -> str:
        return sentence_of(meeting, self.refs[meeting], self.events)

    def _sentence(self, meeting: int) -> None:
        """The case report's sentence: written last when there first is a decision, kept
        in its place while there are some, gone with the last one."""
        text = self.sentence(meeting)
        entries = self.conclusions[meeting]["i2.2"]
        at = next((i for i, (entry, _) in enumerate(entries) if entry == SENTENCE), None)
        if at is None and text:
            entries.append((SENTENCE, text))
        elif at is not None and text:
            entries[at] = (SENTENCE, text)
        elif at is not None:
            del entries[at]

    def with_cases_of(self, other: Model, meeting: int) -> Model:
        """This model with `other`'s decisions and progress at `meeting`."""
        mixed = copy.deepcopy(self)
        for case in CASES:
            mixed.events[case].pop(meeting, None)
            if meeting in other.events[case]:
                mixed.events[case][meeting] = other.events[case][meeting]
        return mixed


def sentence_of(
    meeting: int, refs: list[int], events: dict[int, dict[int, tuple[str | None, str]]]
) -> str:
    at = [(case, events[case].get(meeting, (None, ""))[0]) for case in refs]
    released = [case for case, decision in at if decision == "release"]
    kept = [case for case, decision in at if decision == "keep"]
    return decision_sentence(released, kept)


@dataclass
class Stored:
    conclusions: dict[int, dict[str, Entries]]
    events: dict[int, dict[int, tuple[str | None, str]]]
    refs: dict[int, list[int]]
    logs: dict[int, dict[int, dict[str, Any]]]
    tracked: set[str]


def read_store(repo: Repository) -> Stored:
    """What is stored, read in one transaction (a case's event at a meeting that has
    neither a decision nor progress is left out: it says nothing)."""
    conclusions: dict[int, dict[str, Entries]] = {}
    refs: dict[int, list[int]] = {}
    tracked: set[str] = set()
    with repo.store.reading() as tx:
        records = Records(tx)
        for number in MEETINGS:
            meeting = records.meeting(number)
            assert meeting is not None
            items = meeting.items()
            conclusions[number] = {
                item.id: [(SENTENCE if c.decisions else c.id, c.text) for c in item.conclusions]
                for item in items
            }
            report = next(item for item in items if item.kind is ItemKind.CASE_REPORT)
            refs[number] = [ref.number for ref in report.cases]
            tracked |= {c.id for c in meeting.conclusions() if c.case is not None}
        events: dict[int, dict[int, tuple[str | None, str]]] = {}
        for number in CASES:
            case = records.case(number)
            assert case is not None, f"case {number} is gone"
            events[number] = {
                e.meeting: (None if e.decision is None else e.decision.value, e.progress)
                for e in case.history
                if (e.decision, e.progress) != (None, "")
            }
        logs = {number: dict(records.log(number).entries()) for number in MEETINGS}
    return Stored(conclusions, events, refs, logs, tracked)


# -- the actors -------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    """What a session does, its target picked from the model when it is sent."""

    kind: Literal["add", "again", "edit", "delete", "decide", "progress", "undo"]
    item: str = "i2.2"
    position: int | None = None
    index: int = 0  # edit, delete: which conclusion ever written at the meeting
    case: int = CASES[0]
    decision: str | None = None  # release, keep, None (undecided)
    progress: bool = False


@dataclass(frozen=True)
class Command:
    """An `agenda` command, maybe killed on the way."""

    kind: Literal["conclude", "decide"]
    meeting: int
    item: str = "i2.2"
    case: int = CASES[0]
    decision: str = "keep"
    progress: bool = False
    kill: float | None = None  # SIGKILL after this share of a command's usual time


@dataclass
class Check:
    """An operation the store refused or found nothing to do with: in some state the
    meeting passed through this round, the model agrees."""

    expected: Outcome
    meeting: int
    step: Step | None = None
    undoes: tuple[int, int] | None = None  # an undo: the change it took back
    who: str = ""


@dataclass
class Commit:
    meeting: int
    seq: int
    who: str
    session: str  # as the log names it: "A", "B", "" for a command
    step: Step | None = None
    undoes: tuple[int, int] | None = None
    op: Operation | None = None


Answer = tuple[list[int], Done | EditError]


class Session:
    """An app session: its edit service behind its own writer thread, on its own store."""

    def __init__(self, name: str, db: Path, meeting: int) -> None:
        self.name = name
        self.meeting = meeting
        self.service = secretary.editor(Repository.open(db), session=name)
        self._lock = threading.Lock()
        self._answers: list[Answer] = []
        events = Events(done=self._answer, refused=self._answer, trouble=self._trouble)
        self.writer = DiskWriter(self.service, events)
        self.sent: dict[int, Operation] = {}
        self.waiting: set[int] = set()  # serials sent, not answered yet
        self.undos = 0  # undos asked for, not answered yet
        self.stack: list[tuple[int, int]] = []  # the writer's undo stack, as its answers show

    def _answer(self, serials: list[int], answer: Done | EditError) -> None:
        with self._lock:
            self._answers.append((list(serials), answer))

    def _trouble(self, message: str) -> None:
        if message:
            TALLY.update([f"session: the disk refused a write ({message})"])

    def send(self, op: Operation) -> None:
        serial = len(self.sent) + 1
        self.sent[serial] = op
        self.waiting.add(serial)
        self.writer.submit(serial, op)

    def undo(self) -> None:
        self.undos += 1
        self.writer.undo()

    def answers(self) -> list[Answer]:
        assert self.writer.flush(30), f"session {self.name}: the writer did not finish"
        with self._lock:
            found, self._answers = self._answers, []
        return found


@dataclass
class Running:
    command: Command
    process: subprocess.Popen[str]
    token: str
    op: Operation | None  # decide: the operation it asks for
    started: float = field(default_factory=time.monotonic)


def run(db: Path, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "AGENDA_DB"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.Popen(
        [sys.executable, "-m", "tui", "--db", str(db), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
    )


def timed_command(db: Path) -> float:
    """How long a command takes here, start to exit (`agenda log`, which reads the log)."""
    times = []
    for _ in range(3):
        started = time.monotonic()
        assert run(db, "log", "103").wait(60) == 0
        times.append(time.monotonic() - started)
    return sorted(times)[1]


def step_of(op: Operation) -> Step:
    return op.name, op.args()


# -- the machine ------------------------------------------------------------------------

positions = st.sampled_from([None, None, 0, 1, 9])
actions = st.lists(
    st.one_of(
        st.builds(
            Action, kind=st.just("add"), item=st.sampled_from(list(PLACES)), position=positions
        ),
        st.builds(Action, kind=st.just("again")),
        st.builds(Action, kind=st.sampled_from(["edit", "delete"]), index=st.integers(0, 9)),
        st.builds(
            Action,
            kind=st.just("decide"),
            case=st.sampled_from(CASES),
            decision=st.sampled_from(["release", "keep", None]),
            progress=st.booleans(),
        ),
        st.builds(Action, kind=st.just("progress"), case=st.sampled_from(CASES)),
        st.builds(Action, kind=st.just("undo")),
    ),
    max_size=4,
)
# When to kill a command, as a share of the time a command takes from start to exit.
kills = st.one_of(st.none(), st.sampled_from([0.3, 0.6, 0.8, 0.9, 1.0, 1.1, 1.25]))
commands = st.one_of(
    st.builds(
        Command,
        kind=st.just("conclude"),
        meeting=st.sampled_from(MEETINGS),
        item=st.sampled_from(list(PLACES)),
        kill=kills,
    ),
    st.builds(
        Command,
        kind=st.just("decide"),
        meeting=st.sampled_from(MEETINGS),
        case=st.sampled_from(CASES),
        decision=st.sampled_from(["release", "keep"]),
        progress=st.booleans(),
        kill=kills,
    ),
)


class Interleavings(RuleBasedStateMachine):
    def __init__(self, template: Path, scratch: Path, command_time: float) -> None:
        super().__init__()
        self.command_time = command_time
        self.folder = Path(tempfile.mkdtemp(dir=scratch))
        self.db = self.folder / "db"
        shutil.copytree(template, self.db)
        self.reader = Repository.open(self.db)
        first = read_store(self.reader)
        self.model = Model(first.conclusions, first.events, first.refs, first.tracked)
        self.baseline = {m: set(first.logs[m]) for m in MEETINGS}
        self.claimed: dict[int, dict[int, str]] = {m: {} for m in MEETINGS}  # seq -> by whom
        self.inverses: dict[tuple[int, int], Step] = {}
        self.written: dict[int, dict[str, str]] = {m: {} for m in MEETINGS}  # id -> item
        self.count = 0
        self.sessions = [Session("A", self.db, 102), Session("B", self.db, 103)]

    def teardown(self) -> None:
        for session in self.sessions:
            session.writer.close(10)
        shutil.rmtree(self.folder, ignore_errors=True)

    def fresh(self, what: str) -> str:
        self.count += 1
        return f"{what}{self.count}號"

    # -- rules --------------------------------------------------------------------------

    @rule(
        move=st.one_of(st.none(), st.tuples(st.sampled_from([0, 1]), st.sampled_from(MEETINGS))),
        command=st.one_of(st.none(), commands),
        a=actions,
        b=actions,
        b_first=st.booleans(),
        later=st.sampled_from([0.0, 0.0, 0.6, 0.9]),
    )
    def round(
        self,
        move: tuple[int, int] | None,
        command: Command | None,
        a: list[Action],
        b: list[Action],
        b_first: bool,
        later: float,
    ) -> None:
        """A command starts; A and B send their operations meanwhile, the second one
        `later` (a share of a command's time) while the command is running; a session
        may first open the other meeting. The command ends or is killed; the writers
        finish their work."""
        if move is not None:
            self.sessions[move[0]].meeting = move[1]
        same = self.sessions[0].meeting == self.sessions[1].meeting
        TALLY.update([f"round, sessions on {'one meeting' if same else 'two meetings'}"])
        running = None if command is None else self.start(command)
        try:
            first, then = (b, a) if b_first else (a, b)
            self.send(self.sessions[1 if b_first else 0], first)
            if running is not None:
                time.sleep(later * self.command_time)
            self.send(self.sessions[0 if b_first else 1], then)
            returncode, stderr = self.finish(running)
        finally:
            if running is not None and running.process.poll() is None:
                running.process.kill()
                running.process.wait()
        self.settle(running, returncode, stderr)

    # -- a round --------------------------------------------------------------------------

    def send(self, session: Session, todo: list[Action]) -> None:
        last: WriteConclusion | None = None
        for action in todo:
            if action.kind == "undo":
                session.undo()
                continue
            op = self.operation(session, action, last)
            if op is not None:
                last = op if isinstance(op, WriteConclusion) else last
                session.send(op)

    def operation(
        self, session: Session, action: Action, last: WriteConclusion | None
    ) -> Operation | None:
        meeting = session.meeting
        text = self.fresh(f"{session.name}結論")
        if action.kind == "add":
            entry = f"c{session.name}{self.count}"
            self.written[meeting][entry] = action.item
            return WriteConclusion(meeting, action.item, entry, text, action.position)
        if action.kind == "again":  # typed on: replaces the last one if it still waits
            return None if last is None else dataclasses.replace(last, text=text)
        if action.kind in ("edit", "delete"):
            written = list(self.written[meeting].items())
            if not written:
                return None
            entry, item = written[action.index % len(written)]
            if action.kind == "edit":
                return WriteConclusion(meeting, item, entry, text)
            return RemoveEntry(meeting, entry)
        if action.kind == "decide":
            progress = self.fresh(f"{session.name}辦理") if action.progress else None
            return Decide(meeting, action.case, action.decision, progress=progress)
        assert action.kind == "progress"
        return WriteProgress(meeting, action.case, self.fresh(f"{session.name}辦理"))

    def start(self, command: Command) -> Running:
        op: Operation | None = None
        if command.kind == "conclude":
            token = self.fresh("命令結論")
            args = ["conclude", str(command.meeting), PLACES[command.item], token]
        else:
            token = self.fresh("命令辦理") if command.progress else ""
            args = ["decide", str(command.meeting), str(command.case), f"--{command.decision}"]
            args += ["--progress", token] if token else []
            op = Decide(command.meeting, command.case, command.decision, progress=token or None)
        return Running(command, run(self.db, *args), token, op)

    def finish(self, running: Running | None) -> tuple[int, str]:
        if running is None:
            return 0, ""
        process = running.process
        if running.command.kill is not None:
            left = running.started + running.command.kill * self.command_time - time.monotonic()
            try:
                process.wait(timeout=max(left, 0.0))
            except subprocess.TimeoutExpired:
                process.kill()
        _, stderr = process.communicate(timeout=60)
        return process.returncode, stderr

    def settle(self, running: Running | None, returncode: int, stderr: str) -> None:
        commits: list[Commit] = []
        checks: list[Check] = []
        for session in self.sessions:
            self.answered(session, commits, checks)
        stored = read_store(self.reader)
        new = {
            m: {s for s in stored.logs[m] if s not in self.baseline[m]} - set(self.claimed[m])
            for m in MEETINGS
        }
        for commit in commits:
            self.claim(stored, new, commit)
        self.commanded(running, returncode, stderr, stored, new, commits, checks)
        unknown = {m: sorted(seqs) for m, seqs in new.items() if seqs}
        assert not unknown, f"log entries nobody was told of: {self.entries(stored, unknown)}"
        passed = self.play(commits)
        TALLY.update(f"commits to one meeting by {n} actors" for n in self.actors(commits))
        for check in checks:
            self.verify(check, passed)

    def answered(self, session: Session, commits: list[Commit], checks: list[Check]) -> None:
        """What the session's writer said, in its order: commits, and checks to make."""
        for serials, answer in session.answers():
            if not serials:  # an undo
                assert session.undos > 0, f"session {session.name}: an answer to no undo"
                session.undos -= 1
                self.undo_answered(session, answer, commits, checks)
                continue
            assert set(serials) <= session.waiting, f"{session.name} {serials} answered twice"
            session.waiting -= set(serials)
            op = session.sent[serials[-1]]  # the queued ones it replaced are in it
            TALLY.update([f"session: {'refused' if isinstance(answer, EditError) else 'done'}"])
            if len(serials) > 1:
                TALLY.update(["session: a queued operation replaced by the next"])
            if isinstance(answer, EditError):
                checks.append(
                    Check("refused", op.meeting, step_of(op), who=f"{session.name}: {answer}")
                )
            elif answer.seq is None:
                checks.append(Check("nothing", op.meeting, step_of(op), who=session.name))
            else:
                assert answer.meeting == op.meeting
                if (answer.meeting, answer.seq) not in session.stack[-1:]:
                    session.stack.append((answer.meeting, answer.seq))
                commit = Commit(
                    answer.meeting, answer.seq, session.name, session.name, step_of(op), op=op
                )
                commits.append(commit)
        assert not session.waiting, f"session {session.name}: never answered {session.waiting}"
        assert session.undos == 0, f"session {session.name}: an undo never answered"

    def undo_answered(
        self, session: Session, answer: Done | EditError, commits: list[Commit], checks: list[Check]
    ) -> None:
        TALLY.update([f"session: undo {'refused' if isinstance(answer, EditError) else 'done'}"])
        if isinstance(answer, EditError):
            if session.stack:
                who = f"{session.name} undo: {answer}"
                checks.append(
                    Check("refused", session.stack[-1][0], undoes=session.stack[-1], who=who)
                )
            return
        assert session.stack, f"session {session.name} undid something it never did"
        target = session.stack.pop()
        assert answer.meeting == target[0]
        if answer.seq is None:
            checks.append(Check("nothing", target[0], undoes=target, who=f"{session.name} undo"))
        else:
            who = f"{session.name} undo"
            commits.append(Commit(answer.meeting, answer.seq, who, session.name, undoes=target))

    def claim(self, stored: Stored, new: dict[int, set[int]], commit: Commit) -> None:
        """The acknowledged commit is in its meeting's log, once, as what it was."""
        meeting, seq = commit.meeting, commit.seq
        assert seq in new[meeting], f"{commit.who}: acknowledged as {meeting}#{seq}, which is " + (
            "claimed already" if seq in self.claimed[meeting] else "not in the log"
        )
        new[meeting].discard(seq)
        self.claimed[meeting][seq] = commit.who
        entry = stored.logs[meeting][seq]
        assert entry.get("session") == commit.session, (commit.who, entry)
        if commit.op is not None:
            assert (entry.get("op"), entry.get("args")) == step_of(commit.op), (commit.who, entry)
        if commit.undoes is not None:
            assert entry.get("undoes") == commit.undoes[1], (commit.who, entry)

    def commanded(
        self,
        running: Running | None,
        returncode: int,
        stderr: str,
        stored: Stored,
        new: dict[int, set[int]],
        commits: list[Commit],
        checks: list[Check],
    ) -> None:
        """The command's entry: there when it said it was done, maybe when it was killed,
        never when it refused."""
        if running is None:
            return
        command = running.command
        meeting = command.meeting
        others = [s for s in new[meeting] if stored.logs[meeting][s].get("session") == ""]
        assert len(others) <= 1, f"one command, several entries: {others}"
        killed = returncode == -signal.SIGKILL
        refused = returncode == REFUSED
        assert killed or returncode in (0, REFUSED), (returncode, stderr)
        if refused:
            assert stderr.startswith("agenda: error:") and "Traceback" not in stderr, stderr
            assert not others, f"refused ({stderr.strip()}) yet logged"
        outcome = "refused" if refused else "done" if returncode == 0 else "killed"
        TALLY.update([f"agenda {command.kind}: {outcome}, {'logged' if others else 'not logged'}"])
        if not others:
            if refused or (returncode == 0 and running.op is not None):
                assert running.op is not None, f"conclude exited {returncode}: {stderr}"
                expected: Outcome = "refused" if refused else "nothing"
                checks.append(
                    Check(expected, meeting, step_of(running.op), who=f"agenda: {stderr}")
                )
            else:
                assert killed, (
                    f"`agenda conclude` said done, yet nothing is in the log of {meeting}"
                )
            return
        seq = others[0]
        entry = stored.logs[meeting][seq]
        op = running.op
        if op is None:  # conclude: its id is made by the command
            args = entry.get("args", {})
            op = WriteConclusion(meeting, command.item, str(args.get("id")), running.token)
            self.written[meeting][op.id] = command.item
        assert (entry.get("op"), entry.get("args")) == step_of(op), entry
        new[meeting].discard(seq)
        self.claimed[meeting][seq] = "agenda"
        commits.append(Commit(meeting, seq, "agenda", "", step_of(op)))

    def play(self, commits: list[Commit]) -> dict[int, list[Model]]:
        """Apply the commits to the model in commit order; the states each meeting passed.

        Within a meeting the log gives the order. Between the two meetings it is not
        recorded: their changes commute, but whether a decision may be taken at 102
        depends on 103's (and back), so the order is one that merges the two logs with
        every commit allowed when it comes; the test fails if there is none."""
        lines = [
            sorted((c for c in commits if c.meeting == m), key=lambda c: c.seq) for m in MEETINGS
        ]
        ends = (len(lines[0]), len(lines[1]))
        dead: set[tuple[int, int]] = set()
        why: list[str] = []

        def walk(model: Model, at: tuple[int, int]) -> list[tuple[int, Model]] | None:
            if at == ends:
                return []
            if at in dead:
                return None
            for k in (0, 1):
                if at[k] == ends[k]:
                    continue
                commit = lines[k][at[k]]
                after = copy.deepcopy(model)
                refused = self.commit(after, commit)
                if refused:
                    why.append(refused)
                    continue
                rest = walk(after, (at[0] + 1, at[1]) if k == 0 else (at[0], at[1] + 1))
                if rest is not None:
                    return [(commit.meeting, after), *rest]
            dead.add(at)
            return None

        path = walk(self.model, (0, 0))
        assert path is not None, f"no order of the commits fits the model: {sorted(set(why))}"
        passed = {m: [self.model] for m in MEETINGS}
        for meeting, state in path:
            passed[meeting].append(state)
        if path:
            self.model = path[-1][1]
        return passed

    def commit(self, model: Model, commit: Commit) -> str:
        """Apply a commit to model; why the model would not have it ("" when it would)."""
        step = commit.step if commit.undoes is None else self.inverses.get(commit.undoes)
        if step is None:
            return f"{commit.who}: undid {commit.undoes}, which the model never saw"
        try:
            inverse = model.apply(*step)
        except Refused as refused:
            return f"{commit.who}: stored {step}, which the model refuses ({refused})"
        if inverse is None:
            return f"{commit.who}: logged {step}, which changes nothing"
        self.inverses[(commit.meeting, commit.seq)] = inverse
        return ""

    def verify(self, check: Check, passed: dict[int, list[Model]]) -> None:
        step = check.step if check.undoes is None else self.inverses.get(check.undoes)
        assert step is not None, f"{check.who}: no inverse of {check.undoes}"
        (other,) = (m for m in MEETINGS if m != check.meeting)
        outcomes = {
            state.with_cases_of(seen, other).outcome(step)
            for state in passed[check.meeting]
            for seen in passed[other]
        }
        assert check.expected in outcomes, (
            f"{check.who}: {check.expected} {step}, the model says {outcomes}"
        )

    def actors(self, commits: list[Commit]) -> list[int]:
        return [len({c.session for c in commits if c.meeting == m}) for m in MEETINGS]

    def entries(self, stored: Stored, seqs: dict[int, list[int]]) -> list[dict[str, Any]]:
        return [stored.logs[m][s] for m, found in seqs.items() for s in found]

    # -- the property -------------------------------------------------------------------

    @invariant()
    def stored_is_the_model(self) -> None:
        stored = read_store(self.reader)
        model = self.model
        expected = {
            case: {m: e for m, e in events.items() if e != (None, "")}
            for case, events in model.events.items()
        }
        differ = [
            f"meeting {m} item {item}: stored {stored.conclusions[m].get(item)}, "
            f"the model {model.conclusions[m].get(item)}"
            for m in MEETINGS
            for item in {*stored.conclusions[m], *model.conclusions[m]}
            if stored.conclusions[m].get(item) != model.conclusions[m].get(item)
        ] + [
            f"case {case}: stored {stored.events[case]}, the model {expected[case]}"
            for case in CASES
            if stored.events[case] != expected[case]
        ]
        assert not differ, "\n".join(differ)
        for meeting in MEETINGS:
            report = [
                text for entry, text in stored.conclusions[meeting]["i2.2"] if entry == SENTENCE
            ]
            sentence = sentence_of(meeting, stored.refs[meeting], stored.events)
            assert report == ([sentence] if sentence else []), (meeting, report, sentence)
            accounted = self.baseline[meeting] | set(self.claimed[meeting])
            assert set(stored.logs[meeting]) == accounted


NO_SHRINK = [Phase.explicit, Phase.reuse, Phase.generate]

SETTINGS = settings(
    max_examples=EXAMPLES,
    # A failing run is shown as found: shrinking runs the commands again and again (and
    # a race may not repeat); AGENDA_INTERLEAVINGS_SHRINK=1 shrinks it all the same.
    phases=list(Phase) if os.environ.get("AGENDA_INTERLEAVINGS_SHRINK") else NO_SHRINK,
    stateful_step_count=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def test_interleavings_of_two_sessions_and_the_cli(tmp_path: Path) -> None:
    template = tmp_path / "template"
    template.mkdir()
    db = demo_database(template)
    secretary.prepare(Repository.open(db), force=True)  # 103: the same open cases as 102
    command_time = timed_command(db)

    class OnThisDatabase(Interleavings):
        def __init__(self) -> None:
            super().__init__(db, tmp_path, command_time)

    TALLY.clear()
    run_state_machine_as_test(OnThisDatabase, settings=SETTINGS)
    print(f"a command takes {command_time:.2f} s here")
    for what, count in sorted(TALLY.items()):
        print(f"{count:5}  {what}")
