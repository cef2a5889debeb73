"""Extreme numbers: weights, biases and inputs up to ±1e6 on every activation, chains 50
levels deep and networks of 1,000 neurons.

Wherever the true values are finite doubles, evaluation gives no NaN or inf and raises no
numpy warning, checked under ``np.errstate(all="raise")`` with warnings turned into errors.
"Finite" is decided by an independent scalar reference (Python's ``math``), so a spurious
NaN in the engine cannot hide itself: chains whose true values leave [1e-280, 1e280] (beyond
a double, or nearly subnormal) are skipped, not excused. The float32 display path
(``Engine.forward`` with float32 inputs) never gives NaN or inf: values beyond float32's
range (3.4e38) come back clipped to ±3.4e38.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from neurosim.core.activations import ACTIVATION_NAMES, REGISTRY
from neurosim.core.backprop import Backprop
from neurosim.core.builders import layered_network, random_dag
from neurosim.core.datasets import Dataset
from neurosim.core.engine import FLOAT32_MAX, Engine
from neurosim.core.explain import equation
from neurosim.core.model import Network
from neurosim.core.sources import SOURCE_KINDS, source_from_dict, values_at
from neurosim.core.training import Trainer

BIG = 1e6
DEPTH = 50
SMALLEST, LARGEST = 1e-280, 1e280  # true values outside count as "not a normal double"
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)


@contextmanager
def strict() -> Iterator[None]:
    """Every floating-point event is an error, and so is every warning."""
    with np.errstate(all="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


# ---------------------------------------------------------------- a scalar reference
def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)  # (math.exp underflows to 0.0 quietly)
    return e / (1.0 + e)


REFERENCE = {
    "step": lambda z, p: 1.0 if z >= p["threshold"] else 0.0,
    "linear": lambda z, p: p["slope"] * z,
    "sigmoid": lambda z, p: _sigmoid(z),
    "tanh": lambda z, p: math.tanh(z),
    "relu": lambda z, p: max(z, 0.0),
    "leaky_relu": lambda z, p: z if z > 0 else p["alpha"] * z,
    "elu": lambda z, p: z if z > 0 else p["alpha"] * math.expm1(max(z, -800.0)),
    "softplus": lambda z, p: max(z, 0.0) + math.log1p(math.exp(-abs(z))),
    "gelu": lambda z, p: z * 0.5 * math.erfc(-z / math.sqrt(2.0)),
    "silu": lambda z, p: z * _sigmoid(z),
}


def _normal(x: float) -> bool:
    """0, or a double well inside the normal range."""
    return x == 0.0 or SMALLEST <= abs(x) <= LARGEST


# ---------------------------------------------------------------- strategies
def _signed(low: float, high: float) -> st.SearchStrategy[float]:
    """0 or ±10^k for k spread evenly in [log10 low, log10 high]."""
    magnitude = st.floats(math.log10(low), math.log10(high)).map(lambda k: 10.0**k)
    return st.just(0.0) | st.tuples(st.sampled_from((-1.0, 1.0)), magnitude).map(
        lambda t: t[0] * t[1]
    )


VALUES = _signed(1e-3, BIG) | st.sampled_from([BIG, -BIG, 1.0, -1.0])


@st.composite
def params(draw: st.DrawFn, name: str) -> dict[str, float]:
    """Each parameter at its minimum, maximum, default or anywhere in between."""
    out = {}
    for spec in REGISTRY[name].params:
        out[spec.name] = draw(
            st.sampled_from([spec.minimum, spec.maximum, spec.default])
            | st.floats(spec.minimum, spec.maximum, allow_subnormal=False)
        )
    return out


def chain(levels: list[tuple[str, dict, float, float]], x: float) -> Network:
    """x → n0 → n1 → …, one (activation, params, weight, bias) per level."""
    net = Network()
    previous = net.add_neuron("input", "x", value=x).id
    for i, (name, p, w, b) in enumerate(levels):
        kind = "output" if i == len(levels) - 1 else "hidden"
        net.add_neuron(kind, f"n{i}", bias=b, activation=name, params=p)
        net.add_synapse(previous, f"n{i}", w)
        previous = f"n{i}"
    return net


def reference(levels: list[tuple[str, dict, float, float]], x: float) -> list[float] | None:
    """The true z and y of every level, or None when one is not a normal double."""
    values, v = [], x
    for name, p, w, b in levels:
        z = w * v + b
        v = REFERENCE[name](z, p)
        if not (_normal(z) and _normal(v)):
            return None
        values += [z, v]
    return values


@st.composite
def levels(draw: st.DrawFn, depth: int) -> list[tuple[str, dict, float, float]]:
    out = []
    for _ in range(depth):
        name = draw(st.sampled_from(ACTIVATION_NAMES))
        out.append((name, draw(params(name)), draw(VALUES), draw(VALUES)))
    return out


# ---------------------------------------------------------------- one neuron, every activation
def _check_float32(
    engine: Engine, x: float, y64: np.ndarray, scale: float, name: str, z: float, p: dict
) -> None:
    with strict():
        y32 = engine.forward(np.array([[x]], dtype=np.float32))
    assert y32.dtype == np.float32 and np.isfinite(y32).all()
    if name == "step" and abs(z - p["threshold"]) <= 1e-6 * scale + 1e-6:
        return  # float32 rounding may put z on the other side of the threshold
    # float32 keeps ~7 digits of the terms w·x and b; the slope of f is at most 10.
    tolerance = 10 * 1e-6 * scale + 1e-6
    assert abs(float(y32[0, -1]) - float(y64[0, -1])) <= tolerance


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
@SETTINGS
@given(data=st.data())
def test_one_neuron_with_extreme_numbers(name, data):
    p = data.draw(params(name))
    w, b, x = data.draw(VALUES), data.draw(VALUES), data.draw(VALUES)
    net = chain([(name, p, w, b)], x)
    expected = reference([(name, p, w, b)], x)
    assume(expected is not None)
    engine = Engine(net)
    with strict():
        ev = engine.evaluate()
    z, y = ev.z[0, 1], ev.y[0, 1]
    assert np.isfinite(z) and np.isfinite(y)
    assert z == pytest.approx(expected[0], rel=1e-12, abs=1e-12)
    assert y == pytest.approx(expected[1], rel=1e-9, abs=1e-12)
    _check_float32(engine, x, ev.y, abs(w * x) + abs(b), name, expected[0], p)
    with strict():
        text = equation(net, ev, "n0")
    assert "nan" not in text.lower() and "∞" not in text


def test_activation_kernels_at_every_extreme():
    """Each kernel on the largest and smallest magnitudes, both float64 and float32."""
    z64 = np.array(
        [
            -1e300,
            -1e12,
            -BIG,
            -800.0,
            -40.0,
            -1.0,
            -1e-300,
            0.0,
            1e-300,
            1.0,
            40.0,
            800.0,
            BIG,
            1e12,
            1e300,
        ]
    )
    z32 = np.array(
        [-3e38, -1e12, -BIG, -100.0, -1.0, -1e-30, 0.0, 1e-30, 1.0, 100.0, BIG, 1e12, 3e38],
        dtype=np.float32,
    )
    for act in REGISTRY.values():
        for spec in act.params or (None,):
            choices = (
                [{}] if spec is None else [{spec.name: spec.minimum}, {spec.name: spec.maximum}]
            )
            for p in choices:
                for z in (z64, z32):
                    if act.name == "linear":
                        z = z / 100  # the slope goes up to 10: keep a·z finite
                    with strict():
                        y, dy = act.f(z, p), act.df(z, p)
                    assert y.dtype == z.dtype and dy.dtype == z.dtype, act.name
                    assert np.isfinite(y).all() and np.isfinite(dy).all(), (act.name, p)


def test_sources_at_their_limits_give_finite_values():
    """Every signal source with each field at its minimum or maximum, over long runs."""
    t = np.array([0, 1, 7, 10**6, 10**12, 2**62], dtype=np.int64)
    for kind in SOURCE_KINDS.values():
        for pick in (0, 1):
            spec = {"kind": kind.name}
            for f in kind.fields:
                low = 5e-324 if f.open_min else f.minimum
                spec[f.name] = (low, f.maximum)[pick]
            if kind.name == "sequence":
                spec["column"] = 0
                spec["rows"] = [[BIG], [-BIG]]
            if kind.name == "manual":
                continue
            with strict():
                values = values_at(source_from_dict(spec), t)
            assert np.isfinite(values).all(), spec


# ---------------------------------------------------------------- deep chains
@settings(SETTINGS, max_examples=100)
@given(chain_levels=levels(DEPTH), x=VALUES)
def test_chains_50_levels_deep(chain_levels, x):
    expected = reference(chain_levels, x)
    assume(expected is not None)
    net = chain(chain_levels, x)
    engine = Engine(net)
    with strict():
        ev = engine.evaluate()
        y32 = engine.forward(np.array([[x]], dtype=np.float32))
        texts = [equation(net, ev, f"n{i}") for i in range(DEPTH)]
    assert np.isfinite(ev.y).all() and np.isfinite(ev.z[0, 1:]).all()
    assert np.isfinite(y32).all()
    assert not any("nan" in t.lower() for t in texts)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "step"])
@pytest.mark.parametrize("w", [BIG, -BIG])
def test_bounded_chains_with_the_biggest_weights(name, w):
    levels_ = [(name, {}, w, BIG if i % 2 else -BIG) for i in range(DEPTH)]
    net = chain(levels_, BIG)
    with strict():
        ev = Engine(net).evaluate()
        y32 = Engine(net).forward(np.full((3, 1), BIG, dtype=np.float32))
    assert np.isfinite(ev.y).all() and np.isfinite(y32).all()


def test_float32_display_path_clips_instead_of_overflowing():
    """A linear chain whose values pass 3.4e38: float64 is exact (1e306 is a double), the
    float32 grid comes back clipped to ±FLOAT32_MAX without NaN, inf or warnings."""
    levels_ = [("linear", {"slope": 1.0}, BIG, 0.0) for _ in range(DEPTH)]
    engine = Engine(chain(levels_, 1.0))
    grid = np.array([[1.0], [-1.0], [0.0], [1e-30]], dtype=np.float32)
    with strict():
        y64 = engine.forward(grid.astype(np.float64))
        y32 = engine.forward(grid)
    assert np.isfinite(y64).all() and y64[0, -1] == pytest.approx(1e300, rel=1e-9)
    assert y32.dtype == np.float32 and np.isfinite(y32).all()
    assert y32[0, -1] == FLOAT32_MAX and y32[1, -1] == -FLOAT32_MAX and y32[2, -1] == 0.0
    within = np.abs(y64) < 1e38
    np.testing.assert_allclose(y32[within], y64[within], rtol=1e-5)


# ---------------------------------------------------------------- 1,000 neurons
def _scaled(net: Network, weight_scale: float) -> Network:
    net.set_parameters(
        {k: s.weight * weight_scale for k, s in net.synapses.items()},
        {n.id: n.bias * weight_scale for n in net if not n.is_input},
    )
    return net


@pytest.mark.parametrize("seed", [0, 1])
def test_thousand_neurons_with_inputs_of_a_million(seed):
    """Every activation (default parameters), inputs ±1e6, weights ~1/√fan-in."""
    net = random_dag(1000, 5000, seed=seed, n_inputs=20, n_outputs=10, activations=ACTIVATION_NAMES)
    engine = Engine(net)
    rng = np.random.default_rng(seed)
    x = rng.choice([-BIG, BIG, 0.0, 1.0], size=(64, 20))
    with strict():
        ev = engine.evaluate(x)
        y32 = engine.forward(x.astype(np.float32))
    assert np.isfinite(ev.y).all() and np.isfinite(ev.z[:, 20:]).all()
    assert np.isfinite(y32).all()


@pytest.mark.parametrize("seed", [0, 1])
def test_thousand_bounded_neurons_with_weights_of_a_million(seed):
    net = _scaled(
        random_dag(
            1000,
            5000,
            seed=seed,
            n_inputs=20,
            n_outputs=10,
            activations=("sigmoid", "tanh", "step"),
        ),
        BIG,
    )
    engine = Engine(net)
    x = np.random.default_rng(seed).uniform(-BIG, BIG, size=(64, 20))
    with strict():
        ev = engine.evaluate(x)
        y32 = engine.forward(x.astype(np.float32))
        texts = [equation(net, ev, nid) for nid in list(net.neurons)[::50]]
    assert np.isfinite(ev.y).all() and np.isfinite(y32).all()
    assert not any("nan" in t.lower() for t in texts)


# ---------------------------------------------------------------- training gradients
def _gradient(net: Network, x: np.ndarray, t: np.ndarray) -> np.ndarray:
    """One backward pass of the mean squared error, under strict floating point."""
    outputs = [n.id for n in net.of_kind("output")]
    bp = Backprop(net, outputs)
    ws = bp.workspace(x.shape[0])
    with strict():
        ws.x[...] = x.T
        for op in ws.forward_ops:
            op()
        ws.gout[...] = 2.0 * (ws.yout - t.T) / t.size
        for op in ws.backward_ops:
            op()
    return np.where(bp.exists, bp.grad, 0.0)


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_gradients_with_extreme_numbers(name):
    """Weights ±1e6 into every activation, inputs up to 1e6: the gradient stays finite."""
    net = layered_network([2, 6, 1], name, seed=4, output_activation="sigmoid")
    if name not in ("sigmoid", "tanh", "step"):
        net = layered_network([2, 6, 1], name, seed=4, output_activation="linear")
    net = _scaled(net, BIG)
    x = np.array([[BIG, -BIG], [1.0, 0.0], [0.0, 0.0], [-1e-3, BIG]])
    t = np.array([[1.0], [0.0], [0.5], [1.0]])
    grad = _gradient(net, x, t)
    assert np.isfinite(grad).all()
    data = Dataset("extreme", x, t, ("x1", "x2"), ("y1",), "regression")
    full = Trainer(net, data).gradient()
    assert np.isfinite(full).all()
    np.testing.assert_allclose(full, grad, rtol=1e-9, atol=1e-300)


def test_gradient_through_a_deep_bounded_chain():
    levels_ = [
        ("tanh" if i % 2 else "sigmoid", {}, BIG if i % 3 else -BIG, 1.0) for i in range(DEPTH)
    ]
    net = chain(levels_, 1.0)
    grad = _gradient(net, np.array([[BIG], [-BIG], [0.0]]), np.array([[1.0], [0.0], [0.5]]))
    assert np.isfinite(grad).all()
