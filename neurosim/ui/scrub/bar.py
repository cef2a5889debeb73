"""The timeline under the transport bar: a slider over the recorded steps and a Now button.

Dragging the slider (or Left/Right/Home/End/PageUp/PageDown while it has the keyboard)
moves the whole window to that step through :class:`ScrubController`; its right end is the
present. Moves are coalesced to one per event-loop turn, so a fast drag shows the newest
position without queueing every step it passed. Now (Ctrl+End anywhere) returns.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSlider, QToolBar, QWidget

from neurosim.core.history import StepSnapshot
from neurosim.ui.scrub.controller import ScrubController

NOW_SHORTCUT = QKeySequence("Ctrl+End")


class ScrubBar(QToolBar):
    def __init__(self, controller: ScrubController, parent: QWidget | None = None) -> None:
        super().__init__("Timeline", parent)
        self.setObjectName("timeline")  # the window's saved layout names it
        self.controller = controller
        self.title = QLabel(" Timeline ", self)
        self.addWidget(self.title)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("timeline_slider")
        self.slider.setMinimumWidth(360)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setToolTip(
            "Drag to any recorded step: the canvas, inspector and plots show that moment "
            "(Left/Right, Home/End with the keyboard)"
        )
        self.addWidget(self.slider)
        self.label = QLabel(self)
        self.label.setMinimumWidth(190)
        self.addWidget(self.label)
        self.now_action = QAction("Now", self)
        self.now_action.setShortcut(NOW_SHORTCUT)
        self.now_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.now_action.setToolTip(f"Back to the present ({NOW_SHORTCUT.toString()})")
        self.now_action.triggered.connect(lambda _c=False: controller.now())
        self.addAction(self.now_action)
        self._pending: int | None = None
        self._move = QTimer(self)
        self._move.setSingleShot(True)
        self._move.setInterval(0)
        self._move.timeout.connect(self._apply_move)
        self.slider.valueChanged.connect(self._on_value)
        controller.clock.updated.connect(self.refresh)
        controller.moved.connect(lambda _snap: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Follow the history: its length, and where the window is in it."""
        ring = self.controller.history.ring
        last = max(0, len(ring) - 1)
        index = self.controller.index if self.controller.in_past else last
        self.slider.blockSignals(True)
        self.slider.setRange(0, last)
        self.slider.setPageStep(max(1, last // 20))
        self.slider.setValue(last if index is None else index)
        self.slider.blockSignals(False)
        self.now_action.setEnabled(self.controller.in_past)
        self._show_label(self.controller.snapshot)

    def _show_label(self, snap: StepSnapshot | None) -> None:
        ring = self.controller.history.ring
        newest = ring[-1].t if len(ring) else 0
        if snap is None:
            self.label.setText(f"step {newest:,} (now)")
        else:
            self.label.setText(f"step {snap.t:,} of {newest:,}")

    def _on_value(self, value: int) -> None:
        self._pending = value
        if not self._move.isActive():
            self._move.start()

    def _apply_move(self) -> None:
        value, self._pending = self._pending, None
        if value is None:
            return
        if value >= self.slider.maximum() and self.controller.in_past:
            self.controller.now()
        elif value < self.slider.maximum():
            self.controller.go_to(value)
