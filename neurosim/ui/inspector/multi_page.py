"""The inspector's page for several selected items: what they share, editable for all.

"32 neurons selected": the activation of the hidden and output neurons (a blank combo
when they differ) and the parameters of the one they share (α, θ…), one bias box and
slider for all of them, one value for the inputs.
A number chosen here goes to every selected neuron it fits in one undo step
(:class:`~neurosim.ui.group_edits.SetFieldOfMany`; a slider drag is one step too).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from neurosim.core.activations import get_activation
from neurosim.core.explain import short
from neurosim.core.model import Neuron
from neurosim.ui.commands import SetActivation
from neurosim.ui.core_text import param_description
from neurosim.ui.document import Document
from neurosim.ui.formula.formula_ui import define_activation
from neurosim.ui.formula.listing import CUSTOM, list_formulas
from neurosim.ui.group_edits import SetFieldOfMany, SetParamOfMany
from neurosim.ui.i18n import translate
from neurosim.ui.inspector.parts import (
    ACTIVATION_TIP,
    activation_combo,
    header_label,
    inspector_text,
    lock_reason,
    show_lock,
)
from neurosim.ui.theme import LIGHT, Theme
from neurosim.ui.widgets import ValueSlider

GROUP_BIAS_TIP = QT_TRANSLATE_NOOP(
    "MultiPage", "b: sets the bias of every selected hidden and output neuron to this number"
)
GROUP_VALUE_TIP = QT_TRANSLATE_NOOP(
    "MultiPage", "x: sets the value of every selected input neuron to this number"
)


def _shown(text: str) -> str:
    """A text marked above in the window's language."""
    return translate("MultiPage", text)


def header_text(neurons: int, synapses: int) -> str:
    """ "3 neurons selected", "1 neuron and 2 synapses selected" (English singular kept)."""
    if not synapses:
        if neurons == 1:
            return translate("MultiPage", "1 neuron selected")
        return translate("MultiPage", "%n neurons selected", "", neurons)
    if neurons == 1:
        counted = translate("MultiPage", "1 neuron")
    else:
        counted = translate("MultiPage", "%n neurons", "", neurons)
    if synapses == 1:
        also = translate("MultiPage", "1 synapse")
    else:
        also = translate("MultiPage", "%n synapses", "", synapses)
    return translate("MultiPage", "{neurons} and {synapses} selected").format(
        neurons=counted, synapses=also
    )


def _spread(values: list[float]) -> tuple[str, str] | None:
    """None when all are equal, else the lowest and the highest (what the box hides)."""
    lo, hi = min(values), max(values)
    return None if lo == hi else (short(lo), short(hi))


class MultiPage(QWidget):
    """Several items: set the activation, the bias or the input value of all at once."""

    def __init__(
        self, document: Document, parent: QWidget | None = None, theme: Theme | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.theme = theme  # the New Activation dialog's colours ("Custom…")
        self.neuron_ids: list[str] = []
        self.header = header_label(self)
        self.activation = activation_combo(self)
        self.activation.setPlaceholderText(translate("MultiPage", "(mixed)"))
        # the parameters (α, θ…) of the activation they share, set on all of them
        self.params_box = QWidget(self)
        self.params_form = QFormLayout(self.params_box)
        self.params_form.setContentsMargins(0, 0, 0, 0)
        self.param_sliders: dict[str, ValueSlider] = {}
        self._param_tips: dict[str, str] = {}
        self._shown_activation: str | None = None
        self.bias = ValueSlider(tooltip=_shown(GROUP_BIAS_TIP))
        self.value = ValueSlider(tooltip=_shown(GROUP_VALUE_TIP))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(translate("MultiPage", "Activation"), self.activation)
        self.form.addRow(self.params_box)
        self.form.addRow(translate("MultiPage", "Bias b"), self.bias)
        self.form.addRow(translate("MultiPage", "Value x"), self.value)
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
        self.header.setText(header_text(len(neuron_ids), synapse_count))
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
        list_formulas(self.activation, self.document.network, shared)
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
            show_lock(self.activation, reason, inspector_text(ACTIVATION_TIP))
            self.bias.set_value(targets[0].bias)
            reason = next(filter(None, (lock_reason(doc, "bias", n.id) for n in targets)), None)
            show_lock(self.bias, reason, _shown(GROUP_BIAS_TIP))
        if inputs:
            self.value.set_value(inputs[0].value)
            reason = next(filter(None, (lock_reason(doc, "value", n.id) for n in inputs)), None)
            show_lock(self.value, reason, _shown(GROUP_VALUE_TIP))
        self.note.setText(self._note(targets, inputs))

    def _show_params(self, shared: str | None, targets: list[Neuron]) -> None:
        """Sliders for the shared activation's parameters, showing the first neuron's."""
        if shared != self._shown_activation:
            self._shown_activation = shared
            while self.params_form.rowCount():
                self.params_form.removeRow(0)
            self.param_sliders = {}
            for spec in get_activation(shared).params if shared else ():
                tip = translate(
                    "MultiPage", "{description} (sets it on every selected neuron)"
                ).format(description=param_description(spec))
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
            return translate(
                "MultiPage", "Select neurons to set their activation, bias or value together."
            )
        lines = []
        len_targets, len_inputs = len(targets), len(inputs)  # lupdate reads no call there
        if len(targets) > 1:
            lines.append(
                translate(
                    "MultiPage",
                    "Activation and bias apply to all %n selected hidden/output neurons at once "
                    "(one undo step).",
                    "",
                    len_targets,
                )
            )
        elif targets:
            lines.append(
                translate(
                    "MultiPage", "Activation and bias apply to {id} (inputs have none)."
                ).format(id=targets[0].id)
            )
        spread = _spread([n.bias for n in targets]) if targets else None
        if spread:
            lines.append(
                translate(
                    "MultiPage", "Their biases differ (from {low} to {high}); the box shows {id}'s."
                ).format(low=spread[0], high=spread[1], id=targets[0].id)
            )
        if len(inputs) > 1:
            lines.append(
                translate("MultiPage", "Value x applies to all %n selected inputs.", "", len_inputs)
            )
        elif inputs:
            lines.append(translate("MultiPage", "Value x applies to {id}.").format(id=inputs[0].id))
        spread = _spread([n.value for n in inputs]) if inputs else None
        if spread:
            lines.append(
                translate(
                    "MultiPage", "Their values differ (from {low} to {high}); the box shows {id}'s."
                ).format(low=spread[0], high=spread[1], id=inputs[0].id)
            )
        return "\n".join(lines)

    # ----------------------------------------------------------------- edits
    def _on_activation_chosen(self, index: int) -> None:
        ids = [n.id for n in self._targets()]
        if ids and self.activation.itemData(index) == CUSTOM:  # a formula, for all of them
            palette = self.theme.palette if self.theme is not None else LIGHT
            define_activation(self.document, ids, self, palette)
            self.refresh()
        elif ids:
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
