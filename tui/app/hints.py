"""What the user can do about a refused change, in the app's words (keys, not options)."""

from __future__ import annotations

from tui.edits.errors import EditError, Hint
from tui.i18n import N_, _

HINTS = {
    Hint.REPLACE: N_("import it again with --replace"),
    Hint.DECIDE_FIRST: N_("decide them first, or press P to prepare anyway"),
    Hint.UNTRACK_FIRST: N_("press t to withdraw the case first"),
    Hint.CORRECT_FIRST: N_("press C to log a correction first"),
    Hint.DECIDE_INSTEAD: N_("decide the cases with r / k"),
    Hint.GIVE_DATE: N_("set the date in profile.toml"),
}


def worded(error: EditError) -> str:
    hint = HINTS.get(error.hint)
    if hint:
        return _("{error}: {hint}.").format(error=error, hint=_(hint))
    return f"{error}."
