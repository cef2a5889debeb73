"""The simulation clock and its ring buffers: step counts, recorded history, replay, memory."""

from __future__ import annotations

import numpy as np
import pytest

from neurosim.core.builders import layered_network
from neurosim.core.engine import Engine
from neurosim.core.model import Network
from neurosim.core.simulation import RingBuffer, Simulation
from neurosim.core.sources import default_source, values_at


def test_ring_buffer_keeps_the_last_rows_in_order() -> None:
    buf = RingBuffer(4, 2)
    for i in range(7):
        buf.append([i, 10 * i])
    np.testing.assert_array_equal(buf.data(), [[3, 30], [4, 40], [5, 50], [6, 60]])
    buf.replace_last([-1, -1])
    np.testing.assert_array_equal(buf.last(), [-1, -1])
    assert len(buf) == 4
    smaller = buf.resized(2, columns=[1, None])
    np.testing.assert_array_equal(smaller.data(), [[50, np.nan], [-1, np.nan]])
    buf.clear()
    assert len(buf) == 0 and buf.data().shape == (0, 2)
    with pytest.raises(IndexError):
        buf.last()


def test_ring_buffer_before_it_is_full() -> None:
    buf = RingBuffer(5)
    buf.append(1.0)
    buf.append(2.0)
    np.testing.assert_array_equal(buf.data(), [1.0, 2.0])
    bigger = buf.resized(8)
    bigger.append(3.0)
    np.testing.assert_array_equal(bigger.data(), [1.0, 2.0, 3.0])


def _gate() -> Network:
    """x1, x2 → h1 (relu), h2 (relu) → y1 (step): small enough to check by hand."""
    net = Network()
    for nid in ("x1", "x2"):
        net.add_neuron("input", nid)
    net.add_neuron("hidden", "h1", activation="relu", bias=-0.5)
    net.add_neuron("hidden", "h2", activation="relu", bias=0.5)
    net.add_neuron("output", "y1", activation="step", params={"threshold": 0.25})
    for s, t, w in (
        ("x1", "h1", 1.0),
        ("x2", "h1", 1.0),
        ("x1", "h2", -1.0),
        ("h1", "y1", 1.0),
        ("h2", "y1", -1.0),
    ):
        net.add_synapse(s, t, w)
    return net


def test_steps_drive_sources_and_record_traces() -> None:
    net = _gate()
    net.set_source("x1", {"kind": "sine", "period": 20, "amplitude": 1.5})
    net.set_source("x2", default_source("sequence") | {"column": 1, "hold": 5})
    sim = Simulation(net, Engine(net), window=50)
    for _ in range(30):
        sim.step()
    assert sim.t == 30
    times = sim.times.data()
    np.testing.assert_array_equal(times, np.arange(31))  # t = 0 … 30
    x1 = values_at(net.neurons["x1"].source, times)
    x2 = values_at(net.neurons["x2"].source, times)
    h1 = np.maximum(x1 + x2 - 0.5, 0)
    h2 = np.maximum(-x1 + 0.5, 0)
    y1 = (h1 - h2 >= 0.25).astype(float)
    np.testing.assert_allclose(sim.trace("x1")[1], x1)
    np.testing.assert_allclose(sim.trace("h1")[1], h1)
    np.testing.assert_allclose(sim.trace("y1")[1], y1)
    fired = sim.fired.data()
    assert sim.fired_ids == ("h1", "h2", "y1")
    np.testing.assert_array_equal(fired[:, 0], x1 + x2 - 0.5 > 0)
    np.testing.assert_array_equal(fired[:, 2], y1 == 1)
    active = (h1 > 1e-9).astype(float) / 2 + (h2 > 1e-9).astype(float) / 2
    np.testing.assert_allclose(sim.active.data(), active)
    assert net.neurons["x1"].value == pytest.approx(x1[-1])  # the model shows the present


def test_window_rolls_and_reset_replays_identically() -> None:
    net = layered_network([2, 6, 1])
    net.set_source("x1", default_source("gaussian") | {"seed": 4})
    net.set_source("x2", default_source("uniform"))
    sim = Simulation(net, Engine(net), window=20)
    sim.step(45)
    assert sim.t == 45 and len(sim.times) == 20
    np.testing.assert_array_equal(sim.times.data(), np.arange(26, 46))
    first = sim.y.data().copy()
    sim.reset()
    assert sim.t == 0 and len(sim.times) == 1
    sim.step(45)
    np.testing.assert_array_equal(sim.y.data(), first)


def test_manual_inputs_keep_their_value_and_observe_replaces_the_present() -> None:
    net = _gate()
    engine = Engine(net)
    sim = Simulation(net, engine, window=10)
    sim.step(3)
    assert sim.trace("x1")[1].tolist() == [0, 0, 0, 0]
    net.set_value("x1", 2.0)  # a manual edit while paused
    sim.observe(engine.evaluate())
    t, x1 = sim.trace("x1")
    assert t.tolist() == [0, 1, 2, 3] and x1.tolist() == [0, 0, 0, 2.0]
    sim.step()
    assert sim.trace("x1")[1].tolist() == [0, 0, 0, 2.0, 2.0]


def test_structure_edits_keep_the_history_of_surviving_neurons() -> None:
    net = _gate()
    net.set_source("x1", {"kind": "sawtooth", "min": 0, "max": 1, "period": 4})
    sim = Simulation(net, Engine(net), window=10)
    sim.step(3)
    before = sim.trace("h1")[1]
    net.add_neuron("hidden", "h3", activation="tanh")
    net.add_synapse("x1", "h3", 1.0)
    sim.step()
    t, h1 = sim.trace("h1")
    np.testing.assert_array_equal(h1[:4], before)
    h3 = sim.trace("h3")[1]
    assert np.isnan(h3[:4]).all() and h3[4] == pytest.approx(np.tanh(0.0))
    assert "h3" in sim.fired_ids and sim.fired.data().shape == (5, 4)


def test_set_window_keeps_the_newest_history() -> None:
    net = _gate()
    sim = Simulation(net, Engine(net), window=30)
    sim.step(25)
    sim.set_window(10)
    np.testing.assert_array_equal(sim.times.data(), np.arange(16, 26))
    with pytest.raises(ValueError, match="window"):
        sim.set_window(0)


def test_callbacks_write_inputs_and_evaluate() -> None:
    net = _gate()
    net.set_source("x1", {"kind": "constant", "value": 3.0})
    engine = Engine(net)
    written: list[tuple[str, float]] = []
    evaluations = []

    def set_inputs(values: dict[str, float]) -> None:
        for nid, value in values.items():
            written.append((nid, value))
            net.set_value(nid, value)

    def evaluate():
        evaluations.append(engine.evaluate())
        return evaluations[-1]

    sim = Simulation(net, engine, evaluate=evaluate, set_inputs=set_inputs)
    sim.step(4)  # 3 intermediate steps use the engine, the last one the callback
    assert written == [("x1", 3.0)] * 5
    assert len(evaluations) == 2 and sim.evaluation is evaluations[-1]


def test_memory_stays_flat() -> None:
    net = layered_network([2, 8, 1])
    net.set_source("x1", default_source("sine"))
    sim = Simulation(net, Engine(net), window=100)
    sim.step(2000)
    sizes = [b._store.nbytes for b in (sim.times, sim.y, sim.fired, sim.active)]
    sim.step(3000)
    assert [b._store.nbytes for b in (sim.times, sim.y, sim.fired, sim.active)] == sizes
