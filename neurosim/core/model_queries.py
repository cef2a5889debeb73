"""Read-only questions about a network (lookups, neighbours, order, depth, fresh ids).

:class:`NetworkQueries` is a base class of :class:`neurosim.core.model.Network`, which owns
the data these methods read: ``neurons``, ``synapses`` and the adjacency cache ``_succ``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from neurosim.core.model_types import ID_PREFIX, NetworkError, Neuron, Synapse, SynapseKey


class NetworkQueries:
    """Lookups and graph order over ``self.neurons`` / ``self.synapses``."""

    neurons: dict[str, Neuron]
    synapses: dict[SynapseKey, Synapse]
    _succ: dict[str, list[str]] | None

    def neuron(self, neuron_id: str) -> Neuron:
        try:
            return self.neurons[neuron_id]
        except KeyError:
            raise NetworkError(f"there is no neuron '{neuron_id}'") from None

    def synapse(self, key: SynapseKey) -> Synapse:
        try:
            # tuple(): callers may pass the pair as a list (unhashable). mypy types the
            # result tuple[str, ...], not the pair the dict is keyed by; a wrong length
            # just misses, and the KeyError below names it.
            return self.synapses[tuple(key)]  # type: ignore[index]
        except KeyError:
            raise NetworkError(f"there is no synapse {key[0]} → {key[1]}") from None

    def of_kind(self, kind: str) -> list[Neuron]:
        return [n for n in self.neurons.values() if n.kind == kind]

    def incoming(self, neuron_id: str) -> list[Synapse]:
        return [s for s in self.synapses.values() if s.target == neuron_id]

    def outgoing(self, neuron_id: str) -> list[Synapse]:
        return [s for s in self.synapses.values() if s.source == neuron_id]

    def successors(self) -> dict[str, list[str]]:
        """Targets of every neuron. Cached (cycle checks on big files need it per synapse);
        callers must not modify it."""
        if self._succ is None:
            succ: dict[str, list[str]] = {nid: [] for nid in self.neurons}
            for s in self.synapses.values():
                succ[s.source].append(s.target)
            self._succ = succ
        return self._succ

    def depths(self) -> dict[str, int]:
        """Topological depth: inputs 0, every other neuron 1 + the deepest of its sources."""
        preds: dict[str, list[str]] = {nid: [] for nid in self.neurons}
        for s in self.synapses.values():
            preds[s.target].append(s.source)
        depth: dict[str, int] = {}
        for nid in self.topological_order():
            sources = preds[nid]
            if self.neurons[nid].is_input:
                depth[nid] = 0
            else:
                depth[nid] = 1 + max((depth[p] for p in sources), default=0)
        return depth

    def topological_order(self) -> list[str]:
        """Neuron ids, every source before its targets; ties keep insertion order."""
        indegree = {nid: 0 for nid in self.neurons}
        succ = self.successors()
        for s in self.synapses.values():
            indegree[s.target] += 1
        ready = deque(nid for nid in self.neurons if indegree[nid] == 0)
        order: list[str] = []
        while ready:
            nid = ready.popleft()  # a deque: list.pop(0) made wide networks quadratic
            order.append(nid)
            for t in succ[nid]:
                indegree[t] -= 1
                if indegree[t] == 0:
                    ready.append(t)
        return order

    def new_id(self, kind: str) -> str:
        prefix = ID_PREFIX[kind]
        n = 1
        while f"{prefix}{n}" in self.neurons:
            n += 1
        return f"{prefix}{n}"

    def __iter__(self) -> Iterator[Neuron]:
        return iter(self.neurons.values())
