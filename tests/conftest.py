from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# This run's cache (compiled templates, dataclasses' methods, kept frames), not the user's:
# set before anything of tui is imported, since tui.dataclass_cache reads it at once.
_CACHE = tempfile.mkdtemp(prefix="agenda-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)

from tui.profile import default_profile_path, load_profile  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "data" / "record-101.md"
RECORDS = Path(__file__).resolve().parent / "records"

# The slow tier (marker `slow`), module by module: real terminals, servers, killed writers,
# simulated power losses, processes writing at once, snapshots and long Pilot sessions (a
# single slow test elsewhere carries the marker itself). `pytest -m "not slow"` runs the
# rest: the fast tier a developer runs while working (README, First commands).
SLOW_MODULES = frozenset(
    {
        "test_app_burst",
        "test_app_approval",
        "test_app_case_details",
        "test_app_rulings",
        "test_app_register",
        "test_app_confirm",
        "test_app_correction",
        "test_app_dialogs",
        "test_app_discoverable",
        "test_app_export",
        "test_app_forms",
        "test_app_disk_full",
        "test_app_header",
        "test_app_hostile_text",
        "test_app_in_chinese",
        "test_app_language",
        "test_app_outline",
        "test_app_keys",
        "test_app_long_text",
        "test_app_live",
        "test_app_pty",
        "test_app_pty_live",
        "test_app_search",
        "test_app_sessions",
        "test_app_snapshots",
        "test_app_undo",
        "test_app_wrapping",
        "test_fuzz_hostile",
        "test_app_workflow",
        "test_concurrent_secretaries",  # 2, 4, 8 processes making 100 changes each
        "test_documents_app",
        "test_interleavings",  # two sessions and real commands, some killed
        "test_one_way_to_change",  # app sessions and commands on one database
        "test_killed_writers",
        "test_notation_screens",
        "test_office_month",  # a month of the meeting through the app, rendered four ways
        "test_power_loss",
        "test_serve",
        "test_store_concurrency",
        "test_store_kill",
    }
)


def pytest_configure(config: pytest.Config) -> None:
    missing = sorted(m for m in SLOW_MODULES if not (ROOT / "tests" / f"{m}.py").is_file())
    if missing:
        raise pytest.UsageError(f"tests/conftest.py: SLOW_MODULES names no file: {missing}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.stem in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def units() -> list[str]:
    return load_profile(default_profile_path()).unit_names


@pytest.fixture(autouse=True, scope="session")
def _english() -> None:
    """The tests, and the snapshots, speak English unless a test sets another language (the
    shipped profile says zh-TW); the commands the tests start inherit it."""
    import os

    from tui.i18n import choose

    os.environ["AGENDA_LANG"] = "en"
    choose()
