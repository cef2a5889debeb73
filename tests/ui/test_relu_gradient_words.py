"""ReLU's z < 0 region says "zero gradient" (not "vanishing"); leaky ReLU's α defaults to 0.01."""

from __future__ import annotations

from PySide6.QtCore import Qt

from neurosim.core import fileformat
from neurosim.paths import resource_path
from neurosim.ui.plots.activation_panel import ActivationPanel

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window


def choose_activation(window, qtbot, neuron_id: str, name: str):
    """Pick ``name`` in the inspector's combo, as a click on the list would."""
    window.canvas.select(neuron_ids=[neuron_id], synapse_keys=[])
    qtbot.wait(1)
    page = window.inspector.neuron_page
    page.activation.setCurrentIndex(page.activation.findData(name))
    page.activation.activated.emit(page.activation.currentIndex())
    qtbot.wait(1)
    return page


def region_words(window) -> list[str]:
    panel: ActivationPanel = window.live_plots.activation
    panel.flush()
    return [label.toPlainText() for region, label in panel.regions if region.isVisible()]


def show_activation_panel(window, qtbot) -> None:
    window.live_plots.docks["activation"].show()
    qtbot.wait(1)


def test_relu_says_zero_gradient_and_sigmoid_vanishing(window, qtbot) -> None:
    show_activation_panel(window, qtbot)
    choose_activation(window, qtbot, "y1", "relu")
    assert region_words(window) == ["zero\ngradient"]
    choose_activation(window, qtbot, "y1", "sigmoid")
    assert region_words(window) == ["vanishing\ngradient", "vanishing\ngradient"]
    # leaky ReLU's slope α is small but not 0: a little gradient still flows
    choose_activation(window, qtbot, "y1", "leaky_relu")
    assert region_words(window) == ["vanishing\ngradient"]


def test_leaky_relu_alpha_defaults_to_001_and_01_stays_selectable(window, qtbot) -> None:
    page = choose_activation(window, qtbot, "y1", "leaky_relu")
    net = window.document.network
    assert net.neurons["y1"].params == {"alpha": 0.01}
    assert page.param_sliders["alpha"].value() == 0.01
    edit = page.param_sliders["alpha"].spin.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, "0.1")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert net.neurons["y1"].params == {"alpha": 0.1}


def test_a_file_that_sets_alpha_keeps_it() -> None:
    net = fileformat.load(resource_path("examples", "07b-leaky-relu.nsim.json"))
    alphas = {n.params["alpha"] for n in net.neurons.values() if n.activation == "leaky_relu"}
    assert alphas == {0.1}
