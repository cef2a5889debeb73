"""Shared set-up for the live-plot tests: small networks, a document, a clock."""

from __future__ import annotations

from neurosim.core.model import Network
from neurosim.core.sources import default_source
from neurosim.ui.clock import SimulationClock
from neurosim.ui.document import Document


def xor_network(sources: bool = True) -> Network:
    """x1, x2 → h1 (OR-ish), h2 (NAND-ish) → y1 = XOR, all sigmoid; truth-table sources."""
    net = Network({"title": "XOR"})
    net.add_neuron("input", "x1", position=(0, -60))
    net.add_neuron("input", "x2", position=(0, 60))
    net.add_neuron("hidden", "h1", activation="sigmoid", bias=-10, position=(150, -60))
    net.add_neuron("hidden", "h2", activation="sigmoid", bias=30, position=(150, 60))
    net.add_neuron("output", "y1", activation="sigmoid", bias=-30, label="XOR", position=(300, 0))
    for s, t, w in (
        ("x1", "h1", 20),
        ("x2", "h1", 20),
        ("x1", "h2", -20),
        ("x2", "h2", -20),
        ("h1", "y1", 20),
        ("h2", "y1", 20),
    ):
        net.add_synapse(s, t, w)
    if sources:
        net.set_source("x1", default_source("sequence") | {"column": 0, "hold": 5})
        net.set_source("x2", default_source("sequence") | {"column": 1, "hold": 5})
    return net


def relu_network() -> Network:
    """x1 → h1 (relu, fires for x1 > 0.5), h2 (relu, fires for x1 < 0.5) → y1 (step ≥ 0.2)."""
    net = Network()
    net.add_neuron("input", "x1")
    net.add_neuron("hidden", "h1", activation="relu", bias=-0.5)
    net.add_neuron("hidden", "h2", activation="relu", bias=0.5)
    net.add_neuron("output", "y1", activation="step", params={"threshold": 0.2})
    for s, t, w in (("x1", "h1", 1.0), ("x1", "h2", -1.0), ("h1", "y1", 1.0)):
        net.add_synapse(s, t, w)
    net.set_source("x1", {"kind": "sawtooth", "min": 0, "max": 1, "period": 10})
    return net


def make(network: Network) -> tuple[Document, SimulationClock]:
    document = Document(network)
    return document, SimulationClock(document)
