"""One neuron's arithmetic as a line of text, with the current numbers.

    z = 0.7·1.00 + (−0.3)·0.50 − 0.20 = 0.35 → sigmoid(0.35) = 0.587 (fired)

The inspector shows it under the selected neuron so students can check the sum by hand.
Negative numbers carry a true minus sign (−) and are bracketed inside products. Inputs, bias
and z show two decimals when that is exact and three otherwise (as the canvas does), so a
student never reads "relu(0.04) = 0.042".
"""

from __future__ import annotations

import math

from neurosim.core.activations import get_activation
from neurosim.core.engine import Evaluation
from neurosim.core.model import Network
from neurosim.core.text_marks import QT_TRANSLATE_NOOP, fill

MINUS = "\u2212"
#: a neuron with more incoming synapses shows this many terms, then "… (k more)"
MAX_TERMS = 8


#: from here on a number is written 2.00e12: 2000001000000.00 is hard to read and 1e300
#: would take 300 digits
BIG = 1e6


def number(x: float, decimals: int = 2) -> str:
    """``x`` with a fixed number of decimals and a true minus sign; never "−0.00".
    From a million on, as a power of ten with that many decimals: 2.00e12."""
    if not math.isfinite(x):
        return "∞" if x > 0 else f"{MINUS}∞" if x < 0 else "NaN"
    if abs(x) >= BIG:
        mantissa, _, exponent = f"{x:.{decimals}e}".partition("e")
        text = f"{mantissa}e{int(exponent)}"
        return MINUS + text[1:] if text.startswith("-") else text
    text = f"{x:.{decimals}f}"
    if text.startswith("-"):
        text = MINUS + text[1:] if any(c not in "-0." for c in text) else text[1:]
    return text


def figure(x: float) -> str:
    """Two decimals when they are exact (0.50, −0.20), else three (0.042), like the canvas."""
    return number(x, 2) if math.isfinite(x) and abs(x - round(x, 2)) < 1e-9 else number(x, 3)


def short(x: float, max_decimals: int = 3) -> str:
    """``x`` with at most ``max_decimals`` decimals and no trailing zeros (weights: 0.7)."""
    text = number(x, max_decimals)
    mantissa, e, exponent = text.partition("e")
    if "." in mantissa:
        text = mantissa.rstrip("0").rstrip(".") + e + exponent
    return "0" if text in ("", MINUS + "0") else text


def _factor(text: str) -> str:
    """Bracket a negative number used inside a product: (−0.3)."""
    return f"({text})" if text.startswith(MINUS) else text


def _symbol(description: str, name: str) -> str:
    """A parameter's symbol, taken from its description ("θ: the net input …" → θ)."""
    head, sep, _ = description.partition(":")
    return head.strip() if sep and 0 < len(head.strip()) <= 3 else name


def equation(network: Network, evaluation: Evaluation, neuron_id: str, sample: int = 0) -> str:
    """The weighted sum, the activation and the result for one neuron and one sample."""
    neuron = network.neuron(neuron_id)
    if neuron.is_input:
        y = float(evaluation.y[sample, evaluation.index[neuron_id]])
        template = QT_TRANSLATE_NOOP("Explain", "{id} = {value} (input value)")
        return fill(template, id=neuron_id, value=figure(y))
    return fill(
        "{sum} → {activation}",
        sum=weighted_sum(network, evaluation, neuron_id, sample),
        activation=activation_step(network, evaluation, neuron_id, sample),
    )


def sum_terms(
    network: Network, evaluation: Evaluation, neuron_id: str, sample: int = 0
) -> list[str]:
    """``w·x`` for each incoming synapse, in the network's order: ``0.7·1.00``, ``(−0.3)·0.50``."""

    def output_of(source: str) -> float:
        return float(evaluation.y[sample, evaluation.index[source]])

    return [
        f"{_factor(short(s.weight))}·{_factor(figure(output_of(s.source)))}"
        for s in network.incoming(neuron_id)
    ]


def partial_sum(terms: list[str], shown: int) -> str:
    """The first ``shown`` terms joined by +, at most :data:`MAX_TERMS`, then "… (k more)"."""
    text = " + ".join(terms[: min(shown, MAX_TERMS)])
    if shown > MAX_TERMS:
        template = QT_TRANSLATE_NOOP("Explain", "{terms} + … ({count} more)")
        return fill(template, terms=text, count=shown - MAX_TERMS)
    return text


def weighted_sum(network: Network, evaluation: Evaluation, neuron_id: str, sample: int = 0) -> str:
    """``z = 0.7·1.00 + (−0.3)·0.50 − 0.20 = 0.35``: every term, the bias, the sum."""
    neuron = network.neuron(neuron_id)
    terms = sum_terms(network, evaluation, neuron_id, sample)
    text = partial_sum(terms, len(terms))
    if neuron.bias or not terms:
        bias = figure(abs(neuron.bias))
        if not terms:
            text = figure(neuron.bias)
        else:
            sign = MINUS if neuron.bias < 0 else "+"
            text = fill("{terms} {sign} {bias}", terms=text, sign=sign, bias=bias)
    z = float(evaluation.z[sample, evaluation.index[neuron_id]])
    if text == figure(z):
        return fill("z = {text}", text=text)
    return fill("z = {text} = {z}", text=text, z=figure(z))


def activation_step(
    network: Network, evaluation: Evaluation, neuron_id: str, sample: int = 0
) -> str:
    """``sigmoid(0.35) = 0.587 (fired)``: the activation applied to z, and the firing."""
    neuron = network.neuron(neuron_id)
    col = evaluation.index[neuron_id]
    z, y = float(evaluation.z[sample, col]), float(evaluation.y[sample, col])
    act = get_activation(neuron.activation)
    args = [figure(z)] + [
        f"{_symbol(p.description, p.name)}={short(neuron.params[p.name])}"
        for p in act.params
        if p.name in neuron.params
    ]
    template = (
        QT_TRANSLATE_NOOP("Explain", "{call} = {y} (fired)")
        if bool(evaluation.fired[sample, col])
        else QT_TRANSLATE_NOOP("Explain", "{call} = {y} (not fired)")
    )
    return fill(template, call=f"{act.name}({', '.join(args)})", y=number(y, 3))


#: the largest number a float holds, as the overflow messages say it
LARGEST = "±1.8e308"


def overflow_note(evaluation: Evaluation, neuron_id: str, sample: int = 0) -> str | None:
    """In words, when a neuron's figures overflowed (finite weights and values can make a
    sum beyond the largest float: 1e200 · 1e200); None when they are numbers."""
    col = evaluation.index[neuron_id]
    z, y = float(evaluation.z[sample, col]), float(evaluation.y[sample, col])
    if bool(evaluation.is_input[col]) or (math.isfinite(z) and math.isfinite(y)):
        return None
    advice = QT_TRANSLATE_NOOP("Explain", "Make the weights, the bias or the inputs smaller.")
    if math.isfinite(y):
        template = QT_TRANSLATE_NOOP(
            "Explain",
            "Overflow: the weighted sum z is beyond {largest}, the largest number the "
            "computer can hold, so it counts as {sign}∞; the activation still gives "
            "y = {y}. {advice}",
        )
        sign = "" if z > 0 else MINUS
        return fill(template, largest=LARGEST, sign=sign, y=figure(y), advice=advice)
    what = (
        QT_TRANSLATE_NOOP("Explain", "infinite (∞)")
        if not math.isnan(y)
        else QT_TRANSLATE_NOOP("Explain", "not a number (NaN: ∞ − ∞ or 0 · ∞)")
    )
    template = QT_TRANSLATE_NOOP(
        "Explain",
        "Overflow: this neuron's value went beyond {largest}, the largest number the "
        "computer can hold; it is {what}, not a real result. {advice}",
    )
    return fill(template, largest=LARGEST, what=what, advice=advice)
