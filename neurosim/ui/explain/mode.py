"""View ▸ Explain Forward Pass (F6): the beats of :func:`neurosim.core.walkthrough.walkthrough`
played on the canvas, the overlay and the activation plot.

While the mode is on, an application event filter takes the keys of the window: Right,
Space, PageDown: next beat; Left, PageUp: previous; Home, End: first, last; P: auto-play or
pause; Esc: end. It takes their shortcut overrides too, so a presenter's clicker
(PageDown/PageUp) and Esc continue the explanation in presentation mode instead of paging
lessons or leaving the mode. The canvas takes no clicks, and any edit of the network (an
undo from the menu, a file opened) ends the explanation cleanly.

Ending restores the live view as it was: the selection, the activation plot's neurons,
every neuron's face, and the clock (paused while explaining, running again if it ran).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget

from neurosim.core.walkthrough import Beat, walkthrough
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.clock import SimulationClock
from neurosim.ui.core_text import core_text
from neurosim.ui.document import Document
from neurosim.ui.explain.framing import Framing
from neurosim.ui.explain.overlay import (
    MARGIN,
    PACES,
    PRESENTING_PX,
    TEXT_PX,
    ExplainBar,
    SumOverlay,
)
from neurosim.ui.explain.plot_point import TravellingPoint
from neurosim.ui.explain.stage import Stage
from neurosim.ui.i18n import translate
from neurosim.ui.plots.activation_panel import ActivationPanel

SHORTCUT = QKeySequence(Qt.Key.Key_F6)
NEXT = {Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down}
PREVIOUS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up}
OURS = NEXT | PREVIOUS | {Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_P, Qt.Key.Key_Escape}
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease)
_CLICKS = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.ContextMenu,
)
ENDED_BY_EDIT = QT_TRANSLATE_NOOP("ExplainMode", "Explanation ended: the network changed")


class ExplainMode(QObject):
    """The explanation of one window; ``action`` (F6) starts it, Esc ends it."""

    started = Signal()
    ended = Signal()

    def __init__(
        self,
        document: Document,
        canvas: CanvasView,
        clock: SimulationClock,
        activation: ActivationPanel,
        window: QMainWindow,
        activation_dock: QDockWidget | None = None,
        presenting: Callable[[], bool] = lambda: False,
        status: Callable[[str], None] = lambda _text: None,
    ) -> None:
        super().__init__(window)
        self.document, self.canvas, self.clock = document, canvas, clock
        self.activation, self.window, self.presenting = activation, window, presenting
        self.status = status
        self.dock = activation_dock
        self._dock_state: tuple[bool, list[QDockWidget]] = (False, [])
        self.beats: list[Beat] = []
        self.index = 0
        self.active = False
        self.stage = Stage(canvas.network_scene)
        self.point = TravellingPoint(activation)
        self.overlay = SumOverlay(canvas)
        self.bar = ExplainBar(canvas)
        self.bar.keep_clear = canvas.legend
        self.framing = Framing(canvas, self.overlay)
        self.bar.back.connect(self.back)
        self.bar.forward.connect(self.forward)
        self.bar.play.connect(self.toggle_play)
        self.bar.end.connect(self.end)
        self.timer = QTimer(self)  # auto-play: one beat per tick
        self.timer.setInterval(PACES["Normal"])
        self.timer.timeout.connect(self._tick)
        self.bar.pace_changed.connect(self.timer.setInterval)
        self._saved: tuple[list[str], list, list[str], bool] | None = None
        self.action = QAction(translate("ExplainMode", "E&xplain Forward Pass"), window)
        self.action.setShortcut(SHORTCUT)
        tip = translate(
            "ExplainMode", "Walk through one evaluation of the current inputs, term by term"
        )
        self.action.setStatusTip(tip)
        self.action.setToolTip(f"{tip} ({SHORTCUT.toString()})")
        self.action.triggered.connect(lambda _checked=False: self.toggle())
        window.addAction(self.action)  # F6 works with the menu bar hidden (presentation)
        for signal in (
            document.neuron_added,
            document.neuron_removed,
            document.synapse_added,
            document.synapse_removed,
            document.neuron_changed,
            document.synapse_changed,
            document.parameters_changed,
            document.network_replaced,
        ):
            signal.connect(self._on_edit)
        canvas.installEventFilter(self)  # resizes place the overlay and the bar

    # ------------------------------------------------------------- starting
    def toggle(self) -> None:
        self.end() if self.active else self.start()

    def start(self) -> None:
        if self.active:
            return
        network = self.document.network
        if not any(not n.is_input for n in network):
            self.status(
                translate("ExplainMode", "Nothing to explain: add a neuron that has inputs")
            )
            return
        try:
            beats = walkthrough(network)
        except Exception as exc:  # a handler must not take the app down: say why instead
            self.status(
                translate("ExplainMode", "Cannot explain this network: {reason}").format(reason=exc)
            )
            return
        self._saved = (
            self.canvas.selected_neuron_ids(),
            self.canvas.selected_synapse_keys(),
            list(self.activation.selected),
            self.clock.running,
        )
        self.clock.pause()
        self.canvas.cancel_interaction()
        self.canvas.select()  # the beat's marks, not a selection, show what is meant
        self.framing.save()
        self.beats, self.index, self.active = beats, 0, True
        self._bring_plot_forward()
        self._frame()
        QTimer.singleShot(0, self, self._frame)  # again once the plot's dock has its room
        QApplication.instance().installEventFilter(self)
        self.canvas.viewport().installEventFilter(self)
        self.action.setText(translate("ExplainMode", "End E&xplanation"))
        self._show()
        self.started.emit()

    def end(self) -> None:
        """Back to the live view exactly as it was."""
        if not self.active:
            return
        self.active = False
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)
        self.canvas.viewport().removeEventFilter(self)
        self.stage.clear()
        self.point.hide()
        self.overlay.hide()
        self.bar.hide()
        self.action.setText(translate("ExplainMode", "E&xplain Forward Pass"))
        assert self._saved is not None
        neurons, synapses, plotted, running = self._saved
        self._saved = None
        self.canvas.select(neurons, synapses)
        self.activation.set_neurons(plotted)
        self._put_plot_back()
        self.framing.restore()
        # again once the docks have settled (unless explaining again by then)
        QTimer.singleShot(0, self.canvas, lambda: None if self.active else self.framing.restore())
        if running:
            self.clock.run()
        self.ended.emit()

    def _pixel_size(self) -> int:
        return PRESENTING_PX if self.presenting() else TEXT_PX

    def _frame(self) -> None:
        if self.active:
            size = self._pixel_size()
            tallest = max(
                self.overlay.measure(self._caption(b), core_text(b.text), size)[1]
                for b in self.beats
            )
            self.framing.frame(tallest, self.bar.sizeHint().height())
            self._show()

    def _bring_plot_forward(self) -> None:
        """The activation plot in sight while explaining (a lesson's layout may hide it).
        Not in presentation mode: there the lecturer's layout keeps the canvas large, and
        a hidden plot stays hidden (the sum's panel says f(z) in numbers)."""
        dock = self.dock
        if dock is None:
            return
        front = [d for d in self.window.tabifiedDockWidgets(dock) if d.isVisible()]
        self._dock_state = (dock.isHidden(), front)
        if dock.isHidden() and self.presenting():
            self._dock_state = (False, [])
            return
        dock.show()
        dock.raise_()

    def _put_plot_back(self) -> None:
        dock = self.dock
        if dock is None:
            return
        was_hidden, front = self._dock_state
        if was_hidden:
            dock.hide()
        for other in front:
            other.raise_()

    # -------------------------------------------------------------- stepping
    def go(self, index: int) -> None:
        if self.active and self.beats:
            self.index = max(0, min(index, len(self.beats) - 1))
            self._show()

    def forward(self) -> None:
        self.go(self.index + 1)

    def back(self) -> None:
        self.go(self.index - 1)

    def toggle_play(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
        else:
            if self.index >= len(self.beats) - 1:
                self.index = -1  # at the end, P plays it again from the start
                self.forward()
            self.timer.start()
        self._show_bar()

    def _tick(self) -> None:
        self.forward()
        if self.index >= len(self.beats) - 1:
            self.timer.stop()
            self._show_bar()

    @property
    def beat(self) -> Beat | None:
        return self.beats[self.index] if self.active and self.beats else None

    def _show(self) -> None:
        beat = self.beats[self.index]
        self.stage.show(beat, self.beats)
        if beat.neuron is not None and beat.z is not None:
            self.activation.set_neurons([beat.neuron])
            neuron = self.document.network.neurons[beat.neuron]
            caption = {
                "term": translate("ExplainMode", "sum so far"),
                "sum": translate("ExplainMode", "with the bias"),
                "activation": translate("ExplainMode", "applied"),
            }
            self.point.show(neuron, beat.z, caption.get(beat.kind, ""))
        else:
            self.point.hide()
        size = self._pixel_size()
        self._show_bar()
        self.overlay.bottom_reserve = self.bar.height() + 2 * MARGIN
        self.overlay.avoid = self._seen()
        self.overlay.show_text(self._caption(beat), core_text(beat.text), size)

    def _seen(self) -> tuple[list[QRect], QRect | None]:
        """The lit neurons and the whole network where they are drawn on the canvas."""
        canvas, scene = self.canvas, self.canvas.network_scene
        offset = canvas.viewport().pos()

        def drawn(rect: QRectF) -> QRect:
            return canvas.mapFromScene(rect).boundingRect().translated(offset)

        lit = [
            drawn(item.sceneBoundingRect())
            for item in (scene.neurons.get(n) for n in self.stage.ringed)
            if item is not None
        ]
        network = canvas.network_rect()
        return lit, None if network is None else drawn(network)

    def _show_bar(self) -> None:
        self.bar.show_count(self.index, len(self.beats), self.timer.isActive())

    def _caption(self, beat: Beat) -> str:
        network = self.document.network
        if beat.kind == "inputs":
            return translate("ExplainMode", "The inputs")
        assert beat.neuron is not None
        neuron = network.neurons[beat.neuron]
        name = neuron.label or neuron.id
        if beat.kind == "term" and beat.synapse is not None:
            terms = [b for b in self.beats if b.neuron == beat.neuron and b.kind == "term"]
            source = network.neurons[beat.synapse[0]]
            return translate(
                "ExplainMode", "Level {level} · {name}: term {k} of {count}, weight × {source}"
            ).format(
                level=beat.level,
                name=name,
                k=terms.index(beat) + 1,
                count=len(terms),
                source=source.label or source.id,
            )
        if beat.kind == "sum":
            text = translate("ExplainMode", "Level {level} · {name}: add the bias, the net input z")
        else:
            text = translate(
                "ExplainMode", "Level {level} · {name}: apply the activation, y = f(z)"
            )
        return text.format(level=beat.level, name=name)

    # ---------------------------------------------------------------- events
    def _on_edit(self, *_args: object) -> None:
        if self.active:
            self.end()
            self.status(translate("ExplainMode", ENDED_BY_EDIT))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if watched is self.canvas and kind == QEvent.Type.Resize and self.active:
            self._frame()
        elif self.active and kind in _CLICKS and watched is self.canvas.viewport():
            self.status(
                translate(
                    "ExplainMode",
                    "The canvas is not editable while explaining: Esc ends the explanation",
                )
            )
            return True
        elif self.active and kind in _KEY_EVENTS and self._ours(watched, event):
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # no shortcut (next lesson, leave presentation) takes it
            elif kind == QEvent.Type.KeyPress:
                self._key(event)  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    def _ours(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        assert isinstance(event, QKeyEvent)
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return event.key() in OURS and plain == Qt.KeyboardModifier.NoModifier

    def _key(self, event: QKeyEvent) -> None:
        key = event.key()
        try:
            if key in NEXT:
                self.forward()
            elif key in PREVIOUS:
                self.back()
            elif key == Qt.Key.Key_Home:
                self.go(0)
            elif key == Qt.Key.Key_End:
                self.go(len(self.beats) - 1)
            elif key == Qt.Key.Key_P:
                self.toggle_play()
            elif key == Qt.Key.Key_Escape:
                self.end()
        except Exception as exc:  # never let a key press take the app down
            self.status(translate("ExplainMode", "Explanation: {reason}").format(reason=exc))
