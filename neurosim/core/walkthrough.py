"""One evaluation of the current inputs told as a list of beats, level by level, term by term.

For "Explain forward pass" (a lecturer walks the class through the arithmetic): first the
inputs light up; then, for each neuron of the next level, its incoming synapses one by one
while the weighted sum builds (``z = 0.8·1.00 + 0.4·0.00``), then the bias and the sum
(``z = 0.8·1.00 + 0.4·0.00 − 0.50 = 0.30``), then the activation applied
(``step(0.30) = 1.000 (fired)``); then the next level. The texts are those of
:mod:`neurosim.core.explain` (the inspector's equation), and every figure is the engine's.

A view plays the beats forward and back; each :class:`Beat` says what is lit so far, so
stepping back needs no memory of earlier beats.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from neurosim.core.engine import Engine, Evaluation
from neurosim.core.explain import (
    activation_step,
    figure,
    partial_sum,
    sum_terms,
    weighted_sum,
)
from neurosim.core.model import Network, SynapseKey
from neurosim.core.text_marks import fill

#: what a beat shows: the inputs; one more term of a sum; the bias and the sum; f(z)
BEAT_KINDS = ("inputs", "term", "sum", "activation")


@dataclass(frozen=True)
class Beat:
    kind: str  # one of BEAT_KINDS
    level: int  # 0: the inputs; 1, 2, …: the levels of the compiled network
    neuron: str | None  # the neuron being computed (None for the inputs' beat)
    synapse: SynapseKey | None  # the synapse whose term this beat adds ("term")
    text: str  # the overlay's line: the sum so far, or the activation step
    z: float | None  # the sum so far ("term"), the whole z ("sum", "activation")
    y: float | None  # the neuron's output ("activation"); None before it is known
    fired: bool | None  # ("activation")
    done: tuple[str, ...]  # neurons whose output is shown after this beat (inputs first)


def walkthrough(network: Network, engine: Engine | None = None) -> list[Beat]:
    """The beats of one evaluation of ``network`` at its current input values."""
    own = engine is None
    engine = Engine(network) if engine is None else engine
    try:
        with np.errstate(all="ignore"):  # an overflow is a figure (∞) the beats show
            evaluation = engine.evaluate()
        compiled = engine.compiled
        inputs = compiled.ids[: compiled.n_inputs]
        values = ", ".join(f"{_name(network, i)} = {figure(_y(evaluation, i))}" for i in inputs)
        beats = [Beat("inputs", 0, None, None, values, None, None, None, tuple(inputs))]
        done = list(inputs)
        for li, level in enumerate(compiled.levels, start=1):
            for nid in compiled.ids[level.start : level.stop]:
                beats.extend(_neuron_beats(network, evaluation, nid, li, tuple(done)))
                done.append(nid)
                beats[-1] = replace(beats[-1], done=tuple(done))  # its face appears
        return beats
    finally:
        if own:
            engine.detach()


def _neuron_beats(
    network: Network, evaluation: Evaluation, nid: str, level: int, done: tuple[str, ...]
) -> list[Beat]:
    """A term beat per incoming synapse, then the sum, then the activation."""
    terms = sum_terms(network, evaluation, nid)
    beats = []
    so_far = 0.0
    for k, synapse in enumerate(network.incoming(nid), start=1):
        so_far += synapse.weight * _y(evaluation, synapse.source)
        text = fill("z = {text}", text=partial_sum(terms, k))
        beats.append(Beat("term", level, nid, synapse.key, text, so_far, None, None, done))
    z = float(evaluation.z[0, evaluation.index[nid]])
    text = weighted_sum(network, evaluation, nid)
    beats.append(Beat("sum", level, nid, None, text, z, None, None, done))
    col = evaluation.index[nid]
    y, fired = float(evaluation.y[0, col]), bool(evaluation.fired[0, col])
    text = activation_step(network, evaluation, nid)
    beats.append(Beat("activation", level, nid, None, text, z, y, fired, done))
    return beats


def _y(evaluation: Evaluation, nid: str) -> float:
    return float(evaluation.y[0, evaluation.index[nid]])


def _name(network: Network, nid: str) -> str:
    return network.neurons[nid].label or nid
