"""The simulation clock of the window: Run, Pause, Step and Reset at a chosen speed.

It owns a core :class:`~neurosim.core.simulation.Simulation` of the open document. Each step
sets the sourced inputs through the document's live channel (``Document.live_inputs``:
announced like any change, but no undo step and no modification: the clock is not an edit)
and evaluates once through ``document.evaluate_now`` so every view sees one ``evaluated``.
While paused, manual edits replace the present sample of the history. Its
:class:`FrameTimer` lets all the live panels redraw together, once per frame.

Signals:
    updated(): the history or its present sample changed (step, reset, manual edit).
    stepped(int): t after a step or a reset.
    running_changed(bool): Run or Pause.
    speed_changed(int): steps per second.
    window_changed(int): how many steps the time plots show.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal

from neurosim.core.engine import Evaluation
from neurosim.core.simulation import DEFAULT_WINDOW, Simulation
from neurosim.ui.document import Document
from neurosim.ui.one_pass import WindowScenes, drain_scene_updates
from neurosim.ui.plots.style import NeuronColours

MIN_SPEED, MAX_SPEED, DEFAULT_SPEED = 1, 240, 30
FRAME_MS = 16  # never tick faster than the display: faster speeds take several steps a tick


class SimulationClock(QObject):
    updated = Signal()
    stepped = Signal(int)
    running_changed = Signal(bool)
    speed_changed = Signal(int)
    window_changed = Signal(int)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.colours = NeuronColours()
        self.frames = FrameTimer(self)
        self._speed = DEFAULT_SPEED
        self._window = DEFAULT_WINDOW
        self._busy = False  # our own evaluations are recorded by the simulation itself
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_tick)
        self._elapsed = QElapsedTimer()
        self._steps_since_run = 0
        # Scrubbing (neurosim.ui.scrub): while the window shows the past, its evaluations are
        # not the present's; ``guard`` may refuse Run/Step (it asks: branch or return);
        # Reset first returns to the present (``leave_past``).
        self.viewing_past = False
        self.guard: Callable[[], bool] | None = None
        self.leave_past: Callable[[], None] | None = None
        self.simulation = self._new_simulation()
        document.evaluated.connect(self._on_evaluated)
        document.network_replaced.connect(self._on_network_replaced)
        document.settled.connect(self.frames.flush)  # an edit: its one paint pass now

    # ------------------------------------------------------------------ state
    @property
    def t(self) -> int:
        return self.simulation.t

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def speed(self) -> int:
        return self._speed

    @property
    def window(self) -> int:
        return self._window

    # --------------------------------------------------------------- controls
    def run(self) -> None:
        if self.running or not self._may_resume():
            return
        self._restart_accounting()
        self._timer.start(self._interval())
        self.running_changed.emit(True)

    def pause(self) -> None:
        if not self.running:
            return
        self._timer.stop()
        self.running_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self.running else self.run()

    def step(self, n: int = 1) -> None:
        """Take ``n`` steps now (pauses first: stepping is for looking closely)."""
        self.pause()
        if self._may_resume():
            self._advance(n)

    def rewind(self, t: int) -> None:
        """Branch from step ``t`` (the window already shows it): later steps are dropped."""
        self.pause()
        with _Busy(self), np.errstate(over="ignore", invalid="ignore"):
            self.simulation.rewind(t)
        self._restart_accounting()
        self.updated.emit()
        self.stepped.emit(t)

    def _may_resume(self) -> bool:
        return self.guard is None or self.guard()

    def reset(self) -> None:
        """Back to t = 0: the history is cleared and the sources start over."""
        if self.viewing_past and self.leave_past is not None:
            self.leave_past()
        with _Busy(self):
            self.simulation.reset()
        self._restart_accounting()
        self.updated.emit()
        self.stepped.emit(0)

    def set_speed(self, steps_per_second: int) -> None:
        speed = max(MIN_SPEED, min(MAX_SPEED, int(steps_per_second)))
        if speed == self._speed:
            return
        self._speed = speed
        if self.running:
            self._restart_accounting()
            self._timer.start(self._interval())
        self.speed_changed.emit(speed)

    def set_window(self, steps: int) -> None:
        """How many steps the traces, raster and sparsity plots show."""
        self.simulation.set_window(steps)  # checks it first: a refused window changes nothing
        self._window = self.simulation.window
        self.updated.emit()
        self.window_changed.emit(self._window)

    # --------------------------------------------------------------- ticking
    def _interval(self) -> int:
        return max(FRAME_MS, int(1000 / self._speed))

    def _restart_accounting(self) -> None:
        self._elapsed.restart()
        self._steps_since_run = 0

    def _on_tick(self) -> None:
        # Steps due by the wall clock: the average speed is exact even if ticks jitter.
        due = int(self._elapsed.elapsed() * self._speed / 1000) - self._steps_since_run
        if due > self._speed // 4 + 4:  # fell far behind (a busy machine): do not race
            self._restart_accounting()
            due = 1
        if due > 0:
            self._steps_since_run += due
            self._advance(due)

    def _advance(self, n: int) -> None:
        with _Busy(self), np.errstate(over="ignore", invalid="ignore"):  # see Document
            self.simulation.step(n)
        self.updated.emit()
        self.stepped.emit(self.simulation.t)
        if self.running:  # a tick is a frame: the canvas and the panels in one pass
            self.frames.flush()

    # -------------------------------------------------------------- document
    def _new_simulation(self) -> Simulation:
        doc = self.document
        self.colours.reset(doc.network)
        with _Busy(self):
            return Simulation(
                doc.network,
                doc.engine,
                self._window,
                evaluate=doc.evaluate_now,
                set_inputs=doc.live_inputs,
            )

    def _on_network_replaced(self) -> None:
        self.pause()
        self.simulation = self._new_simulation()
        self.updated.emit()
        self.stepped.emit(0)

    def _on_evaluated(self, evaluation: Evaluation) -> None:
        if self._busy or self.viewing_past or evaluation is self.simulation.evaluation:
            return
        # An edit while paused: a new or changed source sets its input at once. A value
        # that changes asks the document for one more evaluation, which lands here again.
        with _Busy(self):
            self.simulation.apply_sources(self.simulation.t)
        self.simulation.observe(evaluation)
        self.updated.emit()


class FrameTimer(QObject):
    """Redraws every panel that asked, together, at most once per display frame.

    A panel connects its ``on_frame`` to :attr:`frame` once (Qt drops it when the panel
    goes) and calls :meth:`request` when it has something new to show; each frame every
    connected panel gets ``on_frame`` and redraws only if it asked.
    The first request after a quiet spell is served on the next turn of the event loop
    (no added latency for a single edit); later ones wait for the frame to be over.

    Signals:
        frame(): time to redraw.
    """

    frame = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._since = QElapsedTimer()
        self._since.start()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_frame)
        self.frames = 0
        self._scenes = WindowScenes(self)  # those a frame drains

    def request(self) -> None:
        if not self._timer.isActive():
            self._timer.start(max(0, FRAME_MS - self._since.elapsed()))

    def flush(self) -> None:
        """Redraw what asked now, in this turn of the event loop (an edit, a tick), and
        hand the scenes' changes to their views: the window then paints once."""
        if self._timer.isActive():
            self._timer.stop()
            self._on_frame()
        else:
            drain_scene_updates(self._scenes())

    def _on_frame(self) -> None:
        self._since.restart()
        self.frames += 1
        self.frame.emit()
        drain_scene_updates(self._scenes())


class _Busy:
    def __init__(self, clock: SimulationClock) -> None:
        self.clock = clock

    def __enter__(self) -> None:
        self.clock._busy = True

    def __exit__(self, *_: object) -> None:
        self.clock._busy = False
