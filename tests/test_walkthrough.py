"""The forward pass told as beats: their order, their texts, their figures against the engine."""

from __future__ import annotations

import math

import numpy as np
import pytest

from neurosim.core import fileformat
from neurosim.core.builders import layered_network
from neurosim.core.engine import Engine
from neurosim.core.explain import MAX_TERMS, equation
from neurosim.core.model import Network
from neurosim.core.walkthrough import BEAT_KINDS, walkthrough
from neurosim.paths import resource_path


def evaluated(net: Network):
    engine = Engine(net)
    try:
        return engine.evaluate()
    finally:
        engine.detach()


def xor(x1: float, x2: float) -> Network:
    net = fileformat.load(resource_path("examples", "03b-xor-hidden-layer.nsim.json"))
    for s in net.neurons.values():
        if s.is_input:
            net.set_source(s.id, None)
    net.set_value("x1", x1)
    net.set_value("x2", x2)
    return net


def test_the_inputs_light_up_first_then_each_level_in_turn():
    beats = walkthrough(xor(1.0, 0.0))
    assert beats[0].kind == "inputs" and beats[0].text == "x₁ = 1.00, x₂ = 0.00"
    assert beats[0].done == ("x1", "x2")
    assert all(b.kind in BEAT_KINDS for b in beats)
    levels = [b.level for b in beats]
    assert levels == sorted(levels) and levels[-1] == 2  # the hidden layer, then XOR
    xor_beats = [b for b in beats if b.neuron == "xor"]
    assert [b.kind for b in xor_beats] == ["term", "term", "sum", "activation"]
    assert [b.text for b in xor_beats] == [
        "z = 1·1.00",
        "z = 1·1.00 + 1·1.00",
        "z = 1·1.00 + 1·1.00 − 1.50 = 0.50",
        "step(0.50, θ=0) = 1.000 (fired)",
    ]
    assert [b.synapse for b in xor_beats[:2]] == [("h_or", "xor"), ("h_nand", "xor")]
    assert [b.z for b in xor_beats] == [1.0, 2.0, 0.5, 0.5]
    assert xor_beats[-1].y == 1.0 and xor_beats[-1].fired is True


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_figure_is_the_engines_and_every_neuron_gets_its_beats(seed):
    net = layered_network([3, 5, 4, 2], activation="tanh", seed=seed)
    rng = np.random.default_rng(seed)
    for nid in [n.id for n in net if n.is_input]:
        net.set_value(nid, float(rng.normal()))
    ev = evaluated(net)
    beats = walkthrough(net)
    for neuron in (n for n in net if not n.is_input):
        mine = [b for b in beats if b.neuron == neuron.id]
        incoming = net.incoming(neuron.id)
        assert [b.kind for b in mine] == ["term"] * len(incoming) + ["sum", "activation"]
        col = ev.index[neuron.id]
        *terms, total, applied = mine
        if terms:  # the terms add up to z less the bias
            assert terms[-1].z + neuron.bias == pytest.approx(float(ev.z[0, col]))
        assert total.z == float(ev.z[0, col])
        assert applied.y == float(ev.y[0, col])
        assert applied.fired == bool(ev.fired[0, col])
        # the texts are the inspector's equation, split at the arrow
        assert f"{total.text} → {applied.text}" == equation(net, ev, neuron.id)


def test_a_neuron_is_explained_only_once_its_sources_are_shown():
    net = layered_network([2, 3, 3, 1], seed=4)
    beats = walkthrough(net)
    shown = set(beats[0].done)
    for beat in beats[1:]:
        if beat.synapse is not None:
            assert beat.synapse[0] in shown  # its term reads a shown output
        if beat.kind == "activation":
            assert beat.neuron in beat.done  # its face appears with f(z)
        else:
            assert beat.neuron not in beat.done
        assert shown <= set(beat.done)  # nothing goes dark while going forward
        shown = set(beat.done)
    assert shown == set(net.neurons)


def test_a_long_sum_shows_its_first_terms_then_how_many_more():
    net = Network()
    for k in range(MAX_TERMS + 3):
        net.add_neuron("input", f"x{k}", value=1.0)
    net.add_neuron("output", "y", bias=0.5)
    for k in range(MAX_TERMS + 3):
        net.add_synapse(f"x{k}", "y", 0.1)
    beats = [b for b in walkthrough(net) if b.kind == "term"]
    assert len(beats) == MAX_TERMS + 3  # every synapse still lights up in turn
    assert beats[MAX_TERMS - 1].text.count("·") == MAX_TERMS
    assert beats[-1].text.endswith("+ … (3 more)")
    assert beats[-1].z == pytest.approx(1.1)


def test_a_neuron_without_synapses_is_its_bias_and_an_overflow_is_a_figure():
    net = Network()
    net.add_neuron("input", "x", value=1e200)
    net.add_neuron("hidden", "lonely", bias=0.5, activation="relu")
    net.add_neuron("output", "y", activation="linear")
    net.add_synapse("x", "y", 1e200)
    beats = walkthrough(net)
    lonely = [b for b in beats if b.neuron == "lonely"]
    assert [b.kind for b in lonely] == ["sum", "activation"]
    assert lonely[0].text == "z = 0.50"
    y = [b for b in beats if b.neuron == "y"]
    assert math.isinf(y[-1].z) and "∞" in y[-2].text


def test_a_network_without_neurons_has_only_the_inputs_beat():
    beats = walkthrough(Network())
    assert [b.kind for b in beats] == ["inputs"] and beats[0].text == ""
