"""The title line at the top of each screen: the app, then what the screen shows.

One Static in place of Textual's Header (three widgets and four watchers), which cost
about 10 ms of the first paint and showed nothing more.
"""

from __future__ import annotations

from textual.widgets import Static


class TitleBar(Static):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        content-align: center middle;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.screen, "sub_title", self._show)
        self.watch(self.screen, "title", self._show)

    def _show(self) -> None:
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        sub_title = screen.sub_title if screen.sub_title is not None else self.app.sub_title
        self.update(self.app.format_title(title, sub_title))
