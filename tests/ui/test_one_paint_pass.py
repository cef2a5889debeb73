"""One paint pass per edit (issue 15): an input edit, a slider step and a live frame reach
the screen in one pass of the window's painting, with at most one redraw per visible plot;
a panel behind a tab does nothing until shown. Counts, never times."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QSlider
from shell_helpers import make_window

from neurosim.core.builders import layered_network
from neurosim.ui.commands import SetNeuronField
from neurosim.ui.plots.base import PlotPanel

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

QUIET_MS = 150  # long enough for any later turn (frame timer, queued hops) to show up


class PaintPasses(QObject):
    """Counts the window's paint passes that painted a graphics view (the canvas or a
    plot), and which views each pass painted."""

    def __init__(self, window) -> None:
        super().__init__()
        self.window = window
        self.views = {view.viewport(): view for view in window.findChildren(QGraphicsView)}
        self.passes: list[set] = []
        self._pass = -1
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        kind = event.type()
        if kind == QEvent.Type.UpdateRequest and watched is self.window:
            self.passes.append(set())
        elif kind == QEvent.Type.Paint and watched in self.views and self.passes:
            self.passes[-1].add(self.views[watched])
        return False

    def painting(self) -> list[set]:
        """The passes that painted a view."""
        return [views for views in self.passes if views]

    def reset(self) -> None:
        self.passes.clear()

    def remove(self) -> None:
        QApplication.instance().removeEventFilter(self)


def redraws(window) -> dict[str, int]:
    return {type(p).__name__: p.redraw_count for p in window.findChildren(PlotPanel)}


def visible_plots(window) -> set[str]:
    return {type(p).__name__ for p in window.findChildren(PlotPanel) if p.on_screen()}


def changed(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {key: after[key] - before[key] for key in after if after[key] != before[key]}


@pytest.fixture
def small(qtbot, settings, dialogs):
    """A 2-8-8-2 tanh network in a shown window, its clock paused, everything painted."""
    window = make_window(qtbot, settings, layered_network([2, 8, 8, 2], "tanh", seed=0))
    window.clock.pause()
    window.canvas.setFocus()
    qtbot.wait(QUIET_MS)
    passes = PaintPasses(window)
    yield window, passes
    passes.remove()


def test_an_input_edit_paints_the_window_once(qtbot, small):
    window, passes = small
    network = window.document.network
    source = next(n.id for n in network if n.is_input)
    canvas = window.canvas
    shown = visible_plots(window)
    assert shown, "the default layout shows some plots"
    for value in (0.25, -0.5, 0.75):
        before = redraws(window)
        passes.reset()
        window.document.push(SetNeuronField(network, source, "value", value))
        qtbot.wait(QUIET_MS)
        painting = passes.painting()
        assert len(painting) == 1, f"{len(painting)} paint passes: {painting}"
        assert canvas in painting[0]
        counts = changed(before, redraws(window))
        assert set(counts) <= shown  # hidden panels do nothing
        assert all(n == 1 for n in counts.values()), counts  # at most one redraw each


def _mouse(slider: QSlider, kind: QEvent.Type, x: int, buttons: Qt.MouseButton) -> None:
    y = slider.height() / 2
    event = QMouseEvent(
        kind,
        QPointF(x, y),
        QPointF(slider.mapToGlobal(QPoint(x, int(y)))),
        Qt.MouseButton.LeftButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(slider, event)


def test_a_slider_drag_step_paints_the_window_once(qtbot, small):
    window, passes = small
    network = window.document.network
    key = next(iter(network.synapses))
    window.canvas.select(synapse_keys=[key])
    slider = window.inspector.synapse_page.weight.slider
    qtbot.waitUntil(slider.isVisible)
    x = slider.width() // 2
    x = int(
        8
        + (slider.width() - 16)
        * (slider.value() - slider.minimum())
        / max(1, slider.maximum() - slider.minimum())
    )
    _mouse(slider, QEvent.Type.MouseButtonPress, x, Qt.MouseButton.LeftButton)
    qtbot.wait(QUIET_MS)
    weights = [network.synapses[key].weight]
    for _ in range(3):
        x += 6
        before = redraws(window)
        passes.reset()
        _mouse(slider, QEvent.Type.MouseMove, x, Qt.MouseButton.LeftButton)
        qtbot.wait(QUIET_MS)
        weights.append(network.synapses[key].weight)
        painting = passes.painting()
        assert len(painting) == 1, f"{len(painting)} paint passes: {painting}"
        assert window.canvas in painting[0]
        assert all(n <= 1 for n in changed(before, redraws(window)).values())
    _mouse(slider, QEvent.Type.MouseButtonRelease, x, Qt.MouseButton.NoButton)
    assert len(set(weights)) == len(weights), f"the drag moved the weight: {weights}"


def test_a_panel_behind_a_tab_waits_and_catches_up_when_shown(qtbot, small):
    window, _passes = small
    docks = window.live_plots.docks
    front, back = docks["activation"], docks["traces"]
    if back not in window.tabifiedDockWidgets(front):
        window.tabifyDockWidget(front, back)
    front.show()
    back.show()
    front.raise_()
    panel = window.live_plots.traces
    qtbot.waitUntil(lambda: not panel.on_screen())
    network = window.document.network
    source = next(n.id for n in network if n.is_input)
    before = panel.redraw_count
    for value in (0.1, 0.2, 0.3):
        window.document.push(SetNeuronField(network, source, "value", value))
        qtbot.wait(50)
    assert panel.redraw_count == before  # behind a tab: no work
    back.raise_()
    qtbot.waitUntil(panel.on_screen)
    qtbot.waitUntil(lambda: panel.redraw_count == before + 1)  # caught up, once
    qtbot.wait(QUIET_MS)
    assert panel.redraw_count == before + 1


def test_training_plots_wait_for_epochs_not_evaluations(qtbot, small):
    window, _passes = small
    plots = next(p for p in window.findChildren(PlotPanel) if type(p).__name__ == "TrainingPlots")
    network = window.document.network
    source = next(n.id for n in network if n.is_input)
    plots.flush()
    before = plots.redraw_count
    window.document.push(SetNeuronField(network, source, "value", 0.4))
    window.clock.step()
    qtbot.wait(QUIET_MS)
    plots.flush()
    assert plots.redraw_count == before


def test_a_training_frame_paints_the_window_once_with_its_curves(qtbot, small):
    """A frame of live training: its weights on the canvas and its epoch on the curves in
    one paint pass (the curves used to follow a frame tick later: two passes a frame)."""
    window, passes = small
    ui = window.training
    ui.docks["plots"].raise_()
    ui.panel.data.choose("builtin", "circle")
    session = ui.session
    session.set_settings(test_fraction=0.0, batch_size=10, epochs_per_frame=1)
    session.step()  # the trainer is built, the first epoch shown
    qtbot.wait(QUIET_MS)
    curves = next(p for p in window.findChildren(PlotPanel) if type(p).__name__ == "TrainingPlots")
    assert curves.on_screen()
    for _ in range(3):
        before = curves.redraw_count
        passes.reset()
        session.frame()
        qtbot.wait(QUIET_MS)
        painting = passes.painting()
        assert len(painting) == 1, f"{len(painting)} paint passes: {painting}"
        assert window.canvas in painting[0]
        assert any(view in painting[0] for view in curves.findChildren(QGraphicsView))
        assert curves.redraw_count == before + 1
    session.pause()
    window.document.undo_stack.setClean()
