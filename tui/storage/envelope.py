"""The on-disk envelope of a document: {"format", "schema", "tables"}."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from tui.i18n import _
from tui.storage.errors import SCHEMA, DamagedFileError, NewerSchemaError

if TYPE_CHECKING:
    from pathlib import Path

FORMAT = "agenda"
HEAD = f'{{"format":"{FORMAT}","schema":{SCHEMA},"tables":'.encode()
TAIL = b"}\n"

Tables = dict[str, dict[str, dict[str, Any]]]


def encode_tables(tables: Mapping[str, Any]) -> bytes:
    """The canonical bytes of TinyDB's raw tables; equal bytes mean equal content."""
    text = json.dumps(tables, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def wrap(tables_json: bytes) -> bytes:
    return HEAD + tables_json + TAIL


def decode(path: Path, raw: bytes) -> Tables:
    """Parse a document file, raising DamagedFileError or NewerSchemaError."""
    if not raw:
        raise DamagedFileError(path, _("the file is empty"))
    if b"\0" in raw:
        raise DamagedFileError(path, _("it contains NUL bytes (a write cut off by a crash?)"))
    try:
        data = json.loads(raw.decode("utf-8-sig"))  # tolerate a BOM from a hand edit
    except UnicodeDecodeError as error:
        reason = _("not UTF-8 text (bad byte at offset {offset})").format(offset=error.start)
        raise DamagedFileError(path, reason) from None
    except json.JSONDecodeError as error:
        reason = _("not valid JSON, truncated? ({problem} at line {line} column {column})").format(
            problem=error.msg, line=error.lineno, column=error.colno
        )
        raise DamagedFileError(path, reason) from None
    except RecursionError:
        raise DamagedFileError(path, _("JSON nested too deeply")) from None
    if may_hold_lone_surrogates(raw):
        _check_encodable(path, data)
    return check_shape(path, data)


# JSON may escape half of a surrogate pair, which no UTF-8 text holds; a pair is one character.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def may_hold_lone_surrogates(raw: bytes) -> bool:
    """Whether the JSON text escapes half a surrogate pair (seldom: then checked whole)."""
    return b"\\u" in raw and _SURROGATE_ESCAPE.search(raw) is not None


def _check_encodable(path: Path, data: Any) -> None:
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(error.object[error.start])
        reason = _("it holds half a surrogate pair (\\u{code:04x}), which no text holds")
        raise DamagedFileError(path, reason.format(code=code)) from None


def check_shape(path: Path, data: Any) -> Tables:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        reason = _('not an agenda document (no "format": "{format}")').format(format=FORMAT)
        raise DamagedFileError(path, reason)
    schema = data.get("schema")
    if type(schema) is not int or schema < 1:
        raise DamagedFileError(path, _("invalid schema {schema!r}").format(schema=schema))
    if schema > SCHEMA:
        raise NewerSchemaError(path, schema)
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise DamagedFileError(path, _('"tables" is not an object'))
    for name, table in tables.items():
        _check_table(path, name, table)
    return tables


def _check_table(path: Path, name: str, table: Any) -> None:
    if not isinstance(table, dict):
        raise DamagedFileError(path, _("table {name!r} is not an object").format(name=name))
    for doc_id, doc in table.items():
        if not (doc_id.isascii() and doc_id.isdigit()):
            reason = _("table {name!r} has a non-numeric id {id!r}").format(name=name, id=doc_id)
            raise DamagedFileError(path, reason)
        if not isinstance(doc, dict):
            reason = _("table {name!r} record {id} is not an object").format(name=name, id=doc_id)
            raise DamagedFileError(path, reason)
