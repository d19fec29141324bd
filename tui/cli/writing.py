"""A command's text or document, written to a file, down a pipe or into the current folder.

Apart from tui.cli.output (the listings, which import the case register) so that a render
imports no more than it writes with."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from tui.i18n import _

if TYPE_CHECKING:
    from pathlib import Path


def write_text(text: str, path: Path | None) -> None:
    if path is None:
        sys.stdout.write(text)
        return
    _write(path, text.encode("utf-8"))


def write_document(data: bytes, path: Path | None, name: str, *, force: bool = False) -> None:
    """A document at `path`, replacing what is there; else down a pipe; else, at a terminal,
    in `name` in the current folder (replaced only with `force`: a file there already is
    kept and the next free name, name-2, name-3 …, taken), whose path is printed."""
    if path is not None:
        _write(path, data)
        return
    if not sys.stdout.isatty():
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return
    from pathlib import Path  # only here: a text down a pipe needs none of it

    chosen = Path.cwd() / name
    if force:
        _write(chosen, data)
        print(chosen)
        return
    written = _write_new(chosen, data)
    if written != chosen:
        print(
            _("{name} exists and is kept; written to {written} (--force replaces it)").format(
                name=chosen.name, written=written.name
            ),
            file=sys.stderr,
        )
    print(written)


def _write_new(path: Path, data: bytes) -> Path:
    from tui.export import write_free_name

    try:
        return write_free_name(path, data)
    except OSError as error:
        from tui.cli.session import UsageError

        raise UsageError(
            _("{path}: cannot be written ({reason})").format(
                path=path, reason=error.strerror or error
            )
        ) from None


def _write(path: Path, data: bytes) -> None:
    from tui.export import write_file

    try:
        write_file(path, data)
    except OSError as error:
        from tui.cli.session import UsageError

        raise UsageError(
            _("{path}: cannot be written ({reason})").format(
                path=path, reason=error.strerror or error
            )
        ) from None
