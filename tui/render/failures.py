"""An office's template that fails other than as Jinja words it: said in one line, with the
template and the line of it that was running."""

from __future__ import annotations

from tui.i18n import _


def template_failure(name: str, error: BaseException) -> str:
    where = _template_line(error)
    problem = _problem(error)
    if where is None:
        return _("template {name}: {problem}").format(name=name, problem=problem)
    file, line = where
    return _("template {name} line {line}: {problem}").format(name=file, line=line, problem=problem)


def _template_line(error: BaseException) -> tuple[str, int] | None:
    """The innermost frame running a template: Jinja names its frames after the file."""
    import traceback  # only when a template failed

    found = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename.endswith(".j2") and frame.lineno is not None:
            found = frame.filename.rsplit("/", 1)[-1], frame.lineno
    return found


def _problem(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return _("it calls itself without end")
    if isinstance(error, MemoryError):
        return _("it needs more memory than a template may use")
    words = str(error).splitlines()
    return words[0] if words else type(error).__name__
