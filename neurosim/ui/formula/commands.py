"""The undo step of a new formula activation: the network defines it (and, from the
inspector's "Custom…", the chosen neurons use it); undo takes it out again."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from neurosim.core.custom_activations import BUILT_IN, INSTALLED
from neurosim.core.formula.library import FormulaActivation
from neurosim.core.model import Network
from neurosim.ui.commands import Command
from neurosim.ui.i18n import translate


class AddActivation(Command):
    """Define ``activation`` in the network; ``neuron_ids`` (hidden or output) then use it."""

    def __init__(
        self, network: Network, activation: FormulaActivation, neuron_ids: Sequence[str] = ()
    ) -> None:
        super().__init__(
            network,
            translate("AddActivation", "New activation {name}").format(name=activation.name),
        )
        self.activation = activation
        self.old = {
            nid: (network.neuron(nid).activation, dict(network.neuron(nid).params))
            for nid in neuron_ids
            if not network.neuron(nid).is_input
        }
        self._installed = False  # this step put it in the registry: undo takes it out
        self._listed = False  # the network had it before: undo keeps it

    def problem(self) -> str | None:
        fa = self.activation
        if fa.name in BUILT_IN:
            return translate(
                "AddActivation", "“{name}” is a built-in activation: choose another name"
            ).format(name=fa.name)
        known = INSTALLED.get(fa.name)
        if known is not None and (known.formula.text, dict(known.formula.params), known.fires) != (
            fa.formula.text,
            dict(fa.formula.params),
            fa.fires,
        ):
            return translate(
                "AddActivation",
                "This session already has an activation “{name}”: choose another name",
            ).format(name=fa.name)
        return None

    def touches(self) -> list[tuple[str, Any]]:
        return [("activation", nid) for nid in self.old]

    def redo(self) -> None:
        self._listed = self.activation.name in self.network.formula_activations
        self._installed = self.network.define_activation(self.activation)
        for nid in self.old:
            self.network.set_activation(nid, self.activation.name)

    def undo(self) -> None:
        for nid, (name, params) in self.old.items():
            self.network.set_activation(nid, name, params)
        if not self._listed:
            self.network.forget_activation(self.activation.name, uninstalled=self._installed)
