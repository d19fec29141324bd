"""The command line's parser, saying argparse's own words in the user's language.

argparse words its headings, its usage line and its errors ("invalid choice", "the following
arguments are required") with the `_` and `ngettext` it imports from gettext into its
module, and looks them up when it makes each message. While our parser is made, parses or
formats its help, those two names point at ours (`_speaking_ours`), so the messages come
from our catalogs; the msgids a user can meet are listed in ARGPARSE_MESSAGES for the
catalogs to take them. Only two things are worded here rather than by argparse: a number
that is not one (argparse names the Python type, "invalid int value") and an invalid
choice, whose words are quoted and listed the Chinese way in Chinese (「x」、「y」).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NoReturn

from tui.cli.words import quoted
from tui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from pathlib import Path

# argparse's own msgids (as Python 3.11 writes them) that a user of `agenda` can meet; each is in
# the catalogs, which say them in Chinese with the program's conventions (用法：, ：錯誤：).
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
)


@contextmanager
def _speaking_ours() -> Iterator[None]:
    """argparse's module-level `_` and `ngettext` are ours for the time of the block."""
    names = vars(argparse)
    saved = names["_"], names["ngettext"]
    names["_"], names["ngettext"] = _, ngettext
    try:
        yield
    finally:
        names["_"], names["ngettext"] = saved


def whole_number(text: str) -> int:
    """An `int` argument, refused in the user's words (argparse would name the type)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value} is not a whole number").format(value=quoted(text))
        ) from None


def a_path(text: str) -> Path:
    """A file or folder named on the command line; an empty name would be the current folder."""
    from pathlib import Path

    return Path(a_folder(text))


def a_folder(text: str) -> str:
    """The database's folder, as a_path checks it, kept a name: a command that reads one file
    of it need not import pathlib."""
    if not text:
        raise argparse.ArgumentTypeError(_("an empty name is not a file or folder"))
    return text


def ranged(low: int, high: int) -> Callable[[str], int]:
    """A whole number from low to high; argparse names the field in front of the refusal."""

    def number_in_range(text: str) -> int:
        value = whole_number(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                _("{value}: give {low} to {high}").format(value=text, low=low, high=high)
            )
        return value

    return number_in_range


# Meetings are numbered 1…9999 (meetings/0101); a case is its meeting × 100 + 1…99. The
# domain's LARGEST and LAST_SEQUENCE, written here so that parsing imports no domain module
# (tests/test_cli_parser.py holds them equal).
LARGEST = 9999
LAST_SEQUENCE = 99
a_meeting = ranged(1, LARGEST)
a_case = ranged(1, LARGEST * 100 + LAST_SEQUENCE)
a_place = ranged(1, LARGEST)
a_change = ranged(1, 1_000_000_000)


def meeting_number(cmd: argparse.ArgumentParser) -> None:
    """The N every command about one meeting takes."""
    cmd.add_argument("number", type=a_meeting, metavar="N", help=_("meeting number"))


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words (headings, usage, errors) are in our catalogs.

    Its commands (add_subparsers) are made of the same class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        with _speaking_ours():
            super().__init__(*args, **kwargs)
        self.register("type", int, whole_number)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with _speaking_ours():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _speaking_ours():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _speaking_ours():
            return super().format_usage()

    def format_help(self) -> str:
        with _speaking_ours():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with _speaking_ours():
            super().error(message)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """argparse's check, with the choices quoted and listed the way the language does."""
        if action.choices is not None and value not in action.choices:
            choices = _(", ").join(quoted(choice) for choice in action.choices)
            message = _("invalid choice: {value} (choose from {choices})")
            raise argparse.ArgumentError(
                action, message.format(value=quoted(value), choices=choices)
            )


class HelpFormatter(argparse.HelpFormatter):
    """Text written over several lines (the exit statuses) kept as written; the rest filled.
    A heading ends with the language's colon ("選項："); argparse writes an ASCII one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) < 4 and kwargs.get("width") is None:
            kwargs["width"] = _terminal_columns() - 2  # as argparse does, less its import
        super().__init__(*args, **kwargs)
        self._headings: list[str] = []

    def start_section(self, heading: str | None) -> None:
        if heading:
            self._headings.append(heading)
        super().start_section(heading)

    def format_help(self) -> str:
        text = super().format_help()
        for heading in self._headings:
            line = re.compile(rf"^( *){re.escape(heading)}:$", re.M)
            worded = _("{heading}:").format(heading=heading)
            text = line.sub(r"\g<1>" + worded.replace("\\", r"\\"), text)
        return text

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text.strip():
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def _terminal_columns() -> int:
    """shutil.get_terminal_size().columns, without importing shutil (and its compressors),
    which argparse would import for every parser it makes."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        stdout = sys.__stdout__
        try:
            columns = os.get_terminal_size(stdout.fileno()).columns if stdout else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80
