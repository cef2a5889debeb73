"""File ▸ Examples, and stepping through the examples with PageDown / PageUp.

Opening goes through the window's own ``open_file``: an example opens as an untitled copy
(a changed copy left for another example waits for the session, without a question), and
the document is left alone when the file cannot be read. A presenter's clicker sends
PageDown / PageUp; they step in gallery order while the open file is an example.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from neurosim.core.lesson import ExampleInfo
from neurosim.ui.core_text import gallery, localized
from neurosim.ui.document import Document
from neurosim.ui.files import FileVerbs
from neurosim.ui.i18n import translate


def menu_text(info: ExampleInfo) -> str:
    """ "03a  Logic gates: AND, OR, NOT" (an ``&`` in a title stays a plain ``&``)."""
    title = info.title.replace("&", "&&")
    return f"{info.number}  {title}" if info.number else title


def same_file(a: Path | None, b: Path | None) -> bool:
    if a is None or b is None:
        return False
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


class Gallery(QObject):
    """The examples menu and the next/previous actions of one window.

    Opening goes through ``files.open_file``; the actions' keys work in ``window``.

    Signals:
        opened(ExampleInfo): an example was just opened.
    """

    opened = Signal(object)  # the ExampleInfo just opened

    def __init__(
        self,
        document: Document,
        files: FileVerbs,
        window: QWidget,
        folder: Path | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.files = files
        self.folder = folder
        self.items: list[ExampleInfo] = gallery(folder)
        self.menu = QMenu(translate("Gallery", "E&xamples"), window)
        self.menu.setToolTipsVisible(True)
        self.menu.aboutToShow.connect(self.fill_menu)
        self.next_action = self._action(
            translate("Gallery", "&Next Example"),
            Qt.Key.Key_PageDown,
            1,
            translate("Gallery", "Open the next example of the gallery (PageDown)"),
        )
        self.previous_action = self._action(
            translate("Gallery", "&Previous Example"),
            Qt.Key.Key_PageUp,
            -1,
            translate("Gallery", "Open the previous example of the gallery (PageUp)"),
        )
        self.fill_menu()
        document.file_state_changed.connect(self.update_actions)
        self.update_actions()

    def _action(self, text: str, key: Qt.Key, step: int, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _c=False: self.step(step))
        self.window.addAction(action)  # works with the menu bar hidden, too
        return action

    def fill_menu(self) -> None:
        self.items = gallery(self.folder)
        self.menu.clear()
        current = self.current_index()
        for i, info in enumerate(self.items):
            action = self.menu.addAction(menu_text(info))
            action.setToolTip(info.problem or info.description or info.title)
            action.setStatusTip(info.description)
            action.setCheckable(True)
            action.setChecked(i == current)
            action.triggered.connect(lambda _c=False, p=info: self.open(p))
        if not self.items:
            self.menu.addAction(translate("Gallery", "(no examples installed)")).setEnabled(False)
        self.menu.addSeparator()
        self.menu.addActions([self.previous_action, self.next_action])

    def open(self, info: ExampleInfo) -> bool:
        if not self.files.open_file(info.path):
            return False
        self.opened.emit(info)
        return True

    def current_index(self) -> int | None:
        """Which example is open: the one a lesson copy came from, or the unchanged
        untitled start-up network with an example's title."""
        doc = self.document
        shown = doc.origin.path if doc.origin is not None else doc.path
        for i, info in enumerate(self.items):
            if same_file(shown, info.path):
                return i
        if doc.path is None and not doc.modified:
            title = localized(doc.network.meta.get("title")).strip()
            for i, info in enumerate(self.items):
                if title and title == info.title:
                    return i
        return None

    def step(self, delta: int) -> bool:
        """Open the example ``delta`` places on; False at either end or off the gallery."""
        index = self.current_index()
        if index is None:
            return False
        target = index + delta
        if not 0 <= target < len(self.items):
            self.files.show_status(
                translate("Gallery", "That was the last example")
                if delta > 0
                else translate("Gallery", "This is the first example")
            )
            return False
        return self.open(self.items[target])

    def update_actions(self) -> None:
        # On while an example is open, even at the ends (a status message says so): else
        # the key would fall through to the canvas and scroll it.
        on = self.current_index() is not None
        self.next_action.setEnabled(on)
        self.previous_action.setEnabled(on)
