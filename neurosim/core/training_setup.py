"""What training needs before the first step: matching data to a network, initial weights,
and spotting networks whose gradient is zero everywhere. Pure numpy, no Qt."""

from __future__ import annotations

import math

import numpy as np

from neurosim.core.activations import get_activation, is_relu_family
from neurosim.core.datasets import Dataset, DatasetError, dataset_from_dict
from neurosim.core.model import Network, Neuron
from neurosim.core.text_marks import QT_TRANSLATE_NOOP, fill

#: activations whose weights start with He (Kaiming) scaling; every other uses Xavier/Glorot
HE_ACTIVATIONS = frozenset({"relu", "leaky_relu", "elu", "gelu", "silu"})

STEP_MESSAGE = QT_TRANSLATE_NOOP(
    "Diagnosis",
    "training cannot change a step neuron: its output jumps from 0 to 1, so nudging a weight "
    "changes nothing (its slope is 0: step′(z) = 0 everywhere), and every path from the "
    "trainable weights to the outputs passes through a step neuron — use sigmoid (a smooth "
    "step) or another smooth activation to train",
)


class TrainingError(ValueError):
    """A network or dataset that cannot be trained, or a run that diverged; for the user."""


class TrainingDiverged(TrainingError):
    """A run whose loss, gradient or parameters stopped being finite numbers."""


def embedded_dataset(network: Network) -> Dataset | None:
    """The dataset stored in the network file's top-level ``"dataset"`` key, if any."""
    spec = network.extra.get("dataset")
    return None if spec is None else dataset_from_dict(spec, "dataset")


def align_dataset(network: Network, dataset: Dataset) -> tuple[np.ndarray, np.ndarray]:
    """(inputs, targets) with columns in the order of the network's input and output neurons.

    Columns are matched by name; a built-in dataset whose names differ is matched in order
    when the counts agree (``builtin("xor")`` feeds any network with two inputs, one output).
    """
    inputs = [n.id for n in network.of_kind("input")]
    outputs = [n.id for n in network.of_kind("output")]
    if len(dataset) == 0:
        raise TrainingError(f"dataset {dataset.name!r} has no rows")
    named = set(dataset.input_names) == set(inputs) and set(dataset.target_names) == set(outputs)
    if not named:
        if dataset.recipe is None:
            raise TrainingError(_mismatch(dataset, inputs, outputs))
        try:
            dataset = dataset.with_names(inputs, outputs)
        except DatasetError as exc:
            raise TrainingError(str(exc)) from None
    x = dataset.inputs[:, [dataset.input_names.index(i) for i in inputs]]
    t = dataset.targets[:, [dataset.target_names.index(o) for o in outputs]]
    return x, t


def _mismatch(dataset: Dataset, inputs: list[str], outputs: list[str]) -> str:
    for role, have, want in (
        ("input", dataset.input_names, inputs),
        ("output", dataset.target_names, outputs),
    ):
        missing = [i for i in want if i not in have]
        extra = [i for i in have if i not in want]
        if missing or extra:
            template = _MISMATCH[role, bool(missing)]
            return fill(
                template,
                name=repr(dataset.name),
                ids=", ".join(missing or extra),
                have=", ".join(have),
                want=", ".join(want) or QT_TRANSLATE_NOOP("Diagnosis", "none"),
            )
    return f"dataset {dataset.name!r} does not match the network"  # pragma: no cover


#: (role, a column is missing) -> what a dataset that does not fit the network says
_MISMATCH = {
    ("input", True): QT_TRANSLATE_NOOP(
        "Diagnosis",
        "dataset {name} has no column for the input neuron(s) {ids}; its input columns are "
        "{have}, the network's input neurons {want}",
    ),
    ("input", False): QT_TRANSLATE_NOOP(
        "Diagnosis",
        "dataset {name} has column(s) {ids} that match no input neuron; its input columns are "
        "{have}, the network's input neurons {want}",
    ),
    ("output", True): QT_TRANSLATE_NOOP(
        "Diagnosis",
        "dataset {name} has no column for the output neuron(s) {ids}; its output columns are "
        "{have}, the network's output neurons {want}",
    ),
    ("output", False): QT_TRANSLATE_NOOP(
        "Diagnosis",
        "dataset {name} has column(s) {ids} that match no output neuron; its output columns "
        "are {have}, the network's output neurons {want}",
    ),
}


def init_weights(network: Network, seed: int = 0) -> None:
    """Draw every unfrozen weight, zero every unfrozen bias (one ``set_parameters`` call).

    Weights into a ReLU-family neuron (:data:`HE_ACTIVATIONS`) are He uniform,
    U(±√(6/fan_in)); all others Xavier/Glorot uniform, U(±√(6/(fan_in + fan_out))), with
    fan_in the target's incoming synapses and fan_out the source's outgoing ones. The same
    seed gives the same weights.
    """
    fan_in: dict[str, int] = {nid: 0 for nid in network.neurons}
    fan_out: dict[str, int] = {nid: 0 for nid in network.neurons}
    for s in network.synapses.values():
        fan_in[s.target] += 1
        fan_out[s.source] += 1
    rng = np.random.default_rng(seed)
    weights = {}
    for key, s in network.synapses.items():
        if s.frozen:
            continue
        if network.neurons[s.target].activation in HE_ACTIVATIONS:
            limit = math.sqrt(6.0 / fan_in[s.target])
        else:
            limit = math.sqrt(6.0 / (fan_in[s.target] + fan_out[s.source]))
        weights[key] = float(rng.uniform(-limit, limit))
    biases = {n.id: 0.0 for n in network if not n.is_input and not n.frozen}
    network.set_parameters(weights, biases)


def zero_gradient_reason(network: Network) -> str | None:
    """Why no trainable parameter can move the loss, or None when some can.

    A weight into neuron t, or t's bias, can only have a non-zero gradient if a path from t
    to an output passes through no step neuron (t and the output included).
    """
    trainable = {s.target for s in network.synapses.values() if not s.frozen}
    trainable |= {n.id for n in network if not n.is_input and not n.frozen}
    if not trainable:
        return QT_TRANSLATE_NOOP(
            "Diagnosis",
            "every weight and bias is frozen, so training has nothing to change; "
            "unfreeze some to train",
        )
    succ = network.successors()
    live: dict[str, bool] = {}
    for nid in reversed(network.topological_order()):
        n = network.neurons[nid]
        smooth = n.is_input or n.activation != "step"
        live[nid] = smooth and (n.kind == "output" or any(live[m] for m in succ[nid]))
    if any(live[t] for t in trainable):
        return None
    if any(n.activation == "step" for n in network if not n.is_input):
        return STEP_MESSAGE
    return QT_TRANSLATE_NOOP(
        "Diagnosis",
        "the gradient is zero everywhere: no trainable weight or bias is on a path to an "
        "output neuron, so training cannot change the outputs",
    )


def can_die(neuron: Neuron) -> bool:
    """ReLU, or a leaky ReLU or ELU with α = 0 (then a ReLU): silent for z ≤ 0, where its
    slope is 0, so once silent for every row it gets no gradient and stays so."""
    if neuron.activation == "relu":
        return True
    if not is_relu_family(neuron.activation):
        return False
    default = {p.name: p.default for p in get_activation(neuron.activation).params}
    return neuron.params.get("alpha", default.get("alpha")) == 0.0


def check_bce(network: Network, outputs: list[str], targets: np.ndarray) -> None:
    """TrainingError unless every output lies in [0, 1] by its activation, and every target."""
    for nid in outputs:
        act = get_activation(network.neurons[nid].activation)
        lo, hi = act.y_range
        if lo < 0.0 or hi > 1.0:
            template = QT_TRANSLATE_NOOP(
                "Diagnosis",
                "the bce loss needs outputs between 0 and 1, but output {id} uses "
                "{activation}; use a sigmoid output neuron or the mse loss",
            )
            raise TrainingError(fill(template, id=repr(nid), activation=act.name))
    if targets.size and (targets.min() < 0.0 or targets.max() > 1.0):
        raise TrainingError(
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "the bce loss needs targets between 0 and 1; use the mse loss for "
                "regression targets",
            )
        )
