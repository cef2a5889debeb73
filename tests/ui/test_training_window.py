"""Training installed in the main window: menu, docks, opening a run, badges, data points."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget
from shell_helpers import make_window
from training_helpers import dead_relu_net, step_net, tanh_net, train_text

from neurosim.core.datasets import builtin

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _window(qtbot, settings, network):  # noqa: F811 - the fixture
    window = make_window(qtbot, settings, network)
    return window, window.training


def test_menu_and_docks(qtbot, settings, dialogs):  # noqa: F811
    window, ui = _window(qtbot, settings, tanh_net())
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert "Training" in menus and menus[-1] == "Help"
    texts = [a.text() for a in ui.menu.actions() if not a.isSeparator()]
    assert texts == ["Train", "Step", "Reset", "Initialise weights", "Compare activations…"]
    names = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert {"train", "training_plots"} <= names
    before = window.document.undo_stack.count()
    ui.panel.step_action.trigger()
    assert ui.session.epochs == 1 and window.document.undo_stack.count() == before + 1
    assert window.isWindowModified()


def test_training_from_the_menu_brings_the_curves_forward(qtbot, settings, dialogs):  # noqa
    window, ui = _window(qtbot, settings, tanh_net())
    ui.panel.train_action.trigger()
    assert ui.session.running
    qtbot.waitUntil(lambda: ui.session.epochs >= 3, timeout=10_000)
    ui.panel.train_action.trigger()
    assert ui.docks["plots"].isVisible() and ui.plots.isVisible()
    assert window.document.undo_stack.undoText() == train_text(ui.session.epochs)


def test_open_this_run_replaces_the_document(qtbot, settings, dialogs):  # noqa: F811
    window, ui = _window(qtbot, settings, tanh_net())
    ui.panel.step_action.trigger()  # modified: the window asks first (the fixture discards)
    dialog = ui.compare()
    assert dialog.isVisible() and ui.compare() is dialog
    dialog.set_chosen(["relu"])
    dialog.epochs.setValue(5)
    assert dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert "Unsaved changes" in [title for _kind, title, _text in dialogs.calls]
    net = window.document.network
    assert {n.activation for n in net.of_kind("hidden")} == {"relu"}
    assert not window.document.modified and window.document.undo_stack.count() == 0
    dialog.reject()


def test_dead_relus_get_a_badge_on_the_canvas(qtbot, settings, dialogs):  # noqa: F811
    window, ui = _window(qtbot, settings, dead_relu_net())
    ui.panel.data.rows.setValue(60)
    ui.panel.data.noise.setValue(0.0)
    ui.panel.step_action.trigger()
    assert window.canvas.badges() == {"h2": "✕ dead", "h3": "✕ dead"}
    ui.panel.reset_action.trigger()
    assert window.canvas.badges() == {}


def test_the_data_is_drawn_on_the_decision_surface(qtbot, settings, dialogs):  # noqa: F811
    window, ui = _window(qtbot, settings, tanh_net())
    surface = window.live_plots.surface
    ui.panel.test_split.setValue(25)
    ui.panel.data.rows.setValue(100)
    surface.flush()
    train, test = surface.points.train, surface.points.test
    assert len(train.data) == 75 and len(test.data) == 25
    session = ui.session
    xs = sorted(train.data["x"].tolist() + test.data["x"].tolist())
    data = session.train_set.inputs[:, 0].tolist() + session.test_set.inputs[:, 0].tolist()
    assert xs == pytest.approx(sorted(data))
    (x0, x1), _ = surface.ranges()
    assert x0 <= min(data) and max(data) <= x1  # the ranges cover the points

    def keys() -> list[str]:
        return [label.text for _sample, label in surface.legend.items]

    assert keys()[-2:] == ["train", "test"]  # the legend tells them apart
    ui.panel.test_split.setValue(0)
    assert keys()[-1] == "train" and "test" not in keys()
    ui.panel.data.choose("builtin", "sine")  # regression data on a 2-input net: no points
    surface.flush()
    assert len(surface.points.train.data) == 0
    assert "train" not in keys()
    assert builtin("sine").task == "regression"


def test_a_big_dataset_is_drawn_as_a_sample(qtbot, settings, dialogs):  # noqa: F811
    from neurosim.ui.training.overlays import MAX_POINTS

    window, ui = _window(qtbot, settings, tanh_net())
    surface = window.live_plots.surface
    ui.panel.data.rows.setValue(5 * MAX_POINTS)
    surface.flush()
    train, test = surface.points.train, surface.points.test
    assert len(train.data) + len(test.data) == MAX_POINTS  # painting stays cheap
    assert 0.1 * MAX_POINTS < len(test.data) < 0.3 * MAX_POINTS  # the 20 % split shows
    first = sorted(train.data["x"].tolist())
    ui.overlays.show_points()
    assert sorted(surface.points.train.data["x"].tolist()) == first  # the same sample


def test_shortcuts_work_from_the_canvas(qtbot, settings, dialogs):  # noqa: F811
    window, ui = _window(qtbot, settings, tanh_net())
    with qtbot.waitActive(window):
        window.activateWindow()
    window.canvas.setFocus()
    qtbot.keyClick(
        window.canvas,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert ui.session.epochs == 1
    qtbot.keyClick(window.canvas, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert ui.session.running
    qtbot.keyClick(window.canvas, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not ui.session.running


def test_refused_training_shows_the_hidden_panel_and_why(qtbot, settings, dialogs):  # noqa
    window, ui = _window(qtbot, settings, step_net())
    ui.docks["panel"].hide()  # as a lesson's layout may leave it
    ui.panel.train_action.trigger()
    assert not ui.session.running
    assert ui.docks["panel"].isVisible() and ui.panel.message.isVisible()
    assert "step" in ui.panel.message.text()
    assert "step" in window.statusBar().currentMessage()
    ui.docks["panel"].hide()
    ui.panel.step_action.trigger()
    assert ui.session.epochs == 0 and ui.docks["panel"].isVisible()


def test_canvas_badges_follow_the_scene(qtbot):
    from neurosim.ui.canvas.view import CanvasView
    from neurosim.ui.document import Document

    document = Document(tanh_net())
    view = CanvasView(document)
    qtbot.addWidget(view)
    view.set_badges({"h1": "✕ dead", "nope": "✕ dead", "h2": ""})
    assert view.badges() == {"h1": "✕ dead"}  # unknown ids and empty texts are skipped
    badge = view.network_scene.neurons["h1"].childItems()
    assert [b.text for b in badge if hasattr(b, "text")] == ["✕ dead"]
    before = view.network_scene.neurons["h1"].childItems()[0].boundingRect().width()
    view.set_presentation_scale(2.0)  # the badge grows with everything else

    def width() -> float:
        return (
            next(b for b in view.network_scene.neurons["h1"].childItems() if hasattr(b, "text"))
            .boundingRect()
            .width()
        )

    qtbot.waitUntil(lambda: width() > 1.5 * before)
    document.replace(tanh_net())  # a rebuilt scene gets the badges again
    qtbot.waitUntil(lambda: view.badges() == {"h1": "✕ dead"})
    view.set_badges({})
    assert view.badges() == {}
    assert not [b for b in view.network_scene.neurons["h1"].childItems() if hasattr(b, "text")]


def test_surface_points_follow_the_axis_choice(qtbot):
    import numpy as np

    from neurosim.core.builders import layered_network
    from neurosim.ui.clock import SimulationClock
    from neurosim.ui.document import Document
    from neurosim.ui.plots.surface.panel import DecisionSurfacePanel

    document = Document(layered_network([3, 2, 1], "tanh"))
    surface = DecisionSurfacePanel(document, SimulationClock(document))
    qtbot.addWidget(surface)
    rows = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]])
    surface.set_points(
        rows, np.array([1, 0, 1]), np.array([False, True, False]), input_ids=["x1", "x2", "x3"]
    )
    train, test = surface.points.train, surface.points.test
    assert train.data["x"].tolist() == [0.1, 0.7] and test.data["y"].tolist() == [0.5]
    surface.choose("x3", "x1")
    assert train.data["x"].tolist() == [0.3, 0.9] and train.data["y"].tolist() == [0.1, 0.7]
    surface.set_points(None)
    assert len(train.data) == 0 and len(test.data) == 0
