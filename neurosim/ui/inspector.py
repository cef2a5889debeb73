"""The inspector: the numbers of what is selected on the canvas, editable.

Every edit is a command pushed through the document; the widgets are refreshed from the
model after each evaluation (with signals blocked, so nothing echoes back as an edit).
"""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.activations import REGISTRY, get_activation
from neurosim.core.explain import equation, number, short
from neurosim.core.model import Neuron
from neurosim.ui.commands import SetActivation, SetNeuronField, SetParam, SetWeight
from neurosim.ui.document import Document
from neurosim.ui.widgets import ValueSlider

HINT = ("Select a neuron or a synapse on the canvas to see its numbers and change them.\n\n"
        "Add neurons with the palette tools or the keys I (input), H (hidden) and "
        "O (output).")
FONT_FACTOR = 1.1  # the inspector's text relative to the application's
KIND_TITLES = {"input": "Input neuron", "hidden": "Hidden neuron", "output": "Output neuron"}
BIAS_TIP = "b: the bias, added to the weighted sum of the inputs"
VALUE_TIP = "x: the value this input neuron feeds forward"
WEIGHT_TIP = "w: the weight this synapse multiplies its input by"
ACTIVATION_TIP = "The activation function y = f(z) (hover over an item for its formula)"


def _scale_font(label: QLabel, factor: float, bold: bool = False) -> None:
    """Mark ``label`` to be drawn ``factor`` times the panel's text size (see apply_fonts)."""
    label.setProperty("font_scale", factor)
    label.setProperty("font_bold", bold)


def apply_fonts(root: QWidget) -> None:
    """Give every marked label its scaled font, relative to ``root``'s current font."""
    for label in root.findChildren(QLabel):
        factor = label.property("font_scale")
        if factor:
            font = QFont(root.font())
            font.setPointSizeF(root.font().pointSizeF() * factor)
            font.setBold(bool(label.property("font_bold")))
            label.setFont(font)


def _header(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    _scale_font(label, 1.3, bold=True)
    label.setWordWrap(True)
    return label


def _equation_label(parent: QWidget, tooltip: str) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    _scale_font(label, 1.15)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setMargin(8)
    label.setToolTip(tooltip)
    return label


def activation_combo(parent: QWidget) -> QComboBox:
    """Every registered activation; the item tooltip is its formula and description."""
    combo = QComboBox(parent)
    for i, act in enumerate(REGISTRY.values()):
        combo.addItem(act.title, act.name)
        combo.setItemData(i, f"{act.formula}\n{act.description}", Qt.ItemDataRole.ToolTipRole)
    combo.setToolTip(ACTIVATION_TIP)
    return combo


def lock_reason(document: Document, kind: str, key: object) -> str | None:
    """Why the open exercise forbids changing this (see ``Document.lock_policy``), or None."""
    policy = document.lock_policy
    return policy(kind, key) if policy is not None else None


def show_lock(widget: QWidget, reason: str | None, tooltip: str) -> None:
    """Grey out ``widget`` while an exercise locks what it edits; its tooltip says why."""
    widget.setEnabled(reason is None)
    text = reason or tooltip
    if isinstance(widget, ValueSlider):
        widget.set_tooltip(text)
    else:
        widget.setToolTip(text)


def _display(neuron: Neuron) -> str:
    return neuron.id if neuron.label in ("", neuron.id) else f"{neuron.label} ({neuron.id})"


class NeuronPage(QWidget):
    """One neuron: label, kind, activation and its parameters, bias or value, the equation."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.neuron_id: str | None = None
        self._shown_activation: str | None = None
        self.header = _header(self)
        self.label_edit = QLineEdit(self)
        self.label_edit.setToolTip("The name shown on the canvas (press Enter to apply)")
        self.kind_label = QLabel(self)
        self.kind_label.setToolTip("Input, hidden or output; fixed when the neuron is made")
        self.activation = activation_combo(self)
        self.formula = QLabel(self)
        self.formula.setWordWrap(True)
        self.params_box = QWidget(self)
        self.params_form = QFormLayout(self.params_box)
        self.params_form.setContentsMargins(0, 0, 0, 0)
        self.param_sliders: dict[str, ValueSlider] = {}
        self.bias = ValueSlider(tooltip=BIAS_TIP)
        self.value = ValueSlider(tooltip=VALUE_TIP)
        self.equation = _equation_label(
            self, "The weighted sum z = Σ wᵢ·xᵢ + b and the activation y = f(z), "
                  "with the current numbers")
        self.form = QFormLayout()
        self.form.addRow("Label", self.label_edit)
        self.form.addRow("Kind", self.kind_label)
        self.form.addRow("Activation", self.activation)
        self.form.addRow("", self.formula)
        self.form.addRow(self.params_box)
        self.form.addRow("Bias b", self.bias)
        self.form.addRow("Value x", self.value)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(self.form)
        layout.addWidget(self.equation)
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
        self.header.setText(f"{KIND_TITLES[neuron.kind]} {_display(neuron)}")
        if not self.label_edit.hasFocus() and self.label_edit.text() != neuron.label:
            self.label_edit.setText(neuron.label)
        self.kind_label.setText(neuron.kind)
        for row in (self.activation, self.formula, self.params_box, self.bias):
            self.form.setRowVisible(row, not is_input)
        self.form.setRowVisible(self.value, is_input)
        if is_input:
            self.value.set_value(neuron.value)
        else:
            self._show_activation(neuron)
            self.bias.set_value(neuron.bias)
        self._show_locks(neuron)
        if neuron.id in self.document.evaluation.index:
            text = equation(network, self.document.evaluation, neuron.id)
            self.equation.setText(text.replace(" → ", "\n→ "))  # the sum, then f(z)
        else:  # just added: the figures follow with the next evaluation
            self.equation.setText("…")
            self.document.request_evaluation()

    def _show_activation(self, neuron: Neuron) -> None:
        act = get_activation(neuron.activation)
        with QSignalBlocker(self.activation):
            self.activation.setCurrentIndex(self.activation.findData(act.name))
        if self._shown_activation != act.name:
            self._shown_activation = act.name
            self.formula.setText(act.formula)
            self.formula.setToolTip(act.description)
            self._rebuild_params(act.name)
        for name, slider in self.param_sliders.items():
            slider.set_value(neuron.params[name])
        self.form.setRowVisible(self.params_box, bool(self.param_sliders))

    def _show_locks(self, neuron: Neuron) -> None:
        doc, nid = self.document, neuron.id
        if neuron.is_input:
            show_lock(self.value, lock_reason(doc, "value", nid), VALUE_TIP)
            return
        show_lock(self.bias, lock_reason(doc, "bias", nid), BIAS_TIP)
        show_lock(self.activation, lock_reason(doc, "activation", nid), ACTIVATION_TIP)
        for spec in get_activation(neuron.activation).params:
            slider = self.param_sliders.get(spec.name)
            if slider is not None:
                show_lock(slider, lock_reason(doc, "param", (nid, spec.name)), spec.description)

    def _rebuild_params(self, activation: str) -> None:
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.param_sliders = {}
        for spec in get_activation(activation).params:
            slider = ValueSlider(spec.minimum, spec.maximum, limits=(spec.minimum, spec.maximum),
                                 tooltip=spec.description)
            slider.value_edited.connect(
                lambda v, token, name=spec.name: self._push_param(name, v, token))
            self.params_form.addRow(spec.description.partition(":")[0] or spec.name, slider)
            self.param_sliders[spec.name] = slider

    # ----------------------------------------------------------------- edits
    def _on_label_edited(self) -> None:
        neuron = self.document.network.neurons.get(self.neuron_id or "")
        if neuron is not None and self.label_edit.text() != neuron.label:
            self.document.push(SetNeuronField(self.document.network, neuron.id, "label",
                                              self.label_edit.text()))

    def _on_activation_chosen(self, index: int) -> None:
        name = self.activation.itemData(index)
        neuron = self.document.network.neurons.get(self.neuron_id or "")
        if neuron is not None and name != neuron.activation:
            self.document.push(SetActivation(self.document.network, [neuron.id], name))

    def _push_field(self, field: str, value: float, token: object | None) -> None:
        if self.neuron_id in self.document.network.neurons:
            self.document.push(SetNeuronField(self.document.network, self.neuron_id, field,
                                              value, merge_token=token))

    def _push_param(self, name: str, value: float, token: object | None) -> None:
        if self.neuron_id in self.document.network.neurons:
            self.document.push(SetParam(self.document.network, self.neuron_id, name, value,
                                        merge_token=token))


class SynapsePage(QWidget):
    """One synapse: its weight, its two ends, and what it contributes to the target's sum."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.key: tuple[str, str] | None = None
        self.header = _header(self)
        self.weight = ValueSlider(tooltip=WEIGHT_TIP)
        self.source = QLabel(self)
        self.source.setToolTip("The neuron whose output this synapse carries")
        self.target = QLabel(self)
        self.target.setToolTip("The neuron that adds w·x to its weighted sum")
        self.contribution = _equation_label(self, "What this synapse adds to its target's sum")
        form = QFormLayout()
        form.addRow("Weight w", self.weight)
        form.addRow("From", self.source)
        form.addRow("To", self.target)
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
        self.header.setText(f"Synapse {source.label or source.id} → {target.label or target.id}")
        self.source.setText(f"{_display(source)}, {source.kind}")
        self.target.setText(f"{_display(target)}, {target.kind}")
        self.weight.set_value(synapse.weight)
        show_lock(self.weight, lock_reason(self.document, "synapse", self.key), WEIGHT_TIP)
        evaluation = self.document.evaluation
        if source.id not in evaluation.index:
            self.contribution.setText("…")
            self.document.request_evaluation()
            return
        x = float(evaluation.y[0, evaluation.index[source.id]])
        self.contribution.setText(f"w·x = {short(synapse.weight)}·{number(x)} = "
                                  f"{number(synapse.weight * x)}")

    def _on_weight_edited(self, value: float, token: object | None) -> None:
        if self.key in self.document.network.synapses:
            self.document.push(SetWeight(self.document.network, self.key, value,
                                         merge_token=token))


class MultiPage(QWidget):
    """Several items: set the activation of every selected hidden/output neuron at once."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.neuron_ids: list[str] = []
        self.header = _header(self)
        self.activation = activation_combo(self)
        self.activation.setPlaceholderText("(mixed)")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Activation", self.activation)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.activation.activated.connect(self._on_activation_chosen)

    def show_items(self, neuron_ids: list[str], synapse_count: int) -> None:
        self.neuron_ids = neuron_ids
        parts = [f"{len(neuron_ids)} neuron{'s' if len(neuron_ids) != 1 else ''}"]
        if synapse_count:
            parts.append(f"{synapse_count} synapse{'s' if synapse_count != 1 else ''}")
        self.header.setText(" and ".join(parts) + " selected")
        self.refresh()

    def _targets(self) -> list[Neuron]:
        neurons = self.document.network.neurons
        return [neurons[n] for n in self.neuron_ids if n in neurons and not neurons[n].is_input]

    def refresh(self) -> None:
        targets = self._targets()
        names = {n.activation for n in targets}
        with QSignalBlocker(self.activation):
            self.activation.setCurrentIndex(
                self.activation.findData(names.pop()) if len(names) == 1 else -1)
        self.activation.setEnabled(bool(targets))
        reason = next(filter(None, (lock_reason(self.document, "activation", n.id)
                                    for n in targets)), None)
        if targets:
            show_lock(self.activation, reason, ACTIVATION_TIP)
        if len(targets) > 1:
            note = (f"Choosing an activation sets it on all {len(targets)} selected hidden "
                    "and output neurons at once (inputs have none).")
        elif targets:
            note = f"Choosing an activation sets it on {targets[0].id} (inputs have none)."
        else:
            note = "Select hidden or output neurons to set their activation together."
        self.note.setText(note)

    def _on_activation_chosen(self, index: int) -> None:
        ids = [n.id for n in self._targets()]
        if ids:
            self.document.push(SetActivation(self.document.network, ids,
                                             self.activation.itemData(index)))


class InspectorPanel(QStackedWidget):
    """Shows the page that fits the canvas selection and keeps it in step with the model."""

    def __init__(self, document: Document, canvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.canvas = canvas
        self.hint = QLabel(HINT, self)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint.setMargin(8)
        self.neuron_page = NeuronPage(document, self)
        self.synapse_page = SynapsePage(document, self)
        self.multi_page = MultiPage(document, self)
        for page in (self.hint, self.neuron_page, self.synapse_page, self.multi_page):
            self.addWidget(page)
        canvas.selection_changed.connect(self.show_selection)
        document.network_replaced.connect(self.show_selection)
        document.evaluated.connect(self._on_evaluated)
        self.follow_app_font()
        self.show_selection()

    def follow_app_font(self) -> None:
        """Size the text from the application font (call after changing it)."""
        # The numbers are what the back row reads: a notch larger than the rest.
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * FONT_FACTOR)
        self.setFont(font)
        apply_fonts(self)

    def show_selection(self) -> None:
        """Pick the page for the current selection (items that no longer exist are skipped)."""
        network = self.document.network
        neurons = [n for n in self.canvas.selected_neuron_ids() if n in network.neurons]
        synapses = [tuple(k) for k in self.canvas.selected_synapse_keys()
                    if tuple(k) in network.synapses]
        if len(neurons) == 1 and not synapses:
            self.neuron_page.show_neuron(neurons[0])
            self.setCurrentWidget(self.neuron_page)
        elif len(synapses) == 1 and not neurons:
            self.synapse_page.show_synapse(synapses[0])
            self.setCurrentWidget(self.synapse_page)
        elif neurons or synapses:
            self.multi_page.show_items(neurons, len(synapses))
            self.setCurrentWidget(self.multi_page)
        else:
            self.setCurrentWidget(self.hint)

    def _on_evaluated(self, _evaluation: object) -> None:
        page, network = self.currentWidget(), self.document.network
        gone = (page is self.neuron_page and page.neuron_id not in network.neurons
                or page is self.synapse_page and page.key not in network.synapses)
        if gone:  # deleted (or undone) while shown
            self.show_selection()
        elif page is not self.hint:
            page.refresh()
