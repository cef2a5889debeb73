"""One column of the comparison: a header naming the lesson, its canvas and its key plots.

The plots under the canvas: the activation plot (following the column's own selection) and
the lesson's telling plot, chosen from the network's shape: a deep narrow chain (05a, 05b)
shows the gradient reaching each level; a wide hidden layer (06a, 06b) shows sparsity.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from neurosim.core.model import Network
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.clock import SimulationClock
from neurosim.ui.core_text import localized
from neurosim.ui.document import Document
from neurosim.ui.plots.activation_panel import ActivationPanel
from neurosim.ui.side.gradient_view import GradientLevelsView
from neurosim.ui.side.share_view import ActiveShareView
from neurosim.ui.theme import Theme

HEADER_POINTS = 1.35  # of the window's font: the lesson's name, read from the back


def telling_plot(network: Network) -> str:
    """ "sparsity" for a wide hidden layer (many neurons per level), else "gradients".

    (The full sparsity panel needs more room than half a projector's width: a compact
    readout of the active share, :class:`.share_view.ActiveShareView`, shows its point.)"""
    hidden = [n.id for n in network if n.kind == "hidden"]
    if not hidden:
        return "gradients"
    depths = network.depths()
    levels = len({depths[h] for h in hidden})
    return "sparsity" if len(hidden) >= 6 and len(hidden) >= 3 * levels else "gradients"


class CompareColumn(QWidget):
    """``canvas`` (given: the window's own, or a new one) with ``header`` above and the
    plots below. The column does not own the canvas: :meth:`release` hands it back."""

    def __init__(
        self,
        document: Document,
        clock: SimulationClock,
        canvas: CanvasView,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.clock = clock
        self.canvas = canvas
        self.header = QLabel(self)
        self.header.setObjectName("compare_header")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * HEADER_POINTS)
        font.setBold(True)
        self.header.setFont(font)
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.header.setWordWrap(True)
        self.activation = ActivationPanel(document, clock, theme=theme)
        self.kind = telling_plot(document.network)
        self.telling: QWidget = (
            ActiveShareView(document) if self.kind == "sparsity" else GradientLevelsView(document)
        )
        self.plots = plots = QSplitter(Qt.Orientation.Horizontal)
        plots.addWidget(self.activation)
        plots.addWidget(self.telling)
        plots.setChildrenCollapsible(False)
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.addWidget(canvas)
        self.body.addWidget(plots)
        self.body.setStretchFactor(0, 3)
        self.body.setStretchFactor(1, 2)
        self.body.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.body, 1)
        canvas.selection_changed.connect(self._on_selection)
        document.file_state_changed.connect(self._name)
        self._name()
        self._on_selection()

    def even_out(self) -> None:
        """The same proportions in both columns, whatever their parts ask for: the canvas
        55 % of the height, the two plots half the width each."""
        h, w = self.body.height(), self.plots.width()
        self.body.setSizes([round(h * 0.55), h - round(h * 0.55)])
        self.plots.setSizes([w // 2, w - w // 2])

    def _name(self) -> None:
        title = localized(self.document.network.meta.get("title")) or self.document.title
        self.header.setText(title)
        self.header.setToolTip(self.document.title)

    def _on_selection(self) -> None:
        chosen = self.canvas.selected_neuron_ids()
        if not chosen:  # nothing selected: the first hidden neuron (the lesson's activation)
            network = self.document.network
            chosen = [n.id for n in [*network.of_kind("hidden"), *network.of_kind("output")]][:1]
        self.activation.set_neurons(chosen)

    def release(self) -> CanvasView:
        """Take the canvas out (for the window to put back); the column is then empty."""
        self.canvas.selection_changed.disconnect(self._on_selection)
        self.canvas.setParent(None)
        return self.canvas
