"""Bytes of a circulated record to text: UTF-8 (with or without BOM) or the legacy Big5/CP950."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tui.i18n import _


class NotARecordError(ValueError):
    """The input is not a meeting record; the message names the file and why."""


_ENCODINGS = ("utf-8-sig", "cp950", "big5hkscs")


# A record of hundreds of pages is a few hundred KB; more is not a record, and would only fill
# the memory (/dev/zero never ends).
MOST_BYTES = 16 * 1024 * 1024


def read_record_text(path: Path) -> str:
    try:
        raw = _read_file(path)
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


def _read_file(path: Path) -> bytes:
    """The bytes of a regular file of at most MOST_BYTES (a pipe or device would block or
    never end); NotARecordError for anything else."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as file:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(mode):
            raise NotARecordError(_("{path}: not a regular file").format(path=path))
        raw = file.read(MOST_BYTES + 1)
    if len(raw) > MOST_BYTES:
        raise NotARecordError(
            _("{path}: larger than {most} MB, not a record").format(
                path=path, most=MOST_BYTES // (1024 * 1024)
            )
        )
    return raw


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
