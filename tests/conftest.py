from __future__ import annotations

from pathlib import Path

import pytest

from tui.profile import default_profile_path, load_profile

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "data" / "record-101.md"
RECORDS = Path(__file__).resolve().parent / "records"


@pytest.fixture(scope="session")
def units() -> list[str]:
    return load_profile(default_profile_path()).unit_names


@pytest.fixture(autouse=True, scope="session")
def _cache_of_this_run(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Compiled templates go to this run's folder, not the user's cache."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
