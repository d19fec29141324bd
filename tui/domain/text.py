"""Text as it may be stored and shown: no terminal control characters."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, and the C1 controls: ESC sequences and their kin
# would move the cursor or recolour a terminal that shows the text.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    return _CONTROLS.sub("", text)


def has_controls(text: str) -> bool:
    return _CONTROLS.search(text) is not None
