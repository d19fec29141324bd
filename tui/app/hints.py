"""What the user can do about a refused change, in the app's words (keys, not options)."""

from __future__ import annotations

from tui.edits.errors import EditError, Hint

HINTS = {
    Hint.REPLACE: "import it again with --replace",
    Hint.DECIDE_FIRST: "decide them first, or press P to prepare anyway",
    Hint.UNTRACK_FIRST: "press t to withdraw the case first",
    Hint.CORRECT_FIRST: "press C to log a correction first",
    Hint.DECIDE_INSTEAD: "decide the cases with r / k",
    Hint.GIVE_DATE: "set the date in profile.toml",
}


def worded(error: EditError) -> str:
    hint = HINTS.get(error.hint)
    return f"{error}: {hint}." if hint else f"{error}."
