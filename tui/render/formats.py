"""What the renderer can write, and how it fails: apart from the renderer, so that a command
can check a format or catch a render error without importing Jinja2."""

TEXT_FORMATS = ("md", "txt")
DOCUMENT_FORMATS = ("odt", "docx")  # written from blocks: templates/record.blocks.j2
FORMATS = TEXT_FORMATS + DOCUMENT_FORMATS
WEB_FORMATS = ("html",)  # the record as a page for the web: templates/record.html.j2
PRINT_FORMATS = ("pdf",)  # the ODT converted by LibreOffice (tui/render/pdf.py)


class RenderError(Exception):
    """A template that cannot render; the message names the template and the reason."""
