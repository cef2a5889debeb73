"""A bounded history of the clock's steps and of training epochs, for scrubbing back in time.

Two rings, each bounded twice: by a count (the last 10,000 steps, the last 2,000 epochs) and
by a memory ceiling in bytes (32 MiB each by default). Appending past either bound drops the
oldest snapshots first, so the history never grows past its ceiling however long it runs.

A step snapshot holds the step number, the input values, every neuron's output and fired
state, and the network's parameters. Parameters are shared between snapshots while they do
not change (the clock rarely edits them), so a long run of steps costs only its activity;
each distinct :class:`Parameters` object is counted once in the byte total.

An epoch snapshot holds the epoch number, the parameters after it and its figures (loss and
any metrics). Restoring a snapshot (``Parameters.apply``) gives exactly the recorded values.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import numpy as np

from neurosim.core.model import Network
from neurosim.core.model_types import SynapseKey

STEP_CAPACITY, EPOCH_CAPACITY = 10_000, 2_000
DEFAULT_CEILING = 32 * 1024 * 1024  # bytes, per ring
# bytes around a snapshot's arrays (object, its dict, three array headers, the deque slot):
# measured with tracemalloc on a 50-neuron net, 503, rounded up
_OBJECT_OVERHEAD = 512


@dataclass(frozen=True, eq=False)
class Parameters:
    """Every weight and bias of a network at one moment (arrays: compared and sized cheaply)."""

    synapse_keys: tuple[SynapseKey, ...]
    weights: np.ndarray
    bias_ids: tuple[str, ...]
    biases: np.ndarray

    @classmethod
    def of(cls, network: Network, like: Parameters | None = None) -> Parameters:
        """The network's parameters now; the names are shared with ``like`` when the same."""
        keys = tuple(network.synapses)
        if like is not None and keys == like.synapse_keys:
            keys = like.synapse_keys  # one tuple of names for a whole run
        weights = np.fromiter((s.weight for s in network.synapses.values()), float, len(keys))
        hidden = [n for n in network.neurons.values() if not n.is_input]
        biases = np.fromiter((n.bias for n in hidden), float, len(hidden))
        ids = tuple(n.id for n in hidden)
        if like is not None and ids == like.bias_ids:
            ids = like.bias_ids
        return cls(keys, weights, ids, biases)

    def same_as(self, other: Parameters | None) -> bool:
        return (
            other is not None
            and self.synapse_keys == other.synapse_keys
            and self.bias_ids == other.bias_ids
            and np.array_equal(self.weights, other.weights)
            and np.array_equal(self.biases, other.biases)
        )

    def weight_dict(self) -> dict[SynapseKey, float]:
        return dict(zip(self.synapse_keys, self.weights.tolist(), strict=True))

    def bias_dict(self) -> dict[str, float]:
        return dict(zip(self.bias_ids, self.biases.tolist(), strict=True))

    def apply(self, network: Network) -> None:
        """Set the recorded weights and biases (those still in the network) in one edit."""
        weights = {k: w for k, w in self.weight_dict().items() if k in network.synapses}
        biases = {n: b for n, b in self.bias_dict().items() if n in network.neurons}
        network.set_parameters(weights, biases)

    @property
    def nbytes(self) -> int:
        # the names belong to the network (and are shared between snapshots): counted are
        # the arrays and the tuples' slots, as if each snapshot had its own tuples
        names = sys.getsizeof(self.synapse_keys) + sys.getsizeof(self.bias_ids)
        return int(self.weights.nbytes + self.biases.nbytes + names + _OBJECT_OVERHEAD)


@dataclass(frozen=True, eq=False)
class StepSnapshot:
    """The clock at step ``t``: inputs, outputs (order ``ids``), fired, and the parameters."""

    t: int
    ids: tuple[str, ...]
    inputs: np.ndarray  # the input neurons' values, in the order they appear in ``ids``
    y: np.ndarray
    fired: np.ndarray
    parameters: Parameters
    is_input: np.ndarray  # (n,) bool, shared with the engine (not counted)

    def input_values(self) -> dict[str, float]:
        ids = [nid for nid, inp in zip(self.ids, self.is_input, strict=True) if inp]
        return dict(zip(ids, self.inputs.tolist(), strict=True))

    @property
    def nbytes(self) -> int:  # the parameters are counted by the ring (shared)
        return int(self.inputs.nbytes + self.y.nbytes + self.fired.nbytes + _OBJECT_OVERHEAD)

    def output(self, neuron_id: str) -> float:
        return float(self.y[self.ids.index(neuron_id)])


@dataclass(frozen=True, eq=False)
class EpochSnapshot:
    """Training after epoch ``epoch``: its parameters and figures (loss, metrics)."""

    epoch: int
    parameters: Parameters
    figures: Mapping[str, float] = field(default_factory=dict)

    @property
    def nbytes(self) -> int:
        return self.parameters.nbytes + 100 * len(self.figures) + _OBJECT_OVERHEAD


S = TypeVar("S", StepSnapshot, EpochSnapshot)


class SnapshotRing(Generic[S]):
    """The newest snapshots within ``capacity`` items and ``ceiling`` bytes, oldest first."""

    def __init__(self, capacity: int, ceiling: int = DEFAULT_CEILING) -> None:
        if capacity < 1 or ceiling < 1:
            raise ValueError(f"a history holds at least one snapshot, not {capacity}/{ceiling}")
        self.capacity, self.ceiling = int(capacity), int(ceiling)
        self._items: deque[S] = deque()
        self._param_uses: dict[int, int] = {}  # id(Parameters) → snapshots sharing it
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[S]:
        return iter(self._items)

    def __getitem__(self, index: int) -> S:
        return self._items[index]

    @property
    def nbytes(self) -> int:
        return self._bytes

    def append(self, snapshot: S) -> None:
        self._items.append(snapshot)
        self._bytes += self._cost(snapshot, +1)
        while len(self._items) > self.capacity or (
            self._bytes > self.ceiling and len(self._items) > 1
        ):
            self._drop_oldest()

    def truncate_after(self, index: int) -> None:
        """Keep snapshots 0…index (branching from a past moment drops the future)."""
        while len(self._items) > index + 1:
            self._bytes -= self._cost(self._items.pop(), -1)

    def clear(self) -> None:
        self._items.clear()
        self._param_uses.clear()
        self._bytes = 0

    def _drop_oldest(self) -> None:
        self._bytes -= self._cost(self._items.popleft(), -1)

    def _cost(self, snapshot: S, sign: int) -> int:
        """The bytes ``snapshot`` adds (sign +1) or frees (−1); shared parameters once."""
        params = snapshot.parameters
        key = id(params)
        uses = self._param_uses.get(key, 0) + sign
        cost = snapshot.nbytes
        if isinstance(snapshot, EpochSnapshot):  # epoch parameters are already in nbytes
            return cost
        if uses == 0:
            del self._param_uses[key]
            cost += params.nbytes
        else:
            self._param_uses[key] = uses
            if uses == 1 and sign > 0:
                cost += params.nbytes
        return cost


class StepHistory:
    """Records the clock, one snapshot per step; parameters are re-read only when changed."""

    def __init__(self, capacity: int = STEP_CAPACITY, ceiling: int = DEFAULT_CEILING) -> None:
        self.ring: SnapshotRing[StepSnapshot] = SnapshotRing(capacity, ceiling)
        self._params: Parameters | None = None
        self._dirty = True

    def parameters_changed(self) -> None:
        """The network's weights or biases changed: the next record reads them again."""
        self._dirty = True

    def record(
        self, t: int, ids: tuple[str, ...], is_input: np.ndarray, y: np.ndarray,
        fired: np.ndarray, network: Network,
    ) -> StepSnapshot:  # fmt: skip
        if self._dirty or self._params is None:
            params = Parameters.of(network, self._params)
            if not params.same_as(self._params):
                self._params = params
            self._dirty = False
        assert self._params is not None
        y = np.array(y, dtype=np.float64)
        fired = np.array(fired, bool)
        snapshot = StepSnapshot(t, ids, y[is_input], y, fired, self._params, is_input)
        self.ring.append(snapshot)
        return snapshot

    def index_of(self, t: int) -> int | None:
        """Where step ``t`` is in the ring (steps are consecutive after a reset), or None."""
        if not len(self.ring):
            return None
        i = t - self.ring[0].t
        return i if 0 <= i < len(self.ring) and self.ring[i].t == t else None

    def clear(self) -> None:
        self.ring.clear()
        self._last = None
        self._dirty = True


class EpochHistory:
    """Records training, one snapshot per epoch."""

    def __init__(self, capacity: int = EPOCH_CAPACITY, ceiling: int = DEFAULT_CEILING) -> None:
        self.ring: SnapshotRing[EpochSnapshot] = SnapshotRing(capacity, ceiling)
        self._last: Parameters | None = None

    def record(
        self, epoch: int, network: Network, figures: Mapping[str, float] | None = None
    ) -> EpochSnapshot:
        self._last = Parameters.of(network, self._last)
        snapshot = EpochSnapshot(epoch, self._last, dict(figures or {}))
        self.ring.append(snapshot)
        return snapshot

    def clear(self) -> None:
        self.ring.clear()
        self._last = None
