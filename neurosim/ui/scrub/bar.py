"""The timeline under the transport bar: Steps or Epochs, a slider over the recorded
moments and a Now button.

Dragging the slider (or Left/Right/Home/End/PageUp/PageDown while it has the keyboard)
moves the whole window to that step of the clock, or epoch of training, through
:class:`ScrubController`; its right end is the present. Steps and Epochs choose the track;
the timeline also follows what was started last (Run: steps, Train: epochs).

Moves are paced to the display: the first move after a pause is shown on the next turn
of the event loop, later ones at most once a frame (16 ms), the newest position winning,
so a fast drag (a 125 Hz mouse, a busy machine) never evaluates and paints positions
nobody will see. Now (Ctrl+End anywhere) returns.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QSlider, QToolBar, QWidget

from neurosim.core.history import EpochSnapshot, StepSnapshot
from neurosim.ui.i18n import translate
from neurosim.ui.scrub.controller import EPOCHS, STEPS, ScrubController, Snapshot

NOW_SHORTCUT = QKeySequence("Ctrl+End")
FRAME_MS = 16  # at most one move shown per display frame


class ScrubBar(QToolBar):
    def __init__(self, controller: ScrubController, parent: QWidget | None = None) -> None:
        super().__init__(translate("ScrubBar", "Timeline"), parent)
        self.setObjectName("timeline")  # the window's saved layout names it
        self.controller = controller
        self.title = QLabel(translate("ScrubBar", "Timeline"), self)
        self.title.setContentsMargins(6, 0, 6, 0)
        self.addWidget(self.title)
        self.tracks = QActionGroup(self)
        self.steps_action = self._track_action(
            translate("ScrubBar", "Steps"),
            translate("ScrubBar", "The timeline runs over the steps of the clock"),
            STEPS,
        )
        self.epochs_action = self._track_action(
            translate("ScrubBar", "Epochs"),
            translate("ScrubBar", "The timeline runs over the epochs of training"),
            EPOCHS,
        )
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("timeline_slider")
        self.slider.setMinimumWidth(360)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setToolTip(
            translate(
                "ScrubBar",
                "Drag to any recorded moment: the canvas, inspector and plots show it "
                "(Left/Right, Home/End with the keyboard)",
            )
        )
        self.addWidget(self.slider)
        self.label = QLabel(self)
        self.label.setFixedWidth(230)
        self.addWidget(self.label)
        self.now_action = QAction(translate("ScrubBar", "Now"), self)
        self.now_action.setShortcut(NOW_SHORTCUT)
        self.now_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.now_action.setToolTip(
            translate("ScrubBar", "Back to the present ({key})").format(
                key=NOW_SHORTCUT.toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.now_action.triggered.connect(lambda _c=False: controller.now())
        self.addAction(self.now_action)
        self._pending: int | None = None
        self._since = QElapsedTimer()  # since the last move shown
        self._move = QTimer(self)
        self._move.setSingleShot(True)
        self._move.setTimerType(Qt.TimerType.PreciseTimer)
        self._move.timeout.connect(self._apply_move)
        self.slider.valueChanged.connect(self._on_value)
        session, clock = controller.session, controller.clock
        clock.updated.connect(self.refresh)
        session.progressed.connect(self.refresh)
        session.curves_cleared.connect(self.refresh)
        # methods, not lambdas: Qt drops the connections with the bar
        controller.moved.connect(self._on_moved)
        controller.track_changed.connect(self._on_moved)
        clock.running_changed.connect(self._on_clock_running)
        session.state_changed.connect(self._on_training_state)
        self.refresh()

    def _track_action(self, text: str, tip: str, track: str) -> QAction:
        action = QAction(text, self.tracks)
        action.setCheckable(True)
        action.setToolTip(tip)
        action.triggered.connect(lambda _c=False: self.controller.set_track(track))
        self.addAction(action)
        return action

    def _on_moved(self, _where: object) -> None:
        self.refresh()

    # follow what was started last: Run shows the steps, Train the epochs
    def _on_clock_running(self, running: bool) -> None:
        if running and not self.controller.in_past:
            self.controller.set_track(STEPS)

    def _on_training_state(self) -> None:
        if self.controller.session.running and not self.controller.in_past:
            self.controller.set_track(EPOCHS)

    def refresh(self) -> None:
        """Follow the history: its length, and where the window is in it."""
        controller = self.controller
        ring = controller.ring
        last = max(0, len(ring) - 1)
        index = controller.index if controller.in_past else last
        self.slider.blockSignals(True)
        self.slider.setRange(0, last)
        self.slider.setPageStep(max(1, last // 20))
        self.slider.setValue(last if index is None else index)
        self.slider.blockSignals(False)
        self.now_action.setEnabled(controller.in_past)
        epochs = controller.session.epoch_history.ring
        self.epochs_action.setEnabled(len(epochs) > 1 or controller.track == EPOCHS)
        (self.epochs_action if controller.track == EPOCHS else self.steps_action).setChecked(True)
        self._set_label(self._label_text(controller.snapshot))

    def _set_label(self, text: str, refit: bool = False) -> None:
        """The label only grows (``refit``: fits the text afresh, for a new font): a text
        of another width must not resize the slider under the mouse (the handle would
        jump) nor lay the bar out again at every frame."""
        if text == self.label.text() and not refit:
            return
        width = self.label.fontMetrics().horizontalAdvance(text) + 12
        if width > self.label.width() or refit:
            self.label.setFixedWidth(width)
        self.label.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # text size, presentation mode
            self._set_label(self.label.text(), refit=True)

    def _label_text(self, snap: Snapshot | None) -> str:
        ring = self.controller.ring
        newest = ring[-1] if len(ring) else None
        if self.controller.track == STEPS:
            t = newest.t if isinstance(newest, StepSnapshot) else 0
            if not isinstance(snap, StepSnapshot):
                return translate("ScrubBar", "step {step} (now)").format(step=t)
            return translate("ScrubBar", "step {step} of {newest}").format(step=snap.t, newest=t)
        e = newest.epoch if isinstance(newest, EpochSnapshot) else 0
        if not isinstance(snap, EpochSnapshot):
            return translate("ScrubBar", "epoch {epoch} (now)").format(epoch=e)
        loss = snap.figures.get("loss")
        if loss is None:
            return translate("ScrubBar", "epoch {epoch} of {newest}").format(
                epoch=snap.epoch, newest=e
            )
        return translate("ScrubBar", "epoch {epoch} of {newest} · loss {loss}").format(
            epoch=snap.epoch, newest=e, loss=f"{loss:.4g}"
        )

    # ------------------------------------------------------------------ moves
    @property
    def move_pending(self) -> bool:
        """A slider move waits for its frame to be shown."""
        return self._move.isActive()

    def _on_value(self, value: int) -> None:
        self._pending = value
        if not self._move.isActive():
            wait = FRAME_MS - self._since.elapsed() if self._since.isValid() else 0
            self._move.start(max(0, wait))

    def _apply_move(self) -> None:
        value, self._pending = self._pending, None
        if value is None:
            return
        self._since.restart()
        if value >= self.slider.maximum() and self.controller.in_past:
            self.controller.now()
        elif value < self.slider.maximum():
            self.controller.go_to(value)
