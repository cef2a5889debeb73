"""The compiled mini-batch loop (numba) against the numpy trainer, an independent per-sample
reference written here, and TensorFlow Playground's engine (when node and the peer bench are
there); and the numpy fallback when numba is missing or turned off."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from neurosim.core import jit
from neurosim.core.activations import ACTIVATION_NAMES, get_activation
from neurosim.core.builders import layered_network, random_dag
from neurosim.core.datasets import Dataset, builtin
from neurosim.core.model import Network
from neurosim.core.training import (
    Trainer,
    TrainingError,
    compiled_ready,
    init_weights,
    warm_up_compiled,
)

REPO = Path(__file__).resolve().parent.parent
PEER = REPO.parent / "shared" / "peer-bench"
needs_numba = pytest.mark.skipif(jit.reason() is not None, reason=f"no numba: {jit.reason()}")
OPTIMIZERS = ("sgd", "momentum", "adam")
# a parameter away from the default, so the kernel is seen to read it
PARAMS = {"linear": ("slope", 0.7), "leaky_relu": ("alpha", 0.1), "elu": ("alpha", 0.6)}


def _data(net: Network, rows: int, seed: int, soft: bool = False) -> Dataset:
    rng = np.random.default_rng(seed)
    ins = [n.id for n in net.of_kind("input")]
    outs = [n.id for n in net.of_kind("output")]
    t = rng.uniform(0.0, 1.0, (rows, len(outs))) if soft else rng.normal(size=(rows, len(outs)))
    return Dataset("random", rng.normal(size=(rows, len(ins))), t, ins, outs, "regression")


def _pair(net: Network, ds: Dataset, epochs: int, **settings: object) -> tuple[Trainer, Trainer]:
    """The same training run compiled and in numpy."""
    runs = []
    for compiled in (True, False):
        trainer = Trainer(net.copy(), ds, compiled=compiled, **settings)
        assert trainer.compiled is compiled
        for _ in range(epochs):
            trainer.step_epoch()
        runs.append(trainer)
    return runs[0], runs[1]


def _same(a: Trainer, b: Trainer, start: np.ndarray) -> None:
    assert np.abs(a.params - start).max() > 1e-3  # training moved the parameters
    np.testing.assert_allclose(a.params, b.params, rtol=0, atol=1e-12)
    for ra, rb in zip(a.history, b.history, strict=True):
        assert ra.loss == pytest.approx(rb.loss, rel=1e-12, abs=1e-15)


def _with_params(net: Network) -> Network:
    for n in net:
        if n.activation in PARAMS and not n.is_input:
            net.set_param(n.id, *PARAMS[n.activation])
    return net


# --- compiled against numpy -----------------------------------------------------------------


@needs_numba
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
def test_compiled_matches_numpy_on_random_dags(activation: str, optimizer: str) -> None:
    # Skip connections of every length, two outputs, a step neuron where one is drawn.
    acts = (activation, "tanh") if activation == "step" else (activation,)
    net = _with_params(random_dag(14, 40, seed=3, n_inputs=3, n_outputs=2, activations=acts))
    ds = _data(net, 37, seed=1)  # 37 rows in batches of 8: a last batch of 5
    start = Trainer(net, ds, compiled=False).params.copy()
    lr = 0.01 if optimizer == "adam" else 0.05
    a, b = _pair(net, ds, 4, optimizer=optimizer, lr=lr, batch_size=8, seed=2)
    _same(a, b, start)


@needs_numba
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_compiled_matches_numpy_with_bce_frozen_parts_and_mixed_activations(optimizer: str):
    net = _with_params(
        random_dag(
            24, 80, seed=7, n_inputs=3, n_outputs=3, activations=tuple(sorted(PARAMS)) + ("gelu",)
        )
    )
    for o in net.of_kind("output"):
        net.set_activation(o.id, "sigmoid")
    keys = sorted(net.synapses)
    for key in keys[::5]:
        net.set_synapse_frozen(key, True)
    hidden = [n.id for n in net.of_kind("hidden")]
    for nid in hidden[::4]:
        net.set_neuron_frozen(nid, True)
    ds = _data(net, 30, seed=4, soft=True)
    start = Trainer(net, ds, loss="bce", compiled=False).params.copy()
    a, b = _pair(net, ds, 5, loss="bce", optimizer=optimizer, lr=0.05, batch_size=4, seed=9)
    _same(a, b, start)
    frozen = [a.bias_index[nid] for nid in hidden[::4]] + [a.weight_index[k] for k in keys[::5]]
    assert np.array_equal(a.params[frozen], start[frozen])


@needs_numba
def test_compiled_trains_the_playground_workload_as_numpy_does() -> None:
    net = layered_network([2, 8, 8, 1], "tanh", seed=0)
    init_weights(net, seed=0)
    ds = builtin("circle", 500, 0.1, 0)
    start = Trainer(net, ds, compiled=False).params.copy()
    a, b = _pair(net, ds, 30, lr=0.03, batch_size=10, seed=0)
    _same(a, b, start)


# --- an independent reference: per-sample backprop on layer matrices ------------------------


def _layers(net: Network, sizes: list[int]) -> list[list[str]]:
    ids, out, k = list(net.neurons), [], 0
    for size in sizes:
        out.append(ids[k : k + size])
        k += size
    return out


def _reference(
    net: Network,
    ds: Dataset,
    sizes: list[int],
    loss: str,
    optimizer: str,
    lr: float,
    batch: int,
    seed: int,
    epochs: int,
) -> dict[str, np.ndarray]:
    """Textbook mini-batch training, one sample at a time; returns W1, b1, W2, b2, …"""
    layers = _layers(net, sizes)
    w = [
        np.array([[net.synapses[(s, t)].weight for s in src] for t in dst])
        for src, dst in zip(layers, layers[1:], strict=False)
    ]
    b = [np.array([net.neurons[t].bias for t in dst]) for dst in layers[1:]]
    acts = [
        (get_activation(net.neurons[dst[0]].activation), net.neurons[dst[0]].params)
        for dst in layers[1:]
    ]
    x = ds.inputs[:, [ds.input_names.index(i) for i in layers[0]]]
    t = ds.targets[:, [ds.target_names.index(o) for o in layers[-1]]]
    params = w + b
    state = [[np.zeros_like(p) for p in params] for _ in range(2)]
    rng, n, steps = np.random.default_rng(seed), len(x), 0
    for _ in range(epochs):
        order = rng.permutation(n) if batch < n else np.arange(n)
        for lo in range(0, n, batch):
            rows = order[lo : lo + batch]
            grads = [np.zeros_like(p) for p in params]
            for i in rows:
                ys, zs = [x[i]], []
                for wl, bl, (act, p) in zip(w, b, acts, strict=True):
                    zs.append(wl @ ys[-1] + bl)
                    ys.append(act.f(zs[-1], p))
                y = ys[-1]
                scale = 1.0 / (len(rows) * y.size)
                if loss == "mse":
                    dy = 2.0 * (y - t[i]) * scale
                else:
                    yc = np.clip(y, 1e-12, 1.0 - 1e-12)
                    dy = (yc - t[i]) / (yc * (1.0 - yc)) * scale
                for li in reversed(range(len(w))):
                    act, p = acts[li]
                    dz = dy * act.df(zs[li], p)
                    grads[li] += np.outer(dz, ys[li])
                    grads[len(w) + li] += dz
                    dy = w[li].T @ dz
            steps += 1
            for k, g in enumerate(grads):
                if optimizer == "sgd":
                    params[k] -= lr * g
                elif optimizer == "momentum":
                    state[0][k] = 0.9 * state[0][k] - lr * g
                    params[k] += state[0][k]
                else:
                    m = state[0][k] = 0.9 * state[0][k] + 0.1 * g
                    v = state[1][k] = 0.999 * state[1][k] + 0.001 * g * g
                    m_hat, v_hat = m / (1 - 0.9**steps), v / (1 - 0.999**steps)
                    params[k] -= lr * m_hat / (np.sqrt(v_hat) + 1e-8)
    return {"w": params[: len(w)], "b": params[len(w) :], "layers": layers}


def _check_against_reference(trainer: Trainer, ref: dict, start: np.ndarray) -> None:
    got = trainer.params
    assert np.abs(got - start).max() > 1e-3
    layers = ref["layers"]
    for li, (src, dst) in enumerate(zip(layers, layers[1:], strict=False)):
        for j, target in enumerate(dst):
            assert got[trainer.bias_index[target]] == pytest.approx(ref["b"][li][j], abs=1e-12)
            for i, source in enumerate(src):
                value = got[trainer.weight_index[(source, target)]]
                assert value == pytest.approx(ref["w"][li][j, i], abs=1e-12)


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "numpy"])
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
def test_training_matches_a_per_sample_reference(activation, optimizer, compiled) -> None:
    if compiled and jit.reason() is not None:
        pytest.skip(f"no numba: {jit.reason()}")
    sizes = [3, 5, 4, 2]
    out = "sigmoid" if activation == "step" else activation
    net = _with_params(layered_network(sizes, activation, seed=1, output_activation=out))
    ds = _data(net, 23, seed=5)  # batches of 6, 6, 6 and 5
    settings = {"optimizer": optimizer, "lr": 0.01 if optimizer == "adam" else 0.05}
    trainer = Trainer(net.copy(), ds, batch_size=6, seed=4, compiled=compiled, **settings)
    start = trainer.params.copy()
    for _ in range(4):
        trainer.step_epoch()
    ref = _reference(net, ds, sizes, "mse", optimizer, settings["lr"], 6, 4, 4)
    _check_against_reference(trainer, ref, start)


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "numpy"])
def test_bce_training_matches_a_per_sample_reference(compiled) -> None:
    if compiled and jit.reason() is not None:
        pytest.skip(f"no numba: {jit.reason()}")
    sizes = [2, 6, 1]
    net = layered_network(sizes, "tanh", seed=3, output_activation="sigmoid")
    ds = _data(net, 40, seed=6, soft=True)
    trainer = Trainer(net.copy(), ds, loss="bce", lr=0.2, batch_size=7, seed=1, compiled=compiled)
    start = trainer.params.copy()
    for _ in range(6):
        trainer.step_epoch()
    _check_against_reference(trainer, _reference(net, ds, sizes, "bce", "sgd", 0.2, 7, 1, 6), start)


# --- TensorFlow Playground's engine --------------------------------------------------------


@pytest.mark.skipif(
    shutil.which("node") is None or not (PEER / "harness.js").is_file(),
    reason="node or ../shared/peer-bench is not there",
)
@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "numpy"])
def test_training_ends_with_the_playground_engines_weights(tmp_path, compiled) -> None:
    if compiled and jit.reason() is not None:
        pytest.skip(f"no numba: {jit.reason()}")
    sizes, epochs = [2, 8, 8, 1], 8
    net = layered_network(sizes, "tanh", seed=0)
    init_weights(net, seed=0)
    ds = builtin("circle", 500, 0.1, 0)
    trainer = Trainer(net.copy(), ds, lr=0.03, batch_size=10, seed=0, compiled=compiled)
    rng = np.random.default_rng(0)  # the trainer's shuffles, for the peer to follow
    layers = _layers(net, sizes)
    fixture = {
        "shape": sizes,
        "batch": 10,
        "lr": 0.03,
        "lr_playground": 0.06,  # its error is ½(o − t)²: twice our rate for the same step
        "x": ds.inputs.tolist(),
        "t": ds.targets[:, 0].tolist(),
        "orders": [rng.permutation(500).tolist() for _ in range(epochs)],
        "weights": [
            [[net.synapses[(s, t)].weight for s in src] for t in dst]
            for src, dst in zip(layers, layers[1:], strict=False)
        ],
        "biases": [[net.neurons[t].bias for t in dst] for dst in layers[1:]],
    }
    path = tmp_path / "fx.json"
    path.write_text(json.dumps(fixture))
    done = subprocess.run(
        ["node", str(PEER / "harness.js"), "equiv", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    peer = json.loads(done.stdout)
    for _ in range(epochs):
        trainer.step_epoch()
    ours = [
        [[trainer.params[trainer.weight_index[(s, t)]] for s in src] for t in dst]
        for src, dst in zip(layers, layers[1:], strict=False)
    ]
    for mine, theirs in zip(ours, peer["weights"], strict=True):
        np.testing.assert_allclose(mine, theirs, rtol=0, atol=1e-12)
    biases = [[trainer.params[trainer.bias_index[t]] for t in dst] for dst in layers[1:]]
    for mine, theirs in zip(biases, peer["biases"], strict=True):
        np.testing.assert_allclose(mine, theirs, rtol=0, atol=1e-12)
    losses = [r.loss for r in trainer.history]
    np.testing.assert_allclose(losses, peer["losses"], rtol=1e-10)


# --- slices, divergence, the fallback ------------------------------------------------------


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "numpy"])
def test_a_past_deadline_still_runs_one_batch(compiled) -> None:
    if compiled and jit.reason() is not None:
        pytest.skip(f"no numba: {jit.reason()}")
    net = layered_network([2, 3, 1], "tanh", seed=0)
    ds = builtin("circle", 30)
    whole = Trainer(net.copy(), ds, batch_size=4, seed=3, compiled=compiled)
    sliced = Trainer(net.copy(), ds, batch_size=4, seed=3, compiled=compiled)
    expected = whole.step_epoch()
    calls, record = 0, None
    while record is None:
        record = sliced.advance(deadline=0.0)
        calls += 1
    assert calls == 7 and record == expected  # 7 batches of 4, the last with the 2 left
    assert np.array_equal(sliced.params, whole.params)
    many = Trainer(net.copy(), ds, batch_size=1, seed=3, compiled=compiled)
    assert many.advance(deadline=float("inf")) is not None  # no deadline: the whole epoch


@needs_numba
def test_a_long_compiled_epoch_is_spread_over_deadlines() -> None:
    # 100,000 rows one at a time: tens of ms compiled, so a 2 ms budget takes many calls
    # (each runs batches at the pace measured so far, then stops once the deadline passed).
    ds = builtin("circle", 100_000, 0.1, 0)
    net = layered_network([2, 3, 1], "tanh", seed=0)
    whole = Trainer(net.copy(), ds, batch_size=1, seed=3)
    sliced = Trainer(net.copy(), ds, batch_size=1, seed=3)
    assert whole.compiled and sliced.compiled
    expected = whole.step_epoch()
    calls, record = 0, None
    while record is None:
        record = sliced.advance(time.perf_counter() + 0.002)
        calls += 1
    assert calls > 3 and record == expected
    assert np.array_equal(sliced.params, whole.params)  # the same steps, however sliced


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("mse-sgd", "output 'y1' gave nan, not a finite number"),  # seen by the record
        ("mse-adam", "the gradient is not finite or far too large"),  # by the optimizer
        ("bce-sgd", "output #1 gave nan, not a finite number"),  # by the loss, mid-epoch
    ],
)
@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "numpy"])
def test_divergence_says_so_and_restores_the_epochs_start(case, message, compiled) -> None:
    if compiled and jit.reason() is not None:
        pytest.skip(f"no numba: {jit.reason()}")
    if case == "bce-sgd":
        net = layered_network([2, 3, 1], "relu", seed=0, output_activation="sigmoid")
        trainer = Trainer(net, builtin("xor"), "bce", "sgd", 1e200, 2, compiled=compiled)
    else:
        net = layered_network([1, 4, 1], "linear", seed=0)
        optimizer = case.split("-")[1]
        trainer = Trainer(net, builtin("sine", 50), "mse", optimizer, 1e300, 5, compiled=compiled)
    start = trainer.params.copy()
    with pytest.raises(TrainingError, match=f"^epoch 1: {message} — training diverged"):
        trainer.step_epoch()
    assert np.array_equal(trainer.params, start) and trainer.epoch == 0 and not trainer.in_epoch


def test_compiled_false_and_full_batches_run_in_numpy() -> None:
    net = layered_network([2, 3, 1], "tanh", seed=0)
    ds = builtin("xor")
    assert not Trainer(net, ds, batch_size=2, compiled=False).compiled
    assert not Trainer(net, ds, compiled=True).compiled  # one vectorised step: nothing to compile


@needs_numba
def test_an_activation_without_a_compiled_form_falls_back(monkeypatch) -> None:
    from neurosim.core import epoch_kernel

    monkeypatch.setitem(epoch_kernel.__dict__, "CODES", {"tanh": 0})
    net = layered_network([2, 3, 1], "sigmoid", seed=0)
    ds = builtin("xor")
    assert not Trainer(net, ds, batch_size=2).compiled
    with pytest.raises(TrainingError, match="no compiled form"):
        Trainer(net, ds, batch_size=2, compiled=True)
    assert Trainer(layered_network([2, 3, 1], "tanh"), ds, batch_size=2).compiled


def test_numba_turned_off_by_the_environment_trains_in_numpy() -> None:
    code = (
        "from neurosim.core.builders import layered_network\n"
        "from neurosim.core.datasets import builtin\n"
        "from neurosim.core.training import Trainer, TrainingError, warm_up_compiled\n"
        "import sys\n"
        "warm_up_compiled(background=False)\n"
        "t = Trainer(layered_network([2, 3, 1]), builtin('circle', 40), batch_size=4)\n"
        "t.step_epoch()\n"
        "try:\n"
        "    Trainer(layered_network([2, 3, 1]), builtin('circle', 40), batch_size=4,\n"
        "            compiled=True)\n"
        "except TrainingError as exc:\n"
        "    print(exc)\n"
        "print(t.compiled, 'numba' in sys.modules)\n"
    )
    env = {**os.environ, jit.ENV: "0"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == [
        f"compiled training is not available: turned off by {jit.ENV}=0",
        "False False",  # numpy trained, and numba was never imported
    ]


@needs_numba
def test_warm_up_in_the_background_then_train() -> None:
    warm_up_compiled()  # once per process, in a daemon thread
    warm_up_compiled()
    trainer = Trainer(layered_network([2, 3, 1]), builtin("circle", 40), batch_size=4)
    assert trainer.compiled and compiled_ready()  # built meanwhile: loaded it here
    trainer.step_epoch()


def test_a_module_still_being_imported_by_the_warm_up_is_not_ready(monkeypatch) -> None:
    """Train pressed while the warm-up thread imports the kernel: not ready, no error."""
    import types

    from neurosim.core import jit_warmup

    half = types.ModuleType("neurosim.core.training_jit")  # no ``ready`` yet
    monkeypatch.setitem(sys.modules, "neurosim.core.training_jit", half)
    assert jit_warmup.ready() is False
