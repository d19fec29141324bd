"""A meeting rendered as it is circulated: what `agenda render` needs, and nothing of the
secretary's edits (whose machinery a render does not use)."""

from __future__ import annotations

from tui.database import profile_of
from tui.domain.model import Meeting
from tui.storage.repository import Repository


def render_meeting(
    repo: Repository, meeting: Meeting, *, agenda: bool, format: str, width: int | None = None
) -> str:
    """The record (or agenda) of a meeting as it is circulated, through the office's templates."""
    from tui.render.document import RenderOptions, render_agenda, render_record

    profile = profile_of(repo)
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


def render_document(repo: Repository, meeting: Meeting, *, agenda: bool, format: str) -> bytes:
    """The record (or agenda) as a document to edit and circulate: ODT or DOCX; or PDF, the
    ODT converted by LibreOffice."""
    from tui.render.document import template_name
    from tui.render.documents import write_document

    if format == "pdf":
        from tui.render.pdf import pdf_of

        return pdf_of(render_document(repo, meeting, agenda=agenda, format="odt"))
    source = render_meeting(repo, meeting, agenda=agenda, format=format)
    return write_document(source, format, template_name("agenda" if agenda else "record", format))
