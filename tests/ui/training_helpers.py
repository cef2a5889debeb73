"""Shared set-up for the training GUI tests: small networks, a document, a session."""

from __future__ import annotations

from neurosim.core.builders import layered_network
from neurosim.core.datasets import builtin
from neurosim.core.model import Network
from neurosim.ui.document import Document
from neurosim.ui.training.session import TrainingSession


def tanh_net(sizes=(2, 4, 1)) -> Network:
    return layered_network(list(sizes), "tanh", seed=1, output_activation="sigmoid")


def step_net() -> Network:
    """Every neuron a step: gradient descent cannot change anything."""
    net = layered_network([2, 2, 1], "step", seed=0)
    return net


def dead_relu_net() -> Network:
    """2-3-1 ReLU whose hidden h2 and h3 have biases so negative they never fire on [-1, 1]²."""
    net = layered_network([2, 3, 1], "relu", seed=0, output_activation="sigmoid")
    net.set_bias("h2", -20.0)
    net.set_bias("h3", -20.0)
    return net


def weights(network: Network) -> tuple[dict, dict]:
    return (
        {k: s.weight for k, s in network.synapses.items()},
        {n.id: n.bias for n in network if not n.is_input},
    )


def session_for(network: Network, data=None, **settings) -> tuple[Document, TrainingSession]:
    document = Document(network)
    session = TrainingSession(document)
    session.set_dataset(data if data is not None else builtin("circle", 60, 0.1, 0))
    if settings:
        session.set_settings(**settings)
    return document, session


def train_text(epochs: int) -> str:
    """The undo text of a training run of ``epochs`` epochs, as the Edit menu shows it."""
    return f"Train {epochs} epoch" + ("" if epochs == 1 else "s")
