"""The engine against hand computation; batches, in-place patches, recompiles, firing figures."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neurosim.core import fileformat
from neurosim.core.activations import ACTIVATION_NAMES, REGISTRY, SILENT_EPS, get_activation
from neurosim.core.builders import layered_network, random_dag
from neurosim.core.datasets import builtin
from neurosim.core.engine import Engine
from neurosim.core.model import Network
from neurosim.core.training import Trainer, init_weights


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def two_level_net() -> Network:
    """x1, x2 → h1 (sigmoid), h2 (tanh), h3 (relu), h4 (step θ=0.3), h5 (no synapses) → y1."""
    net = Network()
    net.add_neuron("input", "x1", value=0.5)
    net.add_neuron("input", "x2", value=-1.0)
    net.add_neuron("hidden", "h1", bias=0.1)
    net.add_neuron("hidden", "h2", bias=-0.2, activation="tanh")
    net.add_neuron("hidden", "h3", bias=0.0, activation="relu")
    net.add_neuron("hidden", "h4", bias=0.0, activation="step", params={"threshold": 0.3})
    net.add_neuron("hidden", "h5", bias=0.7, activation="relu")
    net.add_neuron("output", "y1", bias=0.05, activation="linear", params={"slope": 2.0})
    for (s, t), w in {
        ("x1", "h1"): 1.5,
        ("x2", "h1"): 0.5,
        ("x1", "h2"): -0.5,
        ("x2", "h2"): 0.25,
        ("x1", "h3"): 1.0,
        ("x2", "h3"): 2.0,
        ("x1", "h4"): 0.6,
        ("h1", "y1"): 1.0,
        ("h2", "y1"): -1.0,
        ("h3", "y1"): 3.0,
        ("h4", "y1"): 0.5,
        ("h5", "y1"): 0.25,
        ("x2", "y1"): 0.125,
    }.items():  # the last one skips the hidden level
        net.add_synapse(s, t, w)
    return net


def hand(x1: float, x2: float) -> dict[str, tuple[float, float]]:
    z = {
        "h1": 1.5 * x1 + 0.5 * x2 + 0.1,
        "h2": -0.5 * x1 + 0.25 * x2 - 0.2,
        "h3": x1 + 2 * x2,
        "h4": 0.6 * x1,
        "h5": 0.7,
    }
    y = {
        "h1": sigmoid(z["h1"]),
        "h2": math.tanh(z["h2"]),
        "h3": max(z["h3"], 0.0),
        "h4": 1.0 if z["h4"] >= 0.3 else 0.0,
        "h5": 0.7,
    }
    z["y1"] = y["h1"] - y["h2"] + 3 * y["h3"] + 0.5 * y["h4"] + 0.25 * y["h5"] + 0.125 * x2 + 0.05
    y["y1"] = 2.0 * z["y1"]
    return {nid: (z[nid], y[nid]) for nid in z}


# ----------------------------------------------------------- hand computation


@pytest.mark.parametrize("x1,x2", [(0.5, -1.0), (1.0, 0.25), (-2.0, 3.0), (0.5, 0.0)])
def test_matches_hand_computation(x1: float, x2: float) -> None:
    net = two_level_net()
    net.set_value("x1", x1)
    net.set_value("x2", x2)
    ev = Engine(net).evaluate()
    for nid, (z, y) in hand(x1, x2).items():
        assert ev.z[0, ev.index[nid]] == pytest.approx(z, rel=1e-13, abs=1e-15), nid
        assert ev.y[0, ev.index[nid]] == pytest.approx(y, rel=1e-13, abs=1e-15), nid
    assert ev.of("x1") == {"z": None, "y": x1, "fired": None, "silent": x1 == 0.0}


def test_chain_with_skip_connections() -> None:
    net = Network()
    net.add_neuron("input", "x1", value=0.8)
    net.add_neuron("hidden", "h1", bias=0.1)
    net.add_neuron("hidden", "h2", bias=-0.3, activation="elu", params={"alpha": 0.5})
    net.add_neuron("output", "y1", activation="softplus")
    net.add_synapse("x1", "h1", -2.0)
    net.add_synapse("h1", "h2", -1.0)
    net.add_synapse("x1", "h2", 0.5)  # skip
    net.add_synapse("h2", "y1", 1.5)
    net.add_synapse("x1", "y1", -0.25)  # long skip
    net.add_synapse("h1", "y1", 0.75)  # skip
    h1 = sigmoid(-2.0 * 0.8 + 0.1)
    z2 = -h1 + 0.5 * 0.8 - 0.3
    h2 = z2 if z2 > 0 else 0.5 * math.expm1(z2)
    z3 = 1.5 * h2 - 0.25 * 0.8 + 0.75 * h1
    ev = Engine(net).evaluate()
    assert ev.y[0, ev.index["h2"]] == pytest.approx(h2, rel=1e-13)
    assert ev.y[0, ev.index["y1"]] == pytest.approx(math.log1p(math.exp(z3)), rel=1e-13)
    assert [len(level.groups) for level in Engine(net).compiled.levels] == [1, 1, 1]


def test_neuron_without_synapses_outputs_its_bias_through_the_activation() -> None:
    net = Network()
    net.add_neuron("output", "y1", bias=-0.4, activation="tanh")
    net.add_neuron("output", "y2", bias=0.4, activation="step", params={"threshold": 0.5})
    ev = Engine(net).evaluate()
    figures = {nid: ev.of(nid) for nid in ("y1", "y2")}
    assert figures == {
        "y1": {"z": -0.4, "y": math.tanh(-0.4), "fired": False, "silent": False},
        "y2": {"z": 0.4, "y": 0.0, "fired": False, "silent": True},
    }
    assert ev.active_fraction is None  # no hidden neurons


def test_engine_of_an_empty_network_and_of_inputs_only() -> None:
    assert Engine(Network()).evaluate().y.shape == (1, 0)
    net = Network()
    net.add_neuron("input", "x1", value=2.0)
    ev = Engine(net).evaluate()
    assert ev.y.tolist() == [[2.0]] and np.isnan(ev.z[0, 0]) and ev.active_fraction is None
    assert ev.sparsity is None  # undefined without hidden neurons


# ------------------------------------------------------------------- batches


def test_batch_equals_per_sample() -> None:
    net = random_dag(40, 150, seed=3, n_inputs=3, n_outputs=3, activations=ACTIVATION_NAMES)
    engine = Engine(net)
    x = np.random.default_rng(0).normal(0.0, 2.0, (64, 3))
    batch = engine.evaluate(x)
    for r in range(len(x)):
        one = engine.evaluate(x[r])
        np.testing.assert_allclose(batch.y[r], one.y[0], rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(batch.z[r], one.z[0], rtol=1e-12, atol=1e-15)
        assert (batch.fired[r] == one.fired[0]).all()
        assert (batch.silent[r] == one.silent[0]).all()
        assert batch.active_fraction[r] == one.active_fraction[0]
    np.testing.assert_array_equal(engine.forward(x), batch.y)


def test_inputs_follow_input_ids_and_shapes_are_checked() -> None:
    net = two_level_net()
    engine = Engine(net)
    assert engine.input_ids == ("x1", "x2")
    y = engine.forward([[1.0, 0.25]])  # a list: float64
    assert y.dtype == np.float64
    assert y[0, engine.compiled.index["y1"]] == pytest.approx(hand(1.0, 0.25)["y1"][1], rel=1e-13)
    assert engine.forward(np.array([[1, 0]])).dtype == np.float64  # ints are not kept
    with pytest.raises(ValueError, match="expected 2 input columns, got 3"):
        engine.evaluate(np.zeros((4, 3)))
    with pytest.raises(ValueError, match="shape"):
        engine.forward(np.zeros((2, 2, 2)))


def test_float32_forward_is_close_to_float64() -> None:
    net = layered_network([2, 16, 16, 2], "tanh", seed=4)
    net.set_activation("y1", "sigmoid")
    engine = Engine(net)
    x = np.random.default_rng(1).uniform(-3, 3, (500, 2))
    y64 = engine.forward(x)
    y32 = engine.forward(x.astype(np.float32))
    assert y32.dtype == np.float32
    np.testing.assert_allclose(y32, y64, rtol=1e-4, atol=1e-5)


# --------------------------------------------------- edits: patch or recompile


def _same(a, b) -> None:
    np.testing.assert_array_equal(a.y, b.y)
    np.testing.assert_array_equal(a.z, b.z)
    np.testing.assert_array_equal(a.fired, b.fired)
    np.testing.assert_array_equal(a.silent, b.silent)


def test_parameter_edits_patch_in_place_and_equal_a_fresh_compile() -> None:
    net = two_level_net()
    net.set_activation("h2", "leaky_relu", {"alpha": 0.1})
    engine = Engine(net)
    engine.forward(np.zeros((3, 2), np.float32))  # builds the float32 copies too
    compiled = engine.compiled
    edits = [
        lambda: net.set_weight(("x1", "h1"), -0.75),
        lambda: net.set_bias("h3", 0.5),
        lambda: net.set_value("x2", 0.4),
        lambda: net.set_param("h2", "alpha", 0.3),
        lambda: net.set_param("h4", "threshold", -0.5),  # h4 starts firing
        lambda: net.set_param("y1", "slope", -1.0),
        lambda: net.set_label("h1", "renamed"),
        lambda: net.set_position("h1", (5.0, 5.0)),
    ]
    x = np.random.default_rng(2).normal(size=(20, 2))
    for edit in edits:
        edit()
        assert engine.compiled is compiled  # patched, not recompiled
        fresh = Engine(net.copy())
        _same(engine.evaluate(), fresh.evaluate())
        _same(engine.evaluate(x), fresh.evaluate(x))
        x32 = x.astype(np.float32)
        np.testing.assert_array_equal(engine.forward(x32), fresh.forward(x32))
    assert engine.evaluate().fired[0, compiled.index["h4"]]


@pytest.mark.parametrize(
    "edit",
    [
        lambda n: n.add_neuron("hidden", "h9", bias=0.3),
        lambda n: n.add_synapse("h5", "h4", 2.0),
        lambda n: n.remove_synapse(("x1", "h1")),
        lambda n: n.remove_neuron("h3"),
        lambda n: n.set_activation("h1", "relu"),
    ],
)
def test_structural_edits_recompile(edit) -> None:
    net = two_level_net()
    engine = Engine(net)
    engine.forward(np.zeros((1, 2), np.float32))
    compiled = engine.compiled
    edit(net)
    assert engine.compiled is not compiled
    _same(engine.evaluate(), Engine(net.copy()).evaluate())
    x32 = np.ones((4, 2), np.float32)
    np.testing.assert_array_equal(engine.forward(x32), Engine(net.copy()).forward(x32))


def test_bulk_parameter_changes_patch_in_place_and_equal_a_fresh_compile() -> None:
    net = two_level_net()
    engine = Engine(net)
    engine.forward(np.zeros((3, 2), np.float32))  # builds the float32 copies too
    compiled = engine.compiled
    x = np.random.default_rng(4).normal(size=(20, 2))
    for weights, biases in [
        ({("h1", "y1"): -2.0, ("x2", "y1"): 3.5}, {"h1": 1.0}),
        ({key: 0.5 * i - 3.0 for i, key in enumerate(net.synapses)}, {}),
        ({}, {n.id: -0.25 for n in net if not n.is_input}),
    ]:
        net.set_parameters(weights, biases)
        assert engine.compiled is compiled  # patched, not recompiled
        fresh = Engine(net.copy())
        _same(engine.evaluate(), fresh.evaluate())
        _same(engine.evaluate(x), fresh.evaluate(x))
        x32 = x.astype(np.float32)
        np.testing.assert_array_equal(engine.forward(x32), fresh.forward(x32))


def test_bulk_changes_mixed_with_freezing_and_activation_swaps() -> None:
    """Frozen state and activations are not part of a bulk change; edits around it still
    give what a fresh compile gives (a swap recompiles, freezing changes no figure)."""
    net = two_level_net()
    engine = Engine(net)
    x = np.random.default_rng(5).normal(size=(10, 2))
    steps = [
        lambda: net.set_synapse_frozen(("x1", "h1"), True),
        lambda: net.set_neuron_frozen("h3", True),
        lambda: net.set_parameters({("x1", "h1"): -1.25, ("h3", "y1"): 0.5}, {"h3": 2.0}),
        lambda: net.set_activation("h4", "relu"),  # threshold param dropped: firing rule too
        lambda: net.set_parameters({("x1", "h4"): -3.0}, {"h4": 0.3}),  # before a recompile
        lambda: net.set_activation("h1", "step", {"threshold": 0.2}),
        lambda: engine.evaluate(),
        lambda: net.set_parameters({("x1", "h1"): 0.2}, {"h1": 0.1}),
        lambda: net.set_synapse_frozen(("x1", "h1"), False),
    ]
    for step in steps:
        step()
        _same(engine.evaluate(x), Engine(net.copy()).evaluate(x))
        _same(engine.evaluate(), Engine(net.copy()).evaluate())


def test_training_frames_do_not_recompile() -> None:
    """A training run as the GUI drives it: per frame an epoch, one write-back (a bulk
    change), then the figures and a surface. Only the first evaluation compiles."""
    net = layered_network([2, 4, 1], "tanh", seed=3)
    net.set_synapse_frozen(("x1", "h2"), True)
    engine = Engine(net)
    engine.evaluate()
    assert engine.compile_count == 1
    init_weights(net, seed=1)  # Initialise weights: a bulk change too
    trainer = Trainer(net, builtin("xor", 40), lr=0.5)
    grid = np.random.default_rng(0).uniform(-1, 1, size=(64, 2)).astype(np.float32)
    for _ in range(20):
        assert trainer.advance() is not None
        trainer.write_back()
        ev = engine.evaluate()
        engine.forward(grid)
    assert engine.compile_count == 1  # 0 compiles after the first, over 20 frames
    _same(ev, Engine(net.copy()).evaluate())
    net.add_neuron("hidden", "h9")  # a structural change still recompiles
    engine.evaluate()
    assert engine.compile_count == 2


def test_detach_stops_following() -> None:
    net = two_level_net()
    engine = Engine(net)
    before = engine.evaluate().y.copy()
    engine.detach()
    net.set_value("x1", 3.0)
    np.testing.assert_array_equal(engine.evaluate().y, before)
    assert all(len(getattr(net, s)) == 0 for s in ("neuron_added", "synapse_changed"))


# ------------------------------------------------------ fired, silent, active


def test_fired_silent_and_active_fraction() -> None:
    net = two_level_net()  # x = (0.5, -1): z_h3 = -1.5 → silent; z_h4 = 0.3 = θ → fires
    ev = Engine(net).evaluate()
    col = ev.index
    assert ev.fired[0, col["h1"]] == (hand(0.5, -1.0)["h1"][0] > 0)
    assert not ev.fired[0, col["h3"]] and ev.silent[0, col["h3"]]
    assert ev.fired[0, col["h4"]] and not ev.silent[0, col["h4"]]  # step: z ≥ θ fires
    assert not ev.fired[0, col["x1"]]
    silent_hidden = [ev.silent[0, col[h]] for h in ("h1", "h2", "h3", "h4", "h5")]
    assert ev.active_fraction[0] == pytest.approx(1 - sum(silent_hidden) / 5)
    assert ev.active_fraction[0] == pytest.approx(0.8)
    assert ev.sparsity[0] == pytest.approx(0.2)
    assert ev.of("h3") == {"z": -1.5, "y": 0.0, "fired": False, "silent": True}


def test_step_just_below_threshold_does_not_fire() -> None:
    net = Network()
    net.add_neuron(
        "hidden", "h1", bias=np.nextafter(0.3, 0.0), activation="step", params={"threshold": 0.3}
    )
    net.add_neuron("hidden", "h2", bias=0.0, activation="relu")  # z = 0: not fired (z > 0)
    ev = Engine(net).evaluate()
    assert ev.fired[0].tolist() == [False, False] and ev.silent[0].tolist() == [True, True]
    assert ev.active_fraction[0] == 0.0


def test_fired_follows_each_activations_own_rule() -> None:
    net = random_dag(60, 300, seed=5, n_inputs=2, activations=ACTIVATION_NAMES)
    for i, n in enumerate(net.of_kind("hidden")[:10]):
        net.set_activation(n.id, "step", {"threshold": 0.25 * (i - 5)})
    ev = Engine(net).evaluate(np.random.default_rng(3).normal(size=(50, 2)))
    for nid, n in net.neurons.items():
        col = ev.index[nid]
        if n.is_input:
            assert not ev.fired[:, col].any()
            continue
        want = get_activation(n.activation).fired(ev.z[:, col], n.params)
        np.testing.assert_array_equal(ev.fired[:, col], want, err_msg=nid)
        np.testing.assert_array_equal(ev.silent[:, col], np.abs(ev.y[:, col]) < SILENT_EPS)


# ------------------------------------------------------------ random networks


LABEL_CHARACTERS = st.characters(
    blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
    blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)


@st.composite
def networks(draw) -> Network:
    """A random valid DAG: random kinds, activations, params, weights and skip connections."""
    finite = st.floats(-5.0, 5.0, allow_nan=False, allow_infinity=False)
    net = Network({"title": draw(st.text(max_size=8))})
    n_in = draw(st.integers(1, 3))
    kinds = ["input"] * n_in + draw(
        st.lists(st.sampled_from(["hidden", "output"]), min_size=1, max_size=8)
    )
    for kind in kinds:
        position = (draw(finite) * 100, draw(finite) * 100)
        # any text a label may be: no control or bidirectional characters (core.names)
        label = draw(st.text(LABEL_CHARACTERS, max_size=6))
        if kind == "input":
            net.add_neuron(kind, label=label, position=position, value=draw(finite))
            continue
        act = REGISTRY[draw(st.sampled_from(ACTIVATION_NAMES))]
        params = {
            p.name: draw(st.floats(p.minimum, p.maximum)) for p in act.params if draw(st.booleans())
        }
        net.add_neuron(
            kind,
            label=label,
            position=position,
            bias=draw(finite),
            activation=act.name,
            params=params,
            frozen=draw(st.booleans()),
        )
    ids = list(net.neurons)
    for j in range(n_in, len(ids)):
        for i in range(j):  # only earlier → later: acyclic, skips of every length
            if draw(st.booleans()):
                net.add_synapse(ids[i], ids[j], draw(finite), frozen=draw(st.booleans()))
    return net


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(networks())
def test_random_networks_round_trip_and_evaluate_finitely(net: Network) -> None:
    text = fileformat.dumps(net)
    again = fileformat.loads(text)
    assert fileformat.dumps(again) == text
    # Stable kernels: no overflow, invalid or divide warnings (underflow stays ignored, as
    # numpy does by default: a product of two tiny weights may underflow in matmul).
    with np.errstate(all="raise", under="ignore"):
        ev = Engine(net).evaluate()
        ev_again = Engine(again).evaluate()
    assert np.isfinite(ev.y).all()
    assert np.isfinite(ev.z[:, ~ev.is_input]).all()
    np.testing.assert_array_equal(ev.y, ev_again.y)
