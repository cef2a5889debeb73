"""How much gradient reaches each level of a network: the vanishing-gradient lessons' point.

For one evaluation (the current inputs), the gradient of the outputs' sum with respect to
each neuron's sum z, by the chain rule: ∂out/∂z_j = f′(z_j) · Σ_k w_jk · ∂out/∂z_k over the
neuron's outgoing synapses; an output neuron starts the chain with its own f′(z). A level's
figure is the mean |∂out/∂z| of its neurons. A sigmoid chain (05a) multiplies at most 0.25
per level, so the figure shrinks toward the input; a ReLU chain (05b) multiplies 1 (w = 1, z
> 0), so it does not. Qt-free; the same numbers as training's backward pass for one sample.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neurosim.core.activations import get_activation
from neurosim.core.engine import Engine, Evaluation
from neurosim.core.model import Network


@dataclass(frozen=True)
class LevelGradient:
    """One level (depth from the inputs, 1 = first hidden level) and its neurons' figure."""

    depth: int
    neuron_ids: tuple[str, ...]
    level: float  # mean |∂out/∂z| over the level's neurons


def neuron_gradients(network: Network, evaluation: Evaluation, sample: int = 0) -> dict[str, float]:
    """∂(sum of outputs)/∂z for every non-input neuron, for one sample of ``evaluation``."""
    grads: dict[str, float] = {}
    for nid in reversed(network.topological_order()):
        neuron = network.neuron(nid)
        if neuron.is_input:
            continue
        z = float(evaluation.z[sample, evaluation.index[nid]])
        slope = float(get_activation(neuron.activation).df(np.array([z]), neuron.params)[0])
        upstream = 1.0 if neuron.kind == "output" else 0.0
        for syn in network.outgoing(nid):
            upstream += syn.weight * grads.get(syn.target, 0.0)
        grads[nid] = slope * upstream
    return grads


def gradient_levels(
    network: Network, evaluation: Evaluation | None = None, sample: int = 0
) -> list[LevelGradient]:
    """Per level, first hidden level first: the mean |∂out/∂z| of its neurons."""
    if evaluation is None:
        evaluation = Engine(network).evaluate()
    grads = neuron_gradients(network, evaluation, sample)
    depths = network.depths()
    by_depth: dict[int, list[str]] = {}
    for nid in grads:
        by_depth.setdefault(depths[nid], []).append(nid)
    return [
        LevelGradient(d, tuple(ids), float(np.mean([abs(grads[i]) for i in ids])))
        for d, ids in sorted(by_depth.items())
    ]
