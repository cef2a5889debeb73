"""The inspector: the numbers of what is selected on the canvas, editable.

:class:`InspectorPanel` shows the page that fits the selection (:mod:`.pages`: one
neuron, one synapse; :mod:`.multi_page`: several items; here: a hint) and refreshes it
after each evaluation.
Every edit is a command pushed through the document; the widgets are refreshed from the
model (with signals blocked, so nothing echoes back as an edit).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStackedWidget,
    QWidget,
)

from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.inspector.multi_page import MultiPage
from neurosim.ui.inspector.pages import NeuronPage, SynapsePage
from neurosim.ui.inspector.parts import (
    activation_combo,
    apply_fonts,
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

HINT = QT_TRANSLATE_NOOP(
    "InspectorPanel",
    "Select a neuron or a synapse on the canvas to see its numbers and change them.\n\n"
    "Add neurons with the palette tools or the keys I (input), H (hidden) and "
    "O (output).",
)
FONT_FACTOR = 1.1  # the inspector's text relative to the application's


class InspectorPanel(QStackedWidget):
    """Shows the page that fits the canvas selection and keeps it in step with the model."""

    def __init__(
        self, document: Document, canvas, theme: Theme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.canvas = canvas
        self.hint = QLabel(translate("InspectorPanel", HINT), self)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint.setMargin(8)
        self.neuron_page = NeuronPage(document, theme, self)
        self.synapse_page = SynapsePage(document, self)
        self.multi_page = MultiPage(document, self, theme)
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
