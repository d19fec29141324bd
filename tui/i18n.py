"""The language the app and the commands speak: gettext catalogs in tui/locale.

The language is chosen once at start (`choose`): AGENDA_LANG for one run, else the office
profile's `language`, else the locale (LANG, LC_MESSAGES, LC_ALL), else English. Strings are
written in English in the source, wrapped in `_()` (or `ngettext()` for counts); strings
that must exist before the language is known (key descriptions, which are class attributes)
are marked with `N_()` and translated with `_()` where they are drawn.

Only the standard library's gettext is used at run time; Babel extracts and compiles the
catalogs (README, Translations).
"""

from __future__ import annotations

import gettext
import os
import stat
import sys
import tomllib
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

DOMAIN = "agenda"
HERE = os.path.dirname(os.path.realpath(__file__))
LOCALE_DIR = os.path.join(HERE, "locale")
LANGUAGES = ("zh-TW", "en")
ENGLISH = "en"

_chosen: str | None = None


def language() -> str:
    """The language chosen at start ("zh-TW" or "en"); chosen from the environment if not yet."""
    global _chosen
    if _chosen is None:
        _chosen = choose()
    return _chosen


def choose(profile_language: str = "") -> str:
    """Choose the language for this run and keep it: AGENDA_LANG, the profile, the locale."""
    global _chosen
    _chosen = _from(os.environ.get("AGENDA_LANG", "")) or profile_language or _from_locale()
    if _chosen not in LANGUAGES:
        _chosen = ENGLISH
    return _chosen


def choose_for(db: str | os.PathLike[str]) -> str:
    """Choose the language with the database's profile, read cheaply: only its `language`.

    A profile that cannot be read, or a bad value, is left to the profile's own loading,
    which names the file and the line."""
    return choose(profile_language(os.path.join(db, "profile.toml")))


def profile_language(path: str | os.PathLike[str]) -> str:
    value = profile_value(path, "language")
    return value if value in LANGUAGES else ""


def profile_value(path: str | os.PathLike[str], key: str) -> object:
    """One key of the profile at `path` (the shipped one when there is none) as it is
    written, read without checking the rest: "" when it is not given, None when the
    profile cannot be read."""
    try:
        if not os.path.exists(path):
            path = _shipped_profile()
        text = _regular_text(path)
        value: object = "" if text is None else _parsed(text).get(key, "")
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    return None if text is None else value


def _regular_text(path: str | os.PathLike[str]) -> str | None:
    """The text of the regular file at `path`, line ends as text mode makes them; None for a
    pipe or anything else, never waited on (as tui.regular_file, which this leaf does not
    import)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except BlockingIOError:  # a lease held (a file server's oplock): wait as a plain open does
        if not os.path.isfile(path):
            return None
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        os.set_blocking(fd, True)
        chunks = []
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


@lru_cache(maxsize=2)
def _parsed(text: str) -> dict[str, object]:
    """A profile's text read as TOML once, however many of its keys a command reads (its
    callers read the values, never change them)."""
    return tomllib.loads(text)


def shipped_profile() -> Path:
    """The profile a new database gets (tui.profile's, found without importing the domain)."""
    from pathlib import Path

    return Path(_shipped_profile())


def shipped_profile_file() -> str:
    """The shipped profile's file name, found without pathlib."""
    return _shipped_profile()


def _shipped_profile() -> str:
    packaged = os.path.join(HERE, "_data")
    folder = packaged if os.path.isdir(packaged) else os.path.join(os.path.dirname(HERE), "data")
    return os.path.join(folder, "profile.toml")


def _from(value: str) -> str:
    """The language a setting such as zh_TW.UTF-8, zh-Hant or en_US names; "" for others."""
    name = value.strip().split(".")[0].split("@")[0].replace("_", "-").lower()
    if name.startswith(("zh-tw", "zh-hant")):
        return "zh-TW"
    if name == "en" or name.startswith("en-") or name in ("c", "posix"):
        return ENGLISH
    return ""


def _from_locale() -> str:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return _from(value) or ENGLISH
    return ENGLISH


@cache
def _catalog(code: str) -> Catalog:
    path = os.path.join(LOCALE_DIR, code.replace("-", "_"), "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        with open(path, "rb") as file:
            return Catalog(file.read())
    except (OSError, ValueError):
        return Catalog(b"")


def _words(data: bytes, at: int, count: int) -> Sequence[int]:
    """`count` little-endian 32-bit numbers of `data` from `at` (without struct, a library
    of its own to load: 0.3 ms of every command)."""
    if at + 4 * count > len(data):
        raise ValueError("a .mo file cut short")
    if sys.byteorder == "little" and at % 4 == 0:
        return memoryview(data)[at : at + 4 * count].cast("I")
    return [int.from_bytes(data[i : i + 4], "little") for i in range(at, at + 4 * count, 4)]


class Catalog:
    """A compiled catalog (.mo) read in one go, each message decoded when first asked for.

    gettext.translation finds the file through the locale's aliases and decodes all of its
    1,200 messages before the first is used, some 6 ms a command; this finds it in our
    folder, indexes the msgids as bytes and decodes only what is shown. Looked up as
    GNUTranslations does: a plural's msgid is "singular\0plural", a context's "context\4msgid",
    and a message not in the catalog is said as written."""

    def __init__(self, data: bytes) -> None:
        self._translations: dict[bytes, bytes] = {}
        self._plural: Callable[[int], int] = lambda n: int(n != 1)
        if not data:
            return
        if data[:4] != b"\xde\x12\x04\x95":
            raise ValueError("not a little-endian .mo file")
        count, originals, translations = _words(data, 8, 3)
        keys = _words(data, originals, 2 * count)
        values = _words(data, translations, 2 * count)
        self._translations = {
            data[keys[i + 1] : keys[i + 1] + keys[i]]: data[
                values[i + 1] : values[i + 1] + values[i]
            ]
            for i in range(0, 2 * count, 2)
        }
        self._plural_forms(self._translations.get(b"", b"").decode())

    def _plural_forms(self, header: str) -> None:
        for line in header.splitlines():
            name, _colon, value = line.partition(":")
            if name.strip().lower() == "plural-forms":
                self._plural = gettext.c2py(value.split(";")[1].split("plural=")[1])

    def gettext(self, message: str) -> str:
        found = self._translations.get(message.encode())
        return found.decode() if found else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        found = self._translations.get(f"{singular}\0{plural}".encode())
        if found is None:
            return singular if n == 1 else plural
        forms = found.decode().split("\0")
        index = self._plural(n)
        return forms[index] if index < len(forms) else (singular if n == 1 else plural)

    def pgettext(self, context: str, message: str) -> str:
        found = self._translations.get(f"{context}\x04{message}".encode())
        return found.decode() if found else message


def _(message: str) -> str:
    """The message in the chosen language."""
    if not message:
        return message
    return _catalog(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The message for a count `n` in the chosen language."""
    return _catalog(language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """The message in the chosen language, where the same English words mean another thing."""
    return _catalog(language()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark a message for the catalogs, to be translated with `_()` where it is shown."""
    return message
