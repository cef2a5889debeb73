"""Edits of many neurons at once: one undo step, checked whole before anything changes.

:class:`SetFieldOfMany` sets the bias (hidden and output neurons) or the value (inputs) of
several neurons; the multi-selection page of the inspector, "Edit bias…" on a selection and
the "shift all hidden biases" slider push it. :class:`SetParamOfMany` sets one activation
parameter (α, θ…) of several neurons. A slider drag carries a merge token, so the whole
drag is one step, as with :class:`~neurosim.ui.commands.SetNeuronField`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand

from neurosim.core.model import Network
from neurosim.ui.commands import Command, SetNeuronField, SetParam
from neurosim.ui.i18n import translate

FIELDS = ("bias", "value")


class SetFieldOfMany(Command):
    """Give each neuron of ``values`` its new bias (or value): one undo step."""

    command_id = 1010

    def __init__(
        self,
        network: Network,
        field: str,
        values: Mapping[str, float],
        text: str | None = None,
        merge_token: object | None = None,
    ) -> None:
        if field not in FIELDS:
            raise ValueError(f"{field!r} is not one of {FIELDS}")
        n = len(values)
        if text is None:
            text = (
                translate("SetFieldOfMany", "Bias of %n neuron(s)", "", n)
                if field == "bias"
                else translate("SetFieldOfMany", "Value of %n neuron(s)", "", n)
            )
        super().__init__(network, text)
        self.field = field
        self.new = dict(values)
        self.old = {nid: getattr(network.neuron(nid), field) for nid in values}
        self.merge_token = merge_token

    def problem(self) -> str | None:
        if not self.new:
            if self.field == "bias":
                return translate("SetFieldOfMany", "select the neurons whose bias to set")
            return translate("SetFieldOfMany", "select the neurons whose value to set")
        for nid, value in self.new.items():  # the one-neuron edit's checks, for each
            problem = SetNeuronField(self.network, nid, self.field, value).problem()
            if problem:
                return problem
        return None

    def touches(self) -> list[tuple[str, Any]]:
        return [(self.field, nid) for nid in self.new]

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self.command_id if self.merge_token is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if (
            not isinstance(other, SetFieldOfMany)
            or other.merge_token != self.merge_token
            or other.field != self.field
            or other.new.keys() != self.new.keys()
        ):
            return False
        self.new = other.new
        self.setText(other.text())  # "Shift … by −0.80": where the drag ended
        return True

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def _apply(self, values: dict[str, float]) -> None:
        if self.field == "bias":  # one announcement for all, as training does
            self.network.set_parameters({}, values)
        else:
            for nid, value in values.items():
                self.network.set_value(nid, value)


class SetParamOfMany(Command):
    """Give each neuron of ``values`` its new value of the parameter ``name``: one step."""

    command_id = 1011

    def __init__(
        self,
        network: Network,
        name: str,
        values: Mapping[str, float],
        merge_token: object | None = None,
    ) -> None:
        n = len(values)
        super().__init__(
            network, translate("SetParamOfMany", "{name} of %n neuron(s)", "", n).format(name=name)
        )
        self.name = name
        self.new = dict(values)
        self.old = {nid: network.neuron(nid).params.get(name) for nid in values}
        self.merge_token = merge_token

    def problem(self) -> str | None:
        if not self.new:
            return translate("SetParamOfMany", "select the neurons whose {name} to set").format(
                name=self.name
            )
        for nid, value in self.new.items():
            problem = SetParam(self.network, nid, self.name, value).problem()
            if problem:
                return problem
        return None

    def touches(self) -> list[tuple[str, Any]]:
        return [("param", (nid, self.name)) for nid in self.new]

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self.command_id if self.merge_token is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if (
            not isinstance(other, SetParamOfMany)
            or other.merge_token != self.merge_token
            or other.name != self.name
            or other.new.keys() != self.new.keys()
        ):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        for nid, value in self.new.items():
            self.network.set_param(nid, self.name, value)

    def undo(self) -> None:
        for nid, value in self.old.items():
            self.network.set_param(nid, self.name, value)
