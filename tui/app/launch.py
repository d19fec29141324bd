"""Starting the app: on a database, or on the demo data (the reference record, 102 prepared)."""

from __future__ import annotations

import getpass
import os
import shutil
import sys
import tempfile
from pathlib import Path

from tui.app.keymap import KeymapError, keymap_path, load_keymap
from tui.i18n import _

# Textual draws at most TEXTUAL_FPS frames a second (60 unless told), and a frame drawn as
# soon as asked is followed by a wait of one to two periods: a key typed just after a
# frame waited up to 33 ms for its echo. A frame is still drawn only when something
# changed, and animations keep their own 60 a second. Set before Textual is imported.
os.environ.setdefault("TEXTUAL_FPS", "240")


def demo_db() -> Path:
    return Path(tempfile.gettempdir()) / f"agenda-demo-{getpass.getuser()}" / "db"


def seed_demo(db: Path, reset: bool) -> None:
    """The reference record imported and meeting 102 prepared, unless the demo has begun."""
    from tui import database, secretary
    from tui.profile import builtin_data

    if reset and db.exists():
        shutil.rmtree(db)
    repo = database.open_repository(db)
    if not repo.meeting_numbers():
        secretary.import_records(repo, [builtin_data() / "record-101.md"], replace=False)
        secretary.prepare(repo)


def run_app(db: Path) -> int:
    try:
        keymap = load_keymap(keymap_path())
    except KeymapError as error:
        print(_("agenda: error: {problem}").format(problem=error), file=sys.stderr)
        return 2
    from tui.app import memory

    memory.hold_collection()  # resumed after the first paint
    # The writer's thread encodes and saves while keys are typed: a thread waiting for the
    # interpreter got it after up to 5 ms (the default), which a key's echo then waited.
    sys.setswitchinterval(0.001)
    from tui.app.app import AgendaApp

    app = AgendaApp(db, keymap=keymap)
    app.run()
    return app.return_code or 0
