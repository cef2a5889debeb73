"""Long runs keep their memory flat: the simulation clock, training and load/save cycles.

Each run is warmed up first (buffers filled, caches built, the training history at its
cap), then the resident set size (VmRSS) is read before and after. The slow versions run a
million simulation steps and 100,000 training epochs and allow 10 MB; the default versions
are short and allow 5 MB, so the everyday suite still catches a leak of a few hundred bytes
per step.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from neurosim.core import fileformat
from neurosim.core.builders import layered_network
from neurosim.core.datasets import builtin
from neurosim.core.engine import Engine
from neurosim.core.simulation import Simulation
from neurosim.core.sources import default_source
from neurosim.core.training import HISTORY_LIMIT, Trainer

ROOT = Path(__file__).resolve().parents[2]


def _growth(
    rss_mb: Callable[[], float], run: Callable[[int], None], warm_up: int, count: int
) -> float:
    """MB the process grew by over ``run(count)`` after ``run(warm_up)``. (How long the runs
    take is for ``benchmarks/reliability.py``.)"""
    run(warm_up)
    gc.collect()
    before = rss_mb()
    run(count)
    gc.collect()
    return rss_mb() - before


# ---------------------------------------------------------------- the simulation clock
def _simulation() -> Simulation:
    net = layered_network([2, 4, 3, 1], "tanh", seed=1, output_activation="sigmoid")
    net.set_source("x1", default_source("sine"))
    net.set_source("x2", default_source("gaussian"))
    return Simulation(net, Engine(net), window=500)


def _run_clock(sim: Simulation) -> Callable[[int], None]:
    def run(steps: int) -> None:
        for i in range(steps // 100):  # a UI timer advances a few steps per tick
            sim.step(100)
            if i % 100 == 0:  # an edit now and then: patched into the compiled arrays
                sim.network.set_weight(("x1", "h1"), 0.5 + (i // 100) % 7 * 0.1)

    return run


def _check_clock(rss_mb, stats: dict, steps: int, limit_mb: float, name: str) -> None:
    sim = _simulation()
    grown = _growth(rss_mb, _run_clock(sim), 20_000, steps)
    stats[name] = {"steps": steps, "rss_growth_mb": grown}
    print(f"{name}: {steps} steps, RSS grew {grown:.2f} MB")
    assert sim.t == 20_000 + steps
    assert len(sim.times) == sim.window and sim.times.data()[-1] == sim.t
    assert grown < limit_mb


def test_simulation_memory_is_flat(rss_mb, reliability_stats):
    _check_clock(rss_mb, reliability_stats, 20_000, 5.0, "simulation (short)")


@pytest.mark.slow
def test_simulation_million_steps(rss_mb, reliability_stats):
    _check_clock(rss_mb, reliability_stats, 1_000_000, 10.0, "simulation (1,000,000 steps)")


# ---------------------------------------------------------------- training
def _trainer(batch_size: int | None) -> Trainer:
    net = layered_network([2, 3, 1], "tanh", seed=2, output_activation="sigmoid")
    return Trainer(net, builtin("xor"), lr=0.5, batch_size=batch_size, seed=3)


def _check_training(
    rss_mb, stats: dict, epochs: int, limit_mb: float, name: str, batch_size: int | None = None
) -> None:
    trainer = _trainer(batch_size)

    def run(count: int) -> None:
        for _ in range(count):
            trainer.step_epoch()

    # The warm-up fills the history to its cap, so what follows must not grow at all.
    grown = _growth(rss_mb, run, HISTORY_LIMIT + HISTORY_LIMIT // 4 + 1, epochs)
    stats[name] = {"epochs": epochs, "rss_growth_mb": grown}
    print(f"{name}: {epochs} epochs, RSS grew {grown:.2f} MB")
    assert trainer.epoch == HISTORY_LIMIT + HISTORY_LIMIT // 4 + 1 + epochs
    assert HISTORY_LIMIT <= len(trainer.history) <= HISTORY_LIMIT * 5 // 4
    assert trainer.history[-1].epoch == trainer.epoch
    assert grown < limit_mb


def test_training_memory_is_flat(rss_mb, reliability_stats):
    _check_training(rss_mb, reliability_stats, 20_000, 5.0, "training XOR (short)")


@pytest.mark.slow
def test_training_100000_epochs(rss_mb, reliability_stats):
    _check_training(rss_mb, reliability_stats, 100_000, 10.0, "training XOR (100,000 epochs)")


@pytest.mark.slow
def test_training_100000_epochs_mini_batches(rss_mb, reliability_stats):
    _check_training(
        rss_mb,
        reliability_stats,
        100_000,
        10.0,
        "training XOR, batches of 2 (100,000 epochs)",
        batch_size=2,
    )


def test_history_keeps_the_latest_records():
    trainer = _trainer(None)
    for _ in range(HISTORY_LIMIT * 5 // 4 + 1):
        trainer.step_epoch()
    epochs = [r.epoch for r in trainer.history]
    assert len(epochs) == HISTORY_LIMIT and epochs == list(range(epochs[0], trainer.epoch + 1))


# ---------------------------------------------------------------- files
def _check_files(
    rss_mb, stats: dict, tmp_path: Path, cycles: int, limit_mb: float, name: str
) -> None:
    text = (ROOT / "resources/exercises/xor-two-hidden.nsim.json").read_text(encoding="utf-8")
    path = tmp_path / "cycle.nsim.json"
    path.write_text(text, encoding="utf-8")

    def run(count: int) -> None:
        for _ in range(count):
            net = fileformat.load(path)
            engine = Engine(net)
            engine.evaluate()
            engine.detach()
            fileformat.save(net, path)

    grown = _growth(rss_mb, run, 200, cycles)
    stats[name] = {"cycles": cycles, "rss_growth_mb": grown}
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(text)
    assert grown < limit_mb


def test_load_save_cycles_memory_is_flat(rss_mb, reliability_stats, tmp_path):
    _check_files(rss_mb, reliability_stats, tmp_path, 500, 5.0, "load-evaluate-save (short)")


@pytest.mark.slow
def test_load_save_cycles_long(rss_mb, reliability_stats, tmp_path):
    _check_files(
        rss_mb, reliability_stats, tmp_path, 10_000, 10.0, "load-evaluate-save (10,000 cycles)"
    )
