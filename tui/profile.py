"""The office profile: a TOML file an office edits by hand."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tui.domain.model import Office


class ProfileError(ValueError):
    """A profile that cannot be read; the message names the file, the key or line."""


def builtin_data() -> Path:
    here = Path(__file__).resolve().parent
    packaged = here / "_data"
    return packaged if packaged.is_dir() else here.parent / "data"


def default_profile_path() -> Path:
    return builtin_data() / "profile.toml"


def load_office(path: Path) -> Office:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ProfileError(f"{path}: cannot be read ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ProfileError(f"{path}: {error}") from None
    return Office(
        organisation=_text(data, "organisation", path),
        series=_text(data, "series", path),
        units=_texts(data, "units", path),
    )


def _text(data: dict[str, object], key: str, path: Path) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ProfileError(f"{path}: key {key!r} must be a non-empty text")
    return value.strip()


def _texts(data: dict[str, object], key: str, path: Path) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{path}: key {key!r} must be a list of texts")
    return [v.strip() for v in value]
