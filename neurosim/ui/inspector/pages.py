"""The inspector's pages for one item: a neuron, a synapse.

Every edit is a command pushed through the document; ``refresh()`` copies the model's
numbers into the widgets (with signals blocked, so nothing echoes back as an edit).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from neurosim.core.activations import get_activation
from neurosim.core.explain import LARGEST, equation, number, overflow_note, short
from neurosim.core.model import Neuron
from neurosim.ui.commands import SetActivation, SetNeuronField, SetParam, SetWeight
from neurosim.ui.core_text import (
    activation_description,
    activation_formula,
    core_text,
    param_description,
)
from neurosim.ui.document import Document
from neurosim.ui.formula.formula_ui import define_activation
from neurosim.ui.formula.listing import CUSTOM, list_formulas
from neurosim.ui.i18n import translate
from neurosim.ui.inspector.parts import (
    ACTIVATION_TIP,
    BIAS_TIP,
    KIND_NAMES,
    KIND_TITLES,
    VALUE_TIP,
    WEIGHT_TIP,
    activation_combo,
    display_name,
    equation_label,
    header_label,
    inspector_text,
    lock_reason,
    overflow_label,
    show_lock,
)
from neurosim.ui.inspector.source_editor import SourceEditor
from neurosim.ui.theme import Theme
from neurosim.ui.widgets import ValueSlider

SOURCE_TIP = QT_TRANSLATE_NOOP(
    "Inspector",
    "What sets this input while the clock runs (Run / Space): a constant, a sine, "
    "a square wave, a sweep, noise or the rows of a table. Manual: the value above.",
)


class NeuronPage(QWidget):
    """One neuron: label, kind, activation and its parameters, bias or value, the equation."""

    def __init__(self, document: Document, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.theme = theme
        self.neuron_id: str | None = None
        self._shown_activation: str | None = None
        self.header = header_label(self)
        self.label_edit = QLineEdit(self)
        self.label_edit.setToolTip(
            translate("NeuronPage", "The name shown on the canvas (press Enter to apply)")
        )
        self.kind_label = QLabel(self)
        self.kind_label.setToolTip(
            translate("NeuronPage", "Input, hidden or output; fixed when the neuron is made")
        )
        self.activation = activation_combo(self)
        self.formula = QLabel(self)
        self.formula.setWordWrap(True)
        self.params_box = QWidget(self)
        self.params_form = QFormLayout(self.params_box)
        self.params_form.setContentsMargins(0, 0, 0, 0)
        self.param_sliders: dict[str, ValueSlider] = {}
        self.bias = ValueSlider(tooltip=inspector_text(BIAS_TIP))
        self.value = ValueSlider(tooltip=inspector_text(VALUE_TIP))
        self.equation = equation_label(
            self,
            translate(
                "NeuronPage",
                "The weighted sum z = Σ wᵢ·xᵢ + b and the activation y = f(z), "
                "with the current numbers",
            ),
        )
        self.overflow = overflow_label(self)
        self.form = QFormLayout()
        self.form.addRow(translate("NeuronPage", "Label"), self.label_edit)
        self.form.addRow(translate("NeuronPage", "Kind"), self.kind_label)
        self.form.addRow(translate("NeuronPage", "Activation"), self.activation)
        self.form.addRow("", self.formula)
        self.form.addRow(self.params_box)
        self.form.addRow(translate("NeuronPage", "Bias b"), self.bias)
        self.form.addRow(translate("NeuronPage", "Value x"), self.value)
        # what drives the input while the clock runs: manual, sine, square, noise, a table…
        self.source_editor = SourceEditor(document, parent=self, theme=theme)
        self.form.addRow(self.source_editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(self.form)
        layout.addWidget(self.equation)
        layout.addWidget(self.overflow)
        layout.addStretch(1)
        self.label_edit.editingFinished.connect(self._on_label_edited)
        self.activation.activated.connect(self._on_activation_chosen)
        self.bias.value_edited.connect(lambda v, token: self._push_field("bias", v, token))
        self.value.value_edited.connect(lambda v, token: self._push_field("value", v, token))

    def show_neuron(self, neuron_id: str) -> None:
        self.neuron_id = neuron_id
        self._shown_activation = None
        self.refresh()

    def refresh(self) -> None:
        network = self.document.network
        neuron = network.neurons.get(self.neuron_id or "")
        if neuron is None:
            return
        is_input = neuron.is_input
        self.header.setText(
            translate("NeuronPage", "{kind} {name}").format(
                kind=inspector_text(KIND_TITLES[neuron.kind]), name=display_name(neuron)
            )
        )
        if not self.label_edit.hasFocus() and self.label_edit.text() != neuron.label:
            self.label_edit.setText(neuron.label)
        self.kind_label.setText(inspector_text(KIND_NAMES[neuron.kind]))
        for row in (self.activation, self.formula, self.params_box, self.bias):
            self.form.setRowVisible(row, not is_input)
        self.form.setRowVisible(self.value, is_input)
        self.form.setRowVisible(self.source_editor, is_input)
        if is_input:
            self.value.set_value(neuron.value)
            if self.source_editor.neuron_id != neuron.id:
                self.source_editor.set_neuron(neuron.id)
        else:
            self._show_activation(neuron)
            self.bias.set_value(neuron.bias)
        self._show_locks(neuron)
        if neuron.id in self.document.evaluation.index:
            text = core_text(equation(network, self.document.evaluation, neuron.id))
            self.equation.setText(text.replace(" → ", "\n→ "))  # the sum, then f(z)
            note = overflow_note(self.document.evaluation, neuron.id)
            self.overflow.setText(core_text(note))
            self.overflow.setVisible(note is not None)
        else:  # just added: the figures follow with the next evaluation
            self.equation.setText("…")
            self.overflow.setVisible(False)
            self.document.request_evaluation()

    def _show_activation(self, neuron: Neuron) -> None:
        act = get_activation(neuron.activation)
        list_formulas(self.activation, self.document.network, act.name)  # and Custom…
        with QSignalBlocker(self.activation):
            self.activation.setCurrentIndex(self.activation.findData(act.name))
        if self._shown_activation != act.name:
            self._shown_activation = act.name
            self.formula.setText(activation_formula(act))
            self.formula.setToolTip(activation_description(act))
            self._rebuild_params(act.name)
        for name, slider in self.param_sliders.items():
            slider.set_value(neuron.params[name])
        self.form.setRowVisible(self.params_box, bool(self.param_sliders))

    def _show_locks(self, neuron: Neuron) -> None:
        doc, nid = self.document, neuron.id
        if neuron.is_input:
            reason = lock_reason(doc, "value", nid)
            show_lock(self.value, reason, inspector_text(VALUE_TIP))
            show_lock(self.source_editor, reason, inspector_text(SOURCE_TIP))
            return
        show_lock(self.bias, lock_reason(doc, "bias", nid), inspector_text(BIAS_TIP))
        tip = inspector_text(ACTIVATION_TIP)
        show_lock(self.activation, lock_reason(doc, "activation", nid), tip)
        for spec in get_activation(neuron.activation).params:
            slider = self.param_sliders.get(spec.name)
            if slider is not None:
                show_lock(
                    slider, lock_reason(doc, "param", (nid, spec.name)), param_description(spec)
                )

    def _rebuild_params(self, activation: str) -> None:
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.param_sliders = {}
        for spec in get_activation(activation).params:
            slider = ValueSlider(
                spec.minimum,
                spec.maximum,
                limits=(spec.minimum, spec.maximum),
                tooltip=param_description(spec),
            )
            slider.value_edited.connect(
                lambda v, token, name=spec.name: self._push_param(name, v, token)
            )
            self.params_form.addRow(param_description(spec).partition(":")[0] or spec.name, slider)
            self.param_sliders[spec.name] = slider

    # ----------------------------------------------------------------- edits
    def _on_label_edited(self) -> None:
        neuron = self.document.network.neurons.get(self.neuron_id or "")
        if neuron is not None and self.label_edit.text() != neuron.label:
            self.document.push(
                SetNeuronField(self.document.network, neuron.id, "label", self.label_edit.text())
            )

    def _on_activation_chosen(self, index: int) -> None:
        name = self.activation.itemData(index)
        neuron = self.document.network.neurons.get(self.neuron_id or "")
        if neuron is not None and name == CUSTOM:  # a formula, written in a dialog
            define_activation(self.document, [neuron.id], self, self.theme.palette)
            self.refresh()
        elif neuron is not None and name != neuron.activation:
            self.document.push(SetActivation(self.document.network, [neuron.id], name))

    def _push_field(self, field: str, value: float, token: object | None) -> None:
        if self.neuron_id in self.document.network.neurons:
            self.document.push(
                SetNeuronField(
                    self.document.network, self.neuron_id, field, value, merge_token=token
                )
            )

    def _push_param(self, name: str, value: float, token: object | None) -> None:
        if self.neuron_id in self.document.network.neurons:
            self.document.push(
                SetParam(self.document.network, self.neuron_id, name, value, merge_token=token)
            )


class SynapsePage(QWidget):
    """One synapse: its weight, its two ends, and what it contributes to the target's sum."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.key: tuple[str, str] | None = None
        self.header = header_label(self)
        self.weight = ValueSlider(tooltip=inspector_text(WEIGHT_TIP))
        self.source = QLabel(self)
        self.source.setTextFormat(Qt.TextFormat.PlainText)  # labels are only text
        self.source.setToolTip(
            translate("SynapsePage", "The neuron whose output this synapse carries")
        )
        self.target = QLabel(self)
        self.target.setTextFormat(Qt.TextFormat.PlainText)
        self.target.setToolTip(
            translate("SynapsePage", "The neuron that adds w·x to its weighted sum")
        )
        self.contribution = equation_label(
            self, translate("SynapsePage", "What this synapse adds to its target's sum")
        )
        form = QFormLayout()
        form.addRow(translate("SynapsePage", "Weight w"), self.weight)
        form.addRow(translate("SynapsePage", "From"), self.source)
        form.addRow(translate("SynapsePage", "To"), self.target)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(form)
        layout.addWidget(self.contribution)
        layout.addStretch(1)
        self.weight.value_edited.connect(self._on_weight_edited)

    def show_synapse(self, key: tuple[str, str]) -> None:
        self.key = key
        self.refresh()

    def refresh(self) -> None:
        network = self.document.network
        synapse = network.synapses.get(self.key) if self.key else None
        if synapse is None:
            return
        source, target = network.neurons[synapse.source], network.neurons[synapse.target]
        self.header.setText(
            translate("SynapsePage", "Synapse {source} → {target}").format(
                source=source.label or source.id, target=target.label or target.id
            )
        )
        for label, neuron in ((self.source, source), (self.target, target)):
            label.setText(
                translate("SynapsePage", "{name}, {kind}").format(
                    name=display_name(neuron), kind=inspector_text(KIND_NAMES[neuron.kind])
                )
            )
        self.weight.set_value(synapse.weight)
        reason = lock_reason(self.document, "synapse", self.key)
        show_lock(self.weight, reason, inspector_text(WEIGHT_TIP))
        evaluation = self.document.evaluation
        if source.id not in evaluation.index:
            self.contribution.setText("…")
            self.document.request_evaluation()
            return
        x = float(evaluation.y[0, evaluation.index[source.id]])
        text = f"w·x = {short(synapse.weight)}·{number(x)} = {number(synapse.weight * x)}"
        if not math.isfinite(synapse.weight * x):
            text += "\n" + translate(
                "SynapsePage",
                "Overflow: beyond {largest}, the largest number the computer can hold; "
                "make the weights or the inputs smaller.",
            ).format(largest=LARGEST)
        self.contribution.setText(text)

    def _on_weight_edited(self, value: float, token: object | None) -> None:
        if self.key in self.document.network.synapses:
            self.document.push(SetWeight(self.document.network, self.key, value, merge_token=token))
