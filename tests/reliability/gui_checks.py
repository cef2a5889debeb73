"""What must hold in the main window after every action of the GUI monkey (and elsewhere).

:func:`check_window` raises AssertionError naming the first thing that is wrong; the monkey
adds the seed, the step and the action to the message.
"""

from __future__ import annotations

import re

import numpy as np
from canvas_helpers import assert_matches_model
from PySide6.QtWidgets import QApplication

from neurosim.core import fileformat
from neurosim.core.engine import Engine
from neurosim.ui import errors

#: what a displayed number must never read like
BAD_TEXT = re.compile(r"\b(nan|inf|NaN|Infinity)\b|∞")


def settle(window, rounds: int = 6) -> None:
    """Let posted events and 0 ms timers (the coalesced evaluation) run."""
    doc = window.document
    for _ in range(rounds):
        QApplication.processEvents()
        if not doc.evaluation_pending:
            break


def check_model(network) -> str:
    """The network is whole: a DAG, ids and ends consistent, and a valid file; its text."""
    order = network.topological_order()
    assert len(order) == len(network.neurons) and set(order) == set(network.neurons), (
        f"not a DAG: the topological order misses {set(network.neurons) - set(order)}"
    )
    for nid, neuron in network.neurons.items():
        assert neuron.id == nid, f"neuron stored under {nid!r} has id {neuron.id!r}"
    for key, synapse in network.synapses.items():
        assert synapse.key == key, f"synapse stored under {key} is {synapse.key}"
        assert key[0] in network.neurons and key[1] in network.neurons, f"dangling {key}"
        assert not network.neurons[key[1]].is_input, f"{key} ends at an input"
    text = fileformat.dumps(network)
    again = fileformat.dumps(fileformat.loads(text))
    assert again == text, "the network does not survive its own file format"
    return text


def check_evaluation(window) -> None:
    """The document's evaluation is fresh, finite, and what the canvas shows."""
    doc, net = window.document, window.document.network
    ev = doc.evaluation
    assert set(ev.ids) == set(net.neurons), "the evaluation is stale (other neurons)"
    fresh = Engine(net.copy()).evaluate()
    assert np.isfinite(ev.y).all(), f"evaluation y is not finite: {ev.y}"
    z = ev.z[:, ~ev.is_input]  # inputs have no z (NaN)
    assert np.isfinite(z).all(), f"evaluation z is not finite: {ev.z}"
    for nid in net.neurons:
        shown, want = ev.y[0, ev.index[nid]], fresh.y[0, fresh.index[nid]]
        assert shown == want, f"stale evaluation of {nid}: {shown} != {want}"
        item = window.canvas.network_scene.neurons[nid]
        assert item.y == want, f"the canvas shows {item.y} for {nid}, the model gives {want}"
        assert not BAD_TEXT.search(item._value_text), f"{nid} reads {item._value_text!r}"


def check_inspector(window) -> None:
    """The inspector shows the page for the selection, with readable numbers."""
    inspector, canvas, net = window.inspector, window.canvas, window.document.network
    neurons, synapses = canvas.selected_neuron_ids(), canvas.selected_synapse_keys()
    assert set(neurons) <= set(net.neurons) and set(synapses) <= set(net.synapses)
    page = inspector.currentWidget()
    if len(neurons) == 1 and not synapses:
        assert page is inspector.neuron_page and page.neuron_id == neurons[0], (
            f"inspector shows {page.objectName() or type(page).__name__}, not {neurons[0]}"
        )
        text = page.equation.text()
        assert text and not BAD_TEXT.search(text), f"equation reads {text!r}"
        assert neurons[0] in page.header.text(), f"header reads {page.header.text()!r}"
    elif len(synapses) == 1 and not neurons:
        assert page is inspector.synapse_page and page.key == synapses[0]
        text = page.contribution.text()
        assert text and not BAD_TEXT.search(text), f"contribution reads {text!r}"
    elif neurons or synapses:
        assert page is inspector.multi_page
        assert set(page.neuron_ids) == set(neurons)
    else:
        assert page is inspector.hint


def check_errors() -> None:
    assert not errors.reports, "an exception reached the error hook:\n" + "\n".join(
        r.details for r in errors.reports
    )


def check_window(window) -> str:
    """Every invariant; returns the network's file text."""
    settle(window)
    check_errors()
    text = check_model(window.document.network)
    assert_matches_model(window.canvas)
    check_evaluation(window)
    check_inspector(window)
    doc = window.document
    assert window.isWindowModified() == doc.modified, "the title's [*] disagrees"
    assert 0 <= doc.undo_stack.index() <= doc.undo_stack.count()
    return text


def masked(text: str, values_of: set[str]) -> str:
    """The file text with the ``value`` of these inputs left out (the clock writes them
    without an undo step: it is a simulation, not an edit)."""
    if not values_of:
        return text
    data = fileformat.parse_json(text)
    for neuron in data["neurons"]:
        if neuron["id"] in values_of:
            neuron["value"] = None
    return repr(data)
