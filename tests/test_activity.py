"""One definition of "active" (output ≠ 0) and "fired" (the firing rule) for every view."""

from __future__ import annotations

import numpy as np
import pytest

from neurosim.core import activity
from neurosim.core.activations import ACTIVATION_NAMES, get_activation
from neurosim.core.engine import Engine
from neurosim.core.model import Network


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_active_without_firing_follows_the_registry(name: str) -> None:
    """ReLU and step give 0 whenever they do not fire; the others give a value anyway."""
    act = get_activation(name)
    z = np.linspace(-5, 5, 1001)
    differs = bool(np.any(activity.active(act.f(z)) & ~act.fired(z)))
    assert activity.active_without_firing(name) == differs
    assert activity.active_without_firing(name) == (name not in ("relu", "step"))


def test_the_engine_counts_active_and_fired_hidden_neurons() -> None:
    net = Network()
    net.add_neuron("input", "x1", value=1.0)
    for nid, act, bias in (("h1", "sigmoid", -11.0), ("h2", "tanh", 0.5), ("h3", "relu", -2)):
        net.add_neuron("hidden", nid, activation=act, bias=bias)
        net.add_synapse("x1", nid, 1.0)
    ev = Engine(net).evaluate(np.array([[1.0], [3.0]]))
    # x = 1: h1 σ(−10) ≠ 0 but not fired, h2 fired, h3 silent; x = 3: h3 fires too
    assert ev.active_fraction.tolist() == [2 / 3, 1.0]
    assert ev.fired_fraction.tolist() == [1 / 3, 2 / 3]
    cols = [ev.index[n] for n in ("h1", "h2", "h3")]
    np.testing.assert_array_equal(ev.silent[:, cols], activity.silent(ev.y[:, cols]))
    assert activity.share(np.zeros((1, 0), dtype=bool), np.zeros(0, dtype=np.intp)) is None
