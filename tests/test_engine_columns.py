"""The engine's big-batch path (decision surfaces, grids): the same y as the row path that
``evaluate`` takes, for every activation, both dtypes, both ways of reading a level's
sources, and after parameter edits."""

from __future__ import annotations

import numpy as np
import pytest

from neurosim.core import engine_columns, jit
from neurosim.core.activations import ACTIVATION_NAMES
from neurosim.core.builders import layered_network, random_dag
from neurosim.core.engine import Engine

BIG = engine_columns.MIN_BATCH + engine_columns.BLOCK + 37  # kernel blocks, the last short


def _inputs(n_inputs: int, rows: int = BIG, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).uniform(-2.0, 2.0, (rows, n_inputs))


def _sparse_dag():
    return random_dag(120, 600, seed=5, n_inputs=3, n_outputs=3, activations=ACTIVATION_NAMES)


def test_big_batches_equal_the_row_path_for_every_activation(kernel) -> None:
    engine = Engine(_sparse_dag())
    x = _inputs(3)
    rows = engine.evaluate(x).y  # evaluate keeps z: the row path
    big = engine.forward(x)
    assert engine._plans  # the big-batch path ran
    np.testing.assert_allclose(big, rows, rtol=1e-12, atol=1e-12)
    small = engine.forward(x[:10])
    np.testing.assert_allclose(small, rows[:10], rtol=1e-12, atol=1e-12)


def test_float32_big_batches_are_close_to_float64(kernel) -> None:
    engine = Engine(_sparse_dag())
    x = _inputs(3)
    y32 = engine.forward(x.astype(np.float32))
    assert y32.dtype == np.float32 and y32.shape == (BIG, 120)
    np.testing.assert_allclose(y32, engine.evaluate(x).y, rtol=2e-4, atol=2e-5)


def test_float32_big_batches_match_the_float32_row_path(kernel) -> None:
    """Activations in place over neuron rows give the row path's float32 numbers, but for
    the rounding of the sums (a small batch takes the row path)."""
    engine = Engine(_sparse_dag())
    x = _inputs(3).astype(np.float32)
    big = engine.forward(x)
    for lo in (0, BIG - 100):
        rows = engine.forward(x[lo : lo + 100])
        np.testing.assert_allclose(big[lo : lo + 100], rows, rtol=1e-5, atol=1e-6)


@pytest.fixture(params=["compiled", "numpy"])
def kernel(request, monkeypatch) -> str:
    """Both ways of running sparse levels: the compiled synapse sums, gather + product."""
    if request.param == "compiled" and jit.reason() is not None:
        pytest.skip(f"no compiled kernel: {jit.reason()}")
    if request.param == "numpy":
        monkeypatch.setattr(engine_columns, "sparse_kernel", lambda: None)
        monkeypatch.setattr(engine_columns, "GATHER_CHUNK", 1000)  # pieces, the last short
    return request.param


def test_sparse_levels_read_only_their_sources_and_dense_ones_slice(kernel) -> None:
    dag = Engine(random_dag(200, 800, seed=1, n_inputs=2, n_outputs=2))
    x = _inputs(2)
    np.testing.assert_allclose(dag.forward(x), dag.evaluate(x).y, rtol=1e-12, atol=1e-12)
    plans, compiled = dag._plans[np.dtype(np.float64)]
    assert (compiled is not None) == (kernel == "compiled")
    assert any(p.rows is not None for p in plans)  # levels reading a few of many neurons
    assert any(p.src is not None for p in plans) == (kernel == "compiled")
    for plan, level in zip(plans, dag.compiled.levels, strict=True):
        if plan.rows is not None:
            assert plan.rows.tolist() == (level.used + level.src_lo).tolist()
        if plan.src is not None:  # one term per synapse into the level, by target
            assert len(plan.src) == np.count_nonzero(level.weights)
            assert plan.ptr is not None and plan.ptr[-1] == len(plan.src)
    layered = Engine(layered_network([2, 16, 16, 1], "tanh", seed=0))
    layered.forward(_inputs(2))
    plans, compiled = layered._plans[np.dtype(np.float64)]
    assert compiled is None and all(p.rows is None for p in plans)  # nothing to skip


@pytest.mark.parametrize(
    "edit",
    [
        lambda net, key, nid: net.set_weight(key, -1.75),
        lambda net, key, nid: net.set_bias(nid, 0.9),
        lambda net, key, nid: net.set_parameters({key: 0.25}, {nid: -0.4}),
        lambda net, key, nid: net.set_activation(
            nid, "tanh" if net.neurons[nid].activation != "tanh" else "sigmoid"
        ),
    ],
)
def test_edits_after_a_big_batch_are_seen_by_the_next(edit, kernel) -> None:
    net = _sparse_dag()
    engine = Engine(net)
    x = _inputs(3)
    before = engine.forward(x)
    key = next(iter(net.synapses))
    nid = key[1]
    edit(net, key, nid)
    after = engine.forward(x)
    np.testing.assert_allclose(after, Engine(net.copy()).evaluate(x).y, rtol=1e-12, atol=1e-12)
    assert not np.allclose(after, before)  # stale plans would have given ``before`` again


def test_the_compiled_kernel_sums_each_targets_synapses() -> None:
    from neurosim.core import sparse_kernel

    sparse_kernel.warm_up()  # both dtypes compile (or load from the cache)
    # three source neurons, then a level of two targets; a batch of seven in blocks of
    # three (the last short); the first target has six synapses (four at a time, then two)
    y = np.vstack([np.arange(21.0).reshape(3, 7) - 5.0, np.full((2, 7), np.nan)])
    src = np.array([0, 2, 1, 0, 2, 1, 1], np.intp)
    ptr = np.array([0, 6, 7], np.intp)
    w = np.array([2.0, -1.0, 0.5, 0.25, 3.0, -2.0, 0.5])
    bias = np.array([0.25, -3.0])
    sparse_kernel.level_net_input(y, 3, ptr, src, w, bias, 3)
    expected = [
        0.25 + (2.0 + 0.25) * y[0] + (-1.0 + 3.0) * y[2] + (0.5 - 2.0) * y[1],
        -3.0 + 0.5 * y[1],
    ]
    np.testing.assert_allclose(y[3:], expected, rtol=1e-15)
