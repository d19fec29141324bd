"""The renderer's error, apart from the renderer so that catching it costs no Jinja2 import."""


class RenderError(Exception):
    """A template that cannot render; the message names the template and the reason."""
