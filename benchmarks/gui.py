"""Canvas latency: from a changed input value to a fully repainted canvas.

    python3 benchmarks/gui.py           a table
    python3 benchmarks/gui.py --json    one JSON object (edit_repaint_ms_20, _100, _500, …)
    python3 benchmarks/gui.py --quick   a few edits and frames of each: the script runs

One edit = ``document.push(SetNeuronField(x1, "value", …))`` + ``document.evaluate_now()``
(every neuron downstream changes colour) + ``view.viewport().repaint()``, timed together on
the offscreen platform, in the canvas of the real main window at 1280×800 (its default
layout; the panels then update, untimed, before the next edit — ``window.py`` times an edit
from the command to the last paint of the whole window). Figures are the median of 50 edits after 5
warm-up edits, for layered tanh networks of about 20, 100 and 500 neurons, with the whole
network fitted in the view (``edit_repaint_ms_N``) and at zoom 1 (``…_zoom1``).
Targets: ≤ 8 ms at 20 neurons, ≤ 33 ms (one 30 Hz frame) at 500. Exit status 1 when missed.

The synapses are drawn in the view's cached background layer, which an input edit leaves
valid, so the repaint redraws the neurons over the cached arrows (every pixel of the canvas
is up to date afterwards). For the cases that redraw synapses too, two more figures (no
targets):
``weight_edit_ms_N`` (SetWeight + evaluate + repaint: the synapse's patch is redrawn) and
``cold_repaint_ms_N`` (the whole background redrawn, as on every zoom step or pan).

Then the live plots (``gui_live.measure``: the canvas and all five panels with the clock at
60 steps/s, then 100 000 steps for memory): ``live_fps`` (target ≥ 55),
``live_frame_ms_median``, ``live_frame_ms_max`` (≤ 33), ``update_ms_median`` (≤ 12),
``rss_growth_mb_100k``, and ``surface_ms_median`` and ``live_steps_per_second``. About two
minutes in all; ``gui_live.py`` alone gives the live figures.
"""

from __future__ import annotations

import platform
import statistics
import time

import _harness  # noqa: F401  (one BLAS thread, offscreen Qt, repo on sys.path)
import first_paint
import gui_live
from _window import close_window, open_window
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QPointF
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QApplication

from neurosim.core.builders import layered_network
from neurosim.core.model import Network
from neurosim.ui.canvas import CanvasView
from neurosim.ui.commands import SetNeuronField, SetWeight

TARGETS = {"edit_repaint_ms_20": 8.0, "edit_repaint_ms_500": 33.0}
EDITS, WARMUP = 50, 5
SIZE = (1280, 800)
#: name -> layer sizes; about 10 synapses per neuron where the size allows
NETWORKS = {
    20: [2, 8, 8, 2],  # 96 synapses: a student's network
    100: [10] * 10,  # 900 synapses
    500: [10] * 50,  # 4 900 synapses
}


def edit_repaint_ms(
    view: CanvasView, edits: int = EDITS, warmup: int = WARMUP
) -> tuple[float, float]:
    """(median ms of edit + evaluate + repaint, median ms of edit + evaluate alone)."""
    app = QApplication.instance()
    document = view.document
    network = document.network
    source = next(n.id for n in network if n.is_input)
    token = object()  # one merged undo step, as a drag of the value would be
    full, model = [], []
    for i in range(warmup + edits):
        value = -1.0 + 2.0 * ((i * 3) % 11) / 10  # a different value every edit
        start = time.perf_counter()
        document.push(SetNeuronField(network, source, "value", value, merge_token=token))
        document.evaluate_now()
        middle = time.perf_counter()
        view.viewport().repaint()
        end = time.perf_counter()
        app.processEvents()
        if i >= warmup:
            full.append((end - start) * 1e3)
            model.append((middle - start) * 1e3)
    return statistics.median(full), statistics.median(model)


def weight_edit_ms(view: CanvasView, edits: int = EDITS, warmup: int = WARMUP) -> float:
    """Median ms of SetWeight on a middle synapse + evaluate + repaint."""
    app = QApplication.instance()
    document = view.document
    network = document.network
    keys = list(network.synapses)
    key = keys[len(keys) // 2]
    token = object()
    times = []
    for i in range(warmup + edits):
        weight = -2.0 + 4.0 * ((i * 3) % 11) / 10
        start = time.perf_counter()
        document.push(SetWeight(network, key, weight, merge_token=token))
        document.evaluate_now()
        view.viewport().repaint()
        if i >= warmup:
            times.append((time.perf_counter() - start) * 1e3)
        app.processEvents()
    return statistics.median(times)


def cold_repaint_ms(view: CanvasView, frames: int = 20) -> float:
    """Median ms of a repaint that redraws every synapse (zoom, pan, bulk weight change)."""
    times = []
    for _ in range(frames):
        start = time.perf_counter()
        view.resetCachedContent()
        view.viewport().repaint()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def measure(network: Network, quick: bool = False) -> dict:
    edits, warmup = (3, 1) if quick else (EDITS, WARMUP)
    window = open_window(network)  # the real main window, its default layout
    view = window.canvas
    fit_ms, model_ms = edit_repaint_ms(view, edits, warmup)
    weight_ms = weight_edit_ms(view, edits, warmup)
    cold_ms = cold_repaint_ms(view, 3 if quick else 20)
    fit_zoom = view.transform().m11()
    view.setTransform(QTransform())
    first = next(iter(network)).position
    view.centerOn(QPointF(first[0] + SIZE[0] / 2 - 60, 0.0))
    QApplication.processEvents()
    zoom1_ms, _ = edit_repaint_ms(view, edits, warmup)
    close_window(window)
    return {
        "neurons": len(network.neurons),
        "synapses": len(network.synapses),
        "fit_zoom": round(fit_zoom, 3),
        "fit_ms": round(fit_ms, 2),
        "zoom1_ms": round(zoom1_ms, 2),
        "edit_evaluate_ms": round(model_ms, 3),
        "weight_edit_ms": round(weight_ms, 2),
        "cold_repaint_ms": round(cold_ms, 2),
    }


def run(quick: bool = False) -> dict:
    """The figures; ``quick``: a few edits, frames and starts of each (the script runs)."""
    app = QApplication.instance() or QApplication([])
    rows = {}
    for n, sizes in NETWORKS.items():
        rows[n] = measure(layered_network(sizes, "tanh", seed=0), quick)
        app.processEvents()
    result = {f"edit_repaint_ms_{n}": row["fit_ms"] for n, row in rows.items()}
    result.update({f"edit_repaint_ms_{n}_zoom1": row["zoom1_ms"] for n, row in rows.items()})
    result.update({f"weight_edit_ms_{n}": row["weight_edit_ms"] for n, row in rows.items()})
    result.update({f"cold_repaint_ms_{n}": row["cold_repaint_ms"] for n, row in rows.items()})
    result["networks"] = [
        {"size": n, "layers": "-".join(map(str, NETWORKS[n])), **row} for n, row in rows.items()
    ]
    result.update(first_paint.measure(runs=2 if quick else 5))
    live = (
        gui_live.measure(0.3, steps=300, warm_s=0.2, warm_steps=100)
        if quick
        else gui_live.measure()
    )
    live["live_steps_per_second"] = live.pop("steps_per_second")
    result.update({key: round(value, 3) for key, value in live.items()})
    result["targets"] = TARGETS  # at most
    result["live_targets"] = {
        key: {kind: limit} for key, (kind, limit) in gui_live.TARGETS.items()
    }  # {"min": …} or {"max": …}
    result["ok"] = (
        result["first_paint_s"] <= first_paint.TARGET_S
        and all(result[key] <= target for key, target in TARGETS.items())
        and not gui_live.missed(result)
    )
    result.update(
        {
            "view": f"{SIZE[0]}x{SIZE[1]}",
            "qpa": app.platformName(),
            "pyside": pyside_version,
            "python": platform.python_version(),
            "machine": platform.machine(),
            "edits": 3 if quick else EDITS,
        }
    )
    return result


def print_table(result: dict) -> None:
    head = (
        f"{'neurons':>8}{'synapses':>9}{'fit zoom':>10}{'fit ms':>9}{'zoom-1 ms':>11}"
        f"{'edit+eval ms':>14}{'weight ms':>11}{'cold ms':>9}"
    )
    print(head)
    print("-" * len(head))
    for r in result["networks"]:
        print(
            f"{r['neurons']:>8}{r['synapses']:>9}{r['fit_zoom']:>10.3f}{r['fit_ms']:>9.2f}"
            f"{r['zoom1_ms']:>11.2f}{r['edit_evaluate_ms']:>14.3f}"
            f"{r['weight_edit_ms']:>11.2f}{r['cold_repaint_ms']:>9.2f}"
        )
    print()
    for key, target in TARGETS.items():
        verdict = "ok" if result[key] <= target else "MISSED"
        print(f"{key:<22} {result[key]:>7.2f} ms   target ≤ {target:g}   {verdict}")
    verdict = "ok" if result["first_paint_s"] <= first_paint.TARGET_S else "MISSED"
    print(
        f"{'first_paint_s':<22} {result['first_paint_s']:>7.2f} s    "
        f"target ≤ {first_paint.TARGET_S:g}   {verdict}"
    )
    print()
    missed = gui_live.missed(result)
    for key in (
        "live_fps",
        "live_frame_ms_median",
        "live_frame_ms_max",
        "update_ms_median",
        "surface_ms_median",
        "live_steps_per_second",
        "rss_growth_mb_100k",
    ):
        kind, limit = gui_live.TARGETS.get(key, (None, None))
        note = f"target {'≥' if kind == 'min' else '≤'} {limit:g}   " if kind else ""
        verdict = ("MISSED" if key in missed else "ok") if kind else ""
        print(f"{key:<22} {result[key]:>7.2f}   {note}{verdict}")


def main(argv: list[str] | None = None) -> int:
    return _harness.main(__doc__, run, print_table, argv)


if __name__ == "__main__":
    raise SystemExit(main())
