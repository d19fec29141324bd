"""A meeting rendered as it is circulated: what `agenda render` needs, and nothing of the
secretary's edits (whose machinery a render does not use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.database import profile_of

if TYPE_CHECKING:
    from tui.domain.model import Meeting
    from tui.domain.profile import Profile
    from tui.storage.repository import Repository


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
    from tui.render.document import RenderOptions, render_agenda, render_record

    profile = profile or profile_of(repo)
    options = RenderOptions(
        format=format,
        width=profile.text_width if width is None else width,
        template_dirs=() if profile.templates is None else (profile.templates,),
    )
    refs = [ref for item in meeting.items() for ref in item.cases]
    warning = profile.schedule.deadline_warning_days
    if not agenda:
        return render_record(meeting, profile.office, options, repo.cases_of(refs), warning)
    return render_agenda(meeting, profile.office, repo.cases_of(refs), options, warning)


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
    from tui.render.document import template_name
    from tui.render.documents import write_document

    if format == "pdf":
        from tui.render.pdf import pdf_of

        return pdf_of(render_document(repo, meeting, agenda=agenda, format="odt", profile=profile))
    source = render_meeting(repo, meeting, agenda=agenda, format=format, profile=profile)
    return write_document(source, format, template_name("agenda" if agenda else "record", format))
