"""Extreme numbers in the main window: inputs, weights and biases up to ±1e6 on every
activation, a 50-level chain, a 1,000-neuron network.

Nothing may raise (the app's error hook stays empty) or warn (warnings are errors here);
every number the canvas draws is short and legible, the inspector shows the true values
and a finite, readable equation, and an edit of the 1,000-neuron network costs bounded,
linear work (counted; its time is in ``benchmarks/reliability.py``).
"""

from __future__ import annotations

import math
import random
import re
import statistics
from decimal import Decimal

import numpy as np
import pytest
from gui_checks import BAD_TEXT, check_window, settle
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetricsF
from shell_helpers import make_window
from work_counting import Calls

from neurosim.core import engine as engine_module
from neurosim.core.activations import REGISTRY
from neurosim.core.builders import random_dag
from neurosim.core.engine import Engine
from neurosim.core.model import Network
from neurosim.ui.canvas.neuron_item import NeuronItem
from neurosim.ui.canvas.style import MINUS, CanvasStyle, format_value
from neurosim.ui.commands import SetWeight
from neurosim.ui.plots.surface.grid import GRID_WORK
from neurosim.ui.training import session as training_session

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = [
    pytest.mark.qt_log_ignore("propagateSizeHints"),
    pytest.mark.qt_no_exception_capture,
    pytest.mark.filterwarnings("error"),
]

BIG = 1e6
#: a number in a text: digits, maybe a point, maybe a power of ten
NUMBER = re.compile(r"[−-]?\d[\d.]*(?:e-?\d+)?")


# ------------------------------------------------------------- the formatter
def magnitudes() -> list[float]:
    """Every power of ten a float has, with awkward mantissas, both signs, and the edges."""
    values = [
        0.0,
        -0.0,
        5e-324,
        -5e-324,
        math.ulp(0.0),
        1.7976931348623157e308,
        -1.7976931348623157e308,
        9999.5,
        -9999.5,
        9999.49,
        99.95,
        9.9995,
        -9.9995,
        0.0005,
        -0.0005,
        0.00049,
    ]
    for exponent in range(-324, 309):
        for mantissa in (1.0, 1.05, 2.5, 4.99999, 9.95, 9.9996):
            x = mantissa * 10.0**exponent
            if math.isfinite(x):
                values += [x, -x]
    return values


def test_canvas_numbers_are_short_and_never_nan():
    checked = 0
    for x in magnitudes():
        for digits in (1, 2, 3):
            text = format_value(x, digits)
            assert len(text) <= 8, f"format_value({x!r}, {digits}) = {text!r}"
            assert not BAD_TEXT.search(text) and "nan" not in text.lower()
            back = Decimal(text.replace(MINUS, "-"))  # "2e308" is no float
            if abs(x) >= 9999.5:  # a power of ten: one or two significant digits
                assert abs(back - Decimal(x)) <= Decimal(0.34) * abs(Decimal(x)), (x, text)
            else:
                decimals = len(text.partition(".")[2])
                assert abs(float(back) - x) <= 0.5 * 10.0**-decimals + 1e-12, (x, text)
            checked += 1
    assert format_value(math.nan) == "?" and format_value(-math.inf) == MINUS + "∞"
    assert format_value(1e6) == "1.0e+06" and format_value(-2.5e12) == MINUS + "2.5e+12"
    assert checked > 20_000


def test_neurons_pick_a_text_that_fits_inside(qapp):
    """Hidden, output and input neurons at every size step: the value fits the box it is
    drawn in (a neuron's width; an input's readout beside its ▲▼ marks)."""
    checked = 0
    for scale in (1.0, 1.25, 2.0):
        style = CanvasStyle(scale)
        for kind in ("hidden", "output", "input"):
            item = NeuronItem(Network().add_neuron(kind), style, QPointF(), lambda *_: None)
            box = 2 * item.half_width - 15 * scale if kind == "input" else 2 * style.radius
            for y in magnitudes():
                item.set_state(y, False, False)
                metrics = QFontMetricsF(item._value_font)  # smaller type where needed
                width = metrics.horizontalAdvance(item._value_text)
                if abs(y) < 9.5e99:  # −1e100 and beyond may spill a little, never be cut
                    assert width <= box, (
                        f"{kind} at {scale}: {item._value_text!r} is "
                        f"{width:.0f} px, its box {box:.0f}"
                    )
                checked += 1
    assert checked > 20_000


# ------------------------------------------------------------- in the window
def every_activation_at_the_extremes(seed: int = 1) -> Network:
    """Inputs ±1e6, 1e-3 and 0; for every activation, parameters at their default, minimum
    and maximum, biases ±1e6, weights ±1e6 from every input; outputs weigh them ±1e6."""
    rng = random.Random(seed)
    net = Network({"title": "Extremes"})
    for i, value in enumerate((BIG, -BIG, 1e-3, 0.0)):
        net.add_neuron("input", f"x{i + 1}", position=(0, 90 * i), value=value)
    for col, (name, act) in enumerate(REGISTRY.items()):
        choices = [{}]
        if act.params:
            choices += [
                {p.name: p.minimum for p in act.params},
                {p.name: p.maximum for p in act.params},
            ]
        hidden = []
        for row, (params, bias) in enumerate((p, b) for p in choices for b in (BIG, -BIG)):
            h = net.add_neuron(
                "hidden",
                position=(200 + 120 * col, 90 * row),
                activation=name,
                params=params,
                bias=bias,
            )
            hidden.append(h.id)
            for i in range(4):
                net.add_synapse(f"x{i + 1}", h.id, rng.choice((BIG, -BIG, 1e-3)))
        out = net.add_neuron(
            "output",
            position=(200 + 120 * col, -200),
            activation=name,
            bias=rng.choice((BIG, -BIG)),
        )
        for h in hidden:
            net.add_synapse(h, out.id, rng.choice((BIG, -BIG)))
    return net


def fifty_level_chain(bounded: bool, seed: int = 2) -> Network:
    """x → h1 → … → h49 → y: bounded activations with weights and biases ±1e6, or any
    activation with weights and biases up to ±3."""
    rng = random.Random(seed)
    names = ("sigmoid", "tanh", "step") if bounded else tuple(REGISTRY)
    net = Network({"title": "Chain"})
    prev = net.add_neuron("input", "x1", position=(0, 0), value=rng.choice((BIG, -BIG))).id
    for level in range(1, 51):
        kind = "output" if level == 50 else "hidden"
        big = BIG if bounded else rng.uniform(-3, 3)
        node = net.add_neuron(
            kind,
            position=(120 * level, 60 * (level % 2)),
            activation=rng.choice(names),
            bias=rng.choice((1, -1)) * big,
        )
        net.add_synapse(
            prev, node.id, rng.choice((1, -1)) * (BIG if bounded else rng.uniform(-3, 3))
        )
        prev = node.id
    return net


def check_inspector_everywhere(window, limit: int | None = None) -> int:
    """Select each neuron and each synapse: true values, finite readable equations."""
    net, inspector = window.document.network, window.inspector
    shown = 0
    for nid in list(net.neurons)[:limit]:
        window.canvas.select([nid])
        settle(window)
        page, neuron = inspector.currentWidget(), net.neurons[nid]
        assert page is inspector.neuron_page
        slider = page.value if neuron.is_input else page.bias
        want = neuron.value if neuron.is_input else neuron.bias
        assert slider.value() == pytest.approx(want, abs=0.006), f"{nid} shows {slider.value()}"
        readable(page.equation.text(), nid)
        shown += 1
    for key in list(net.synapses)[:limit]:
        window.canvas.select(synapse_keys=[key])
        settle(window)
        page = inspector.currentWidget()
        assert page is inspector.synapse_page
        assert page.weight.value() == pytest.approx(net.synapses[key].weight, abs=0.006)
        readable(page.contribution.text(), key)
        shown += 1
    return shown


def readable(text: str, what) -> None:
    assert text and not BAD_TEXT.search(text), f"{what}: {text!r}"
    longest = max((len(m) for m in NUMBER.findall(text)), default=0)
    assert longest <= 12, f"{what}: a {longest}-character number in {text!r}"
    assert len(text) <= 400, f"{what}: {len(text)} characters"


def exercise_window(window) -> None:
    """What a student does next: paint, step the clock, train one epoch, paint again."""
    assert not window.grab().isNull()
    window.live_plots.clock.step(3)
    ui = window.training
    ui.panel.step_action.trigger()
    settle(window)
    assert not window.grab().isNull()
    check_window(window)


@pytest.mark.parametrize(
    "make",
    [
        every_activation_at_the_extremes,
        lambda: fifty_level_chain(True),
        lambda: fifty_level_chain(False),
    ],
    ids=["every-activation", "chain-bounded", "chain-any"],
)
def test_extreme_networks_in_the_window(qtbot, settings, dialogs, error_hook, make):  # noqa: F811
    with np.errstate(all="warn", under="ignore"):  # warnings are errors (pytestmark)
        window = make_window(qtbot, settings, make())
        settle(window)
        check_window(window)  # finite evaluation, canvas texts, the model intact
        for item in window.canvas.network_scene.neurons.values():
            assert len(item._value_text) <= 7
        check_inspector_everywhere(window)
        exercise_window(window)
    assert not error_hook.reports
    window.document.undo_stack.clear()


# ------------------------------------------------------------- 1,000 neurons
def big_network(neurons: int = 1000, seed: int = 0) -> Network:
    """A random DAG of ``neurons`` (five synapses each, every activation), inputs ±1e6."""
    net = random_dag(
        neurons,
        5 * neurons,
        seed=seed,
        n_inputs=20,
        n_outputs=10,
        activations=tuple(REGISTRY),
    )
    rng = random.Random(seed)
    for n in net.of_kind("input"):
        net.set_value(n.id, rng.choice((BIG, -BIG, 0.0, 1.0)))
    return net


def multiply_adds_per_row(engine: Engine) -> int:
    """One multiply-add per weight of the compiled levels, for each row of a batch."""
    return sum(level.weights.size for level in engine.compiled.levels)


class EngineWork:
    """Counts, while installed, the engine's compilations and the multiply-adds of every
    batch evaluated or pushed forward (the decision surface's grid is one such batch)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.compiles = self.multiply_adds = 0
        compile_network, run = engine_module.compile_network, Engine._run

        def counted_compile(network: Network) -> object:
            self.compiles += 1
            return compile_network(network)

        def counted_run(engine: Engine, x: np.ndarray, keep_z: bool) -> object:
            self.multiply_adds += x.shape[0] * multiply_adds_per_row(engine)
            return run(engine, x, keep_z)

        monkeypatch.setattr(engine_module, "compile_network", counted_compile)
        monkeypatch.setattr(Engine, "_run", counted_run)


def edit_costs(window, work: EngineWork, keys: list) -> list[dict[str, int]]:
    """A weight edit of ±1e6 on each synapse of ``keys``, its evaluation, the live panels'
    frame (the decision surface…) and a canvas repaint: what each one cost."""
    doc, viewport = window.document, window.canvas.viewport()
    costs = []
    for i, key in enumerate(keys):
        work.compiles = work.multiply_adds = 0
        with Calls() as calls:
            doc.push(SetWeight(doc.network, key, BIG if i % 2 else -BIG))
            settle(window)
            viewport.repaint()
        costs.append(
            {"calls": calls.count, "compiles": work.compiles, "multiply_adds": work.multiply_adds}
        )
    return costs


def test_a_thousand_neurons_stay_responsive(
    qtbot,
    settings,
    dialogs,
    error_hook,  # noqa: F811
    reliability_stats,
    monkeypatch,
):
    """Weight edits of ±1e6 in a 1,000-neuron network: the window stays consistent, and the
    work of an edit is bounded, counted rather than timed — no recompilation (a weight is
    patched in place); at most ``GRID_WORK`` multiply-adds for the decision surface (its
    100 × 100 grid through all 1,000 neurons made every edit take 300 ms) and one row per
    evaluation; and 4 times the neurons cost at most 6 times the calls (linear: 4,
    quadratic: 16)."""
    work = EngineWork(monkeypatch)
    # The Train panel's advice follows each edit here, not at most every 150 ms: counted
    # work must not depend on how fast the machine went through the edits.
    monkeypatch.setattr(training_session, "ADVICE_MS", 0)
    with np.errstate(all="warn", under="ignore"):
        small = make_window(qtbot, settings, big_network(250))
        settle(small)
        small_costs = edit_costs(small, work, list(small.document.network.synapses)[500:510])
        small.document.undo_stack.clear()
        small.close()
        window = make_window(qtbot, settings, big_network(1000))
        settle(window)
        check_window(window)
        doc = window.document
        costs = edit_costs(window, work, list(doc.network.synapses)[2000:2020])
        check_window(window)
        shown = check_inspector_everywhere(window, limit=40)
        exercise_window(window)
    for each, win in ((small_costs, small), (costs, window)):
        per_row = multiply_adds_per_row(win.document.engine)
        assert all(c["compiles"] == 0 for c in each)
        assert max(c["multiply_adds"] for c in each) <= GRID_WORK + 4 * per_row
    calls = statistics.median_low(c["calls"] for c in costs)
    small_calls = statistics.median_low(c["calls"] for c in small_costs)
    reliability_stats["1,000 neurons in the window"] = {
        "edit_calls_median": calls,
        "edit_calls_median_250": small_calls,
        "surface_grid": window.live_plots.surface.grid_size(),
        "inspector_pages_checked": shown,
    }
    print(f"1,000 neurons: an edit costs {calls:,.0f} calls (250 neurons: {small_calls:,.0f})")
    assert calls <= 6 * small_calls
    assert not error_hook.reports
    doc.undo_stack.clear()
