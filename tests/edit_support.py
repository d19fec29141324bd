"""The secretary's edits as tests make them: through the edit service, as a command does."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from tui.domain.model import Amendment, CaseDecision, CaseKind, Meeting, MeetingStatus, TrackedCase
from tui.edits import EditService, requests
from tui.secretary import editor
from tui.storage.repository import Repository


def conclude(
    repo: Repository,
    number: int,
    place: str,
    text: str,
    *,
    tracked: bool = False,
    owner: str = "",
    deadline: date | None = None,
) -> TrackedCase | None:
    service = editor(repo)
    found = requests.conclude(
        service, number, place, text, tracked=tracked, owner=owner, deadline=deadline
    )
    return None if found is None else repo.case(found)


def decide(
    repo: Repository,
    number: int,
    case: int,
    decision: CaseDecision,
    progress: str = "",
    kind: CaseKind = CaseKind.INTERNAL,
) -> TrackedCase:
    requests.decide(editor(repo), number, case, decision, progress, kind)
    found = repo.case(case, kind)
    assert found is not None
    return found


def add_motion(repo: Repository, number: int, presenter: str, text: str) -> str:
    return requests.add_motion(editor(repo), number, presenter, text)


def set_status(
    repo: Repository, number: int, status: MeetingStatus, end: time | None = None
) -> Meeting:
    requests.set_status(editor(repo), number, status, end)
    return meeting(repo, number)


def confirm(repo: Repository, number: int, corrections: Sequence[Amendment] = ()) -> Meeting:
    requests.confirm(editor(repo), number, corrections)
    return meeting(repo, number)


def meeting(repo: Repository, number: int = 102) -> Meeting:
    """The meeting as stored now."""
    found = repo.load_meeting(number)
    assert found is not None
    return found


def service(repo: Repository, session: str = "s1", user: str = "許菁芳") -> EditService:
    """The edit service of one session, with the office's units."""
    return EditService(repo, user, editor(repo).units, session)
