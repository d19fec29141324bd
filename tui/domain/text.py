"""Text as it may be stored and shown: no terminal control characters, no bidi controls.

One cleaning for the whole program, wherever text comes in (typed, imported, a template's
output, a user's name from the environment).
"""

from __future__ import annotations

import functools
import re

# C0 controls but tab and newline, DEL, and the C1 controls: ESC sequences and their kin
# would move the cursor or recolour a terminal that shows the text.
_C0_C1 = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# The bidirectional embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and
# marks (LRM, RLM, ALM): they reorder what a reader sees without changing what is stored, so
# 「同意\u202e查備」 would show as 同意備查 and no search would find it.
_BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
_CONTROLS = re.compile(f"[{_C0_C1}{_BIDI}]")


# The two below are compiled when first used: most texts have no control to remove.
@functools.cache
def _controls_and_breaks() -> re.Pattern[str]:
    """The same, and tab and newline too: for a text that must stay on one line (a name)."""
    return re.compile(f"[\t\n{_C0_C1}{_BIDI}]")


@functools.cache
def _sequences() -> re.Pattern[str]:
    """Whole terminal sequences go, so no "[31m" is left behind: CSI (ESC [ or U+009B) and
    the string commands OSC, DCS, APC, PM when they are ended (by BEL or ST)."""
    return re.compile(
        r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
        r"|(?:\x1b[\]P_^]|[\x90\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
        r"|\x1b[@-Z\\-_]"
    )


def without_controls(text: str, *, one_line: bool = False) -> str:
    """The text without terminal sequences and control characters; tab and newline stay
    unless `one_line`."""
    controls = _controls_and_breaks() if one_line else _CONTROLS
    # Nothing of Unicode's Cc or Cf (seen at C speed), or none of them but a kept tab or
    # newline: the common cases. Every sequence starts with a control.
    if text.isprintable() or controls.search(text) is None:
        return text
    return controls.sub("", _sequences().sub("", text))


def has_controls(text: str) -> bool:
    """Whether without_controls() would change the text (tab and newline are kept)."""
    return _CONTROLS.search(text) is not None
