"""`agenda completion bash|zsh`: a completion script made from the parser by shtab."""

from __future__ import annotations

import argparse

# Which arguments name folders and files, for the shells to complete them as such.
_FOLDERS = {"db"}
_FILES = {"files", "output"}
# Arguments that name a meeting or a case, by their dest: completed from the database,
# asked only when the user presses tab there (on the database given with --db, if one was
# typed). A meeting from `agenda meetings --json`; the case a meeting decides from the open
# ones (`agenda cases --open --json`), a case's history from them all.
_NUMBERS = {
    "number": "_agenda_meeting_numbers",
    "after": "_agenda_meeting_numbers",
    "case": "_agenda_open_case_numbers",
    "into": "_agenda_open_case_numbers",
    "history": "_agenda_case_numbers",
}
_LISTED_BY = {
    "_agenda_meeting_numbers": "meetings",
    "_agenda_case_numbers": "cases",
    "_agenda_open_case_numbers": "cases --open",
}
# The numbers in the list `--json` prints: each object's "number", once each; an object
# indented a field a line, or (the cases) written on one line, its number first.
_NUMBERS_OF = r"""sed -n 's/^ *{\{0,1\}"number": *\([0-9][0-9]*\)\(,.*\)\{0,1\}$/\1/p' | sort -un"""
_ASK = {
    "bash": f"""
_agenda_numbers() {{
  local i db=()
  for ((i = 1; i < ${{#COMP_WORDS[@]}} - 1; i++)); do
    [[ ${{COMP_WORDS[i]}} == --db ]] && db=(--db "${{COMP_WORDS[i + 1]}}")
  done
  "${{COMP_WORDS[0]}}" "${{db[@]}}" "$@" --json 2>/dev/null | {_NUMBERS_OF}
}}
""",
    "zsh": f"""
_agenda_numbers() {{
  local -a db
  local i
  for ((i = 2; i < CURRENT; i++)); do
    [[ ${{words[i]}} == --db ]] && db=(--db "${{words[i + 1]}}")
  done
  ${{words[1]}} "${{db[@]}}" "$@" --json 2>/dev/null | {_NUMBERS_OF}
}}
""",
}
_OFFER = {
    "bash": """
{name}() {{
  compgen -W "$(_agenda_numbers {listing})" -- "$1"
}}
""",
    "zsh": """
{name}() {{
  local -a numbers
  numbers=(${{(f)"$(_agenda_numbers {listing})"}})
  compadd -- $numbers
}}
""",
}


def _preamble(shell: str) -> str:
    """The shell functions that ask the database for its meetings' and cases' numbers."""
    if shell not in _ASK:
        return ""
    offers = (_OFFER[shell].format(name=n, listing=how) for n, how in _LISTED_BY.items())
    return _ASK[shell] + "".join(offers)


def print_completion(parser: argparse.ArgumentParser, shell: str) -> int:
    import shtab

    _mark(parser, shtab)
    print(shtab.complete(parser, shell=shell, preamble=_preamble(shell)), end="")
    return 0


def _mark(parser: argparse.ArgumentParser, shtab: object) -> None:
    for action in parser._actions:
        if action.dest in _FOLDERS:
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
        elif action.dest in _FILES:
            action.complete = shtab.FILE  # type: ignore[attr-defined]
        elif action.dest in _NUMBERS:
            name = _NUMBERS[action.dest]
            action.complete = {"bash": name, "zsh": name}  # type: ignore[attr-defined]
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                _mark(command, shtab)
