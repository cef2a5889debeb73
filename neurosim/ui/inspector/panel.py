"""The inspector: the numbers of what is selected on the canvas, editable.

:class:`InspectorPanel` shows the page that fits the selection (:mod:`.pages`: one
neuron, one synapse; here: several items, or a hint) and refreshes it after each evaluation.
Every edit is a command pushed through the document; the widgets are refreshed from the
model (with signals blocked, so nothing echoes back as an edit).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.model import Neuron
from neurosim.ui.commands import SetActivation
from neurosim.ui.document import Document
from neurosim.ui.inspector.pages import NeuronPage, SynapsePage
from neurosim.ui.inspector.parts import (
    ACTIVATION_TIP,
    activation_combo,
    apply_fonts,
    header_label,
    lock_reason,
    show_lock,
)
from neurosim.ui.theme import Theme

__all__ = [
    "HINT",
    "InspectorPanel",
    "MultiPage",
    "NeuronPage",
    "SynapsePage",
    "activation_combo",
    "apply_fonts",
    "lock_reason",
    "show_lock",
]

HINT = (
    "Select a neuron or a synapse on the canvas to see its numbers and change them.\n\n"
    "Add neurons with the palette tools or the keys I (input), H (hidden) and "
    "O (output)."
)
FONT_FACTOR = 1.1  # the inspector's text relative to the application's


class MultiPage(QWidget):
    """Several items: set the activation of every selected hidden/output neuron at once."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.neuron_ids: list[str] = []
        self.header = header_label(self)
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
                self.activation.findData(names.pop()) if len(names) == 1 else -1
            )
        self.activation.setEnabled(bool(targets))
        reason = next(
            filter(None, (lock_reason(self.document, "activation", n.id) for n in targets)), None
        )
        if targets:
            show_lock(self.activation, reason, ACTIVATION_TIP)
        if len(targets) > 1:
            note = (
                f"Choosing an activation sets it on all {len(targets)} selected hidden "
                "and output neurons at once (inputs have none)."
            )
        elif targets:
            note = f"Choosing an activation sets it on {targets[0].id} (inputs have none)."
        else:
            note = "Select hidden or output neurons to set their activation together."
        self.note.setText(note)

    def _on_activation_chosen(self, index: int) -> None:
        ids = [n.id for n in self._targets()]
        if ids:
            self.document.push(
                SetActivation(self.document.network, ids, self.activation.itemData(index))
            )


class InspectorPanel(QStackedWidget):
    """Shows the page that fits the canvas selection and keeps it in step with the model."""

    def __init__(
        self, document: Document, canvas, theme: Theme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.canvas = canvas
        self.hint = QLabel(HINT, self)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint.setMargin(8)
        self.neuron_page = NeuronPage(document, theme, self)
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
        synapses = [
            tuple(k) for k in self.canvas.selected_synapse_keys() if tuple(k) in network.synapses
        ]
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
        gone = (
            page is self.neuron_page
            and page.neuron_id not in network.neurons
            or page is self.synapse_page
            and page.key not in network.synapses
        )
        if gone:  # deleted (or undone) while shown
            self.show_selection()
        elif page is not self.hint:
            page.refresh()
