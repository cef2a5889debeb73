"""Training as a first-time student meets it in the real window: the Train button on the
toolbar, a menu that does not look like a sub-menu, Stop after N epochs, epoch 0, and the
reasons a run cannot learn (issue 13)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QToolBar, QToolButton
from shell_helpers import make_window
from training_helpers import tanh_net

from neurosim.core.builders import layered_network
from neurosim.core.training import Trainer
from neurosim.paths import resource_path
from neurosim.ui.commands import SetActivation

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _example(name: str):
    return resource_path("examples", f"{name}.nsim.json")


def _train_button(window) -> QToolButton:
    bar = window.findChild(QToolBar, "palette")
    button = bar.widgetForAction(window.training.panel.train_action)
    assert isinstance(button, QToolButton)
    return button


def test_a_lesson_without_the_train_panel_trains_from_the_toolbar(qtbot, settings, dialogs):  # noqa: F811
    window = make_window(qtbot, settings)
    assert window.open_file(_example("06a-sparse-relu"))
    ui = window.training
    assert ui.docks["panel"].isHidden() and ui.docks["plots"].isHidden()  # the lesson's view
    button = _train_button(window)
    assert button.isVisible() and button.text() == "Train" and not button.icon().isNull()
    assert "Ctrl+T" in button.toolTip() and "Train the network" in button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ui.session.running
    # what the student needs to watch is brought out: the settings and the falling loss
    assert ui.docks["panel"].isVisible() and ui.docks["plots"].isVisible()
    qtbot.waitUntil(lambda: ui.session.epochs >= 2, timeout=10_000)
    assert button.text() == "Pause"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not ui.session.running and button.text() == "Train"


def test_the_menu_is_training_and_its_items_have_no_submenu_arrows(qtbot, settings, dialogs):  # noqa: F811
    window = make_window(qtbot, settings, tanh_net())
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert "Training" in titles and "Train" not in titles
    texts = [a.text() for a in window.training.menu.actions() if not a.isSeparator()]
    assert texts[0] == "Train" and not any("▶" in t for t in texts)


def test_stop_after_trains_exactly_n_epochs_then_as_many_more(qtbot, settings, dialogs):  # noqa: F811
    window = make_window(qtbot, settings, tanh_net())
    ui = window.training
    panel, session = ui.panel, ui.session
    panel.stop_after.setValue(25)
    assert session.settings.stop_after == 25
    session.set_settings(epochs_per_frame=7)
    qtbot.mouseClick(panel.button_for[panel.train_action], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not session.running, timeout=20_000)
    assert session.epochs == 25  # not 28: the last frame trains only what is left
    assert "Epoch 25 of 25" in panel.status.text()
    assert window.document.undo_stack.undoText() == "Train 25 epochs"
    qtbot.mouseClick(panel.button_for[panel.train_action], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not session.running, timeout=20_000)
    assert session.epochs == 50


def test_a_paused_run_goes_on_to_its_end(qtbot, settings, dialogs):  # noqa: F811
    window = make_window(qtbot, settings, tanh_net())
    session = window.training.session
    session.set_settings(stop_after=40)
    assert session.train()
    qtbot.waitUntil(lambda: session.epochs >= 3, timeout=10_000)
    session.pause()
    paused_at = session.epochs
    assert paused_at < 40
    assert session.train()
    qtbot.waitUntil(lambda: not session.running, timeout=20_000)
    assert session.epochs == 40


def test_a_lesson_that_says_300_epochs_stops_at_300_and_plots_epoch_0(qtbot, settings, dialogs):  # noqa: F811
    window = make_window(qtbot, settings)
    assert window.open_file(_example("05a-vanishing-sigmoid"))
    ui = window.training
    assert ui.panel.stop_after.value() == 300 and ui.session.settings.stop_after == 300
    start = Trainer(window.document.network.copy(), ui.session.train_set).measure().loss
    ui.session.set_settings(epochs_per_frame=50)
    ui.panel.train_action.trigger()
    qtbot.waitUntil(lambda: not ui.session.running, timeout=30_000)
    assert ui.session.epochs == 300
    ui.plots.flush()
    x, y = ui.plots.curves[(ui.plots.loss_plot, "train")].getData()
    assert x[0] == 0 and x[-1] == 300 and y[0] == pytest.approx(start, rel=1e-12)


def test_equal_weights_are_explained_and_initialise_fixes_them(qtbot, settings, dialogs):  # noqa: F811
    net = tanh_net((2, 3, 1))
    net.set_parameters({k: 0.5 for k in net.synapses}, {n.id: 0.0 for n in net if not n.is_input})
    window = make_window(qtbot, settings, net)
    panel = window.training.panel
    window.training.docks["panel"].show()
    window.training.docks["panel"].raise_()
    box = panel.problems
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    text = box.text.text()
    assert "h1, h2 and h3 start with the same weights" in text and "symmetry" in text
    fix = box.fix_buttons["initialise"]
    assert fix.isVisible() and fix.text() == "Initialise weights"
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    assert window.document.undo_stack.undoText() == "Initialise weights"
    assert not box.isVisible() and window.training.session.problems == []


def test_step_hidden_neurons_are_explained_in_the_panel(qtbot, settings, dialogs):  # noqa: F811
    net = layered_network([2, 3, 1], "step", output_activation="sigmoid")
    window = make_window(qtbot, settings, net)
    panel = window.training.panel
    window.training.docks["panel"].show()
    window.training.docks["panel"].raise_()
    qtbot.waitUntil(panel.problems.isVisible, timeout=5_000)
    assert "step′(z) is 0 everywhere" in panel.problems.text.text()
    assert not panel.problems.fix_buttons["initialise"].isVisible()


def test_a_diverging_run_stops_and_says_use_a_smaller_learning_rate(qtbot, settings, dialogs):  # noqa: F811
    window = make_window(qtbot, settings, layered_network([2, 4, 1], "linear", seed=0))
    ui = window.training
    ui.session.set_settings(lr=50.0)
    ui.panel.train_action.trigger()
    qtbot.waitUntil(lambda: not ui.session.running, timeout=10_000)
    message = ui.panel.message.text()
    assert message.startswith("Training diverged at epoch")
    assert "smaller learning rate (e.g. 5)" in message and ui.panel.message.isVisible()


def _fastest_activation(qtbot, settings, activation: str, epochs: int):
    window = make_window(qtbot, settings)
    assert window.open_file(resource_path("exercises", "fastest-activation.nsim.json"))
    document, ui = window.document, window.training
    # the panel is set as the goal's check trains: 300 epochs, on every row
    assert ui.panel.stop_after.value() == 300 and ui.panel.test_split.value() == 0
    assert ui.panel.lr.value() == 0.1 and ui.session.settings.test_fraction == 0.0
    document.push(SetActivation(document.network, ["h1", "h2", "h3", "h4"], activation))
    ui.panel.stop_after.setValue(epochs)  # as the instructions say: Stop after N
    ui.session.set_settings(epochs_per_frame=100)
    qtbot.mouseClick(_train_button(window), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ui.session.running, timeout=60_000)
    assert ui.session.epochs == epochs
    controller = window.exercises.controller
    controller.check_now()
    rows = {r.label: r for r in controller.results}
    return controller, rows


def test_the_fastest_activation_exercise_is_solved_by_the_right_choice_in_300_epochs(
    qtbot,
    settings,
    dialogs,  # noqa: F811
):
    controller, rows = _fastest_activation(qtbot, settings, "tanh", 300)
    assert controller.solved, [r for r in rows.values() if not r.passed]


def test_a_slow_activation_trained_longer_does_not_solve_the_exercise(qtbot, settings, dialogs):  # noqa: F811
    controller, rows = _fastest_activation(qtbot, settings, "sigmoid", 2000)
    fit = next(r for label, r in rows.items() if label.startswith("mse loss ≤ 0.05 on"))
    within = next(r for label, r in rows.items() if "within 300 epochs" in label)
    assert fit.passed and not within.passed and not controller.solved
    assert "training longer does not count" in within.detail


def test_the_curves_join_a_shown_plot_as_a_tab_and_squeeze_nothing(qtbot, settings, dialogs):  # noqa: F811
    window = make_window(qtbot, settings)
    assert window.open_file(_example("single_neuron"))  # activation and decision side by side
    ui = window.training
    surface = window.findChild(QDockWidget, "surface_plot")
    activation = window.findChild(QDockWidget, "activation_plot")
    assert surface.isVisible() and activation.isVisible() and ui.docks["plots"].isHidden()
    width = surface.width()
    qtbot.mouseClick(_train_button(window), Qt.MouseButton.LeftButton)
    assert ui.session.running
    plots = ui.docks["plots"]
    qtbot.waitUntil(plots.isVisible, timeout=5_000)
    assert activation in window.tabifiedDockWidgets(plots)  # a tab, not a new column
    assert surface.isVisible() and surface not in window.tabifiedDockWidgets(plots)
    qtbot.waitUntil(
        lambda: surface.width() >= 0.9 * width, timeout=5_000
    )  # never squeezed (it may grow)
    ui.session.pause()
