"""The raster, the sparsity plot and the status bar agree on "active" and "fired" (06a, 06b).

Active: the output is not 0; fired: the activation's firing rule (neurosim.core.activity).
ReLU's marks are its active steps; tanh's faint marks show that it is active without firing.
"""

from __future__ import annotations

import numpy as np
from lessons_helpers import example_path
from plots_helpers import xor_network
from PySide6.QtGui import QImage, QPainter
from shell_helpers import make_window

from neurosim.ui.plots.raster_panel import SUB

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings
STEPS = 40


def run_example(qtbot, settings, name: str):
    window = make_window(qtbot, settings)
    assert window.open_file(example_path(name))
    live = window.live_plots
    for key in ("raster", "sparsity"):
        live.docks[key].show()
        live.docks[key].raise_()
    live.clock.step(STEPS)
    for panel in (live.raster, live.sparsity):
        panel.flush()
    return window, live


def raster_marks(live) -> tuple[np.ndarray, np.ndarray]:
    """(solid, faint) as painted: [neuron row, step], read off the raster's RGBA image."""
    panel = live.raster
    rgba = panel.image.image.reshape(len(panel._rows), SUB, -1, 4)[:, 2, :, :3].astype(int)
    lane = np.array(panel._empty[:3])
    solid = np.all(rgba == panel._colours[:, None, :3], axis=2)
    faint = ~solid & np.any(rgba != lane, axis=2)
    return solid, faint


def hidden_rows(window, live) -> list[int]:
    net = window.document.network
    return [i for i, nid in enumerate(live.raster._rows) if net.neurons[nid].kind == "hidden"]


def test_relu_marks_are_its_active_steps(qtbot, settings, dialogs) -> None:
    window, live = run_example(qtbot, settings, "06a-sparse-relu")
    solid, faint = raster_marks(live)
    rows = hidden_rows(window, live)
    assert not faint[rows].any()  # a ReLU is active exactly when it fires
    y1 = live.raster._rows.index("y1")  # the sigmoid output is active without firing
    assert faint[y1].any() and live.raster.key.entries == ("fired (z > 0)", "output ≠ 0")
    active = live.sparsity.curve.getData()[1]
    # every step: the share of hidden rows marked is the sparsity plot's "active" figure
    np.testing.assert_allclose(100 * solid[rows].mean(axis=0), active)
    assert 10 < active.mean() < 45  # about a quarter, as the notes say
    assert not live.sparsity.fired_curve.isVisible()  # hidden ReLUs: one curve says it all
    assert live.sparsity.key.entries == ()
    n_now = int(solid[rows, -1].sum())
    assert live.status_label.text().endswith(f"(hidden neurons active: {n_now} of 32)")


def test_tanh_is_dense_and_the_plots_say_why(qtbot, settings, dialogs) -> None:
    window, live = run_example(qtbot, settings, "06b-dense-tanh")
    solid, faint = raster_marks(live)
    rows = hidden_rows(window, live)
    # dense: every hidden neuron is marked at every step; solid only where it fired
    assert (solid | faint)[rows].all()
    fired = live.sparsity.fired_curve.getData()[1]
    np.testing.assert_allclose(100 * solid[rows].mean(axis=0), fired)
    np.testing.assert_array_equal(live.sparsity.curve.getData()[1], 100.0)
    assert fired.max() < 100  # fired is not active: tanh is active below z = 0 too
    assert live.raster.key.legend.isVisible()
    assert live.raster.key.entries == ("fired (z > 0)", "output ≠ 0")
    assert live.sparsity.key.entries == ("active (output ≠ 0)", "fired (z > 0)")
    n_fired = int(solid[rows, -1].sum())
    assert live.status_label.text() == (
        f"sparsity: 0 % silent (hidden neurons active, output ≠ 0: 32 of 32; fired: {n_fired})"
    )


def test_a_sigmoid_neuron_that_never_fires_is_not_counted_as_fired(
    qtbot, settings, dialogs
) -> None:
    """The issue's "0 % silent (2 of 2 active)" while h1 never fires: both counts now."""
    window = make_window(qtbot, settings, xor_network())
    live = window.live_plots
    live.docks["raster"].show()
    live.clock.step(4)
    live.raster.flush()
    solid, faint = raster_marks(live)
    h1 = live.raster._rows.index("h1")
    assert not solid[h1].any() and faint[h1].all()  # σ(z) > 0 at every step, never z > 0
    assert "fired: 1)" in live.status_label.text()


def test_the_key_leaves_the_100_percent_label_in_place(qtbot, settings, dialogs) -> None:
    """The key under a dense network's sparsity plot makes it lower; "100" stays drawn."""
    window, live = run_example(qtbot, settings, "06b-dense-tanh")
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: live.sparsity.plot.getViewBox().height() > 0)
    live.sparsity.flush()
    image = QImage(10, 10, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        texts = [
            text
            for _rect, _flags, text in live.sparsity.plot.getAxis("left").generateDrawSpecs(
                painter
            )[2]
        ]
    finally:
        painter.end()
    assert "100" in texts and "0" in texts
