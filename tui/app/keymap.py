"""The user's own keys: a TOML file mapping binding ids to keys, applied over the defaults.

# ~/.config/agenda/keymap.toml
[keys]
"editor.add-conclusion" = "n"
"editor.release" = "r,1"
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from tui.i18n import _
from tui.regular_file import regular_text


class KeymapError(ValueError):
    """A keymap file that cannot be used; the message names the file and what is wrong."""


def keymap_path() -> Path:
    env = os.environ.get("AGENDA_KEYMAP")
    if env:
        return Path(env)
    from platformdirs import user_config_path

    return user_config_path("agenda") / "keymap.toml"


def load_keymap(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(regular_text(path))
    except (OSError, ValueError, RecursionError) as error:
        raise KeymapError(f"{path}: {error}") from None
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in keys.items()
    ):
        raise KeymapError(
            _('{path}: [keys] must map binding ids to keys, as "editor.add" = "n"').format(
                path=path
            )
        )
    return dict(keys)
