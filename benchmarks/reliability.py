"""Reliability figures that are times: the loader on big and fuzzed files, long runs, and an
edit of a 1,000-neuron network in the main window.

    python3 benchmarks/reliability.py           a table
    python3 benchmarks/reliability.py --json    one JSON object (big_file_load_s, …)
    python3 benchmarks/reliability.py --quick   small sizes, few repeats: the script runs

``tests/reliability`` checks the same things by counting work (calls, passes, rows), so its
verdicts do not depend on the machine; the times live here.

- ``big_file_load_s``: ``fileformat.load`` of a file just under the 16 MB limit — a chain
  of 145,000 hidden neurons, its synapses listed back to front (``big_file_neurons``,
  ``big_file_mb``; target ≤ 10 s).
- ``chain_load_ms``, ``chain_load_ms_reversed``: a chain of 10,000 synapses in order and
  back to front; ``chain_cycle_ms``: the same with one more synapse closing a cycle at its
  end, refused (``chain_neurons``).
- ``oversize_refuse_ms``: refusing a 50 MB file (by its size, unread).
- ``fuzz_case_ms_median`` / ``_max``: the loader on each of ``fuzz_cases`` damaged files —
  every prefix of an example, examples with random bytes replaced, values swapped for
  wrong types, NaN, 1e400, huge numbers (target: max ≤ 2,000 ms).
- ``simulation_steps_per_s`` (a 2-4-3-1 network with a sine and a noise source, 100 steps
  a tick), ``train_epochs_per_s`` (XOR, 2-3-1, full batch), ``load_save_cycle_ms`` (load,
  evaluate and save an exercise file).
- ``edit_repaint_ms_median`` / ``_max`` and ``edit_repaint_cpu_ms_median``: in the main
  window (1280×800, offscreen), a ±1e6 weight edit of a random 1,000-neuron DAG (5,000
  synapses, every activation, inputs ±1e6), its evaluation, the live panels' frame and a
  canvas repaint (``edit_neurons``, ``surface_grid``; target: CPU median ≤ 100 ms).

Exit status 1 when a target is missed.
"""

from __future__ import annotations

import json
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import _harness  # noqa: F401  (one BLAS thread, offscreen Qt, repo on sys.path)
import numpy as np

from neurosim.core import fileformat
from neurosim.core.activations import REGISTRY
from neurosim.core.builders import layered_network, random_dag
from neurosim.core.datasets import builtin
from neurosim.core.engine import Engine
from neurosim.core.model import Network
from neurosim.core.simulation import Simulation
from neurosim.core.sources import default_source
from neurosim.core.training import Trainer
from neurosim.core.validate import FileFormatError

ROOT = Path(__file__).resolve().parents[1]
#: key -> at most this
TARGETS = {
    "big_file_load_s": 10.0,
    "fuzz_case_ms_max": 2000.0,
    "edit_repaint_cpu_ms_median": 100.0,
}
BIG = 1e6
NASTY = [None, True, -1, 10**400, 1e308, "", "x", [], {}, [0, 0], "\ud800", "a" * 65]
RAW = ["NaN", "Infinity", "1e400", "-" + "9" * 400]  # literals json.dumps cannot write


def chain_text(neurons: int, reverse: bool, cycle: bool = False) -> str:
    """x → h0 → h1 → …, synapses back to front if ``reverse``; ``cycle``: one more synapse
    from the last neuron back to h5."""
    items = [{"id": "x", "kind": "input"}] + [
        {"id": f"h{i}", "kind": "hidden", "bias": 0.1} for i in range(neurons)
    ]
    syn = [{"source": "x", "target": "h0", "weight": 0.5}] + [
        {"source": f"h{i}", "target": f"h{i + 1}", "weight": 0.5} for i in range(neurons - 1)
    ]
    if reverse:
        syn.reverse()
    if cycle:
        syn.append({"source": f"h{neurons - 1}", "target": "h5", "weight": 1.0})
    doc = {"format": "neurosim-network", "version": 1, "neurons": items, "synapses": syn}
    return json.dumps(doc)


def best_ms(call: Callable[[], Any], repeats: int) -> float:
    """The least time of ``repeats`` calls (the least disturbed), in ms."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times) * 1e3


def refused(text: str) -> None:
    try:
        fileformat.loads(text)
    except FileFormatError:
        return
    raise AssertionError("a broken file loaded")


# ---------------------------------------------------------------- files
def files(quick: bool) -> dict[str, Any]:
    big_neurons, chain = (5_000, 1_000) if quick else (145_000, 10_000)
    repeats = 1 if quick else 3
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.nsim.json"
        path.write_text(chain_text(big_neurons, reverse=True), encoding="utf-8")
        megabytes = path.stat().st_size / 1e6
        start = time.perf_counter()
        net = fileformat.load(path)
        big_s = time.perf_counter() - start
        assert len(net.neurons) == big_neurons + 1
        huge = Path(folder) / "huge.nsim.json"
        with huge.open("wb") as fh:
            fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB that take no room
        oversize_ms = best_ms(lambda: _refuse_file(huge), repeats)
    in_order, backwards = chain_text(chain, False), chain_text(chain, True)
    cyclic = chain_text(chain, True, cycle=True)
    return {
        "big_file_neurons": big_neurons + 1,
        "big_file_mb": round(megabytes, 2),
        "big_file_load_s": round(big_s, 3),
        "chain_neurons": chain + 1,
        "chain_load_ms": round(best_ms(lambda: fileformat.loads(in_order), repeats), 2),
        "chain_load_ms_reversed": round(best_ms(lambda: fileformat.loads(backwards), repeats), 2),
        "chain_cycle_ms": round(best_ms(lambda: refused(cyclic), repeats), 2),
        "oversize_refuse_ms": round(oversize_ms, 4),
    }


def _refuse_file(path: Path) -> None:
    try:
        fileformat.load(path)
    except FileFormatError:
        return
    raise AssertionError(f"{path.name} loaded")


def damaged_files(quick: bool, seed: int = 0) -> list[str]:
    """Every prefix of an example, examples with 1–4 bytes replaced, and examples with one
    value swapped for something a file may not hold."""
    rng = random.Random(seed)
    texts = [
        (ROOT / "resources" / folder / name).read_text(encoding="utf-8")
        for folder, name in (
            ("examples", "single_neuron.nsim.json"),
            ("exercises", "xor-two-hidden.nsim.json"),
            ("examples", "03b-xor-hidden-layer.nsim.json"),
        )
    ]
    step = 25 if quick else 1
    cases = [texts[0][:end] for end in range(0, len(texts[0]), step)]
    for _ in range(20 if quick else 600):
        data = bytearray(rng.choice(texts).encode("utf-8"))
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        cases.append(data.decode("utf-8", "replace"))
    for _ in range(20 if quick else 600):
        doc = json.loads(rng.choice(texts))
        cases.append(_swap_a_value(doc, rng))
    return cases


def _swap_a_value(doc: Any, rng: random.Random) -> str:
    places = []
    stack = [doc]
    while stack:
        node = stack.pop()
        for key, value in node.items() if isinstance(node, dict) else enumerate(node):
            places.append((node, key))
            if isinstance(value, (dict, list)):
                stack.append(value)
    node, key = rng.choice(places)
    if rng.random() < 0.3:
        marker = "@@raw@@"
        node[key] = marker
        return json.dumps(doc).replace(json.dumps(marker), rng.choice(RAW))
    node[key] = rng.choice(NASTY)
    return json.dumps(doc)


def fuzz(quick: bool) -> dict[str, Any]:
    times = []
    for text in damaged_files(quick):
        start = time.perf_counter()
        try:
            fileformat.loads(text)
        except FileFormatError:
            pass
        times.append((time.perf_counter() - start) * 1e3)
    return {
        "fuzz_cases": len(times),
        "fuzz_case_ms_median": round(statistics.median(times), 4),
        "fuzz_case_ms_max": round(max(times), 3),
    }


# ---------------------------------------------------------------- long runs
def long_runs(quick: bool) -> dict[str, Any]:
    net = layered_network([2, 4, 3, 1], "tanh", seed=1, output_activation="sigmoid")
    net.set_source("x1", default_source("sine"))
    net.set_source("x2", default_source("gaussian"))
    sim = Simulation(net, Engine(net), window=500)
    steps = 2_000 if quick else 100_000
    sim.step(1_000)  # warm up
    start = time.perf_counter()
    for _ in range(steps // 100):  # a UI timer advances a few steps per tick
        sim.step(100)
    steps_per_s = steps / (time.perf_counter() - start)

    xor = layered_network([2, 3, 1], "tanh", seed=2, output_activation="sigmoid")
    trainer = Trainer(xor, builtin("xor"), lr=0.5, seed=3)
    epochs = 200 if quick else 10_000
    trainer.step_epoch()
    start = time.perf_counter()
    for _ in range(epochs):
        trainer.step_epoch()
    epochs_per_s = epochs / (time.perf_counter() - start)

    source = ROOT / "resources/exercises/xor-two-hidden.nsim.json"
    cycles = 10 if quick else 500
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cycle.nsim.json"
        path.write_bytes(source.read_bytes())
        start = time.perf_counter()
        for _ in range(cycles):
            loaded = fileformat.load(path)
            engine = Engine(loaded)
            engine.evaluate()
            engine.detach()
            fileformat.save(loaded, path)
        cycle_ms = (time.perf_counter() - start) / cycles * 1e3
    return {
        "simulation_steps_per_s": round(steps_per_s),
        "train_epochs_per_s": round(epochs_per_s),
        "load_save_cycle_ms": round(cycle_ms, 3),
    }


# ---------------------------------------------------------------- the window
def big_network(neurons: int, seed: int = 0) -> Network:
    """A random DAG of ``neurons`` (five synapses each, every activation), inputs ±1e6."""
    net = random_dag(
        neurons, 5 * neurons, seed=seed, n_inputs=20, n_outputs=10, activations=tuple(REGISTRY)
    )
    rng = random.Random(seed)
    for n in net.of_kind("input"):
        net.set_value(n.id, rng.choice((BIG, -BIG, 0.0, 1.0)))
    return net


def window_edits(quick: bool) -> dict[str, Any]:
    """Weight edits of a 1,000-neuron network in the main window, each with its evaluation,
    the live panels' frame and a canvas repaint."""
    from PySide6.QtCore import QSettings

    from neurosim.ui.app import application
    from neurosim.ui.commands import SetWeight
    from neurosim.ui.mainwindow import MainWindow

    app = application()
    neurons, edits = (200, 4) if quick else (1000, 20)
    wall, cpu = [], []
    with tempfile.TemporaryDirectory() as folder, np.errstate(all="ignore"):
        window = MainWindow(settings=QSettings(f"{folder}/s.ini", QSettings.Format.IniFormat))
        window.open_network(big_network(neurons))
        window.resize(1280, 800)
        window.show()
        for _ in range(20):
            app.processEvents()
        doc, viewport = window.document, window.canvas.viewport()
        frames = window.live_plots.clock.frames
        keys = list(doc.network.synapses)[2 * neurons :][: edits + 2]
        for i, key in enumerate(keys):
            start, start_cpu = time.perf_counter(), time.process_time()
            before = frames.frames
            doc.push(SetWeight(doc.network, key, BIG if i % 2 else -BIG))
            doc.evaluate_now()
            while frames.frames == before and time.perf_counter() - start < 1.0:
                app.processEvents()  # until the live panels' frame (the decision surface…)
            viewport.repaint()
            if i >= 2:  # two warm-up edits
                wall.append((time.perf_counter() - start) * 1e3)
                cpu.append((time.process_time() - start_cpu) * 1e3)
        grid = window.live_plots.surface.grid_size()
        doc.undo_stack.clear()  # nothing to ask when the window closes
        window.close()
    return {
        "edit_neurons": neurons,
        "edit_repaint_ms_median": round(statistics.median(wall), 2),
        "edit_repaint_ms_max": round(max(wall), 2),
        "edit_repaint_cpu_ms_median": round(statistics.median(cpu), 2),
        "surface_grid": grid,
    }


# ---------------------------------------------------------------- the report
def run(quick: bool = False) -> dict:
    """The figures; ``quick``: small files, short runs, a 200-neuron window (the script runs)."""
    result: dict[str, Any] = {}
    result.update(files(quick))
    result.update(fuzz(quick))
    result.update(long_runs(quick))
    result.update(window_edits(quick))
    result["targets"] = TARGETS  # at most
    result["ok"] = all(result[key] <= limit for key, limit in TARGETS.items())
    result.update(
        {
            "numpy": np.__version__,
            "python": platform.python_version(),
            "machine": platform.machine(),
        }
    )
    return result


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"


def print_table(result: dict) -> None:
    big = f"{result['big_file_neurons']:,} neurons, {result['big_file_mb']:g} MB"
    rows = [
        ("big_file_load_s", "s", big),
        ("chain_load_ms", "ms", f"{result['chain_neurons']:,} neurons in order"),
        ("chain_load_ms_reversed", "ms", "back to front"),
        ("chain_cycle_ms", "ms", "a cycle at the end, refused"),
        ("oversize_refuse_ms", "ms", "a 50 MB file, refused"),
        ("fuzz_case_ms_median", "ms", f"{result['fuzz_cases']:,} damaged files"),
        ("fuzz_case_ms_max", "ms", ""),
        ("simulation_steps_per_s", "", ""),
        ("train_epochs_per_s", "", "XOR, full batch"),
        ("load_save_cycle_ms", "ms", "an exercise file"),
        ("edit_repaint_ms_median", "ms", f"{result['edit_neurons']:,} neurons, wall"),
        ("edit_repaint_ms_max", "ms", ""),
        ("edit_repaint_cpu_ms_median", "ms", f"surface grid {result['surface_grid']}"),
    ]
    for key, unit, note in rows:
        limit = TARGETS.get(key)
        verdict = "" if limit is None else ("ok" if result[key] <= limit else "MISSED")
        target = "" if limit is None else f"target ≤ {limit:g}"
        print(f"{key:<28}{_number(result[key]):>10} {unit:<3}{target:<16}{verdict:<7}{note}")


def main(argv: list[str] | None = None) -> int:
    return _harness.main(__doc__, run, print_table, argv)


if __name__ == "__main__":
    raise SystemExit(main())
