"""The examples gallery: every file is valid and what its notes claim is what the network does."""

from __future__ import annotations

import importlib.util
import itertools
import re
from pathlib import Path

import numpy as np
import pytest

from neurosim.core import fileformat
from neurosim.core.activations import ACTIVATION_NAMES
from neurosim.core.builders import layered_network
from neurosim.core.engine import Engine
from neurosim.core.lesson import PANELS, examples, lesson_of
from neurosim.core.localized_text import LANGUAGE_CODES, english, in_language
from neurosim.core.model import Network
from neurosim.core.sources import value_range, values_at
from neurosim.core.training import Trainer, embedded_dataset, init_weights

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "examples"
ORDER = [
    "single_neuron",
    "01-threshold",
    "02-activation-shapes",
    "03a-logic-gates",
    "03b-xor-hidden-layer",
    "04-linear-collapse",
    "05a-vanishing-sigmoid",
    "05b-vanishing-relu",
    "06a-sparse-relu",
    "06b-dense-tanh",
    "07a-dying-relu",
    "07b-leaky-relu",
    "08-choosing-activation",
]
ROWS = [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]


def load(name: str) -> Network:
    return fileformat.load(FOLDER / f"{name}.nsim.json")


def notes(name: str) -> str:
    return english(lesson_of(load(name)).notes)


def outputs(net: Network, rows, ids: list[str]) -> np.ndarray:
    """y of ``ids`` for input rows given in the order of the network's input neurons."""
    engine = Engine(net)
    order = [n.id for n in net.of_kind("input")]
    x = np.asarray(rows, dtype=float)[:, [order.index(i) for i in engine.input_ids]]
    ev = engine.evaluate(x)
    return ev.y[:, [ev.index[i] for i in ids]]


def fires(net: Network, nid: str) -> list[bool]:
    return [bool(v) for v in outputs(net, ROWS, [nid])[:, 0] == 1.0]


def trainer(net: Network, lr: float | None = None) -> Trainer:
    train = lesson_of(net).view.train
    return Trainer(
        net,
        embedded_dataset(net),
        loss=train.loss,
        optimizer=train.optimizer,
        lr=train.lr if lr is None else lr,
        batch_size=train.batch_size,
        seed=train.seed,
    )


# ------------------------------------------------------------------------ every file
def test_the_gallery_lists_every_example_in_lesson_order() -> None:
    infos = examples()
    assert [i.name for i in infos] == ORDER
    assert sorted(p.name for p in FOLDER.glob("*.nsim.json")) == sorted(
        f"{n}.nsim.json" for n in ORDER
    )
    assert [i.number for i in infos[:5]] == ["", "01", "02", "03a", "03b"]
    assert all(i.problem is None and i.title and i.description for i in infos)


def test_the_generator_writes_exactly_the_shipped_files() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_examples", ROOT / "tools" / "make_examples.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build_all()
    assert list(built) == [f"{n}.nsim.json" for n in ORDER]
    for name, net in built.items():
        assert fileformat.dumps(net) == (FOLDER / name).read_text("utf-8"), name


@pytest.mark.parametrize("name", ORDER)
def test_example_loads_round_trips_and_evaluates(name: str) -> None:
    text = (FOLDER / f"{name}.nsim.json").read_text("utf-8")
    net = fileformat.loads(text)
    assert fileformat.dumps(net) == text
    ev = Engine(net).evaluate()
    assert np.isfinite(ev.y).all()
    assert np.isfinite(ev.z[:, ~ev.is_input]).all()


@pytest.mark.parametrize("name", ORDER)
def test_example_has_a_valid_lesson(name: str) -> None:
    net = load(name)
    lesson = lesson_of(net)
    for code in LANGUAGE_CODES:  # each language's text, as the gallery and notes show it
        title, description = in_language(lesson.title, code), in_language(lesson.description, code)
        assert title and description and "\n" not in description
        assert len(description) <= 200
        text = in_language(lesson.notes, code)
        items = len(re.findall(r"<li>", text)) + len(re.findall(r"<p>", text))
        assert 2 <= items <= 6 and len(text) <= 1200
    assert lesson.view.panels and set(lesson.view.panels) <= set(PANELS)
    if lesson.view.selected is not None:
        assert lesson.view.selected in net.neurons
    if {"train", "loss", "gradient_flow"} & set(lesson.view.panels):
        assert lesson.view.train is not None
        assert embedded_dataset(net).recipe is not None  # stored as a built-in recipe
        trainer(net)  # the dataset fits the network


@pytest.mark.parametrize("name", ORDER)
def test_example_is_laid_out_left_to_right_without_overlaps(name: str) -> None:
    net = load(name)
    inputs = [n.position[0] for n in net.of_kind("input")]
    others = [n.position[0] for n in net if not n.is_input]
    assert max(inputs) < min(others)
    if name != "single_neuron":  # the start-up example predates the gallery
        assert all(x % 180.0 == 0.0 for x in inputs + others)  # the auto-layout's columns
    for a, b in itertools.combinations(net, 2):
        gap = np.hypot(a.position[0] - b.position[0], a.position[1] - b.position[1])
        assert gap >= 60.0, (a.id, b.id)


# ------------------------------------------------------------------------ the claims
def test_single_neuron_numbers() -> None:
    net = load("single_neuron")
    ev = Engine(net).evaluate()
    assert ev.of("y1")["z"] == pytest.approx(0.35)
    assert round(ev.of("y1")["y"], 2) == 0.59 and "σ(0.35) ≈ 0.59" in notes("single_neuron")
    sweep = np.linspace(-5, 5, 101)
    up = outputs(net, np.column_stack([sweep, np.full(101, 0.5)]), ["y1"])[:, 0]
    down = outputs(net, np.column_stack([np.ones(101), sweep]), ["y1"])[:, 0]
    assert (np.diff(up) > 0).all() and (np.diff(down) < 0).all()
    assert ((up > 0) & (up < 1)).all()
    net.set_bias("y1", -0.7 + 0.15)  # z = 0 at x = (1, 0.5)
    assert Engine(net).evaluate().of("y1")["y"] == pytest.approx(0.5)


def test_threshold_fires_for_the_rows_the_notes_name() -> None:
    net = load("01-threshold")
    t = np.arange(4) * 25  # the sequence holds each row 25 steps
    assert [values_at(net.neurons[i].source, t).tolist() for i in ("x1", "x2")] == [
        [0, 0, 1, 1],
        [0, 1, 0, 1],
    ]
    assert fires(net, "y") == [False, False, True, True]
    z = Engine(net).evaluate(np.array(ROWS)).z[:, 2]
    assert z == pytest.approx([0.0, 0.4, 0.8, 1.2])
    net.set_param("y", "threshold", 0.3)
    assert fires(net, "y") == [False, True, True, True]
    net.set_param("y", "threshold", 1.0)
    assert fires(net, "y") == [False, False, False, True]
    net.set_param("y", "threshold", 0.0)
    net.set_bias("y", -0.6)
    assert fires(net, "y") == [False, False, True, True]


def test_four_activations_give_the_values_in_the_notes() -> None:
    net = load("02-activation-shapes")
    assert value_range(net.neurons["x1"].source) == (-3.0, 3.0)
    ids = ["y_sigmoid", "y_tanh", "y_relu", "y_leaky"]
    y = outputs(net, [(-2.0, 0.0), (0.0, 0.0), (2.0, 0.0)], ids)
    assert y[:, 0] == pytest.approx([0.12, 0.5, 0.88], abs=0.005)
    assert y[:, 1] == pytest.approx([-0.96, 0.0, 0.96], abs=0.005)
    assert y[:, 2].tolist() == [0.0, 0.0, 2.0]
    assert y[:, 3] == pytest.approx([-0.2, 0.0, 2.0])
    sweep = outputs(net, np.column_stack([np.linspace(-3, 3, 61), np.zeros(61)]), ids)
    assert (sweep[:, 0] > 0).all() and (sweep[:, 0] < 1).all()
    assert (np.abs(sweep[:, 1]) < 1).all() and (sweep[:30, 2] == 0).all()
    assert lesson_of(net).view.compare == ("tanh", "relu", "leaky_relu")


def test_logic_gates_truth_tables() -> None:
    net = load("03a-logic-gates")
    assert fires(net, "and") == [False, False, False, True]
    assert fires(net, "or") == [False, True, True, True]
    assert fires(net, "not") == [True, True, False, False]
    for key in (("x1", "and"), ("x2", "and")):
        net.set_weight(key, -net.synapses[key].weight)
    net.set_bias("and", -net.neurons["and"].bias)
    assert fires(net, "and") == [True, True, True, False]  # the notes' answer: NAND


def test_xor_needs_the_hidden_layer() -> None:
    net = load("03b-xor-hidden-layer")
    assert fires(net, "xor") == [False, True, True, False]
    assert fires(net, "h_or") == [False, True, True, True]
    assert fires(net, "h_nand") == [True, True, True, False]
    single = fires(net, "one")
    assert single == [False, True, True, True]  # OR: right on 3 rows, wrong on 11
    # No single step neuron computes XOR: none of 61³ weight/bias choices does.
    w = np.linspace(-3, 3, 61)
    w1, w2, b = np.meshgrid(w, w, w, indexing="ij")
    fired = [(w1 * x1 + w2 * x2 + b >= 0) for x1, x2 in ROWS]
    xor = fired[1] & fired[2] & ~fired[0] & ~fired[3]
    assert not xor.any()


def test_linear_layers_collapse_into_the_single_neuron() -> None:
    net = load("04-linear-collapse")
    w = {k: s.weight for k, s in net.synapses.items()}
    w1 = np.array([[w[("x1", h)], w[("x2", h)]] for h in ("h11", "h12", "h13")])
    w2 = np.array([[w[(a, b)] for a in ("h11", "h12", "h13")] for b in ("h21", "h22", "h23")])
    w3 = np.array([[w[(a, "y_deep")] for a in ("h21", "h22", "h23")]])
    bias = {n.id: n.bias for n in net if not n.is_input}
    b1 = np.array([bias[h] for h in ("h11", "h12", "h13")])
    b2 = np.array([bias[h] for h in ("h21", "h22", "h23")])
    w_eff = (w3 @ w2 @ w1)[0]
    b_eff = float((w3 @ (w2 @ b1 + b2))[0]) + bias["y_deep"]
    assert [w[("x1", "y_single")], w[("x2", "y_single")]] == w_eff.tolist()
    assert bias["y_single"] == b_eff
    assert "y = 0.875·x₁ + 1.75·x₂ − 0.1875" in notes("04-linear-collapse")
    grid = np.array(list(itertools.product(np.linspace(-2, 2, 41), repeat=2)))
    y = outputs(net, grid, ["y_deep", "y_single"])
    assert np.abs(y[:, 0] - y[:, 1]).max() <= 1e-12
    assert sum(1 for s in net.synapses if s[1] != "y_single") == 18  # "18 weights"
    assert len([n for n in net if not n.is_input and n.id != "y_single"]) == 7  # "7 biases"
    for h in ("h11", "h12", "h13", "h21", "h22", "h23"):
        net.set_activation(h, "tanh")
    y = outputs(net, grid, ["y_deep", "y_single"])
    assert np.abs(y[:, 0] - y[:, 1]).max() > 0.1


def test_vanishing_gradients_in_the_sigmoid_chain_not_the_relu_chain() -> None:
    sig, relu = load("05a-vanishing-sigmoid"), load("05b-vanishing-relu")
    assert [s.weight for s in sig.synapses.values()] == [s.weight for s in relu.synapses.values()]
    start = {name: trainer(net).measure() for name, net in (("sig", sig), ("relu", relu))}
    g_sig, g_relu = start["sig"].grad_norm_per_level, start["relu"].grad_norm_per_level
    assert len(g_sig) == 7 and g_relu[0] >= 10_000 * g_sig[0]
    assert round(g_sig[0], 5) == 0.00017 and round(g_sig[-1], 1) == 1.4
    assert round(g_relu[0], 1) == 2.1 and max(g_relu) / min(g_relu) < 2  # flat
    assert (np.diff(g_sig) > 0).all()  # falls steeply back towards h1
    h6 = outputs(sig, np.linspace(-1, 1, 201)[:, None], ["h6"])[:, 0]
    assert np.ptp(h6) < 0.00025 and "only 0.0002" in notes("05a-vanishing-sigmoid")
    for net, before, after, name in ((sig, 0.77, 0.44, "sig"), (relu, 1.24, 0.18, "relu")):
        tr = trainer(net)
        assert round(start[name].loss, 2) == before
        p0 = tr.params.copy()
        for _ in range(lesson_of(net).view.train.epochs):
            record = tr.step_epoch()
        assert round(record.loss, 2) == after
        moved = np.abs(tr.params - p0)
        first = moved[tr.weight_index[("x", "h1")]]
        if name == "sig":
            assert first < 0.001
        else:  # every level learns
            levels = [
                max(moved[tr.weight_index[s.key]], moved[tr.bias_index[s.target]])
                for s in net.synapses.values()
            ]
            assert min(levels) > 0.01 and record.dead == []
    tr = trainer(load("05b-vanishing-relu"), lr=0.1)
    assert tr.step_epoch().dead == ["h6"]
    for _ in range(99):
        record = tr.step_epoch()
    assert round(record.loss, 2) == 0.44


def _active(name: str) -> np.ndarray:
    net = load(name)
    t = np.arange(1000)
    x = np.column_stack([values_at(n.source, t) for n in net.of_kind("input")])
    return Engine(net).evaluate(x).active_fraction


def test_relu_is_sparse_and_tanh_is_not() -> None:
    relu, tanh = load("06a-sparse-relu"), load("06b-dense-tanh")
    base = layered_network([2, 16, 16, 1], "relu", seed=0, output_activation="sigmoid")
    for net in (relu, tanh):
        assert len(net.of_kind("hidden")) == 32
        assert [n.bias for n in net if not n.is_input and n.kind == "hidden"] == [
            n.bias - 0.2 for n in base.of_kind("hidden")
        ]
        assert [s.weight for s in net.synapses.values()] == [
            s.weight for s in base.synapses.values()
        ]
    active = _active("06a-sparse-relu")
    assert 0.2 <= active.mean() <= 0.4 and round(100 * active.mean()) == 26
    assert "about 26 %" in notes("06a-sparse-relu") and "about 26 %" in notes("06b-dense-tanh")
    assert (_active("06b-dense-tanh") == 1.0).all()
    for n in relu.of_kind("hidden"):
        relu.set_bias(n.id, n.bias - 0.2)
    t = np.arange(1000)
    x = np.column_stack([values_at(n.source, t) for n in relu.of_kind("input")])
    assert Engine(relu).evaluate(x).active_fraction.mean() < active.mean() - 0.05


def test_relu_dies_at_a_large_learning_rate_and_leaky_relu_does_not() -> None:
    relu, leaky = load("07a-dying-relu"), load("07b-leaky-relu")
    assert lesson_of(relu).view.train.lr == 0.6 and lesson_of(relu).view.train.epochs == 100
    tr = trainer(relu)
    assert round(tr.measure().loss, 1) == 0.9
    history = [tr.step_epoch() for _ in range(100)]
    assert history[0].loss > 4 and len(history[4].dead) == 8
    assert round(history[-1].loss, 2) == 0.44 and len(history[-1].dead) == 8
    tl = trainer(leaky)
    leaky_history = [tl.step_epoch() for _ in range(100)]
    tl.write_back()
    silent = Engine(leaky).evaluate(embedded_dataset(leaky).inputs).silent
    hidden = [Engine(leaky).compiled.index[n.id] for n in leaky.of_kind("hidden")]
    assert not silent[:, hidden].all(axis=0).any()  # no hidden neuron silent for every x
    assert round(leaky_history[-1].loss, 2) == 0.21 < history[-1].loss
    for net, loss in ((load("07a-dying-relu"), 0.05), (load("07b-leaky-relu"), 0.06)):
        tr = trainer(net, lr=0.1)
        for _ in range(100):
            record = tr.step_epoch()
        assert round(record.loss, 2) == loss and record.dead == []


def _first_epoch_at(tr: Trainer, accuracy: float, epochs: int) -> tuple[int | None, float]:
    hit = None
    for epoch in range(1, epochs + 1):
        record = tr.step_epoch()
        if hit is None and record.accuracy >= accuracy:
            hit = epoch
    return hit, record.accuracy


def test_every_compared_activation_trains_as_the_notes_say() -> None:
    net = load("08-choosing-activation")
    view = lesson_of(net).view
    assert view.compare == ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu")
    assert set(view.compare) <= set(ACTIVATION_NAMES)
    hit = {}
    for name in view.compare:
        trial = net.copy()
        for n in trial.of_kind("hidden"):
            trial.set_activation(n.id, name)
        init_weights(trial, view.train.seed)
        hit[name] = _first_epoch_at(trainer(trial), 0.95, view.train.epochs)
        # The trainers leave ``trial`` as initialised (nothing is written back).
        adam = Trainer(trial, embedded_dataset(trial), loss="bce", optimizer="adam", lr=0.03)
        assert _first_epoch_at(adam, 0.95, view.train.epochs)[0] is not None, name
    for name in ("relu", "leaky_relu", "elu", "gelu"):
        assert hit[name][0] <= 40, (name, hit[name])
    assert 100 <= hit["tanh"][0] <= 180
    assert hit["sigmoid"][0] is None and 0.5 <= hit["sigmoid"][1] <= 0.7


def test_relu_draws_straight_edges_and_tanh_curves() -> None:
    line = np.column_stack([np.linspace(-1.5, 1.5, 601), np.full(601, 0.3)])
    bends = {}
    for name in ("relu", "tanh"):
        net = load("08-choosing-activation")
        for n in net.of_kind("hidden"):
            net.set_activation(n.id, name)
        init_weights(net, 0)
        tr = trainer(net)
        for _ in range(100):
            tr.step_epoch()
        tr.write_back()
        ev = Engine(net).evaluate(line)
        z = ev.z[:, ev.index["y1"]]
        bends[name] = np.mean(np.abs(np.diff(z, 2)) > 1e-9)
    assert bends["relu"] < 0.1 < 0.9 < bends["tanh"]
