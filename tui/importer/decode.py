"""Bytes of a circulated record to text: UTF-8 (with or without BOM) or the legacy Big5/CP950."""

from __future__ import annotations

from pathlib import Path


class NotARecordError(ValueError):
    """The input is not a meeting record; the message names the file and why."""


_ENCODINGS = ("utf-8-sig", "cp950", "big5hkscs")


def read_record_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotARecordError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise NotARecordError(f"{path}: is a folder, not a record file") from None
    except OSError as error:
        raise NotARecordError(f"{path}: cannot be read ({error.strerror})") from None
    return decode_record(raw, str(path))


def decode_record(raw: bytes, where: str) -> str:
    if not raw.strip():
        raise NotARecordError(f"{where}: the file is empty")
    if b"\x00" in raw:
        raise NotARecordError(f"{where}: binary data, not a text record")
    for encoding in _ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _normalise_newlines(text)
    raise NotARecordError(f"{where}: the text is neither UTF-8 nor Big5/CP950")


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
