"""View ▸ Compare With… (Ctrl+Shift+C): a second lesson beside the open one, both live.

The central area becomes two columns (:class:`.column.CompareColumn`), the open document's
with the window's own canvas and the second's with a canvas, a clock and a :class:`Document`
of its own, so nothing done there touches the first: no undo step, no "modified", and it is
never saved (it has no file). The docks are hidden for the room and come back as they were
(``saveState``/``restoreState``) when the comparison closes: Esc, the ✕ button or the menu
entry again. The window's transport (Play, Pause, Step, Reset) drives both clocks; "Link
inputs" pairs the inputs (:mod:`.linking`) so driving one side's inputs drives the other's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QByteArray, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from neurosim.core import fileformat
from neurosim.core.fileformat import FileFormatError
from neurosim.core.lesson import examples
from neurosim.core.localized_text import english
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.clock import SimulationClock
from neurosim.ui.core_text import localized
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.lessons.presentation import Presentation
from neurosim.ui.theme import Theme

if TYPE_CHECKING:  # imported when a comparison is first chosen: not needed to start the app
    from neurosim.ui.side.chooser import CompareChooser
    from neurosim.ui.side.column import CompareColumn
    from neurosim.ui.side.linking import InputLink

SHORTCUT = QKeySequence("Ctrl+Shift+C")
LINK_SHORTCUT = QKeySequence("Ctrl+Shift+L")


class CompareWindow(Protocol):
    """What the comparison needs of the main window (not imported: no cycle)."""

    document: Document
    canvas: CanvasView
    clock: SimulationClock
    theme: Theme

    def error(self, title: str, text: str) -> None: ...

    def show_status(self, text: str, timeout: int = 5000) -> None: ...


class _Comparison:
    """The open comparison's parts, dropped together."""

    def __init__(self, document: Document, clock: SimulationClock, path: Path) -> None:
        self.document, self.clock, self.path = document, clock, path
        self.state = QByteArray()
        self.left: CompareColumn | None = None
        self.right: CompareColumn | None = None
        self.container: QWidget | None = None
        self.link: InputLink | None = None
        self.last_t = 0
        self.dock_sizes: list[tuple[QDockWidget, QSize]] = []
        self.presenting = False  # presentation mode was on when the comparison opened


class CompareUI(QObject):
    """``action`` opens the chooser or closes the comparison; ``link_action`` links inputs."""

    def __init__(
        self, window: QMainWindow, parts: CompareWindow, presentation: Presentation
    ) -> None:
        super().__init__(window)
        self.window, self.parts, self.presentation = window, parts, presentation
        self.current: _Comparison | None = None
        self.chooser: CompareChooser | None = None
        self.action = QAction(translate("CompareUI", "Compare &With…"), window)
        self.action.setShortcut(SHORTCUT)
        self.action.setCheckable(True)
        tip = translate("CompareUI", "Show a second example or file beside this one, both live")
        self.action.setStatusTip(tip)
        self.action.setToolTip(f"{tip} ({SHORTCUT.toString()})")
        self.action.triggered.connect(self._on_triggered)
        window.addAction(self.action)  # works with the menu bar hidden
        self.link_action = QAction(translate("CompareUI", "&Link Inputs"), window)
        self.link_action.setCheckable(True)
        self.link_action.setShortcut(LINK_SHORTCUT)
        self.link_action.setEnabled(False)
        link_tip = translate(
            "CompareUI",
            "Driving the inputs of one side drives the other's (paired by name, else order)",
        )
        self.link_action.setToolTip(f"{link_tip} ({LINK_SHORTCUT.toString()})")
        self.link_action.toggled.connect(self.set_linked)
        window.addAction(self.link_action)
        self.close_action = QAction(translate("CompareUI", "Close Comparison"), window)
        self.close_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.close_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.close_action.triggered.connect(lambda _c=False: self.close())
        # In presentation mode Esc leaves it (two actions on one key would both stay
        # silent): the comparison's Esc waits until the presentation is left
        leave = presentation.leave_action
        leave.changed.connect(lambda: self.close_action.setEnabled(not leave.isEnabled()))

    # ------------------------------------------------------------ opening
    def _on_triggered(self, _checked: bool = False) -> None:
        if self.current is not None:
            self.close()
        else:
            self.action.setChecked(False)  # checked once something is open
            self.choose()

    def choose(self) -> None:
        """The chooser, window-modal; the pick opens through :meth:`open_path`."""
        from neurosim.ui.side.chooser import CompareChooser

        self.chooser = CompareChooser(self.window, hint=_partner(self.parts.document))
        self.chooser.chosen.connect(self.open_path)
        self.chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.chooser.open()

    def open_path(self, path: Path | str) -> bool:
        """Open ``path`` beside the open network; a bad file says why and changes nothing."""
        from neurosim.ui.side.column import CompareColumn

        try:
            network = fileformat.load(path)
        except (FileFormatError, OSError) as exc:
            self.parts.error(translate("CompareUI", "Cannot compare with the file"), str(exc))
            self.action.setChecked(self.current is not None)
            return False
        if self.current is not None:
            self.close()
        document = Document(network, parent=self)
        clock = SimulationClock(document, self)
        cmp = self.current = _Comparison(document, clock, Path(path))
        cmp.presenting = self._presenting()
        cmp.state = self.window.saveState()
        cmp.dock_sizes = [
            (d, d.size()) for d in self.window.findChildren(QDockWidget) if d.isVisible()
        ]
        for dock in self.window.findChildren(QDockWidget):
            dock.hide()  # the room goes to the two columns; restoreState brings them back
        main_canvas = self.window.takeCentralWidget()
        assert main_canvas is self.parts.canvas
        parts = self.parts
        cmp.left = CompareColumn(parts.document, parts.clock, main_canvas, parts.theme)
        canvas = CanvasView(document, theme=self.parts.theme)
        cmp.right = CompareColumn(document, clock, canvas, self.parts.theme)
        cmp.container = self._container(cmp.left, cmp.right)
        self.window.setCentralWidget(cmp.container)
        self.parts.clock.running_changed.connect(self._follow_running)
        self.parts.clock.stepped.connect(self._follow_step)
        cmp.last_t = self.parts.clock.t
        if self.parts.clock.running:  # the window's transport plays both
            clock.run()
        self.action.setChecked(True)
        self.link_action.setEnabled(True)
        self.link_action.setChecked(False)
        QTimer.singleShot(0, self, self._settle_layout)
        main_canvas.setFocus()  # keys (Esc, the canvas's own) work at once
        title = localized(document.network.meta.get("title")) or Path(path).name
        self.parts.show_status(translate("CompareUI", "Comparing with {title}").format(title=title))
        return True

    def _settle_layout(self) -> None:
        """Once the columns have their sizes: even proportions, each network in view."""
        cmp = self.current
        if cmp is None or cmp.left is None or cmp.right is None:
            return
        for column in (cmp.left, cmp.right):
            column.even_out()
            column.canvas.fit_to_view()

    def _container(self, left: CompareColumn, right: CompareColumn) -> QWidget:
        box = QWidget()
        box.setObjectName("compare_area")
        box.addAction(self.close_action)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 0)
        link = QToolButton(box)
        link.setDefaultAction(self.link_action)
        link.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.link_label = QLabel(translate("CompareUI", "Inputs not linked"), box)
        close = QToolButton(box)
        close.setText(translate("CompareUI", "✕ Close comparison"))
        close.setToolTip(translate("CompareUI", "Back to the one network (Esc)"))
        close.clicked.connect(lambda _c=False: self.close())
        bar.addWidget(link)
        bar.addWidget(self.link_label, 1)
        bar.addWidget(close)
        split = QSplitter(Qt.Orientation.Horizontal, box)
        split.addWidget(left)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setSizes([1, 1])
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.split = split
        return box

    # ------------------------------------------------------------ linking
    def set_linked(self, on: bool) -> None:
        from neurosim.ui.side.linking import BY_NAME, InputLink, pair_inputs

        cmp = self.current
        if cmp is None:
            return
        if cmp.link is not None:
            cmp.link.close()
            cmp.link = None
        if on:
            pairs, how = pair_inputs(self.parts.document.network, cmp.document.network)
            if not pairs:
                self.link_action.setChecked(False)  # (says "not linked": then why)
                text = translate("CompareUI", "Cannot link the inputs: {reason}").format(reason=how)
                self.link_label.setText(text)
                self.parts.show_status(text)
                return
            cmp.link = InputLink(self.parts.document, cmp.document, pairs)
            count = len(pairs)  # (lupdate reads no call in a count argument)
            if how == BY_NAME:
                text = translate(
                    "CompareUI",
                    "Inputs linked by name (%n): driving one side drives the other",
                    "",
                    count,
                )
            else:
                text = translate(
                    "CompareUI",
                    "Inputs linked by order (%n): driving one side drives the other",
                    "",
                    count,
                )
            self.link_label.setText(text)
        else:
            self.link_label.setText(translate("CompareUI", "Inputs not linked"))

    def _follow_running(self, running: bool) -> None:
        cmp = self.current
        if cmp is not None:
            cmp.clock.run() if running else cmp.clock.pause()

    def _follow_step(self, t: int) -> None:
        cmp = self.current
        if cmp is None:
            return
        if t == 0:
            cmp.clock.reset()
        elif not self.parts.clock.running and t > cmp.last_t:
            cmp.clock.step(t - cmp.last_t)
        cmp.last_t = t

    # ------------------------------------------------------------ closing
    def close(self, ask: bool = True) -> bool:
        """Back to the one network, the window as it was; False when the user keeps it
        (asked, with ``ask``, when the compared copy was changed)."""
        cmp = self.current
        if cmp is None:
            self.action.setChecked(False)
            return True
        if ask and cmp.document.modified and not self._drop_changes():
            self.action.setChecked(True)
            return False
        presentation = self.presentation
        if self._presenting() and not cmp.presenting:
            # presentation mode began during the comparison and keeps the comparison's
            # layout to go back to: leave it, end the comparison, present again
            presentation.leave()
            self._end(cmp)
            presentation.enter()
            return True
        self._end(cmp)
        return True

    def _presenting(self) -> bool:
        return self.presentation.active

    def _end(self, cmp: _Comparison) -> None:
        self.current = None
        if cmp.link is not None:
            cmp.link.close()
        self.parts.clock.running_changed.disconnect(self._follow_running)
        self.parts.clock.stepped.disconnect(self._follow_step)
        cmp.clock.pause()
        assert cmp.left is not None
        canvas = cmp.left.release()
        container = self.window.takeCentralWidget()
        self.window.setCentralWidget(canvas)
        canvas.show()
        if container is not None:
            container.deleteLater()
        self.window.restoreState(cmp.state)
        # the dock sizes again once the canvas is back in the layout (restoreState's come
        # out a few pixels off when the central widget changed meanwhile)
        sizes = cmp.dock_sizes
        QTimer.singleShot(0, self, lambda: self._resize_docks(sizes))
        cmp.document.deleteLater()
        cmp.clock.deleteLater()
        self.action.setChecked(False)
        self.link_action.setChecked(False)
        self.link_action.setEnabled(False)
        QTimer.singleShot(0, canvas, canvas.fit_to_view)
        canvas.setFocus()

    def _resize_docks(self, sizes: list[tuple[QDockWidget, QSize]]) -> None:
        docks = [d for d, _ in sizes if d.isVisible() and not d.isFloating()]
        width = {d: s.width() for d, s in sizes}
        height = {d: s.height() for d, s in sizes}
        horizontal = Qt.Orientation.Horizontal
        self.window.resizeDocks(docks, [width[d] for d in docks], horizontal)
        self.window.resizeDocks(docks, [height[d] for d in docks], Qt.Orientation.Vertical)

    def _drop_changes(self) -> bool:
        answer = QMessageBox.question(
            self.window,
            translate("CompareUI", "Close Comparison"),
            translate(
                "CompareUI",
                "The compared network was changed. Close it without keeping the changes?\n"
                "(It is a comparison copy: it is never saved.)",
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard


def _partner(document: Document) -> str:
    """The lesson's natural partner for the chooser's first pick: 05a ↔ 05b, 06a ↔ 06b."""
    name = ""
    if document.origin is not None:
        name = document.origin.path.name.removesuffix(".nsim.json")
    elif document.path is not None:
        name = document.path.name.removesuffix(".nsim.json")
    if not name:  # an untitled network: the example of the same title, if any
        title = english(document.network.meta.get("title"))
        name = next((e.name for e in examples() if title and e.title == title), "")
    pairs = {
        "05a-vanishing-sigmoid": "05b-vanishing-relu",
        "05b-vanishing-relu": "05a-vanishing-sigmoid",
        "06a-sparse-relu": "06b-dense-tanh",
        "06b-dense-tanh": "06a-sparse-relu",
    }
    return pairs.get(name, "")
