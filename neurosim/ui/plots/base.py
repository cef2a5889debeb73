"""What every live panel shares: redraws coalesced to one per frame, export menu, scale.

A subclass builds its pyqtgraph items once, then :meth:`PlotPanel.redraw` feeds them with
``setData``/``setImage``. Any number of ``evaluated`` or clock updates within one frame
(~16 ms) cause a single redraw, and all panels redraw in the same pass of the event loop
(the clock's :class:`~neurosim.ui.clock.FrameTimer`), so the window repaints once
per frame. A hidden panel (closed or behind a tab) does not redraw until it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, QRect, QSize, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from neurosim.ui.clock import SimulationClock
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.plots import export
from neurosim.ui.plots.spacing import keep_texts_inside
from neurosim.ui.theme import Theme


class PlotPanel(QWidget):
    """Base of the live panels. Subclasses implement ``redraw``, ``csv_table``, ``view``.

    ``theme`` gives the colours (None: a light theme of the panel's own); the panel restyles
    itself (:meth:`apply_scale`) when it changes.
    """

    #: the panel's name (English, marked for translation: :attr:`shown_title` translates it)
    title = QT_TRANSLATE_NOOP("PlotPanel", "Plot")
    file_stem = "plot"  # export file names stay English
    #: redraw after each evaluation and clock step (False: the panel shows something else,
    #: e.g. a training run's curves, and schedules itself when that changes)
    follows_evaluations = True
    #: draws the clock's history only: an evaluation of a past moment (scrubbing) shows
    #: nothing new here, so it is not redrawn for one
    clock_history_only = False

    def __init__(
        self,
        document: Document,
        clock: SimulationClock,
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.clock = clock
        self.theme = theme if theme is not None else Theme(parent=self)
        self.scale = 1.0
        self.redraw_count = 0
        self._styled_for: tuple[float, object] | None = None  # (scale, palette) styled
        self.folding_legends: list[tuple[pg.LegendItem, int]] = []  # (legend, width)
        self._stale = True
        self._following = False
        self._dock_watched = False
        self._plots: list[pg.PlotItem] | None = None
        if self.follows_evaluations:
            document.evaluated.connect(self._on_evaluated)
            clock.updated.connect(self.schedule)
        document.network_replaced.connect(self._on_network_replaced)
        clock.running_changed.connect(self._on_running_changed)
        clock.frames.frame.connect(self.on_frame)
        self.theme.changed.connect(self._on_theme_changed)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # Legends under a plot fold to one column in a narrow panel rather than widen it.
        for legend, two_columns_from in self.folding_legends:
            columns = 2 if self.width() >= two_columns_from * self.scale else 1
            if legend.columnCount != columns:
                legend.setColumnCount(columns)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # Modest: docks start at this size, and pyqtgraph's own hint (640 × 480) would
        # squeeze the canvas out of the window.
        return QSize(460, 260)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(240, 150)

    @property
    def shown_title(self) -> str:
        """:attr:`title` in the window's language."""
        return translate("PlotPanel", self.title)

    # --------------------------------------------------------------- to override
    @property
    def view(self) -> pg.GraphicsView:
        """The graphics view that export renders: every panel keeps it in ``widget``."""
        return self.widget

    def _fill_with_view(self) -> None:
        """Make ``widget`` the whole panel, then size and subscribe it."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.widget)
        self.restyle()
        self.follow_network()

    def redraw(self) -> None:
        """Update the persistent items from the document and the clock."""

    def csv_table(self) -> tuple[Sequence[str], list[Sequence[object]]]:
        """(header, rows) of the plotted data."""
        return (), []

    def network_slots(self) -> list[tuple[str, Callable]]:
        """(signal name, slot) pairs: the document's model signals this panel follows.
        Slots are the panel's own methods, so Qt disconnects them when it goes."""
        return []

    def rebuild(self) -> None:
        """A different network is open: start afresh."""

    def apply_scale(self) -> None:
        """Restyle fonts, pens and colours for ``self.scale`` and ``self.theme.palette``."""

    def moving_curves(self) -> list[pg.PlotDataItem]:
        """Curves redrawn every step while the clock runs (drawn faster, unsmoothed, then)."""
        return []

    @property
    def smooth(self) -> bool:
        """Antialias the moving curves: not while running, where they cost most of a frame."""
        return not self.clock.running

    def _on_running_changed(self, _running: bool) -> None:
        for item in self.moving_curves():
            set_antialias(item, self.smooth)
        self.schedule()

    def add_menu_actions(self, menu: QMenu) -> None:
        """Panel-specific entries above the export entries."""

    # ------------------------------------------------------------------ redraws
    def _on_evaluated(self, _evaluation: object) -> None:
        if not (self.clock_history_only and self.clock.viewing_past):
            self.schedule()

    def schedule(self, *_: object) -> None:
        """Ask for a redraw: at most one per frame however often this is called."""
        self._stale = True
        self.clock.frames.request()

    def flush(self) -> None:
        """Redraw now if anything changed (tests and exports call this)."""
        if self._stale:
            self._stale = False
            self.redraw_count += 1
            self.redraw()
            self.keep_texts_inside()

    def keep_texts_inside(self) -> None:
        """No text inside a plot is cut by its edge (see :func:`spacing.keep_texts_inside`)."""
        if self._plots is None:  # the plots are built once: find them once
            self._plots = [
                item
                for item in self.view.scene().items()
                if isinstance(item, pg.PlotItem) and not isinstance(item, pg.ColorBarItem)
            ]
            for plot in self._plots:  # a resize moves the texts with their data points
                plot.getViewBox().sigResized.connect(self._texts_moved)
        for plot in self._plots:
            if plot.isVisible():
                keep_texts_inside(plot)

    def _texts_moved(self, *_: object) -> None:
        QTimer.singleShot(0, self, self.keep_texts_inside)  # after pyqtgraph placed them

    def on_frame(self) -> None:
        """The frame timer fired: redraw if on screen (a hidden panel waits to be shown)."""
        if self.on_screen():
            self.flush()

    def on_screen(self) -> bool:
        """Can the panel be seen? A dock behind another's tab stays "visible" to Qt, moved
        out of the window: nothing of it is inside the window then. (Not visibleRegion():
        that leaves out the opaque children, here the whole plot.)"""
        if not self.isVisible():
            return False
        window = self.window()
        return QRect(self.mapTo(window, QPoint(0, 0)), self.size()).intersects(window.rect())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._watch_dock()
        if self._stale:
            self.schedule()

    def _watch_dock(self) -> None:
        """Catch up when the dock comes to the front of its tabs (no showEvent then)."""
        if self._dock_watched:
            return
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QDockWidget):
            parent = parent.parentWidget()
        if parent is not None:
            self._dock_watched = True
            parent.visibilityChanged.connect(self._on_dock_visibility)

    def _on_dock_visibility(self, visible: bool) -> None:
        if visible and self._stale:
            self.schedule()

    def set_presentation_scale(self, factor: float) -> None:
        """Bigger fonts, lines and markers for projection (1.0 = normal)."""
        self.scale = float(factor)
        if self.restyle():
            self.schedule()

    def _on_theme_changed(self, _palette: object) -> None:
        if self.restyle():
            self.schedule()

    def restyle(self) -> bool:
        """:meth:`apply_scale` unless the panel is styled for this scale and palette already
        (True if it restyled). The window applies its theme and the saved text size once
        each at start, and each restyle re-rendered every axis label: 698 at start."""
        key = (self.scale, self.theme.palette)
        if key == self._styled_for:
            return False
        self._styled_for = key
        self.apply_scale()
        return True

    # ------------------------------------------------------------------ network
    def follow_network(self) -> None:
        """Connect :meth:`network_slots` to the document (once: it follows every network)."""
        if self._following:
            return
        self._following = True
        for name, slot in self.network_slots():
            getattr(self.document, name).connect(slot)

    def _on_network_replaced(self) -> None:
        self.rebuild()
        self.schedule()

    # ------------------------------------------------------------------- export
    def export_png(self, path: str | Path) -> None:
        self.flush()
        export.write_png(self.view, path)

    def export_svg(self, path: str | Path) -> None:
        self.flush()
        export.write_svg(self.view, path, f"NeuroSim — {self.shown_title}")

    def export_csv(self, path: str | Path) -> None:
        self.flush()
        header, rows = self.csv_table()
        export.write_csv(path, header, rows)

    def copy_image(self) -> None:
        self.flush()
        QGuiApplication.clipboard().setImage(export.render_image(self.view))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.build_menu()
        menu.exec(event.globalPos())

    def build_menu(self) -> QMenu:
        menu = QMenu(self)
        self.add_menu_actions(menu)
        if not menu.isEmpty():
            menu.addSeparator()
        for text, kind in (
            (translate("PlotPanel", "Export as PNG image…"), "png"),
            (translate("PlotPanel", "Export as SVG drawing…"), "svg"),
            (translate("PlotPanel", "Export data as CSV…"), "csv"),
        ):
            action = QAction(text, menu)
            action.triggered.connect(lambda _c=False, k=kind: self._ask_export(k))
            menu.addAction(action)
        copy = menu.addAction(translate("PlotPanel", "Copy image"))
        copy.triggered.connect(self.copy_image)
        return menu

    def _ask_export(self, kind: str) -> None:
        filters = {
            "png": translate("PlotPanel", "PNG image (*.png)"),
            "svg": translate("PlotPanel", "SVG drawing (*.svg)"),
            "csv": translate("PlotPanel", "CSV table (*.csv)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("PlotPanel", "Export {title}").format(title=self.shown_title),
            f"{self.file_stem}.{kind}",
            filters[kind],
        )
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        try:
            {"png": self.export_png, "svg": self.export_svg, "csv": self.export_csv}[kind](path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                translate("PlotPanel", "Export failed"),
                translate("PlotPanel", "Could not write {path}:\n{error}").format(
                    path=path, error=exc
                ),
            )


def set_antialias(item: pg.PlotDataItem, on: bool) -> None:
    item.opts["antialias"] = on
    item.curve.opts["antialias"] = on
    item.curve.update()
