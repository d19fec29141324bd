"""What a change did, kept as a message and its values and worded when it is read.

The log keeps the English message (a catalog's msgid) with its values, so a change logged
by a session in one language reads in the language of whoever reads the log later.
"""

from __future__ import annotations

from typing import Any

from tui.dataclass_cache import dataclass, field
from tui.i18n import _


@dataclass(frozen=True)
class Said:
    """A message about a change, kept untranslated with its values until it is shown."""

    message: str  # marked N_() where it is written: {named} placeholders
    values: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        if not self.message:
            return ""
        try:
            return _(self.message).format(**self.values)
        except (KeyError, IndexError, ValueError):
            return self.message.format_map(_Kept(self.values))

    def stored(self) -> dict[str, Any]:
        return {"message": self.message, "values": dict(self.values)}


def said(message: str, **values: object) -> Said:
    """The message with its values, each kept as the text it shows."""
    return Said(message, {name: str(value) for name, value in values.items()})


def worded(stored: object) -> str:
    """A logged summary in the reader's language: a message with its values, or a line
    logged before summaries were kept that way (shown as it was written)."""
    if isinstance(stored, dict):
        values = stored.get("values")
        kept = {str(k): str(v) for k, v in values.items()} if isinstance(values, dict) else {}
        return str(Said(str(stored.get("message", "")), kept))
    return str(stored or "")


class _Kept(dict[str, str]):
    """A placeholder with no value stays as it is written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
