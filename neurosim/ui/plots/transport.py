"""The transport bar: Run / Pause (Space), Step (→ or .), Reset, speed, window and time t."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeySequence
from PySide6.QtWidgets import QLabel, QSpinBox, QStyle, QToolBar, QWidget

from neurosim.core.simulation import MAX_WINDOW, MIN_WINDOW
from neurosim.ui.plots.clock import MAX_SPEED, MIN_SPEED, SimulationClock


class TransportBar(QToolBar):
    """Buttons and boxes that drive a :class:`SimulationClock`."""

    def __init__(self, clock: SimulationClock, parent: QWidget | None = None) -> None:
        super().__init__("Simulation", parent)
        self.setObjectName("simulation_toolbar")
        self.clock = clock
        style = self.style()
        self._play_icon = style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = style.standardIcon(QStyle.StandardPixmap.SP_MediaPause)
        self.run_action = QAction(self._play_icon, "Run", self)
        self.run_action.setCheckable(True)
        self.run_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.run_action.setToolTip("Run the simulation clock (Space); press again to pause")
        self.step_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward), "Step", self)
        self.step_action.setShortcuts([QKeySequence(Qt.Key.Key_Right),
                                       QKeySequence(Qt.Key.Key_Period)])
        self.step_action.setToolTip("One step forward: sources advance, the network "
                                    "is evaluated once (→ or .)")
        self.reset_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipBackward), "Reset", self)
        self.reset_action.setToolTip("Back to t = 0: clear the history, restart the sources")
        for action in (self.run_action, self.step_action, self.reset_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.time_label = QLabel(self)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setWeight(QFont.Weight.Bold)
        self.time_label.setFont(mono)
        self.time_label.setToolTip("t: the number of steps taken since the last Reset")
        self.time_label.setMinimumWidth(self.time_label.fontMetrics().horizontalAdvance(
            " t = 0000000 "))
        self.addWidget(self.time_label)
        self.speed = _spin(self, MIN_SPEED, MAX_SPEED, clock.speed, " steps/s",
                           "Speed: how many steps the clock takes each second while running")
        self.addWidget(self.speed)
        self.window_box = _spin(self, MIN_WINDOW, MAX_WINDOW, clock.window, " steps shown",
                                "How many of the latest steps the traces, raster and sparsity "
                                "plots show")
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
        self._show_time(clock.t)

    def _on_run_toggled(self, on: bool) -> None:
        if on:
            self.clock.run()
        else:
            self.clock.pause()

    def _show_running(self, running: bool) -> None:
        with QSignalBlocker(self.run_action):
            self.run_action.setChecked(running)
        self.run_action.setText("Pause" if running else "Run")
        self.run_action.setIcon(self._pause_icon if running else self._play_icon)

    def _show_time(self, t: int) -> None:
        self.time_label.setText(f" t = {t}")

    def _show_speed(self, speed: int) -> None:
        with QSignalBlocker(self.speed):
            self.speed.setValue(speed)


def _spin(parent: QWidget, lo: int, hi: int, value: int, suffix: str, tip: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(lo, hi)
    box.setValue(value)
    box.setSuffix(suffix)
    box.setToolTip(tip)
    box.setKeyboardTracking(False)
    return box
