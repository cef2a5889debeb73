"""Ready-made networks for tests, benchmarks and the app: layered nets and random DAGs.

Weights are drawn with a fixed seed so the same call always gives the same network (and the
same file bytes). Ids follow the model's scheme: inputs ``x1…``, hidden ``h1…``, outputs ``y1…``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np

from neurosim.core.layout import layered_positions
from neurosim.core.model import Network


def layered_network(
    sizes: Sequence[int],
    activation: str = "tanh",
    seed: int = 0,
    *,
    output_activation: str | None = None,
) -> Network:
    """A fully connected feed-forward net, e.g. ``[2, 8, 8, 1]``.

    Weights are normal with standard deviation 1/√fan_in (so activations neither vanish nor
    saturate), biases normal with standard deviation 0.1; input values start at 0.
    """
    if len(sizes) < 2 or any(int(s) < 1 for s in sizes):
        raise ValueError(f"sizes must list at least two positive layer sizes, got {list(sizes)}")
    rng = np.random.default_rng(seed)
    net = Network({"title": "Layered " + "-".join(str(int(s)) for s in sizes)})
    last = len(sizes) - 1
    layers: list[list[str]] = []
    for li, size in enumerate(sizes):
        kind = "input" if li == 0 else "output" if li == last else "hidden"
        act = output_activation if li == last and output_activation else activation
        ids = []
        for row in range(int(size)):
            position = (li * 180.0, (row - (size - 1) / 2) * 90.0)
            if kind == "input":
                neuron = net.add_neuron(kind, position=position)
            else:
                bias = float(rng.normal(0.0, 0.1))
                neuron = net.add_neuron(kind, position=position, bias=bias, activation=act)
            ids.append(neuron.id)
        layers.append(ids)
    for sources, targets in itertools.pairwise(layers):
        scale = 1.0 / math.sqrt(len(sources))
        for t in targets:
            for s in sources:
                net.add_synapse(s, t, float(rng.normal(0.0, scale)))
    return net


def random_dag(
    n_neurons: int,
    n_synapses: int,
    seed: int = 0,
    *,
    n_inputs: int | None = None,
    n_outputs: int | None = None,
    activations: Sequence[str] = ("tanh", "sigmoid", "relu"),
) -> Network:
    """A random DAG with skip connections of every length, not organised in layers.

    Neurons are put in a random order; every synapse goes from an earlier neuron to a later,
    non-input one, so the graph is acyclic by construction. Activations are drawn from
    ``activations``. Raises ValueError when ``n_synapses`` distinct synapses do not fit.
    """
    rng = np.random.default_rng(seed)
    n_in = n_inputs if n_inputs is not None else max(1, n_neurons // 25)
    n_out = n_outputs if n_outputs is not None else max(1, n_neurons // 50)
    n_hidden = n_neurons - n_in - n_out
    if n_in < 1 or n_out < 1 or n_hidden < 0:
        raise ValueError(f"cannot split {n_neurons} neurons into {n_in} inputs and {n_out} outputs")
    # Order: inputs first (they take no synapses), then hidden and outputs shuffled together.
    later = ["hidden"] * n_hidden + ["output"] * n_out
    kinds = ["input"] * n_in + [later[i] for i in rng.permutation(len(later))]
    capacity = sum(range(n_in, n_neurons))  # pairs (i, j) with i < j and j not an input
    if n_synapses > capacity:
        raise ValueError(f"{n_synapses} synapses do not fit in a DAG of {n_neurons} neurons")
    net = Network({"title": f"Random DAG {n_neurons}/{n_synapses}"})
    ids = []
    for kind in kinds:
        if kind == "input":
            neuron = net.add_neuron(kind, value=float(rng.uniform(-1.0, 1.0)))
        else:
            act = str(activations[int(rng.integers(len(activations)))])
            neuron = net.add_neuron(kind, bias=float(rng.normal(0.0, 0.1)), activation=act)
        ids.append(neuron.id)
    pairs: set[tuple[int, int]] = set()
    chosen: list[tuple[int, int]] = []
    while len(chosen) < n_synapses:
        j = int(rng.integers(n_in, n_neurons))
        i = int(rng.integers(0, j))
        if (i, j) not in pairs:
            pairs.add((i, j))
            chosen.append((i, j))
    fan_in = np.bincount([j for _, j in chosen], minlength=n_neurons)
    for i, j in chosen:
        net.add_synapse(ids[i], ids[j], float(rng.normal(0.0, 1.0 / math.sqrt(fan_in[j]))))
    for nid, pos in layered_positions(net).items():
        net.set_position(nid, pos)
    return net
