"""The inspector's equation line: the numbers a student can check by hand."""

from __future__ import annotations

import numpy as np

from neurosim.core.engine import Engine
from neurosim.core.explain import MAX_TERMS, equation, figure, number, overflow_note, short
from neurosim.core.model import Network


def single_neuron() -> Network:
    net = Network()
    net.add_neuron("input", "x1", value=1.0)
    net.add_neuron("input", "x2", value=0.5)
    net.add_neuron("output", "y1", bias=-0.2)
    net.add_synapse("x1", "y1", 0.7)
    net.add_synapse("x2", "y1", -0.3)
    return net


def test_single_neuron_matches_the_lecture_slide():
    net = single_neuron()
    text = equation(net, Engine(net).evaluate(), "y1")
    assert text == "z = 0.7·1.00 + (−0.3)·0.50 − 0.20 = 0.35 → sigmoid(0.35) = 0.587 (fired)"


def test_input_neuron_shows_its_value():
    net = single_neuron()
    assert equation(net, Engine(net).evaluate(), "x2") == "x2 = 0.50 (input value)"


def test_negative_input_is_bracketed_and_positive_bias_is_added():
    net = single_neuron()
    net.set_value("x1", -2.0)
    net.set_bias("y1", 0.25)
    text = equation(net, Engine(net).evaluate(), "y1")
    assert text.startswith("z = 0.7·(−2.00) + (−0.3)·0.50 + 0.25 = −1.30 → sigmoid(−1.30) = 0.214")
    assert text.endswith("(not fired)")


def test_parameters_are_shown_with_their_symbols():
    net = single_neuron()
    net.set_activation("y1", "step", {"threshold": 0.5})
    text = equation(net, Engine(net).evaluate(), "y1")
    assert text.endswith("→ step(0.35, θ=0.5) = 0.000 (not fired)")
    net.set_activation("y1", "leaky_relu")
    assert "leaky_relu(0.35, α=0.01) = 0.350 (fired)" in equation(net, Engine(net).evaluate(), "y1")


def test_unconnected_neuron_is_just_its_bias():
    net = Network()
    net.add_neuron("hidden", "h1", bias=-0.5, activation="relu")
    net.add_neuron("hidden", "h2", activation="tanh")
    evaluation = Engine(net).evaluate()
    assert equation(net, evaluation, "h1") == "z = −0.50 → relu(−0.50) = 0.000 (not fired)"
    assert equation(net, evaluation, "h2") == "z = 0.00 → tanh(0.00) = 0.000 (not fired)"


def test_zero_bias_is_left_out_and_long_sums_are_cut():
    net = Network()
    n = MAX_TERMS + 3
    for i in range(n):
        net.add_neuron("input", f"x{i + 1}", value=1.0)
    net.add_neuron("output", "y1", activation="linear")
    for i in range(n):
        net.add_synapse(f"x{i + 1}", "y1", 1.0)
    text = equation(net, Engine(net).evaluate(), "y1")
    assert text.count("1·1.00") == MAX_TERMS
    assert "+ … (3 more) = 11.00" in text
    assert "linear(11.00, a=1) = 11.000" in text


def test_inexact_figures_get_a_third_decimal():
    net = single_neuron()
    net.set_activation("y1", "relu")
    net.set_value("x2", 0.125)
    net.set_bias("y1", -0.3125)
    text = equation(net, Engine(net).evaluate(), "y1")
    assert text == "z = 0.7·1.00 + (−0.3)·0.125 − 0.312 = 0.35 → relu(0.35) = 0.350 (fired)"
    net.set_bias("y1", -0.6125)
    text = equation(net, Engine(net).evaluate(), "y1")
    assert text.endswith("= 0.05 → relu(0.05) = 0.050 (fired)")
    net.set_bias("y1", -0.6)
    assert "= 0.062 → relu(0.062) = 0.062" in equation(net, Engine(net).evaluate(), "y1")


def test_number_formatting():
    assert number(-0.001) == "0.00"  # never a negative zero
    assert number(-1.5) == "−1.50"
    assert number(float("inf")) == "∞"
    assert short(0.70) == "0.7"
    assert short(-0.25) == "−0.25"
    assert short(2.0) == "2"
    assert short(-0.0001) == "0"
    assert short(0.12345) == "0.123"
    assert figure(0.5) == "0.50" and figure(0.0416) == "0.042" and figure(-0.2) == "−0.20"


def test_overflow_note_says_in_words_what_overflowed() -> None:
    net = Network()
    net.add_neuron("input", "x", value=1e200)
    net.add_neuron("output", "lin", activation="linear")
    net.add_neuron("output", "sig", activation="sigmoid")
    net.add_neuron("output", "fine", activation="linear")
    net.add_synapse("x", "lin", 1e200)
    net.add_synapse("x", "sig", 1e200)
    net.add_synapse("x", "fine", 1e-200)
    with np.errstate(over="ignore", invalid="ignore"):
        ev = Engine(net).evaluate()
    assert overflow_note(ev, "x") is None and overflow_note(ev, "fine") is None
    assert "this neuron's value went beyond ±1.8e308" in (overflow_note(ev, "lin") or "")
    assert "y = 1.00" in (overflow_note(ev, "sig") or "")  # sigmoid(∞) is still 1
