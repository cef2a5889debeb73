"""The network of the Python API: the app's :class:`~neurosim.core.model.Network` with what
a notebook or a script does with it — evaluate, train, connect, save, and a picture.

A subclass, so the model keeps no imports of the engine or trainer (they import the model).
:func:`api_network` turns a loaded or built network into one, in place.
"""

from __future__ import annotations

import os
from typing import Any

from neurosim.core import fileformat, model
from neurosim.core.api.results import Result, evaluate
from neurosim.core.api.svg import network_svg
from neurosim.core.api.training_run import History, train
from neurosim.core.model_types import Synapse
from neurosim.core.training_setup import init_weights


class Network(model.Network):
    """A network of neurons joined by weighted synapses (see ``docs/api.md``).

    Build it with ``add_neuron(kind, id, activation=…, bias=…)`` and ``connect``; change it
    with ``set_weight``, ``set_bias``, ``set_value``, ``set_activation``…
    """

    @property
    def input_ids(self) -> list[str]:
        """The input neurons' ids in the network's order (the columns of an input array)."""
        return [n.id for n in self.of_kind("input")]

    @property
    def output_ids(self) -> list[str]:
        """The output neurons' ids in the network's order."""
        return [n.id for n in self.of_kind("output")]

    def evaluate(self, inputs: Any = None) -> Result:
        """Every neuron's z, y and fired for a batch of inputs.

        ``inputs``: None (the stored input values), a dict ``{"x1": 0.5}`` or
        ``{"x1": [0, 1], "x2": [1, 1]}`` (inputs left out keep their values), or an array
        of rows with one column per input in the order of :attr:`input_ids`.
        """
        return evaluate(self, inputs)

    def train(
        self,
        data: Any = None,
        epochs: int = 100,
        lr: float = 0.1,
        optimizer: str = "sgd",
        loss: str = "mse",
        batch: int | None = None,
        seed: int = 0,
    ) -> History:
        """Train the weights and biases by backpropagation, in place; returns the history.

        ``data``: a built-in dataset's name ("xor", "circle", …), a Dataset, a pair
        (inputs, targets) of arrays, or None for the file's own dataset (else the lesson's
        truth table). ``optimizer``: "sgd", "momentum" or "adam"; ``loss``: "mse" or "bce";
        ``batch``: rows per update (None: the whole set). Raises TrainingError with the
        reason when the network cannot learn (no output, a zero gradient everywhere…).
        """
        return train(self, data, epochs, lr, optimizer, loss, batch, seed)

    def init_weights(self, seed: int = 0) -> None:
        """Fresh random weights (He uniform into ReLUs, Xavier elsewhere) and zero biases,
        as the Train panel's "Initialise weights": equal weights would make every hidden
        neuron learn the same thing."""
        init_weights(self, seed)

    def connect(self, source: str, target: str, weight: float = 1.0) -> Synapse:
        """Add a synapse from ``source`` to ``target`` (refused, with the reason, where it
        would make a cycle or already exists)."""
        return self.add_synapse(source, target, weight)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the network file (atomically: a failure leaves an older file intact)."""
        fileformat.save(self, path)

    def _repr_svg_(self) -> str:
        return network_svg(self)


def api_network(network: model.Network) -> Network:
    """``network`` itself, with the API's methods (its class is the API's subclass, which
    adds methods and no state)."""
    network.__class__ = Network
    assert isinstance(network, Network)
    return network
