"""A meeting rendered as it is circulated: what `agenda render` needs, and nothing of the
secretary's edits (whose machinery a render does not use)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from tui.database import profile_of

if TYPE_CHECKING:
    from tui.checked_profiles import ProfileView
    from tui.domain.model import CaseRef, Meeting, TrackedCase
    from tui.domain.profile import Profile
    from tui.storage.repository import Repository

# The cases a meeting's items name, read whole: Repository.cases_of, or a plain read of them.
CasesOf = Callable[[Iterable["CaseRef"]], list["TrackedCase"]]


def render_meeting(
    repo: Repository,
    meeting: Meeting,
    *,
    agenda: bool,
    format: str,
    width: int | None = None,
    profile: Profile | None = None,
) -> str:
    """The record (or agenda) of a meeting as it is circulated, through the office's
    templates; `profile`: the database's, when the caller has read it already."""
    profile = profile or profile_of(repo)
    return meeting_text(repo.cases_of, meeting, profile, agenda=agenda, format=format, width=width)


def meeting_text(
    cases_of: CasesOf,
    meeting: Meeting,
    profile: Profile | ProfileView,
    *,
    agenda: bool,
    format: str,
    width: int | None = None,
) -> str:
    """render_meeting, its cases read by `cases_of`; of the profile, what a render reads."""
    from tui.checked_profiles import ProfileView
    from tui.render.document import RenderOptions, render_agenda, render_record

    view = profile if isinstance(profile, ProfileView) else ProfileView.of(profile)
    options = RenderOptions(
        format=format,
        width=view.text_width if width is None else width,
        template_dirs=() if view.templates is None else (view.templates,),
    )
    refs = [ref for item in meeting.items() for ref in item.cases]
    warning = view.warning_days
    if not agenda:
        return render_record(meeting, view.office, options, cases_of(refs), warning)
    return render_agenda(meeting, view.office, cases_of(refs), options, warning)


def render_document(
    repo: Repository,
    meeting: Meeting,
    *,
    agenda: bool,
    format: str,
    profile: Profile | None = None,
) -> bytes:
    """The record (or agenda) as a document to edit and circulate: ODT or DOCX; or PDF, the
    ODT converted by LibreOffice."""
    profile = profile or profile_of(repo)
    return meeting_document(repo.cases_of, meeting, profile, agenda=agenda, format=format)


def meeting_document(
    cases_of: CasesOf,
    meeting: Meeting,
    profile: Profile | ProfileView,
    *,
    agenda: bool,
    format: str,
) -> bytes:
    """render_document, its cases read by `cases_of`."""
    from tui.render.document import template_name
    from tui.render.documents import write_document

    if format == "pdf":
        from tui.render.pdf import pdf_of

        odt = meeting_document(cases_of, meeting, profile, agenda=agenda, format="odt")
        return pdf_of(odt)
    source = meeting_text(cases_of, meeting, profile, agenda=agenda, format=format)
    return write_document(source, format, template_name("agenda" if agenda else "record", format))
