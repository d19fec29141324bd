"""The progress of a long import: a Rich bar on stderr when it is a terminal, else silence."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from tui.i18n import _
from tui.importer.record import ImportedRecord

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


class Quiet:
    """Shows nothing: stderr is a pipe or a file, read by a program or a log."""

    def read(self, path: Path) -> None:
        pass

    def storing(self, count: int) -> None:
        pass

    def stored(self, record: ImportedRecord) -> None:
        pass


class Bar(Quiet):
    def __init__(self, progress: Progress, files: int) -> None:
        self.progress = progress
        self.reading_task = progress.add_task(_("reading"), total=files, latest="")
        self.storing_task: TaskID | None = None

    def read(self, path: Path) -> None:
        self.progress.update(self.reading_task, advance=1, latest=path.name)

    def storing(self, count: int) -> None:
        self.storing_task = self.progress.add_task(_("storing"), total=count, latest="")

    def stored(self, record: ImportedRecord) -> None:
        if self.storing_task is not None:
            latest = _("meeting {number}").format(number=record.meeting.number)
            self.progress.update(self.storing_task, advance=1, latest=latest)


@contextmanager
def import_progress(files: int) -> Iterator[Quiet]:
    if not sys.stderr.isatty():
        yield Quiet()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (
        TextColumn("{task.description:8}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[latest]}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        yield Bar(progress, files)
