"""The on-disk envelope of a document: {"format", "schema", "tables"}."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tui.storage.errors import SCHEMA, DamagedFileError, NewerSchemaError

FORMAT = "agenda"
_HEAD = f'{{"format":"{FORMAT}","schema":{SCHEMA},"tables":'.encode()

Tables = dict[str, dict[str, dict[str, Any]]]


def encode_tables(tables: Mapping[str, Any]) -> bytes:
    """The canonical bytes of TinyDB's raw tables; equal bytes mean equal content."""
    text = json.dumps(tables, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def wrap(tables_json: bytes) -> bytes:
    return _HEAD + tables_json + b"}\n"


def decode(path: Path, raw: bytes) -> Tables:
    """Parse a document file, raising DamagedFileError or NewerSchemaError."""
    if not raw:
        raise DamagedFileError(path, "the file is empty")
    if b"\0" in raw:
        raise DamagedFileError(path, "it contains NUL bytes (a write cut off by a crash?)")
    try:
        data = json.loads(raw.decode("utf-8-sig"))  # tolerate a BOM from a hand edit
    except UnicodeDecodeError as error:
        raise DamagedFileError(path, f"not UTF-8 text (bad byte at offset {error.start})") from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise DamagedFileError(
            path, f"not valid JSON, truncated? ({error.msg} at {where})"
        ) from None
    except RecursionError:
        raise DamagedFileError(path, "JSON nested too deeply") from None
    return check_shape(path, data)


def check_shape(path: Path, data: Any) -> Tables:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DamagedFileError(path, f'not an agenda document (no "format": "{FORMAT}")')
    schema = data.get("schema")
    if type(schema) is not int or schema < 1:
        raise DamagedFileError(path, f"invalid schema {schema!r}")
    if schema > SCHEMA:
        raise NewerSchemaError(path, schema)
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise DamagedFileError(path, '"tables" is not an object')
    for name, table in tables.items():
        _check_table(path, name, table)
    return tables


def _check_table(path: Path, name: str, table: Any) -> None:
    if not isinstance(table, dict):
        raise DamagedFileError(path, f"table {name!r} is not an object")
    for doc_id, doc in table.items():
        if not (doc_id.isascii() and doc_id.isdigit()):
            raise DamagedFileError(path, f"table {name!r} has a non-numeric id {doc_id!r}")
        if not isinstance(doc, dict):
            raise DamagedFileError(path, f"table {name!r} record {doc_id} is not an object")
