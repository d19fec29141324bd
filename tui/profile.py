"""The office profile: a TOML file an office edits by hand, checked key by key on load
(tui.profile_check)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from tui.domain.profile import Profile
from tui.i18n import _
from tui.profile_check import LANGUAGES, ProfileError, ProfileReader
from tui.regular_file import regular_text
from tui.storage.layout import PROFILE_FILE  # the shipped one is named like a database's


def builtin_data() -> Path:
    here = Path(__file__).resolve().parent
    packaged = here / "_data"
    return packaged if packaged.is_dir() else here.parent / "data"


def default_profile_path() -> Path:
    return builtin_data() / PROFILE_FILE


def load_profile(path: Path) -> Profile:
    try:
        text = regular_text(path)
    except OSError as error:
        raise ProfileError(
            _("{path}: cannot be read ({reason})").format(path=path, reason=error.strerror)
        ) from None
    except UnicodeDecodeError:
        raise ProfileError(_("{path}: not UTF-8 text").format(path=path)) from None
    return parse_profile(text, path)


def parse_profile(text: str, path: Path) -> Profile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"{path}: {error}") from None
    except RecursionError:  # the parser's own bound: arrays in arrays some thousand deep
        raise ProfileError(_("{path}: values nested too deeply").format(path=path)) from None
    except ValueError:  # tomllib's int() refuses numbers of thousands of digits
        raise ProfileError(_("{path}: a number of thousands of digits").format(path=path)) from None
    return ProfileReader(text, path).profile(data)


def profile_text_for(organisation: str, series: str) -> str:
    """The shipped profile's text with another office's name, for a new database."""
    text = default_profile_path().read_text(encoding="utf-8")
    text = re.sub(
        r'(?m)^organisation = ".*"$', f"organisation = {_toml_string(organisation)}", text
    )
    return re.sub(r'(?m)^series = ".*"$', f"series = {_toml_string(series)}", text)


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


__all__ = [
    "LANGUAGES",
    "ProfileError",
    "builtin_data",
    "default_profile_path",
    "load_profile",
    "parse_profile",
    "profile_text_for",
]
