"""`agenda completion bash|zsh`: a completion script made from the parser by shtab."""

from __future__ import annotations

import argparse

# Which arguments name folders and files, for the shells to complete them as such.
_FOLDERS = {"db"}
_FILES = {"files", "output"}
# Arguments that name a meeting: completed from `agenda meetings --json`, asked only when
# the user presses tab there (on the database given with --db, if one was typed).
_MEETINGS = {"number", "after"}
_MEETING_NUMBERS = {"bash": "_agenda_meeting_numbers", "zsh": "_agenda_meeting_numbers"}
_NUMBERS_OF = r"""sed -n 's/^ *"number": *\([0-9][0-9]*\),*$/\1/p'"""
_PREAMBLE = {
    "bash": f"""
_agenda_meeting_numbers() {{
  local i db=()
  for ((i = 1; i < ${{#COMP_WORDS[@]}} - 1; i++)); do
    [[ ${{COMP_WORDS[i]}} == --db ]] && db=(--db "${{COMP_WORDS[i + 1]}}")
  done
  compgen -W "$("${{COMP_WORDS[0]}}" "${{db[@]}}" meetings --json 2>/dev/null \
    | {_NUMBERS_OF})" -- "$1"
}}
""",
    "zsh": f"""
_agenda_meeting_numbers() {{
  local -a db numbers
  local i
  for ((i = 2; i < CURRENT; i++)); do
    [[ ${{words[i]}} == --db ]] && db=(--db "${{words[i + 1]}}")
  done
  numbers=(${{(f)"$(${{words[1]}} "${{db[@]}}" meetings --json 2>/dev/null \
    | {_NUMBERS_OF})"}})
  compadd -- $numbers
}}
""",
}


def print_completion(parser: argparse.ArgumentParser, shell: str) -> int:
    import shtab

    _mark(parser, shtab)
    print(shtab.complete(parser, shell=shell, preamble=_PREAMBLE.get(shell, "")), end="")
    return 0


def _mark(parser: argparse.ArgumentParser, shtab: object) -> None:
    for action in parser._actions:
        if action.dest in _FOLDERS:
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
        elif action.dest in _FILES:
            action.complete = shtab.FILE  # type: ignore[attr-defined]
        elif action.dest in _MEETINGS and action.metavar == "N":
            action.complete = _MEETING_NUMBERS  # type: ignore[attr-defined]
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                _mark(command, shtab)
