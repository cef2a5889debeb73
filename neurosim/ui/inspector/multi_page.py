"""The inspector's page for several selected items: what they share, editable for all.

"32 neurons selected": the activation of the hidden and output neurons (a blank combo
when they differ) and the parameters of the one they share (α, θ…), one bias box and
slider for all of them, one value for the inputs.
A number chosen here goes to every selected neuron it fits in one undo step
(:class:`~neurosim.ui.group_edits.SetFieldOfMany`; a slider drag is one step too).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from neurosim.core.activations import get_activation
from neurosim.core.explain import short
from neurosim.core.model import Neuron
from neurosim.ui.commands import SetActivation
from neurosim.ui.core_text import param_description
from neurosim.ui.document import Document
from neurosim.ui.group_edits import SetFieldOfMany, SetParamOfMany
from neurosim.ui.inspector.parts import (
    ACTIVATION_TIP,
    activation_combo,
    header_label,
    lock_reason,
    show_lock,
)
from neurosim.ui.widgets import ValueSlider

GROUP_BIAS_TIP = "b: sets the bias of every selected hidden and output neuron to this number"
GROUP_VALUE_TIP = "x: sets the value of every selected input neuron to this number"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _spread(values: list[float]) -> str:
    """ "" when all are equal, else "from −0.5 to 0.3" (what the box's one number hides)."""
    lo, hi = min(values), max(values)
    return "" if lo == hi else f"from {short(lo)} to {short(hi)}"


class MultiPage(QWidget):
    """Several items: set the activation, the bias or the input value of all at once."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.neuron_ids: list[str] = []
        self.header = header_label(self)
        self.activation = activation_combo(self)
        self.activation.setPlaceholderText("(mixed)")
        # the parameters (α, θ…) of the activation they share, set on all of them
        self.params_box = QWidget(self)
        self.params_form = QFormLayout(self.params_box)
        self.params_form.setContentsMargins(0, 0, 0, 0)
        self.param_sliders: dict[str, ValueSlider] = {}
        self._param_tips: dict[str, str] = {}
        self._shown_activation: str | None = None
        self.bias = ValueSlider(tooltip=GROUP_BIAS_TIP)
        self.value = ValueSlider(tooltip=GROUP_VALUE_TIP)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow("Activation", self.activation)
        self.form.addRow(self.params_box)
        self.form.addRow("Bias b", self.bias)
        self.form.addRow("Value x", self.value)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.activation.activated.connect(self._on_activation_chosen)
        self.bias.value_edited.connect(lambda v, token: self._push("bias", v, token))
        self.value.value_edited.connect(lambda v, token: self._push("value", v, token))

    def show_items(self, neuron_ids: list[str], synapse_count: int) -> None:
        self.neuron_ids = neuron_ids
        parts = [_plural(len(neuron_ids), "neuron")]
        if synapse_count:
            parts.append(_plural(synapse_count, "synapse"))
        self.header.setText(" and ".join(parts) + " selected")
        self.refresh()

    def _selected(self) -> list[Neuron]:
        neurons = self.document.network.neurons
        return [neurons[n] for n in self.neuron_ids if n in neurons]

    def _targets(self) -> list[Neuron]:
        """The selected hidden and output neurons (what has an activation and a bias)."""
        return [n for n in self._selected() if not n.is_input]

    def _inputs(self) -> list[Neuron]:
        return [n for n in self._selected() if n.is_input]

    def refresh(self) -> None:
        targets, inputs = self._targets(), self._inputs()
        names = {n.activation for n in targets}
        shared = next(iter(names)) if len(names) == 1 else None
        with QSignalBlocker(self.activation):
            self.activation.setCurrentIndex(self.activation.findData(shared) if shared else -1)
        self._show_params(shared, targets)
        self.activation.setEnabled(bool(targets))
        self.form.setRowVisible(self.bias, bool(targets))
        self.form.setRowVisible(self.value, bool(inputs))
        doc = self.document
        if targets:
            reason = next(
                filter(None, (lock_reason(doc, "activation", n.id) for n in targets)), None
            )
            show_lock(self.activation, reason, ACTIVATION_TIP)
            self.bias.set_value(targets[0].bias)
            reason = next(filter(None, (lock_reason(doc, "bias", n.id) for n in targets)), None)
            show_lock(self.bias, reason, GROUP_BIAS_TIP)
        if inputs:
            self.value.set_value(inputs[0].value)
            reason = next(filter(None, (lock_reason(doc, "value", n.id) for n in inputs)), None)
            show_lock(self.value, reason, GROUP_VALUE_TIP)
        self.note.setText(self._note(targets, inputs))

    def _show_params(self, shared: str | None, targets: list[Neuron]) -> None:
        """Sliders for the shared activation's parameters, showing the first neuron's."""
        if shared != self._shown_activation:
            self._shown_activation = shared
            while self.params_form.rowCount():
                self.params_form.removeRow(0)
            self.param_sliders = {}
            for spec in get_activation(shared).params if shared else ():
                tip = f"{param_description(spec)} (sets it on every selected neuron)"
                self._param_tips[spec.name] = tip
                slider = ValueSlider(
                    spec.minimum, spec.maximum, limits=(spec.minimum, spec.maximum), tooltip=tip
                )
                slider.value_edited.connect(
                    lambda v, token, name=spec.name: self._push_param(name, v, token)
                )
                self.params_form.addRow(
                    param_description(spec).partition(":")[0] or spec.name, slider
                )
                self.param_sliders[spec.name] = slider
        self.form.setRowVisible(self.params_box, bool(self.param_sliders))
        for name, slider in self.param_sliders.items():
            slider.set_value(targets[0].params[name])
            reasons = (lock_reason(self.document, "param", (n.id, name)) for n in targets)
            show_lock(slider, next(filter(None, reasons), None), self._param_tips[name])

    def _note(self, targets: list[Neuron], inputs: list[Neuron]) -> str:
        if not targets and not inputs:
            return "Select neurons to set their activation, bias or value together."
        lines = []
        if len(targets) > 1:
            who = f"{len(targets)} selected hidden/output neurons"
            lines.append(f"Activation and bias apply to all {who} at once (one undo step).")
        elif targets:
            lines.append(f"Activation and bias apply to {targets[0].id} (inputs have none).")
        spread = _spread([n.bias for n in targets]) if targets else ""
        if spread:
            lines.append(f"Their biases differ ({spread}); the box shows {targets[0].id}'s.")
        if len(inputs) > 1:
            lines.append(f"Value x applies to all {len(inputs)} selected inputs.")
        elif inputs:
            lines.append(f"Value x applies to {inputs[0].id}.")
        spread = _spread([n.value for n in inputs]) if inputs else ""
        if spread:
            lines.append(f"Their values differ ({spread}); the box shows {inputs[0].id}'s.")
        return "\n".join(lines)

    # ----------------------------------------------------------------- edits
    def _on_activation_chosen(self, index: int) -> None:
        ids = [n.id for n in self._targets()]
        if ids:
            self.document.push(
                SetActivation(self.document.network, ids, self.activation.itemData(index))
            )

    def _push_param(self, name: str, value: float, token: object | None) -> None:
        values = {n.id: value for n in self._targets()}
        if values:
            self.document.push(
                SetParamOfMany(self.document.network, name, values, merge_token=token)
            )

    def _push(self, field: str, value: float, token: object | None) -> None:
        chosen = self._targets() if field == "bias" else self._inputs()
        if chosen:
            values = {n.id: value for n in chosen}
            self.document.push(
                SetFieldOfMany(self.document.network, field, values, merge_token=token)
            )
