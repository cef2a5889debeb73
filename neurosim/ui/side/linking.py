"""Link inputs: a change of one document's inputs sets the other's, both ways.

Inputs pair by label (then by id), else by order when both have as many inputs; otherwise
they cannot be linked and :func:`pair_inputs` says why. The other side is set through the
live channel (:meth:`Document.live_inputs`): no undo step there and never "modified".
"""

from __future__ import annotations

from neurosim.core.model import Network
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate

BY_NAME, BY_ORDER = "by name", "by order"  # how inputs were paired


def pair_inputs(a: Network, b: Network) -> tuple[dict[str, str], str]:
    """(a's input id -> b's input id, how they were paired: :data:`BY_NAME` or
    :data:`BY_ORDER`), or ({}, why they cannot be, in the window's language)."""
    ins_a, ins_b = a.of_kind("input"), b.of_kind("input")
    if not ins_a or not ins_b:
        return {}, translate("InputLink", "one of the networks has no inputs")
    for key in ("label", "id"):
        by_b = {getattr(n, key): n.id for n in ins_b}
        pairs = {n.id: by_b[getattr(n, key)] for n in ins_a if getattr(n, key) in by_b}
        if len(pairs) == len(ins_a) == len(ins_b):
            return pairs, BY_NAME
    if len(ins_a) == len(ins_b):
        return {x.id: y.id for x, y in zip(ins_a, ins_b, strict=True)}, BY_ORDER
    why = translate(
        "InputLink", "the inputs differ ({left} against {right}) and their names do not match"
    )
    return {}, why.format(left=len(ins_a), right=len(ins_b))


class InputLink:
    """While alive: ``a``'s input values follow into ``b`` and ``b``'s into ``a``."""

    def __init__(self, a: Document, b: Document, pairs: dict[str, str]) -> None:
        self.a, self.b = a, b
        self.forward = pairs
        self.backward = {v: k for k, v in pairs.items()}
        self._busy = False
        a.neuron_changed.connect(self._from_a)
        b.neuron_changed.connect(self._from_b)
        self._copy(a, b, self.forward)  # start equal: the first column leads

    def close(self) -> None:
        self.a.neuron_changed.disconnect(self._from_a)
        self.b.neuron_changed.disconnect(self._from_b)

    def _from_a(self, neuron_id: str, field: str) -> None:
        if field == "value" and neuron_id in self.forward:
            self._copy(self.a, self.b, {neuron_id: self.forward[neuron_id]})

    def _from_b(self, neuron_id: str, field: str) -> None:
        if field == "value" and neuron_id in self.backward:
            self._copy(self.b, self.a, {neuron_id: self.backward[neuron_id]})

    def _copy(self, src: Document, dst: Document, pairs: dict[str, str]) -> None:
        if self._busy:  # the echo of our own change
            return
        self._busy = True
        try:
            values = {d: src.network.neuron(s).value for s, d in pairs.items()}
            changed = {d: v for d, v in values.items() if dst.network.neuron(d).value != v}
            if changed:
                dst.live_inputs(changed)
        finally:
            self._busy = False
