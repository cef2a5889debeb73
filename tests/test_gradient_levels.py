"""Per-level gradient figures of the vanishing-gradient lessons (Qt-free)."""

from __future__ import annotations

import numpy as np
import pytest

from neurosim.core import fileformat
from neurosim.core.engine import Engine
from neurosim.core.gradient_levels import gradient_levels, neuron_gradients
from neurosim.paths import resource_path


def _levels(name: str) -> list[float]:
    net = fileformat.load(resource_path("examples", f"{name}.nsim.json"))
    return [lv.level for lv in gradient_levels(net)]


def test_sigmoid_chain_gradients_shrink_toward_the_input() -> None:
    levels = _levels("05a-vanishing-sigmoid")
    assert len(levels) == 7  # six sigmoids and the linear output
    assert levels[-1] == pytest.approx(1.0)
    assert all(a < b for a, b in zip(levels, levels[1:], strict=False))
    # each sigmoid passes at most a quarter; the first gets ~1e-4 of the output's
    assert all(a <= 0.25 * b + 1e-12 for a, b in zip(levels, levels[1:], strict=False))
    assert levels[0] == pytest.approx(7.963e-5, rel=1e-3)


def test_relu_chain_gradients_do_not_shrink() -> None:
    assert _levels("05b-vanishing-relu") == pytest.approx([1.0] * 7)


def test_gradient_matches_finite_difference() -> None:
    net = fileformat.load(resource_path("examples", "05a-vanishing-sigmoid.nsim.json"))
    engine = Engine(net)
    grads = neuron_gradients(net, engine.evaluate())
    # ∂y/∂z_h1 equals ∂y/∂b_h1: nudge h1's bias
    out = net.of_kind("output")[0].id
    b = net.neuron("h1").bias
    h = 1e-6
    net.set_bias("h1", b + h)
    up = float(Engine(net).evaluate().y[0, engine.evaluate().index[out]])
    net.set_bias("h1", b - h)
    down = float(Engine(net).evaluate().y[0, engine.evaluate().index[out]])
    assert grads["h1"] == pytest.approx((up - down) / (2 * h), rel=1e-4)
    assert np.isfinite(list(grads.values())).all()
