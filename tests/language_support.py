"""What a person reads in Chinese must have no English in it: an English word in a Chinese
screen or output is a string that did not go through the catalogs.

Words that are the same in both languages are let be: names of formats and programs, the
keys' names, the commands' own words (`agenda conclude`, `--db`), and what the record or
the user wrote (passed as `content`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

# The commands' own words: `agenda conclude`, `agenda item add`, and a help's list of
# a command's actions ("  add       在段落末新增一案").
COMMAND_LINE = re.compile(r"\bagenda(?: [a-z]+){0,2}\b|^\s{2,}[a-z]+(?=\s{2,})")
WORD = re.compile(r"(?<![\w./$~-])[A-Za-z][A-Za-z']+(?![\w/-]|\.\w)")  # not a file name

# Names that stay as they are in a Chinese interface (formats, programs, keys, units).
_NAMES = """
    agenda Markdown ODT DOCX PDF SSH OSC tmux LibreOffice Word UTF TOML JSON json md txt odt pdf
    docx html HTML Textual SQLite sqlite ctrl shift alt tab enter esc escape space up down
    super meta left right home end pgup pgdn pageup pagedown delete backspace insert ins del
    PATH COMMAND CASE TIME DATE FILE FILES DIR FOLDER TEXT QUERY WIDTH HOST PORT SHELL
    UNIT FORMAT PLACE WHO OWNER NAME ACTION SECTION SEQ HH MM WHERE OLD NEW REPORTER TITLE
    RRULE RFC FREQ MONTHLY BYDAY BYHOUR BYMINUTE en DEADLINE KIND NUMBER AGENDA_DB AGENDA_LANG
    bash zsh FORUM
    in_session recorded draft localhost http https www
    """
NAMES = frozenset(_NAMES.split())


def english(
    where: str, text: str, content: Iterable[str] = (), words: Iterable[str] = ()
) -> list[str]:
    """Each line of `text` with an English word that is not a name (NAMES) nor one of
    `words`, not an option or a path, and not inside one of `content`, named by `where`."""
    allowed = tuple(content)
    names = NAMES | frozenset(words)
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        rest = COMMAND_LINE.sub(" ", line)
        for kept in allowed:
            rest = rest.replace(kept, " ")
        english = [w for w in WORD.findall(rest) if w not in names and w.lower() not in names]
        if english:
            found.append(f"{where}, line {number}: {english} in {line.strip()!r}")
    return found
