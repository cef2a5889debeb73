"""File ▸ Examples, lesson views, the notes panel and PageDown/PageUp through the gallery."""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
from __future__ import annotations

import json

import pytest
from lessons_helpers import EXAMPLES, example_path, lesson_shown, lessons  # noqa: F401 - fixture
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget
from shell_helpers import Button

from neurosim.paths import resource_path
from neurosim.ui.commands import SetWeight
from neurosim.ui.lessons.gallery import Gallery, menu_text
from neurosim.ui.lessons.views import PANEL_DOCKS, lesson_docks

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def example_actions(gallery: Gallery) -> dict[str, object]:
    return {
        a.text(): a
        for a in gallery.menu.actions()
        if not a.isSeparator() and a not in (gallery.next_action, gallery.previous_action)
    }


def shown_panels(window) -> set[str]:
    """Docks on screen, each in full view (none behind another's tab)."""
    shown = {name: dock for name, dock in lesson_docks(window).items() if dock.isVisible()}
    for dock in shown.values():
        assert not set(window.tabifiedDockWidgets(dock)) & set(shown.values())
    return set(shown)


def test_the_examples_menu_lists_every_example_by_number_and_title(lessons):
    window, ui = lessons
    on_disk = sorted(resource_path("examples").glob("*.nsim.json"))
    assert len(EXAMPLES) == len(on_disk) >= 13
    ui.gallery.menu.aboutToShow.emit()
    texts = list(example_actions(ui.gallery))
    assert texts == [menu_text(info) for info in EXAMPLES]
    assert "01  The threshold decides: a step neuron" in texts
    assert "03b  Why XOR needs a hidden layer" in texts
    file_menu = window.menuBar().actions()[0].menu()
    entries = [a.text() for a in file_menu.actions()]
    assert entries.index("E&xamples") == entries.index("Open &Recent") + 1


def test_opening_an_example_applies_its_view(lessons, qtbot):
    window, ui = lessons
    ui.gallery.menu.aboutToShow.emit()
    example_actions(ui.gallery)["01  The threshold decides: a step neuron"].trigger()
    assert lesson_shown(window) == example_path("01-threshold").resolve()
    qtbot.waitUntil(
        lambda: shown_panels(window) == {"activation_plot", "traces_plot", "raster_plot"}
    )
    docks = lesson_docks(window)
    assert docks["surface_plot"].isHidden() and docks["train"].isHidden()
    assert window.canvas.selected_neuron_ids() == ["y"]
    assert window.live_plots.activation.selected == ["y"]
    assert window.live_plots.clock.running
    t = window.live_plots.clock.t
    qtbot.waitUntil(lambda: window.live_plots.clock.t > t)  # it really ticks

    assert window.open_file(example_path("04-linear-collapse"))
    assert not window.live_plots.clock.running
    assert window.canvas.selected_neuron_ids() == ["y_deep"]
    qtbot.waitUntil(lambda: shown_panels(window) == {"surface_plot"})
    surface = window.live_plots.surface
    assert surface.chosen() == ("x1", "x2", "y_deep")
    assert surface.ranges() == ((-2.0, 2.0), (-2.0, 2.0))


def test_compared_activations_and_training_settings_come_from_the_view(lessons, qtbot):
    window, ui = lessons
    assert window.open_file(example_path("08-choosing-activation"))
    assert window.live_plots.activation.compared() == [
        "sigmoid",
        "tanh",
        "relu",
        "leaky_relu",
        "elu",
        "gelu",
    ]
    s = window.training.session.settings
    assert (s.loss, s.optimizer, s.lr, s.batch_size, s.seed, s.test_fraction) == (
        "bce",
        "sgd",
        0.5,
        0,
        0,
        0.0,
    )
    assert window.training.panel.lr.value() == 0.5
    assert window.training.panel.loss.currentData() == "bce"
    assert window.canvas.selected_neuron_ids() == []
    qtbot.waitUntil(lambda: {"train", "surface_plot", "training_plots"} <= shown_panels(window))
    assert "Suggested training: 300 epochs" in ui.notes.hint.text()
    # the next lesson without a comparison clears it
    assert window.open_file(example_path("01-threshold"))
    assert window.live_plots.activation.compared() == []


def test_every_panel_a_view_can_name_has_a_dock(lessons):
    window, _ = lessons
    names = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert set(PANEL_DOCKS.values()) <= names


def test_the_notes_panel_shows_the_title_and_notes_and_hides_without_them(lessons, qtbot):
    window, ui = lessons
    assert window.open_file(example_path("03b-xor-hidden-layer"))
    qtbot.waitUntil(ui.notes_dock.isVisible)
    assert ui.notes.title.text() == "Why XOR needs a hidden layer"
    text = ui.notes.plain_text()
    assert text.startswith("XOR fires when exactly one input is 1.")
    assert "<p>" not in text and ui.notes.stack.currentIndex() == 0
    assert ui.notes.browser.font().pointSizeF() > window.font().pointSizeF()
    assert window.new_file()
    assert not ui.notes_dock.isVisible() and ui.notes.stack.currentIndex() == 1
    assert ui.notes.plain_text() == ""


def test_page_down_and_page_up_step_through_the_gallery(lessons, qtbot):
    window, ui = lessons
    # the start-up example is open untitled: it still counts as the gallery's first
    assert window.document.path is None
    assert ui.gallery.current_index() == 0
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageDown)
    assert lesson_shown(window) == EXAMPLES[1].path.resolve()
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageDown)
    assert lesson_shown(window) == EXAMPLES[2].path.resolve()
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageUp)
    assert lesson_shown(window) == EXAMPLES[1].path.resolve()
    assert window.canvas.selected_neuron_ids() == ["y"]  # its view was applied
    assert window.open_file(EXAMPLES[-1].path)
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageDown)  # the last one: stays
    assert lesson_shown(window) == EXAMPLES[-1].path.resolve()


def test_page_keys_do_nothing_for_a_file_outside_the_gallery(lessons, qtbot, tmp_path):
    window, ui = lessons
    mine = tmp_path / "mine.nsim.json"
    mine.write_text(example_path("01-threshold").read_text(encoding="utf-8"), encoding="utf-8")
    assert window.open_file(mine)
    assert not ui.gallery.next_action.isEnabled()
    assert not ui.gallery.step(1)
    assert window.document.path == mine


def test_opening_an_example_asks_to_save_unsaved_changes(lessons, dialogs):
    window, ui = lessons
    window.document.push(SetWeight(window.document.network, ("x1", "y1"), 0.9))
    network = window.document.network
    dialogs.answer = Button.Cancel
    assert not ui.gallery.open(EXAMPLES[3])
    assert dialogs.kinds() == ["warning"]
    assert window.document.network is network and window.document.modified
    dialogs.answer = Button.Discard
    assert ui.gallery.open(EXAMPLES[3])
    assert lesson_shown(window) == EXAMPLES[3].path.resolve()


def test_a_broken_example_leaves_the_document_alone(lessons, dialogs, tmp_path):
    window, _ = lessons
    (tmp_path / "01-broken.nsim.json").write_text('{"format": "neurosim-network"')
    gallery = Gallery(window.document, window, window, tmp_path)
    assert [i.name for i in gallery.items] == ["01-broken"]
    network = window.document.network
    assert not gallery.open(gallery.items[0])
    assert dialogs.kinds() == ["critical"]
    assert window.document.network is network


def test_a_bad_view_is_reported_and_the_network_still_opens(lessons, tmp_path):
    window, ui = lessons
    data = json.loads(example_path("01-threshold").read_text(encoding="utf-8"))
    data["view"]["panels"] = ["activation", "nonsense"]
    path = tmp_path / "bad-view.nsim.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert window.open_file(path)
    assert ui.lesson is None and "nonsense" in ui.problem
    assert ui.notes_dock.isVisible() and ui.notes.stack.currentIndex() == 1
    assert "view.panels[1]: unknown panel 'nonsense'" in ui.notes.empty.text()
    assert len(window.document.network.neurons) == 3
