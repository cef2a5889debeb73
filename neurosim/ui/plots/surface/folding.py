"""Where the decision surface's controls go: beside the plot or above it, unfolded or
folded away under the one-line header, and how many legend columns fit.

:class:`SurfaceFolding` is a base class of
:class:`neurosim.ui.plots.surface.panel.DecisionSurfacePanel`, which builds what these
methods arrange: ``controls``, ``toggle``, ``page_layout``, ``legend``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout

from neurosim.ui.plots.surface.controls import SIDE_WIDTH

AROUND = (130, 80)  # pixels around the image: axis + colour bar, title + axis + legend
# Below this, the controls fold away so the picture can be seen (a plot below the canvas
# at 1280 × 800 keeps its picture; a wider panel or the user's click unfolds them).
MIN_IMAGE = 220


class SurfaceFolding:
    """Arranges and folds the controls of the decision surface panel on resize."""

    _folded_by_user: bool | None

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # Beside the plot or above it: whichever leaves the image the larger square (the
        # axes, the colour bar, the title and the legend take about AROUND of the room).
        w = self.width() - AROUND[0]
        h = self.height() - AROUND[1] - self.toggle.sizeHint().height()
        top_height = 3 * (self.fontMetrics().height() + 16)  # three rows of boxes
        beside, above = min(w - SIDE_WIDTH, h), min(w, h - top_height)
        if self.controls.arrange(beside >= above):
            self.page_layout.setDirection(
                QBoxLayout.Direction.LeftToRight
                if beside >= above
                else QBoxLayout.Direction.BottomToTop
            )
        if self._folded_by_user is None:
            self.show_controls(max(beside, above) >= MIN_IMAGE)
        self._fit_legend_columns()

    def _fit_legend_columns(self) -> None:
        """With the data points' entries, all on one row when they fit: a second legend
        row would be taken from the image (two entries fold as in the base class)."""
        items = self.legend.items
        if len(items) <= 2:
            return
        beside = (
            self.controls.isVisibleTo(self)
            and self.page_layout.direction() == QBoxLayout.Direction.LeftToRight
        )
        room = self.width() - (self.controls.width() if beside else 0)
        need = sum(label.item.boundingRect().width() + 45 * self.scale for _s, label in items)
        columns = len(items) if need <= room else 2 if self.width() >= 280 * self.scale else 1
        if self.legend.columnCount != columns:
            self.legend.setColumnCount(columns)

    def _on_toggle_clicked(self) -> None:
        self._folded_by_user = self.controls.isVisibleTo(self)  # visible now: folding it
        self.show_controls(not self._folded_by_user)

    def show_controls(self, on: bool) -> None:
        """Unfold (or fold away) the inputs, neuron and range boxes."""
        self.controls.setVisible(on)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def fold_controls(self, folded: bool | None) -> None:
        """Fold the controls away (True) or show them (False) whatever the size, as the
        header button does; None: back to folding them when the panel is small
        (presentation mode folds them for the audience)."""
        self._folded_by_user = folded
        if folded is None:
            self.resizeEvent(QResizeEvent(self.size(), self.size()))  # decide by size again
        else:
            self.show_controls(not folded)
