"""The model's stored shape written out as plain data (tui/domain/schema_table.py), so that a
command reading one stored meeting need not import the model and dataclasses to fill it in.

After a change to the stored model: `python -m tui.domain.schema` writes the table again
(tests/test_meeting_data.py fails until it is).
"""

from __future__ import annotations

import dataclasses
import enum
import pprint
import subprocess
import sys
import types
import typing
from pathlib import Path
from typing import Any

from tui.domain.codec import _hints, to_data
from tui.domain.model import Meeting, TrackedCase

ROOTS = (Meeting, TrackedCase)
TABLE_FILE = Path(__file__).with_name("schema_table.py")

Field = tuple[str, str, object]  # name, type, default as stored data (... when required)


def schema() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[Field, ...]]]:
    """The enums' stored values, and each stored type's fields, from the stored roots."""
    enums: dict[str, tuple[str, ...]] = {}
    records: dict[str, tuple[Field, ...]] = {}
    for root in ROOTS:
        _record(root, enums, records)
    return enums, records


def _record(
    kind: Any, enums: dict[str, tuple[str, ...]], records: dict[str, tuple[Field, ...]]
) -> None:
    if kind.__name__ in records:
        return
    records[kind.__name__] = ()  # a Point holds Points
    defaults = {f.name: _default(f) for f in dataclasses.fields(kind)}
    found = [(n, _spec(h, enums, records), defaults[n]) for n, h in _hints(kind).items()]
    records[kind.__name__] = tuple(found)


def _spec(
    hint: Any, enums: dict[str, tuple[str, ...]], records: dict[str, tuple[Field, ...]]
) -> str:
    """A type as the table writes it: "str", "time | None", "list[Point]", "MeetingStatus"."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = (a for a in typing.get_args(hint) if a is not type(None))
        return f"{_spec(inner, enums, records)} | None"
    if origin is list:
        return f"list[{_spec(typing.get_args(hint)[0], enums, records)}]"
    if dataclasses.is_dataclass(hint):
        _record(hint, enums, records)
    elif isinstance(hint, type) and issubclass(hint, enum.Enum):
        enums[hint.__name__] = tuple(member.value for member in hint)
    return "Any" if hint is Any else str(hint.__name__)


def _default(field: dataclasses.Field[Any]) -> object:
    if field.default_factory is not dataclasses.MISSING:
        return to_data(field.default_factory())
    return ... if field.default is dataclasses.MISSING else to_data(field.default)


_HEADING = '''"""The stored model's enums and fields as plain data, written by tui.domain.schema
from tui.domain.model, not by hand. A field is (name, type, default as stored data), the
default ... when the field must be given."""
'''


def table_text() -> str:
    enums, records = schema()
    return (
        f"{_HEADING}\n"
        f"ENUMS: dict[str, tuple[str, ...]] = {pprint.pformat(enums, sort_dicts=False)}\n\n"
        "FIELDS: dict[str, tuple[tuple[str, str, object], ...]] = "
        f"{pprint.pformat(records, sort_dicts=False)}\n"
    )


def main() -> None:
    TABLE_FILE.write_text(table_text(), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(TABLE_FILE)], check=False)


if __name__ == "__main__":
    main()
