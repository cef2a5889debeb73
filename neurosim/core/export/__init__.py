"""A network as a self-contained Python script: NumPy functions or a PyTorch module.

The script has the weights as literals, one block per level of the engine's compiled network
(so it computes exactly what ``neurosim eval`` computes, in the same order), comments naming
every neuron, and a ``__main__`` that prints the same JSON as ``neurosim eval``.
"""

from __future__ import annotations

from neurosim.core.export.numpy_code import numpy_script
from neurosim.core.export.torch_code import torch_script
from neurosim.core.model import Network

#: what ``neurosim export --to`` and File ▸ Export offer, and the writer of each
TARGETS = {"numpy": numpy_script, "torch": torch_script}


def export_code(network: Network, target: str) -> str:
    """The script for ``target`` ("numpy" or "torch"); ValueError for another target."""
    try:
        writer = TARGETS[target]
    except KeyError:
        raise ValueError(f"unknown export target {target!r}; known: {', '.join(TARGETS)}") from None
    return writer(network)


__all__ = ["TARGETS", "export_code"]
