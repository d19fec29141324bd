"""What a form says about itself: the database, meeting, unit and cases it was written for,
a checksum of what it sent, and a seal over all of them, in one line of text.

The line is kept twice in each file: as a custom document property (Word and LibreOffice
keep those when they save, in DOCX and ODT alike, and show them only under File ›
Properties) and as the small last line of the form, read when the property is gone.
"""

from __future__ import annotations

import hashlib

from tui.dataclass_cache import dataclass
from tui.domain.model import CaseKind

PROPERTY = "agenda-form"
MARK = "表單識別碼："  # the small last line starts with it
_VERSION = "agenda-form/1"

CaseKey = tuple[CaseKind, int]


class FormError(ValueError):
    """A file that cannot be read as a form, said in one line."""


def digest(text: str, length: int = 12) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def case_key(key: CaseKey) -> str:
    """10101, or mayor:12601 for a case tracked by the mayor's office."""
    kind, number = key
    return str(number) if kind is CaseKind.INTERNAL else f"{kind.value}:{number}"


def _read_key(text: str) -> CaseKey:
    kind, _, number = text.rpartition(":")
    return CaseKind(kind or CaseKind.INTERNAL.value), int(number)


@dataclass(frozen=True)
class Identifier:
    """Which database, meeting, unit and cases a form was sent for, and the rows as sent."""

    database: str
    meeting: int
    unit: str
    cases: tuple[CaseKey, ...]
    sent: str  # the checksum of the rows as they were sent

    def fields(self) -> str:
        cases = ",".join(case_key(key) for key in self.cases)
        return (
            f"{_VERSION};db={self.database};meeting={self.meeting};unit={self.unit};"
            f"cases={cases};sent={self.sent}"
        )

    def line(self) -> str:
        return f"{self.fields()};seal={digest(self.fields())}"


def read_identifier(line: str) -> Identifier | None:
    """The identifier in `line`, or None when it has none; FormError when it is damaged."""
    line = "".join(line.split())  # a round trip may wrap or space it
    start = line.find(_VERSION)
    if start < 0:
        return None
    fields, _, seal = line[start:].rpartition(";seal=")
    if digest(fields) != seal[:12]:
        raise FormError("seal")
    values = dict(part.partition("=")[::2] for part in fields.split(";")[1:])
    try:
        cases = tuple(_read_key(k) for k in values["cases"].split(",") if k)
        return Identifier(
            values["db"], int(values["meeting"]), values["unit"], cases, values["sent"]
        )
    except (KeyError, ValueError):
        raise FormError("fields") from None
