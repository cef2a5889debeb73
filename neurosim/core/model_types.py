"""The parts of a network: neurons, synapses, the errors an edit raises, and the checks of
numbers and positions. Re-exported from :mod:`neurosim.core.model`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from neurosim.core.numbers import NotANumber, NotFinite, finite_number

KINDS = ("input", "hidden", "output")
ID_PREFIX = {"input": "x", "hidden": "h", "output": "y"}
NEURON_FIELDS = ("label", "position", "value", "bias", "activation", "params", "frozen", "source")
DEFAULT_ACTIVATION = "sigmoid"
SynapseKey = tuple[str, str]


class NetworkError(ValueError):
    """An edit the network refuses; the message is meant for the user."""


class ConnectionRefused(NetworkError):
    """A synapse that may not be made. ``reason`` is a short code for the UI."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass
class Neuron:
    id: str
    kind: str
    label: str
    position: tuple[float, float] = (0.0, 0.0)
    value: float = 0.0
    bias: float = 0.0
    activation: str = DEFAULT_ACTIVATION
    params: dict[str, float] = field(default_factory=dict)
    frozen: bool = False
    source: dict[str, Any] | None = None

    @property
    def is_input(self) -> bool:
        return self.kind == "input"


@dataclass
class Synapse:
    source: str
    target: str
    weight: float
    frozen: bool = False

    @property
    def key(self) -> SynapseKey:
        return (self.source, self.target)


def finite(value: object, what: str) -> float:
    """Return ``value`` as a float, or raise NetworkError if it is not a finite number."""
    try:
        return finite_number(value)
    except NotANumber:
        raise NetworkError(f"{what} must be a number, not {value!r}") from None
    except NotFinite as exc:
        raise NetworkError(f"{what} must be a finite number, not {exc.value}") from None


def _point(position: Iterable[float]) -> tuple[float, float]:
    values = list(position)
    if len(values) != 2:
        raise NetworkError(f"a position is two numbers (x, y), not {values!r}")
    return finite(values[0], "position x"), finite(values[1], "position y")


def _insert(mapping: dict, key: Any, value: Any, index: int | None) -> dict:
    if index is None or index >= len(mapping):
        mapping[key] = value
        return mapping
    items = list(mapping.items())
    items.insert(max(index, 0), (key, value))
    return dict(items)
