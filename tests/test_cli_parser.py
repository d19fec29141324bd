"""argparse's own words (usage, headings, errors) in the user's language, from our catalogs."""

from __future__ import annotations

import argparse
import gettext

import pytest

from tests.cli_support import agenda
from tui.cli.main import build_parser

CHINESE = {"AGENDA_LANG": "zh-TW"}


def test_a_chinese_error_is_worded_in_chinese() -> None:
    result = agenda("status", "1", "bogus", env=CHINESE)
    assert result.returncode == 2
    *usage, error = result.stderr.splitlines()
    assert usage[0].startswith("用法：agenda status ")
    assert error == (
        "agenda status：錯誤：引數 status："
        "無效的選擇：「bogus」（可選：「draft」、「in_session」、「recorded」）"
    )


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["bogus"], "agenda：錯誤：引數 COMMAND：無效的選擇：「bogus」（可選：「import」、"),
        (["decide", "101"], "agenda decide：錯誤：缺少必要的引數：CASE"),
        (["show", "x"], "agenda show：錯誤：引數 N：「x」不是整數"),
        (["meetings", "--nonsense"], "agenda：錯誤：無法辨識的引數：--nonsense"),
        (["prepare", "--date"], "agenda prepare：錯誤：引數 --date：須接一個值"),
        (["decide", "101", "9805"], "agenda decide：錯誤：須指定下列引數之一：--release --keep"),
        (
            ["decide", "101", "9805", "--keep", "--release"],
            "agenda decide：錯誤：引數 --release：不可與引數 --keep 同時使用",
        ),
        (["meetings", "--json=1"], "agenda meetings：錯誤：引數 --json：不接受指定的值 '1'"),
        (["cases", "--o"], "agenda cases：錯誤：選項 --o 不明確，可能是 --open, --overdue"),
    ],
)
def test_argparse_errors_in_chinese(words: list[str], said: str) -> None:
    result = agenda(*words, env=CHINESE)
    assert result.returncode == 2
    assert result.stderr.startswith("用法：agenda")
    assert result.stderr.splitlines()[-1].startswith(said), result.stderr


def test_english_errors_keep_argparse_words() -> None:
    result = agenda("status", "1", "bogus")
    assert result.stderr.splitlines() == [
        "usage: agenda status [-h] [--end TIME] [--reason TEXT]",
        "                     N {draft,in_session,recorded}",
        "agenda status: error: argument status: invalid choice: 'bogus' "
        "(choose from 'draft', 'in_session', 'recorded')",
    ]
    assert agenda("show", "x").stderr.endswith("argument N: 'x' is not a whole number\n")


def test_headings_end_with_the_languages_colon() -> None:
    chinese = agenda("show", "--help", env=CHINESE).stdout
    assert "\n位置引數：\n" in chinese and "\n選項：\n" in chinese
    english = agenda("show", "--help").stdout
    assert "\npositional arguments:\n" in english and "\noptions:\n" in english


def test_argparse_keeps_its_own_gettext_outside_our_parser() -> None:
    """Our catalogs are argparse's only while our parser works, not for the process."""
    parser = build_parser()
    parser.format_help()
    with pytest.raises(SystemExit):
        parser.parse_args(["status", "1", "bogus"])
    names = vars(argparse)
    assert names["_"] is gettext.gettext
    assert names["ngettext"] is gettext.ngettext
