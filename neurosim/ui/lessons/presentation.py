"""Presentation mode (View ▸ Presentation, F5; Esc leaves): the network for a lecture hall.

Full screen; the text, the canvas (neurons, lines, numbers) and every plot scaled up by
the window's text size times the lecturer's zoom (View ▸ Presentation Settings…,
remembered, 1.6 by default); the high-contrast variant of the theme; only the example's
title, the canvas, the lesson's plots and the transport bar on screen (the inspector, the
notes and the status bar on request; no menu bar), placed for the screen's size
(:mod:`~neurosim.ui.lessons.presentation_layout`). Leaving puts the window, its docks, its
fonts and its theme back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QToolBar,
    QWidget,
)

from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.inspector.panel import InspectorPanel
from neurosim.ui.lessons import presentation_layout
from neurosim.ui.lessons.presentation_layout import TitleBar
from neurosim.ui.lessons.presentation_settings import (
    DEFAULT_ZOOM,
    MAX_ZOOM,
    MIN_ZOOM,
    PresentationSettings,
)
from neurosim.ui.lessons.views import PANEL_DOCKS
from neurosim.ui.plots.base import PlotPanel
from neurosim.ui.plots.surface.panel import DecisionSurfacePanel
from neurosim.ui.plots.transport import TransportBar
from neurosim.ui.theme import Theme

__all__ = ["DEFAULT_ZOOM", "KEYS", "MAX_ZOOM", "MIN_ZOOM", "Presentation"]

KEYS = {
    "zoom": "presentation/zoom",
    "inspector": "presentation/keep_inspector",
    "notes": "presentation/show_notes",
    "status": "presentation/show_status_bar",
}
TITLE_FACTOR = 1.25  # the example's title, relative to the scaled text


@dataclass
class _Saved:
    """What entering changed, to put back on leaving."""

    geometry: QByteArray
    state: QByteArray
    maximized: bool
    full_screen: bool
    status_bar: bool
    font: QFont
    network: object
    hidden_toolbars: list[QToolBar]
    hidden_docks: list[QDockWidget]
    transport_icon: QSize
    time_font: QFont
    menu_bar: bool = True
    title_bar: TitleBar | None = None
    untitled_docks: list[QDockWidget] = field(default_factory=list)
    borrowed: list[QAction] = field(default_factory=list)  # menu actions lent to the window


class Presentation(QObject):
    """Presentation mode of one window. ``active``; ``enter()``, ``leave()``, ``toggle()``.

    It scales ``canvas``, ``inspector``, ``transport`` and every plot panel of ``window``;
    ``text_scale()`` is the window's text size (View ▸ Text Size), ``apply_lesson_panels()``
    shows the open lesson's plots again.

    Signals:
        toggled(bool): entered (True) or left (False).
    """

    toggled = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        settings: QSettings,
        document: Document,
        canvas: CanvasView,
        inspector: InspectorPanel,
        transport: TransportBar,
        theme: Theme,
        text_scale: Callable[[], float],
        apply_lesson_panels: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.theme = theme
        self.settings = settings
        self.document = document
        self.canvas = canvas
        self.inspector = inspector
        self.transport = transport
        self._text_scale = text_scale
        self._apply_lesson_panels = apply_lesson_panels  # re-shows the open lesson's plots
        self._saved: _Saved | None = None
        self.toggle_action = QAction(translate("Presentation", "&Presentation"), window)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.toggle_action.setStatusTip(
            translate(
                "Presentation",
                "Full screen, large text and neurons, high contrast (F5; Esc leaves)",
            )
        )
        self.toggle_action.triggered.connect(lambda on: self.enter() if on else self.leave())
        self.leave_action = QAction(translate("Presentation", "Leave Presentation"), window)
        self.leave_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.leave_action.setEnabled(False)  # Esc keeps its canvas meaning outside
        self.leave_action.triggered.connect(lambda _c=False: self.leave())
        self.settings_action = QAction(translate("Presentation", "Presentation &Settings…"), window)
        self.settings_action.setStatusTip(
            translate(
                "Presentation",
                "How much larger presentation mode makes everything, and what it keeps on screen",
            )
        )
        self.settings_action.triggered.connect(lambda _c=False: self.edit_settings())
        for action in (self.toggle_action, self.leave_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)  # so the keys work with the menu bar hidden too
        self._arrange_timer = QTimer(self)
        self._arrange_timer.setSingleShot(True)
        self._arrange_timer.setInterval(30)
        self._arrange_timer.timeout.connect(self._arrange)
        window.installEventFilter(self)

    # ------------------------------------------------------------ settings
    @property
    def active(self) -> bool:
        return self._saved is not None

    @property
    def zoom(self) -> float:
        value = self.settings.value(KEYS["zoom"], DEFAULT_ZOOM, type=float)
        return min(MAX_ZOOM, max(MIN_ZOOM, value))

    def set_zoom(self, factor: float) -> None:
        factor = min(MAX_ZOOM, max(MIN_ZOOM, float(factor)))
        self.settings.setValue(KEYS["zoom"], factor)
        if self.active:
            self._scale(self.scale)

    def option(self, name: str) -> bool:
        return self.settings.value(KEYS[name], False, type=bool)

    def set_option(self, name: str, on: bool) -> None:
        self.settings.setValue(KEYS[name], bool(on))
        if self.active:
            self._apply_chrome()

    @property
    def scale(self) -> float:
        """The presentation scale: the window's text size times the zoom."""
        return self._text_scale() * self.zoom

    def edit_settings(self) -> QDialog:
        dialog = PresentationSettings(self, self.window)
        dialog.open()
        return dialog

    # --------------------------------------------------------------- modes
    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        if self.active:
            return
        w = self.window
        self._saved = _Saved(
            w.saveGeometry(),
            w.saveState(),
            w.isMaximized(),
            w.isFullScreen(),
            w.statusBar().isVisibleTo(w),
            QFont(QApplication.font()),
            self.document.network,
            [],
            [],
            self.transport.iconSize(),
            QFont(self.transport.time_label.font()),
            menu_bar=w.menuBar().isVisibleTo(w),
        )
        self._show_title()
        self._apply_chrome()
        self._fold_controls(True)
        self.theme.set_contrast(True)
        self._scale(self.scale)
        # legible or absent: text the back row cannot read is left out, not drawn tiny
        self.canvas.network_scene.set_min_text_px(presentation_layout.LEGIBLE_PX)
        w.showFullScreen()
        self._set_checked(True)
        self._arrange_timer.start()
        self.toggled.emit(True)

    def leave(self) -> None:
        saved, self._saved = self._saved, None
        if saved is None:
            self._set_checked(False)
            return
        w = self.window
        QApplication.setFont(saved.font)
        self._restyle_fonts()
        self._scale(self._text_scale(), font=False)
        self._restore_transport(saved)
        self._fold_controls(None)
        if saved.title_bar is not None:
            w.removeToolBar(saved.title_bar)
            w.removeToolBarBreak(self.transport)
            saved.title_bar.deleteLater()
        for action in saved.borrowed:
            w.removeAction(action)
        w.menuBar().setVisible(saved.menu_bar)
        for dock in saved.untitled_docks:
            bar = dock.titleBarWidget()
            dock.setTitleBarWidget(None)
            if bar is not None:
                bar.deleteLater()
        self.theme.set_contrast(False)
        if saved.maximized:
            w.showMaximized()
        elif not saved.full_screen:
            w.showNormal()
        w.restoreGeometry(saved.geometry)
        w.restoreState(saved.state)
        w.statusBar().setVisible(saved.status_bar)
        if self.document.network is not saved.network and self._apply_lesson_panels is not None:
            self._apply_lesson_panels()  # stepped to other examples: their plots, not ours
        self._set_checked(False)
        self.canvas.network_scene.set_text_boost(1.0)
        self.canvas.network_scene.set_min_text_px(0.0)
        QTimer.singleShot(0, self.canvas, self.canvas.fit_to_view)
        self.toggled.emit(False)

    def _set_checked(self, on: bool) -> None:
        self.toggle_action.setChecked(on)
        self.leave_action.setEnabled(on)

    # ------------------------------------------------------------- changes
    def _show_title(self) -> None:
        """The example's title where the menu bar was (a full-screen window has no title)."""
        w = self.window
        bar = TitleBar(self.document, w)
        w.insertToolBar(self.transport, bar)
        w.insertToolBarBreak(self.transport)  # a row of its own, above the transport bar
        bar.show()
        self._saved.title_bar = bar
        # Qt ignores the keys of a hidden menu bar's menus: the window takes those actions
        # for a while, so Ctrl+Z, Ctrl+S, F5 and the rest keep working
        own = set(w.actions())
        for action in _menu_actions(w.menuBar().actions()):
            if action not in own and not action.shortcut().isEmpty():
                w.addAction(action)
                self._saved.borrowed.append(action)
        w.menuBar().hide()

    def _apply_chrome(self) -> None:
        """Hide what a lecture does not need (and show again what an option brings back)."""
        w, saved = self.window, self._saved
        for bar in w.findChildren(QToolBar):
            if (
                bar.parent() is w
                and bar not in (self.transport, saved.title_bar)
                and not bar.isHidden()
            ):
                bar.hide()
                saved.hidden_toolbars.append(bar)
        for dock in w.findChildren(QDockWidget):
            if dock.parent() is w and dock.titleBarWidget() is None:
                dock.setTitleBarWidget(QWidget(dock))  # the plots have titles of their own
                saved.untitled_docks.append(dock)
        keep = set(PANEL_DOCKS.values())
        if self.option("inspector"):
            keep.add("inspector")
        if self.option("notes"):
            keep.add("notes")
        for dock in w.findChildren(QDockWidget):
            if dock.parent() is not w:
                continue
            if dock.objectName() not in keep and not dock.isHidden():
                dock.hide()
                saved.hidden_docks.append(dock)
            elif dock.objectName() in keep and dock in saved.hidden_docks:
                dock.show()
                saved.hidden_docks.remove(dock)
        w.statusBar().setVisible(self.option("status") and saved.status_bar)

    def _fold_controls(self, folded: bool | None) -> None:
        """The plots' own setting boxes (the decision surface's) are not for the audience."""
        for surface in self.window.findChildren(DecisionSurfacePanel):
            surface.fold_controls(folded)

    def _scale(self, factor: float, font: bool = True) -> None:
        """Text, canvas, inspector, transport bar and every plot panel at ``factor``.

        (Plot panels are found under the window: a dialog's plots, e.g. Compare
        activations, scale too.)"""
        if font and self._saved is not None:
            base = self._saved.font
            text_scale = self._text_scale() or 1.0
            scaled = QFont(base)
            scaled.setPointSizeF(base.pointSizeF() / text_scale * factor)
            QApplication.setFont(scaled)
            self._restyle_fonts()
        self.inspector.follow_app_font()
        self.canvas.set_presentation_scale(factor)
        for panel in self.window.findChildren(PlotPanel):
            panel.set_presentation_scale(factor)
        if self.active:
            side = round(20 * factor)
            self.transport.setIconSize(QSize(side, side))
            # the time has a fixed-pitch font of its own: scale it too
            self._set_time_font(self.transport.time_label, QApplication.font().pointSizeF())
            if self._saved.title_bar is not None:
                self._saved.title_bar.set_font_scale(
                    QApplication.font().pointSizeF() * TITLE_FACTOR
                )

    def _restyle_fonts(self) -> None:
        """A widget with a style sheet of its own (the bold Train ▶ button) keeps the font
        it had when the sheet was applied: apply its sheet again, so it takes the new one."""
        for widget in self.window.findChildren(QWidget):
            sheet = widget.styleSheet()
            if sheet:
                widget.setStyleSheet(sheet)

    def _restore_transport(self, saved: _Saved) -> None:
        self.transport.setIconSize(saved.transport_icon)
        self._set_time_font(self.transport.time_label, saved.time_font.pointSizeF())

    @staticmethod
    def _set_time_font(label: QLabel, points: float) -> None:
        mono = QFont(label.font())
        mono.setPointSizeF(points)
        label.setFont(mono)
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance(" t = 0000000 "))

    def arrange_now(self) -> None:
        """Arrange for the present size at once (a screenshot cannot wait for the timer)."""
        self._arrange_timer.stop()
        self._arrange()

    def _arrange(self) -> None:
        """The lesson's plots large, then the network fitted to what is left."""
        if not self.active:
            return
        w = self.window
        if w.isFullScreen() and w.screen() is not None and w.geometry() != w.screen().geometry():
            w.setGeometry(w.screen().geometry())  # no window manager took it full screen
        view = self.document.network.extra.get("view")
        panels = view.get("panels") if isinstance(view, dict) else None
        order = [PANEL_DOCKS.get(str(p), "") for p in panels] if isinstance(panels, list) else []
        presentation_layout.arrange(w, w.size(), self.canvas, order)
        w.layout().activate()  # the docks' new sizes now, so the network fits what is left
        presentation_layout.fit_readable(self.canvas)
        QTimer.singleShot(0, self.canvas, self._fit_if_active)

    def _fit_if_active(self) -> None:
        if self.active:
            presentation_layout.fit_readable(self.canvas)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window:
            kind = event.type()
            if kind == QEvent.Type.Resize and self.active:
                self._arrange_timer.start()  # full screen arrives in a few resizes on X11
            elif kind == QEvent.Type.Close and self.active:
                self.leave()  # the window saves its layout on close: save the normal one
        return False


def _menu_actions(actions: list[QAction]) -> list[QAction]:
    """Every action of these menus and their submenus (not the submenus' own entries)."""
    found = []
    for action in actions:
        menu = action.menu()
        if menu is not None:
            found.extend(_menu_actions(menu.actions()))
        elif not action.isSeparator():
            found.append(action)
    return found
