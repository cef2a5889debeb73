"""The bounded history of steps and epochs (scrubbing back in time), without Qt."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neurosim.core.builders import layered_network
from neurosim.core.engine import Engine
from neurosim.core.history import (
    DEFAULT_CEILING,
    EPOCH_CAPACITY,
    STEP_CAPACITY,
    EpochHistory,
    Parameters,
    SnapshotRing,
    StepHistory,
    StepSnapshot,
)
from neurosim.core.simulation import Simulation
from neurosim.core.sources import default_source


def _sim(sizes: list[int] | None = None) -> Simulation:
    net = layered_network(sizes or [2, 6, 1])
    net.set_source("x1", default_source("sine"))
    net.set_source("x2", default_source("uniform"))
    return Simulation(net, Engine(net))


def test_defaults_are_the_issue_bounds() -> None:
    assert (STEP_CAPACITY, EPOCH_CAPACITY, DEFAULT_CEILING) == (10_000, 2_000, 32 * 2**20)


def test_the_clock_records_every_step_in_order_with_its_outputs() -> None:
    sim = _sim()
    sim.step(30)
    ring = sim.history.ring
    assert [s.t for s in ring] == list(range(31))  # t = 0 (the reset) … 30
    ys = sim.y.data()
    for snap, row in zip(ring, ys, strict=True):
        np.testing.assert_array_equal(snap.y, row)
    assert sim.history.index_of(12) == 12 and sim.history.index_of(99) is None
    # the inputs are the sourced values of that step
    x1 = sim.ids.index("x1")
    assert ring[7].inputs[0] == ring[7].y[x1]


def test_parameters_are_shared_while_they_do_not_change() -> None:
    sim = _sim()
    sim.step(20)
    ring = sim.history.ring
    assert len({id(s.parameters) for s in ring}) == 1
    key = next(iter(sim.network.synapses))
    sim.network.set_weight(key, 2.5)
    sim.step(5)
    assert len({id(s.parameters) for s in ring}) == 2
    assert ring[-1].parameters.weight_dict()[key] == 2.5
    assert ring[3].parameters.weight_dict()[key] != 2.5


def test_restoring_a_snapshot_gives_exactly_the_recorded_parameters_and_outputs() -> None:
    sim = _sim()
    sim.step(10)
    past = sim.history.ring[4]
    net = sim.network
    net.set_parameters({k: 0.123 for k in net.synapses}, {})
    past.parameters.apply(net)
    assert Parameters.of(net).same_as(past.parameters)
    for nid, x in past.input_values().items():
        net.set_value(nid, x)
    ev = sim.engine.evaluate()
    np.testing.assert_array_equal(ev.y[0], past.y)


def test_the_count_bound_drops_the_oldest() -> None:
    history = StepHistory(capacity=50)
    net = layered_network([2, 3, 1])
    ev = Engine(net).evaluate()
    for t in range(120):
        history.record(t, ev.ids, ev.is_input, ev.y[0], ev.fired[0], net)
    assert len(history.ring) == 50
    assert [s.t for s in history.ring] == list(range(70, 120))


def test_the_byte_ceiling_is_never_exceeded() -> None:
    sim = _sim([4, 30, 30, 1])
    sim.history = StepHistory(ceiling=200_000)
    for _ in range(60):
        sim.step(10)
        assert sim.history.ring.nbytes <= 200_000
    assert 0 < len(sim.history.ring) < 600
    assert sim.history.ring[-1].t == sim.t  # the newest survives


def test_byte_total_matches_a_recount() -> None:
    sim = _sim()
    sim.step(40)
    key = next(iter(sim.network.synapses))
    sim.network.set_weight(key, -1.0)
    sim.step(40)
    ring = sim.history.ring
    distinct = {id(s.parameters): s.parameters for s in ring}
    expected = sum(s.nbytes for s in ring) + sum(p.nbytes for p in distinct.values())
    assert ring.nbytes == expected
    ring.truncate_after(9)
    distinct = {id(s.parameters): s.parameters for s in ring}
    assert ring.nbytes == sum(s.nbytes for s in ring) + sum(p.nbytes for p in distinct.values())
    ring.clear()
    assert ring.nbytes == 0 and len(ring) == 0


def test_reset_clears_the_history() -> None:
    sim = _sim()
    sim.step(10)
    sim.reset()
    assert [s.t for s in sim.history.ring] == [0]


def test_epochs_record_parameters_and_figures() -> None:
    net = layered_network([2, 4, 1])
    history = EpochHistory(capacity=5)
    for epoch in range(1, 9):
        net.set_parameters({k: float(epoch) for k in net.synapses}, {})
        history.record(epoch, net, {"loss": 1.0 / epoch})
    ring = history.ring
    assert [s.epoch for s in ring] == [4, 5, 6, 7, 8]
    assert ring[0].figures == {"loss": 0.25}
    ring[0].parameters.apply(net)
    assert set(Parameters.of(net).weight_dict().values()) == {4.0}


def test_a_ring_refuses_zero_bounds() -> None:
    with pytest.raises(ValueError):
        SnapshotRing(0)


@settings(max_examples=40, deadline=None)
@given(
    capacity=st.integers(1, 30),
    ceiling=st.integers(1, 5000),
    sizes=st.lists(st.integers(1, 40), min_size=1, max_size=80),
    changes=st.lists(st.booleans(), min_size=80, max_size=80),
)
def test_any_sequence_keeps_both_bounds_and_order(
    capacity: int, ceiling: int, sizes: list[int], changes: list[bool]
) -> None:
    ring: SnapshotRing[StepSnapshot] = SnapshotRing(capacity, ceiling)
    params = Parameters((), np.zeros(0), (), np.zeros(0))
    for t, (n, change) in enumerate(zip(sizes, changes, strict=False)):
        if change:
            params = Parameters((), np.zeros(n), (), np.zeros(0))
        zeros = np.zeros(n)
        ring.append(StepSnapshot(t, ("a",), zeros, zeros, zeros > 0, params, zeros > 0))
        assert len(ring) <= capacity
        assert ring.nbytes <= ceiling or len(ring) == 1
        ts = [s.t for s in ring]
        assert ts == list(range(t - len(ring) + 1, t + 1))


def test_a_clock_step_does_not_reread_the_parameters_but_a_bias_edit_does(monkeypatch) -> None:
    """Each step sets the inputs' values (no parameter): reading every weight for it cost
    ~1 ms a step at 10,000 synapses."""
    sim = _sim()
    sim.step(2)
    reads: list[int] = []
    real = Parameters.of
    monkeypatch.setattr(Parameters, "of", classmethod(lambda cls, *a: reads.append(1) or real(*a)))
    sim.step(10)
    sim.network.set_value("x1", 0.25)
    sim.step(1)
    assert reads == []
    hidden = next(n.id for n in sim.network if n.kind == "hidden")
    sim.network.set_bias(hidden, 0.75)
    sim.step(1)
    assert reads == [1]
    assert sim.history.ring[-1].parameters.bias_dict()[hidden] == 0.75
