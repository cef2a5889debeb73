"""Random editing sessions on the real main window: nothing breaks, undo gives the file back.

Each session draws every action from ``random.Random(seed)`` (see :mod:`gui_monkey`) and
checks the invariants of :mod:`gui_checks` after every one. The session is cut into
segments by "save and reopen" (which starts a fresh undo history); at the end of each
segment undoing everything must give the segment's starting file byte for byte, and redoing
it the file as it was before the undo. The only exception is the ``value`` of inputs that
had a signal source during the segment: the simulation clock writes those without an undo
step (it is a simulation, not an edit).

Replay a failure: ``NEUROSIM_MONKEY_SEED=<seed> NEUROSIM_MONKEY_STEPS=<n> python -m pytest
tests/reliability/test_monkey_gui.py -k replay``.
"""

from __future__ import annotations

import difflib
import os
import random
import traceback

import pytest
from canvas_helpers import network_231
from gui_checks import check_window, masked, settle
from gui_monkey import Monkey
from shell_helpers import make_window

from neurosim.core import fileformat
from neurosim.core.model import Network
from neurosim.paths import resource_path
from neurosim.ui.app import default_network
from neurosim.ui.commands import DeleteItems, SetActivation

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = [
    pytest.mark.qt_log_ignore("propagateSizeHints"),
    pytest.mark.qt_no_exception_capture,
]  # the app's own error hook records them

DEFAULT_SEEDS, DEFAULT_STEPS = (1, 2, 3), 160  # 480 actions
SLOW_SEEDS, SLOW_STEPS = tuple(range(101, 109)), 700  # 5,600 actions
REOPEN_CHANCE = 0.03  # a save and reopen ends a segment about every 33 actions
EXAMPLES = (
    ("examples", "03b-xor-hidden-layer.nsim.json"),
    ("examples", "07a-dying-relu.nsim.json"),
    ("exercises", "xor-two-hidden.nsim.json"),  # exercises lock some parts
    ("exercises", "dead-relu.nsim.json"),
    ("exercises", "and-gate.nsim.json"),
)


def start_network(rng: random.Random) -> Network:
    choice = rng.randrange(4)
    if choice == 0:
        return default_network()
    if choice == 1:
        return network_231()
    if choice == 2:
        return fileformat.load(resource_path(*rng.choice(EXAMPLES)))
    return Network({"title": "Empty"})


def sourced(network: Network) -> set[str]:
    return {n.id for n in network if n.is_input and n.source is not None}


class Segment:
    """The part of a session since the last open: undo-all must give its first file back."""

    def __init__(self, window) -> None:
        self.window = window
        self.start = fileformat.dumps(window.document.network)
        self.sourced = sourced(window.document.network)
        self.undo_checks = 0
        self.step_checks = 0

    def note(self) -> None:
        self.sourced |= sourced(self.window.document.network)

    def check_new_step(self, before: str, index: int, name: str) -> None:
        """An action that pushed one new undo step: undoing it gives ``before`` back exactly,
        redoing it the file as it is now."""
        doc = self.window.document
        stack = doc.undo_stack
        if name in ("undo", "redo", "history") or not (stack.index() == stack.count() == index + 1):
            return
        self.note()
        after = fileformat.dumps(doc.network)
        stack.undo()
        undone = check_window(self.window)
        assert masked(undone, self.sourced) == masked(before, self.sourced), (
            f"undoing {stack.text(index)!r} did not give the file back:\n" + _diff(before, undone)
        )
        stack.redo()
        redone = check_window(self.window)
        assert masked(redone, self.sourced) == masked(after, self.sourced), (
            f"redoing {stack.text(index)!r} did not give the file back:\n" + _diff(after, redone)
        )
        self.step_checks += 1

    def check_undo_all(self) -> str:
        window, doc = self.window, self.window.document
        window.live_plots.clock.pause()
        window.training.session.pause()
        stack, before = doc.undo_stack, fileformat.dumps(doc.network)
        index = stack.index()
        stack.setIndex(0)
        undone = check_window(window)
        assert masked(undone, self.sourced) == masked(self.start, self.sourced), (
            "undoing everything did not give the starting file back:\n" + _diff(self.start, undone)
        )
        if not self.sourced:
            assert not doc.modified, "back at the opened state, but marked modified"
        stack.setIndex(index)
        redone = check_window(window)
        assert masked(redone, self.sourced) == masked(before, self.sourced), (
            "redoing everything did not give the edited file back:\n" + _diff(before, redone)
        )
        self.undo_checks += 1
        return f"undo all {index} steps and redo them"


def reopen(monkey: Monkey, rng: random.Random, path) -> str:
    """End a segment: save and reopen (mostly), File ▸ New, or open an example."""
    r = rng.random()
    if r < 0.7:
        return monkey.save_reopen(path)
    if r < 0.85:
        assert monkey.window.new_file() and not monkey.net.neurons
        return "new file"
    name = rng.choice(EXAMPLES)
    assert monkey.window.open_file(resource_path(*name))
    return f"open {'/'.join(name)}"


def _diff(a: str, b: str) -> str:
    return "\n".join(difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0))


def run_session(
    qtbot,
    settings,
    dialogs,
    folder,
    seed: int,
    steps: int,  # noqa: F811
    figures: dict,
) -> None:
    rng = random.Random(seed)
    window = make_window(qtbot, settings, start_network(rng))
    window.resize(1200, 800)
    settle(window)
    monkey = Monkey(window, qtbot, rng, folder, dialogs)
    segment = Segment(window)
    path = folder / f"monkey-{seed}.nsim.json"
    history: list[str] = []
    try:
        for step in range(steps):
            name = "reopen" if rng.random() < REOPEN_CHANCE else monkey.choose()
            history.append(f"{step}: {name}")
            try:
                if name == "reopen":
                    desc = segment.check_undo_all() + "; " + reopen(monkey, rng, path)
                    figures["undo_checks"] += segment.undo_checks
                    figures["step_checks"] += segment.step_checks
                    segment = Segment(window)
                else:
                    before = fileformat.dumps(window.document.network)
                    index = window.document.undo_stack.index()
                    desc = monkey.run(name)
                history[-1] = f"{step}: {desc}"
                check_window(window)
                segment.note()
                if name != "reopen":
                    segment.check_new_step(before, index, name)
            except BaseException as exc:
                message = (
                    f"seed={seed}, step={step}, action={history[-1]}: {exc}\n"
                    f"last actions:\n  "
                    + "\n  ".join(history[-12:])
                    + f"\nreplay: NEUROSIM_MONKEY_SEED={seed} NEUROSIM_MONKEY_STEPS="
                    f"{step + 1} python -m pytest {__file__} -k replay"
                )
                print(message)
                traceback.print_exc()
                raise AssertionError(message) from exc
            figures["actions"] += 1
            figures.setdefault(name, 0)
            figures[name] += 1
        segment.check_undo_all()
        figures["undo_checks"] += segment.undo_checks
        figures["step_checks"] += segment.step_checks
    finally:
        figures["refused"] += monkey.refused
        monkey.restore_text_scale()
        window.live_plots.clock.pause()
        window.training.session.pause()
        window.document.undo_stack.clear()  # nothing to ask when the window closes


def run_seeds(
    qtbot,
    settings,
    dialogs,
    tmp_path,
    seeds,
    steps,  # noqa: F811
    reliability_stats,
    label: str,
) -> dict:
    figures = {"actions": 0, "undo_checks": 0, "step_checks": 0, "refused": 0}
    for seed in seeds:
        run_session(qtbot, settings, dialogs, tmp_path, seed, steps, figures)
    reliability_stats[label] = {
        "seeds": len(seeds),
        "actions": figures["actions"],
        "undo_all_checks": figures["undo_checks"],
        "undo_step_checks": figures["step_checks"],
        "refused_edits": figures["refused"],
    }
    print(f"{label}: {figures}")
    return figures


def test_random_editing_sessions(
    qtbot,
    settings,
    dialogs,
    tmp_path,
    error_hook,  # noqa: F811
    reliability_stats,
):
    figures = run_seeds(
        qtbot,
        settings,
        dialogs,
        tmp_path,
        DEFAULT_SEEDS,
        DEFAULT_STEPS,
        reliability_stats,
        "GUI monkey",
    )
    assert figures["actions"] >= 300
    assert figures["undo_checks"] >= len(DEFAULT_SEEDS)


@pytest.mark.slow
def test_random_editing_sessions_long(
    qtbot,
    settings,
    dialogs,
    tmp_path,  # noqa: F811
    error_hook,
    reliability_stats,
):
    figures = run_seeds(
        qtbot,
        settings,
        dialogs,
        tmp_path,
        SLOW_SEEDS,
        SLOW_STEPS,
        reliability_stats,
        "GUI monkey (slow)",
    )
    assert figures["actions"] >= 5000


@pytest.mark.skipif(
    not os.environ.get("NEUROSIM_MONKEY_SEED"),
    reason="set NEUROSIM_MONKEY_SEED (and NEUROSIM_MONKEY_STEPS) to replay",
)
def test_replay(
    qtbot,
    settings,
    dialogs,
    tmp_path,
    error_hook,  # noqa: F811
    reliability_stats,
):
    """``NEUROSIM_MONKEY_SEED=7`` replays seed 7; ``=200-299`` runs seeds 200 to 299."""
    first, _, last = os.environ["NEUROSIM_MONKEY_SEED"].partition("-")
    seeds = range(int(first), int(last or first) + 1)
    steps = int(os.environ.get("NEUROSIM_MONKEY_STEPS", DEFAULT_STEPS))
    run_seeds(
        qtbot,
        settings,
        dialogs,
        tmp_path,
        seeds,
        steps,
        reliability_stats,
        f"GUI monkey, seeds {seeds.start}-{seeds.stop - 1}",
    )


# ---------------------------------------------------- what the monkey found (kept fixed)
def test_undoing_a_delete_of_several_synapses_restores_their_order(  # noqa: F811
    qtbot, settings, dialogs, error_hook
):  # noqa: F811
    """Deleting two synapses (in file order, as a rubber band selects them) and undoing put
    them back in another order: a different file, and sums added in another order."""
    window = make_window(qtbot, settings, network_231())
    doc = window.document
    before = fileformat.dumps(doc.network)
    keys = [("x1", "h1"), ("x1", "h3"), ("h2", "y1")]
    assert doc.push(DeleteItems(doc.network, ["h1"], keys[1:]))
    assert doc.push(DeleteItems(doc.network, [], [("x2", "h2"), ("x1", "h2")]))
    deleted = fileformat.dumps(doc.network)
    doc.undo_stack.setIndex(0)
    assert fileformat.dumps(doc.network) == before
    doc.undo_stack.setIndex(2)
    assert fileformat.dumps(doc.network) == deleted
    assert not error_hook.reports
    doc.undo_stack.clear()


def test_an_activation_with_a_narrower_parameter_range_takes_its_default(  # noqa: F811
    qtbot, settings, dialogs, error_hook
):  # noqa: F811
    """ELU's α may be up to 10, leaky ReLU's at most 1: the α was carried over and the
    command failed half-way inside the undo stack (an error dialog, half the neurons set)."""
    net = network_231()
    net.set_activation("h1", "elu", {"alpha": 9.5})
    window = make_window(qtbot, settings, net)
    doc = window.document
    assert doc.push(SetActivation(doc.network, ["h1", "h2"], "leaky_relu"))
    assert [doc.network.neurons[n].params for n in ("h1", "h2")] == [{"alpha": 0.01}] * 2
    doc.undo_stack.undo()
    assert doc.network.neurons["h1"].params == {"alpha": 9.5}
    assert doc.network.neurons["h2"].activation == "tanh"
    settle(window)
    assert not error_hook.reports
    doc.undo_stack.clear()
