"""The Trainer: hand-computed steps, frozen parameters, batches, records, errors, init."""

from __future__ import annotations

import math

import numpy as np
import pytest

from neurosim.core.builders import layered_network
from neurosim.core.datasets import Dataset, builtin
from neurosim.core.engine import Engine
from neurosim.core.model import Network
from neurosim.core.optimizers import OPTIMIZER_NAMES
from neurosim.core.training import (
    EpochRecord,
    Trainer,
    TrainingError,
    align_dataset,
    embedded_dataset,
    init_weights,
    zero_gradient_reason,
)
from neurosim.core.training_setup import STEP_MESSAGE


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _one_neuron(w: float = 0.5, b: float = -0.25) -> Network:
    net = Network()
    net.add_neuron("input", "x1")
    net.add_neuron("output", "y1", activation="sigmoid", bias=b)
    net.add_synapse("x1", "y1", w)
    return net


def _rows(x, t, ins=("x1",), outs=("y1",), task="regression") -> Dataset:
    return Dataset("hand", np.array(x, float), np.array(t, float), ins, outs, task)


def test_full_batch_sgd_step_matches_hand_computation():
    net = _one_neuron()
    x, t = np.array([1.0, -2.0, 0.5]), np.array([1.0, 0.0, 1.0])
    trainer = Trainer(net, _rows(x[:, None], t[:, None]), lr=0.3)
    y = _sigmoid(0.5 * x - 0.25)
    dz = 2.0 * (y - t) / 3 * y * (1 - y)
    record = trainer.step_epoch()
    trainer.write_back()
    assert net.synapses[("x1", "y1")].weight == pytest.approx(0.5 - 0.3 * (dz * x).sum(), abs=1e-15)
    assert net.neurons["y1"].bias == pytest.approx(-0.25 - 0.3 * dz.sum(), abs=1e-15)
    y_after = _sigmoid(net.synapses[("x1", "y1")].weight * x + net.neurons["y1"].bias)
    assert record.epoch == 1 and trainer.epoch == 1
    assert record.loss == pytest.approx(np.mean((y_after - t) ** 2), rel=1e-12)


def test_write_back_is_one_announcement_and_keeps_the_values():
    net = layered_network([2, 3, 1], "tanh", seed=1)
    trainer = Trainer(net, builtin("xor"), lr=0.5)
    trainer.step_epoch()
    calls = []
    net.parameters_changed.connect(lambda: calls.append(1))
    net.synapse_changed.connect(lambda *a: calls.append(a))
    trainer.write_back()
    assert calls == [1]
    for key, i in trainer.weight_index.items():
        assert net.synapses[key].weight == trainer.params[i]
    assert not trainer.params.flags.writeable


@pytest.mark.parametrize("optimizer", OPTIMIZER_NAMES)
def test_frozen_weights_and_biases_never_change(optimizer):
    net = layered_network([2, 4, 1], "tanh", seed=2)
    net.set_synapse_frozen(("x1", "h2"), True)
    net.set_neuron_frozen("h3", True)
    net.set_neuron_frozen("y1", True)
    before = net.copy()
    trainer = Trainer(net, builtin("circle", 40), optimizer=optimizer, lr=0.2, batch_size=7)
    for _ in range(5):
        trainer.step_epoch()
    trainer.write_back()
    assert net.synapses[("x1", "h2")].weight == before.synapses[("x1", "h2")].weight
    assert net.neurons["h3"].bias == before.neurons["h3"].bias
    assert net.neurons["y1"].bias == before.neurons["y1"].bias
    assert net.neurons["h1"].bias != before.neurons["h1"].bias
    assert net.synapses[("x2", "h2")].weight != before.synapses[("x2", "h2")].weight


def _trained(seed: int, epochs: int = 3, batch: int = 4) -> np.ndarray:
    trainer = Trainer(
        layered_network([2, 3, 1], "tanh", seed=0),
        builtin("circle", 30),
        lr=0.1,
        batch_size=batch,
        seed=seed,
    )
    for _ in range(epochs):
        trainer.step_epoch()
    return trainer.params.copy()


def test_mini_batches_are_deterministic_for_a_seed():
    assert np.array_equal(_trained(7), _trained(7))
    assert not np.allclose(_trained(7), _trained(8))


def test_mini_batch_epoch_is_a_step_per_shuffled_batch():
    ds = builtin("gauss", 10, seed=4)
    net = layered_network([2, 3, 1], "sigmoid", seed=5)
    trainer = Trainer(net.copy(), ds, lr=0.4, batch_size=4, seed=11)
    trainer.step_epoch()
    order = np.random.default_rng(11).permutation(10)
    for lo in range(0, 10, 4):  # batches of 4, 4 and 2, each one full-batch SGD step
        rows = order[lo : lo + 4]
        part = Dataset("part", ds.inputs[rows], ds.targets[rows], ("x1", "x2"), ("y1",), ds.task)
        step = Trainer(net, part, lr=0.4)
        step.step_epoch()
        step.write_back()
    reference = Trainer(net, ds)
    np.testing.assert_allclose(trainer.params, reference.params, rtol=1e-12, atol=1e-14)


def test_xor_is_learned_by_a_2_2_1_sigmoid_network():
    net = layered_network([2, 2, 1], "sigmoid")
    init_weights(net, seed=3)
    trainer = Trainer(net, builtin("xor"), lr=5.0)
    for _ in range(2000):
        record = trainer.step_epoch()
        if record.loss < 0.02:
            break
    assert record.loss < 0.02 and record.accuracy == 1.0
    trainer.write_back()
    y = Engine(net).forward(np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float))[:, -1]
    assert list(y > 0.5) == [False, True, True, False]


def test_record_figures():
    net = layered_network([2, 4, 3, 1], "tanh", seed=6)
    trainer = Trainer(net, builtin("circle", 50), lr=0.1)
    record = trainer.step_epoch()
    assert isinstance(record, EpochRecord) and trainer.history == [record]
    assert len(record.grad_norm_per_level) == 3
    assert set(record.grad_norm_per_neuron) == {n.id for n in net if not n.is_input}
    level_1 = [record.grad_norm_per_neuron[f"h{i}"] for i in range(1, 5)]
    assert record.grad_norm_per_level[0] == pytest.approx(math.hypot(*level_1))
    g = trainer.gradient()
    assert record.grad_norm_per_level[2] == pytest.approx(
        math.hypot(
            g[trainer.weight_index[("h5", "y1")]],
            g[trainer.weight_index[("h6", "y1")]],
            g[trainer.weight_index[("h7", "y1")]],
            g[trainer.bias_index["y1"]],
        )
    )
    assert 0.0 <= record.accuracy <= 1.0
    assert trainer.measure() == record and len(trainer.history) == 1
    sine = Trainer(layered_network([1, 3, 1], "tanh"), builtin("sine", 20))
    assert sine.step_epoch().accuracy is None


def test_dead_relu_neurons_are_reported():
    net = layered_network([2, 3, 1], "relu", seed=0, output_activation="sigmoid")
    net.set_bias("h1", -50.0)  # below zero for every point of the unit square
    trainer = Trainer(net, builtin("xor"), lr=0.1)
    record = trainer.step_epoch()
    assert record.dead == ["h1"]
    assert record.grad_norm_per_neuron["h1"] == 0.0
    assert record.grad_norm_per_neuron["h2"] > 0.0 or record.grad_norm_per_neuron["h3"] > 0.0


def test_leaky_relu_and_elu_die_only_with_alpha_zero():
    net = layered_network([2, 4, 1], "relu", seed=0, output_activation="sigmoid")
    for nid, act, alpha in (
        ("h1", "leaky_relu", 0.0),
        ("h2", "elu", 0.0),
        ("h3", "leaky_relu", 0.01),
        ("h4", "elu", 1.0),
    ):
        net.set_activation(nid, act, {"alpha": alpha})
        net.set_bias(nid, -50.0)  # z < 0 for every point of the unit square
    record = Trainer(net, builtin("xor"), lr=0.1).step_epoch()
    assert record.dead == ["h1", "h2"]  # with α > 0 the slope below 0 is not 0
    assert record.grad_norm_per_neuron["h1"] == record.grad_norm_per_neuron["h2"] == 0.0
    assert record.grad_norm_per_neuron["h3"] > 0.0 and record.grad_norm_per_neuron["h4"] > 0.0


def _sliced(trainer: Trainer) -> tuple[EpochRecord, int]:
    """One epoch by advance() calls whose deadline has passed: (record, calls)."""
    calls, record = 0, None
    while record is None:
        record = trainer.advance(deadline=0.0)
        calls += 1
    return record, calls


def test_advance_runs_an_epoch_in_slices_with_the_same_result():
    args = (builtin("circle", 30), "mse", "momentum", 0.1, 4)
    whole = Trainer(layered_network([2, 3, 1], "tanh", seed=0), *args, seed=3)
    sliced = Trainer(layered_network([2, 3, 1], "tanh", seed=0), *args, seed=3)
    for _ in range(3):
        expected = whole.step_epoch()
        record, calls = _sliced(sliced)
        assert calls == 7  # a past deadline still runs a batch: 7 of 4 rows (+ 2 rows)
        assert record == expected and sliced.epoch == whole.epoch
        assert np.array_equal(sliced.params, whole.params) and not sliced.in_epoch
    assert sliced.advance(deadline=0.0) is None and sliced.in_epoch
    assert not np.array_equal(sliced.params, whole.params)  # part-way: one batch done
    assert sliced.step_epoch() == whole.step_epoch()  # finishes the epoch begun
    full = Trainer(layered_network([2, 3, 1], "tanh", seed=0), builtin("xor"))
    assert full.advance(deadline=0.0) is not None  # one full-batch step is the epoch


def test_divergence_within_a_sliced_epoch_goes_back_to_its_start():
    trainer = Trainer(
        layered_network([1, 4, 1], "linear", seed=0), builtin("sine", 50), lr=1e3, batch_size=5
    )
    start = trainer.params.copy()
    with pytest.raises(TrainingError, match="epoch 1: .*lower learning rate"):
        for _ in range(10):
            assert trainer.advance(deadline=0.0) is None
    assert np.array_equal(trainer.params, start) and not trainer.in_epoch
    assert trainer.epoch == 0 and trainer.history == []


def _step_network(hidden: str, output: str) -> Network:
    net = Network()
    for nid in ("x1", "x2"):
        net.add_neuron("input", nid)
    net.add_neuron("hidden", "h1", activation=hidden)
    net.add_neuron("output", "y1", activation=output)
    for s in ("x1", "x2"):
        net.add_synapse(s, "h1", 1.0)
    net.add_synapse("h1", "y1", 1.0)
    return net


def test_step_networks_report_a_zero_gradient():
    for hidden, output in (("step", "step"), ("sigmoid", "step")):
        net = _step_network(hidden, output)
        trainer = Trainer(net, builtin("and"))
        assert trainer.zero_gradient_reason() == STEP_MESSAGE
        assert not trainer.gradient().any()
    assert zero_gradient_reason(_step_network("step", "sigmoid")) is None
    frozen = _step_network("sigmoid", "sigmoid")
    for key in frozen.synapses:
        frozen.set_synapse_frozen(key, True)
    for nid in ("h1", "y1"):
        frozen.set_neuron_frozen(nid, True)
    assert "frozen" in zero_gradient_reason(frozen)


def test_untrainable_setups_raise_training_errors():
    net = layered_network([2, 2, 1], "tanh")
    no_outputs = Network()
    no_outputs.add_neuron("input", "x1")
    no_outputs.add_neuron("hidden", "h1")
    no_outputs.add_synapse("x1", "h1")
    cases = [
        (lambda: Trainer(no_outputs, builtin("sine")), "no output neurons"),
        (lambda: Trainer(net, builtin("sine")), "1 input column(s) but the network has 2"),
        (
            lambda: Trainer(net, _rows([[0, 1]], [[1]], ("a", "x2"))),
            "no column for the input neuron(s) x1",
        ),
        (lambda: Trainer(net, builtin("xor"), loss="bce"), "uses tanh"),
        (lambda: Trainer(net, builtin("xor"), loss="hinge"), "unknown loss"),
        (lambda: Trainer(net, builtin("xor"), optimizer="rmsprop"), "unknown optimizer"),
        (lambda: Trainer(net, builtin("xor"), lr=0.0), "learning rate"),
        (lambda: Trainer(net, builtin("xor"), batch_size=0), "batch size"),
        (lambda: Trainer(net, builtin("xor"), seed=-1), "seed"),
    ]
    sigmoid_out = layered_network([1, 2, 1], "tanh", output_activation="sigmoid")
    cases.append(
        (lambda: Trainer(sigmoid_out, builtin("sine"), loss="bce"), "targets between 0 and 1")
    )
    for make, message in cases:
        with pytest.raises(TrainingError, match=message.replace("(", r"\(").replace(")", r"\)")):
            make()


def test_columns_are_matched_by_name_then_by_position_for_builtins():
    net = layered_network([2, 2, 1], "tanh")
    swapped = _rows([[1.0, 2.0]], [[3.0]], ("x2", "x1"))
    x, t = align_dataset(net, swapped)
    assert x.tolist() == [[2.0, 1.0]] and t.tolist() == [[3.0]]
    x, t = align_dataset(net, builtin("xor"))  # outputs named "y" in the set, "y1" here
    assert t[:, 0].tolist() == [0.0, 1.0, 1.0, 0.0]


def test_divergence_restores_the_parameters():
    net = layered_network([1, 4, 1], "linear", seed=0)
    trainer = Trainer(net, builtin("sine", 50), lr=1e6)
    for _ in range(50):
        before = trainer.params.copy()
        try:
            trainer.step_epoch()
        except TrainingError as exc:
            message = str(exc)
            break
    else:
        pytest.fail("training with lr=1e6 did not diverge")
    assert message.startswith(f"epoch {trainer.epoch + 1}: ") and "lower learning rate" in message
    assert np.array_equal(trainer.params, before)
    assert len(trainer.history) == trainer.epoch


def test_embedded_dataset():
    net = layered_network([2, 2, 1], "tanh")
    assert embedded_dataset(net) is None
    net.extra["dataset"] = {"builtin": "xor", "inputs": ["x1", "x2"], "outputs": ["y1"]}
    ds = embedded_dataset(net)
    assert ds.target_names == ("y1",) and len(ds) == 4


def test_init_weights_scales_and_seed():
    net = layered_network([60, 40, 30, 1], "tanh", seed=0)
    for n in net.of_kind("hidden")[40:]:
        net.set_activation(n.id, "relu")
    net.set_synapse_frozen(("x1", "h1"), True)
    net.set_neuron_frozen("h2", True)
    frozen_w, frozen_b = net.synapses[("x1", "h1")].weight, net.neurons["h2"].bias
    calls = []
    net.parameters_changed.connect(lambda: calls.append(1))
    init_weights(net, seed=4)
    assert calls == [1]
    tanh_w = np.array(
        [
            s.weight
            for s in net.synapses.values()
            if s.target.startswith("h") and int(s.target[1:]) <= 40 and s.key != ("x1", "h1")
        ]
    )
    relu_w = np.array(
        [
            s.weight
            for s in net.synapses.values()
            if s.target.startswith("h") and int(s.target[1:]) > 40
        ]
    )
    xavier, he = math.sqrt(6 / (60 + 40)), math.sqrt(6 / 40)
    assert np.abs(tanh_w).max() <= xavier and np.abs(relu_w).max() <= he
    assert tanh_w.std() == pytest.approx(xavier / math.sqrt(3), rel=0.05)
    assert relu_w.std() == pytest.approx(he / math.sqrt(3), rel=0.05)
    assert net.synapses[("x1", "h1")].weight == frozen_w and net.neurons["h2"].bias == frozen_b
    assert all(n.bias == 0.0 for n in net if not n.is_input and n.id != "h2")
    again = layered_network([60, 40, 30, 1], "tanh", seed=9)
    for n in again.of_kind("hidden")[40:]:
        again.set_activation(n.id, "relu")
    again.set_synapse_frozen(("x1", "h1"), True)
    init_weights(again, seed=4)
    keys = [k for k in net.synapses if k != ("x1", "h1")]
    assert all(net.synapses[k].weight == again.synapses[k].weight for k in keys)
    init_weights(again, seed=5)
    assert not any(net.synapses[k].weight == again.synapses[k].weight for k in keys)


def test_lr_can_change_between_epochs():
    trainer = Trainer(layered_network([2, 2, 1], "tanh"), builtin("xor"), lr=0.1)
    trainer.lr = 0.5
    assert trainer.lr == 0.5
    with pytest.raises(TrainingError):
        trainer.lr = -1.0
    assert trainer.lr == 0.5
