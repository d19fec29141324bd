"""Bytes of a circulated record to text: UTF-8 (with or without BOM) or the legacy Big5/CP950."""

from __future__ import annotations

from pathlib import Path

from tui.i18n import _


class NotARecordError(ValueError):
    """The input is not a meeting record; the message names the file and why."""


_ENCODINGS = ("utf-8-sig", "cp950", "big5hkscs")


def read_record_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotARecordError(_("{path}: no such file").format(path=path)) from None
    except IsADirectoryError:
        raise NotARecordError(
            _("{path}: is a folder, not a record file").format(path=path)
        ) from None
    except OSError as error:
        raise NotARecordError(
            _("{path}: cannot be read ({reason})").format(path=path, reason=error.strerror)
        ) from None
    return decode_record(raw, str(path))


def decode_record(raw: bytes, where: str) -> str:
    if not raw.strip():
        raise NotARecordError(_("{path}: the file is empty").format(path=where))
    if b"\x00" in raw:
        raise NotARecordError(_("{path}: binary data, not a text record").format(path=where))
    for encoding in _ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _normalise_newlines(text)
    raise NotARecordError(_("{path}: the text is neither UTF-8 nor Big5/CP950").format(path=where))


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
