"""Small ways the commands say things in the user's language."""

from __future__ import annotations

from tui.i18n import _


def quoted(text: object) -> str:
    """What the user typed, quoted as the language quotes: 'x' in English, 「x」 in Chinese."""
    return _("'{text}'").format(text=text)
