"""A command line that names its command gets a parser of that command alone: the same
help, the same parse, the same errors as the whole parser's, in either language."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from tui import i18n
from tui.cli import parser as cli_parser
from tui.cli.command_line import COMMANDS, build_parser, named_command
from tui.domain.decisions import LAST_SEQUENCE
from tui.domain.numerals import LARGEST


def commands_of(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    [found] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(found.choices)


@pytest.fixture(params=["en", "zh-TW"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    before = i18n.language()
    i18n.choose(request.param)
    i18n._chosen = request.param  # AGENDA_LANG, if set, would win over choose()'s argument
    yield request.param
    i18n._chosen = before


def test_the_table_lists_every_command_in_the_help_s_order() -> None:
    assert tuple(commands_of(build_parser())) == COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_one_command_s_help_is_the_whole_parser_s(command: str, language: str) -> None:
    whole = commands_of(build_parser())[command]
    alone = commands_of(build_parser(command))[command]
    assert alone.format_help() == whole.format_help()
    assert alone.format_usage() == whole.format_usage()


@pytest.mark.parametrize(
    "words",
    [
        ["render", "101", "--format", "docx", "-o", "x.docx", "--sign-in"],
        ["--db", "somewhere", "show", "101", "--json"],
        ["--db=somewhere", "meetings", "--json"],
        ["search", "列管", "--limit", "3"],
        ["decide", "102", "10101", "--release"],
        ["item", "add", "102", "report", "--title", "x"],
    ],
)
def test_one_command_parses_as_the_whole_parser(words: list[str]) -> None:
    whole = build_parser().parse_known_args(words)
    alone = build_parser(named_command(words)).parse_known_args(words)
    assert alone == whole


@pytest.mark.parametrize(
    ("words", "named"),
    [
        (["meetings"], "meetings"),
        (["--db", "x", "show", "1"], "show"),
        (["--db=x", "render", "1"], "render"),
        (["--db", "meetings"], None),  # meetings is the folder: the app opens on it
        ([], None),
        (["--help"], None),
        (["--version"], ""),
        (["--version", "meetings"], ""),
        (["--db", "x", "--version"], None),
        (["--d", "x", "meetings"], None),  # an abbreviation: left to the whole parser
        (["meeting"], None),
        (["completion", "bash"], None),  # the script lists every command
        (["-h", "meetings"], None),
    ],
)
def test_the_command_named(words: list[str], named: str | None) -> None:
    assert named_command(words) == named


def test_the_parser_s_limits_are_the_domain_s() -> None:
    assert cli_parser.LARGEST == LARGEST
    assert cli_parser.LAST_SEQUENCE == LAST_SEQUENCE


@pytest.mark.parametrize("words", [["--version"], ["--version", "bogus"], ["--version", "-h"]])
def test_the_version_needs_no_command(words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    for parser in (build_parser(), build_parser(named_command(words))):
        with pytest.raises(SystemExit) as done:
            parser.parse_args(words)
        assert done.value.code == 0
        assert capsys.readouterr().out.startswith("agenda ")
