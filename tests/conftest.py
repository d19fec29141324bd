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
