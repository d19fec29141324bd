"""Rich and Textual strip five control codes (bell, backspace, vertical tab, form feed,
carriage return) from every text they build, with str.translate, which looks each
character of a Chinese text up in a dict: 64 µs for a paragraph of 900 characters, built
again for each row of the entry box at every key. The same result, the text looked
through for the codes first (0.2 µs) and translated only when it has one; installed once,
for the whole app, beside the wrapping (tui/app/textual_wrapping.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import rich.text
import textual.content
from rich.control import _CONTROL_STRIP_TRANSLATE as _RICH_CODES
from textual.content import _CONTROL_STRIP_TRANSLATE as _TEXTUAL_CODES

Strip = Callable[..., str]  # (text, _translate_table=the library's table)


def stripping(table: Mapping[int, None]) -> Strip:
    """What `text.translate(table)` gives, without the translation when it removes nothing."""
    codes = tuple(map(chr, table))
    translation = dict(table)

    def strip_control_codes(text: str, _translate_table: Mapping[int, None] = translation) -> str:
        """Text without the control codes: looked for first in a plain str with the table
        the library gave; anything else translated, as the library does."""
        if type(text) is not str or _translate_table is not translation:
            return text.translate(_translate_table)
        for code in codes:
            if code in text:
                return text.translate(translation)
        return text

    return strip_control_codes


def strip_codes_quickly() -> None:
    # Replaced on purpose, as the wrapping is: the libraries look both names up at each call.
    setattr(rich.text, "strip_control_codes", stripping(_RICH_CODES))  # noqa: B010
    setattr(textual.content, "_strip_control_codes", stripping(_TEXTUAL_CODES))  # noqa: B010
