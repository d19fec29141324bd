"""Small ways the commands say things in the user's language."""

from __future__ import annotations

from tui.i18n import _, pgettext


def quoted(text: object) -> str:
    """What the user typed, quoted as the language quotes: 'x' in English, 「x」 in Chinese."""
    return _("'{text}'").format(text=text)


def search_field(field: str) -> str:
    """What a search hit is (the search names it by a key: "conclusion", "case")."""
    words = {
        "title": pgettext("search hit", "title"),
        "motion": pgettext("search hit", "motion"),
        "proposal": pgettext("search hit", "proposal"),
        "report": pgettext("search hit", "report"),
        "case": pgettext("search hit", "case"),
        "progress": pgettext("search hit", "progress"),
        "conclusion": pgettext("search hit", "conclusion"),
        "note": pgettext("search hit", "note"),
    }
    return words.get(field, field)
