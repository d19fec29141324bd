"""`agenda completion bash|zsh`: a completion script made from the parser by shtab."""

from __future__ import annotations

import argparse

# Which arguments name folders and files, for the shells to complete them as such.
_FOLDERS = {"db"}
_FILES = {"files", "output"}


def print_completion(parser: argparse.ArgumentParser, shell: str) -> int:
    import shtab

    _mark(parser, shtab)
    print(shtab.complete(parser, shell=shell), end="")
    return 0


def _mark(parser: argparse.ArgumentParser, shtab: object) -> None:
    for action in parser._actions:
        if action.dest in _FOLDERS:
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
        elif action.dest in _FILES:
            action.complete = shtab.FILE  # type: ignore[attr-defined]
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                _mark(command, shtab)
