"""response_curve: one neuron's output as one input sweeps a range, the others held."""

from __future__ import annotations

import numpy as np

from neurosim.core.engine import Engine
from neurosim.core.model import Network
from neurosim.core.response import response_curve


def test_sweeps_one_input_and_holds_the_others() -> None:
    net = Network()
    net.add_neuron("input", "x1")
    net.add_neuron("input", "x2", value=0.5)
    net.add_neuron("hidden", "h1", activation="relu")
    net.add_neuron("output", "y1", activation="linear", bias=0.25)
    for s, t, w in (("x1", "h1", 2.0), ("x2", "h1", -1.0), ("h1", "y1", 3.0)):
        net.add_synapse(s, t, w)
    xs, ys = response_curve(Engine(net), "x1", "y1", (-1.0, 1.0), n=5)
    np.testing.assert_array_equal(xs, [-1.0, -0.5, 0.0, 0.5, 1.0])
    # y = 3 · max(0, 2x − 0.5) + 0.25, with x2 held at 0.5
    np.testing.assert_allclose(ys, 3 * np.maximum(0, 2 * xs - 0.5) + 0.25)
    assert net.neurons["x1"].value == 0.0  # the network itself is not changed
