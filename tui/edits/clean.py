"""Text as an operation may store it: cleaned once, where it comes in."""

from __future__ import annotations

import re

from tui.domain.text import without_controls

# Bidirectional embeddings, overrides, isolates and marks: they reorder what is shown
# (「同意\u202e查備」 displays as 同意備查) so that search and readers disagree.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Whole terminal sequences, so no "[31m" is left behind: CSI (ESC [ or U+009B) and the
# string commands OSC, DCS, APC, PM (ended by BEL or ST).
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]P_^]|[\x90\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[@-Z\\-_]"
)


def clean_text(text: str, *, multiline: bool = False) -> str:
    """No control characters, no bidi controls; one line unless multiline."""
    if not multiline:
        text = text.replace("\r", "").replace("\n", "")
    return _BIDI.sub("", without_controls(_SEQUENCES.sub("", text))).strip()
