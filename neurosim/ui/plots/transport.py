"""The transport bar: Run / Pause, Step, Reset, speed, window and time t.

Keys (anywhere in the window): Space runs or pauses, → or . steps, Home resets, + or ]
runs faster and − or [ slower (along :data:`SPEEDS`). A focused slider or list keeps its
arrow, Page and Home/End keys (see :class:`_NavigationKeysStay`).
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QApplication,
    QLabel,
    QSpinBox,
    QToolBar,
    QWidget,
)

from neurosim.core.simulation import MAX_WINDOW, MIN_WINDOW
from neurosim.ui.clock import MAX_SPEED, MIN_SPEED, SimulationClock
from neurosim.ui.i18n import translate
from neurosim.ui.icons import media_icon
from neurosim.ui.theme import Palette, Theme

#: the speeds (steps per second) that Faster and Slower step through
SPEEDS = (1, 2, 5, 10, 15, 30, 60, 120, 240)


class TransportBar(QToolBar):
    """Buttons and boxes that drive a :class:`SimulationClock`; the icons are drawn in the
    ``theme``'s button text colour (None: a light theme of the bar's own)."""

    def __init__(
        self, clock: SimulationClock, parent: QWidget | None = None, *, theme: Theme | None = None
    ) -> None:
        super().__init__(translate("TransportBar", "Simulation"), parent)
        self.setObjectName("simulation_toolbar")
        self.clock = clock
        self.theme = theme if theme is not None else Theme(parent=self)
        self.run_action = QAction(translate("TransportBar", "Run"), self)
        self.run_action.setCheckable(True)
        self.run_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.run_action.setToolTip(
            translate("TransportBar", "Run the simulation clock (Space); press again to pause")
        )
        self.run_action.setProperty(
            "shortcut_name", translate("TransportBar", "Run / Pause the clock")
        )
        self.step_action = QAction(translate("TransportBar", "Step"), self)
        self.step_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Right), QKeySequence(Qt.Key.Key_Period)]
        )
        self.step_action.setToolTip(
            translate(
                "TransportBar",
                "One step forward: sources advance, the network is evaluated once (→ or .)",
            )
        )
        self.reset_action = QAction(translate("TransportBar", "Reset"), self)
        self.reset_action.setShortcut(QKeySequence(Qt.Key.Key_Home))
        self.reset_action.setToolTip(
            translate(
                "TransportBar", "Back to t = 0: clear the history, restart the sources (Home)"
            )
        )
        for action in (self.run_action, self.step_action, self.reset_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self.faster_action = _key_action(
            self,
            translate("TransportBar", "Faster clock"),
            ("+", "]"),
            lambda: self._change_speed(+1),
        )
        self.slower_action = _key_action(
            self,
            translate("TransportBar", "Slower clock"),
            ("-", "["),
            lambda: self._change_speed(-1),
        )
        _NavigationKeysStay.install()
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.time_label = QLabel(self)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setWeight(QFont.Weight.Bold)
        self.time_label.setFont(mono)
        self.time_label.setToolTip(
            translate("TransportBar", "t: the number of steps taken since the last Reset")
        )
        self.time_label.setMinimumWidth(
            self.time_label.fontMetrics().horizontalAdvance(" t = 0000000 ")
        )
        self.addWidget(self.time_label)
        self.speed = _spin(
            self,
            MIN_SPEED,
            MAX_SPEED,
            clock.speed,
            translate("TransportBar", " steps/s"),
            translate(
                "TransportBar",
                "Speed: how many steps the clock takes each second while running "
                "(+ or ] faster, − or [ slower)",
            ),
        )
        self.addWidget(self.speed)
        # Not buttons (the bar is full): the keys work anywhere in the window.
        self.speed.addActions([self.faster_action, self.slower_action])
        self.window_box = _spin(
            self,
            MIN_WINDOW,
            MAX_WINDOW,
            clock.window,
            translate("TransportBar", " steps shown"),
            translate(
                "TransportBar",
                "How many of the latest steps the traces, raster and sparsity plots show",
            ),
        )
        self.window_box.setSingleStep(100)
        self.addWidget(self.window_box)

        self.run_action.toggled.connect(self._on_run_toggled)
        self.step_action.triggered.connect(lambda: clock.step())
        self.reset_action.triggered.connect(clock.reset)
        self.speed.valueChanged.connect(clock.set_speed)
        self.window_box.valueChanged.connect(clock.set_window)
        clock.running_changed.connect(self._show_running)
        clock.stepped.connect(self._show_time)
        clock.speed_changed.connect(self._show_speed)
        clock.window_changed.connect(self._show_window)
        self._show_time(clock.t)
        self._draw_icons(self.theme.palette)
        self.theme.changed.connect(self._draw_icons)

    def _draw_icons(self, palette: Palette) -> None:
        ink = palette.role(QPalette.ColorRole.ButtonText)
        self._play_icon, self._pause_icon = media_icon("play", ink), media_icon("pause", ink)
        self.run_action.setIcon(self._pause_icon if self.clock.running else self._play_icon)
        self.step_action.setIcon(media_icon("step", ink))
        self.reset_action.setIcon(media_icon("reset", ink))

    def _change_speed(self, direction: int) -> None:
        """The next speed of :data:`SPEEDS` up (+1) or down (−1) from the present one."""
        speed = self.clock.speed
        if direction > 0:
            i = bisect.bisect_right(SPEEDS, speed)
            self.clock.set_speed(SPEEDS[min(i, len(SPEEDS) - 1)])
        else:
            i = bisect.bisect_left(SPEEDS, speed) - 1
            self.clock.set_speed(SPEEDS[max(i, 0)])

    def _on_run_toggled(self, on: bool) -> None:
        if on:
            self.clock.run()
        else:
            self.clock.pause()

    def _show_running(self, running: bool) -> None:
        with QSignalBlocker(self.run_action):
            self.run_action.setChecked(running)
        self.run_action.setText(
            translate("TransportBar", "Pause") if running else translate("TransportBar", "Run")
        )
        self.run_action.setIcon(self._pause_icon if running else self._play_icon)

    def _show_time(self, t: int) -> None:
        self.time_label.setText(f" t = {t}")

    def _show_speed(self, speed: int) -> None:
        with QSignalBlocker(self.speed):
            self.speed.setValue(speed)

    def _show_window(self, steps: int) -> None:
        with QSignalBlocker(self.window_box):
            self.window_box.setValue(steps)


def _key_action(bar: QToolBar, text: str, keys: tuple[str, ...], slot) -> QAction:
    action = QAction(text, bar)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _c=False: slot())
    return action


class _NavigationKeysStay(QObject):
    """A focused slider or list keeps the keys it moves with (→ would step the clock).

    A window shortcut wins over a widget that does not claim its key first; line edits
    and spin boxes claim theirs, sliders and item views do not. The filter goes on such a
    widget when it gets the focus (not on the whole application: that would cost a Python
    call for every event).
    """

    KEYS = frozenset(
        (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_PageUp,
            Qt.Key.Key_PageDown,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
        )
    )
    NAME = "neurosim-navigation-keys-stay"

    @classmethod
    def install(cls) -> None:
        """Once per application: the filter is the application's child (and goes with it)."""
        app = QApplication.instance()
        if app is not None and app.findChild(QObject, cls.NAME) is None:
            keys = cls(app)
            keys.setObjectName(cls.NAME)
            app.focusChanged.connect(keys._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, (QAbstractSlider, QAbstractItemView)):
            new.installEventFilter(self)  # again on the same widget: still one filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in self.KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            event.accept()  # the widget gets the key press itself
            return True
        return False


def _spin(parent: QWidget, lo: int, hi: int, value: int, suffix: str, tip: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(lo, hi)
    box.setValue(value)
    box.setSuffix(suffix)
    box.setToolTip(tip)
    box.setKeyboardTracking(False)
    return box
