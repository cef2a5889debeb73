"""The key under the raster and the sparsity plot, where "active" and "fired" differ.

A neuron is *active* when its output is not 0 and *fired* by its activation's firing rule
(:mod:`neurosim.core.activity`). With ReLU or step the two agree and no key is needed. With
tanh, sigmoid and the smooth ReLUs a neuron is active without firing, so the plot shows
both and this key says which mark or curve is which.
"""

from __future__ import annotations

import pyqtgraph as pg

from neurosim.core.activations import get_activation
from neurosim.core.activity import any_active_without_firing
from neurosim.core.model import Network
from neurosim.ui.i18n import translate
from neurosim.ui.plots.style import style_legend
from neurosim.ui.theme import PlotColours

KEY_ROW = 4  # under the bottom axis in a PlotItem's own grid (title, top axis, view, axis)


def active_and_fired_differ(network: Network, kinds: tuple[str, ...] = ("hidden",)) -> bool:
    """True when some neuron of these kinds can be active (output ≠ 0) without firing."""
    return any_active_without_firing(n.activation for n in network if n.kind in kinds)


def fired_words(network: Network, kinds: tuple[str, ...] = ("hidden",)) -> str:
    """ "fired (z > 0)" when the neurons share one firing rule, else "fired"."""
    rules = {get_activation(n.activation).firing_text(n.params) for n in network if n.kind in kinds}
    if len(rules) == 1:
        return translate("ActivityKey", "fired ({rule})").format(rule=rules.pop())
    return translate("ActivityKey", "fired (its firing rule)")


class ActivityKey:
    """A legend under ``plot`` that is in the layout only while it has entries."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.legend = pg.LegendItem(frame=False, colCount=2)
        self.entries: tuple[str, ...] | None = ()  # None: rebuild at the next show
        self._placed = False
        plot.geometryChanged.connect(self._fit_columns)

    def show(self, entries: list[tuple[pg.GraphicsObject, str]], colours: PlotColours) -> None:
        """Show these (sample, text) rows; an empty list takes the key away."""
        texts = tuple(text for _sample, text in entries)
        if texts == self.entries:
            return
        self.entries = texts
        self.legend.clear()
        for sample, text in entries:
            self.legend.addItem(sample, text)
        style_legend(self.legend, colours)
        if entries and not self._placed:
            self.plot.layout.addItem(self.legend, KEY_ROW, 1)
        elif self._placed and not entries:
            self.plot.layout.removeItem(self.legend)
            self.legend.setParentItem(None)
        self._placed = bool(entries)
        self.legend.setVisible(self._placed)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Entries side by side where the plot is wide enough, else one under the other: a
        key wider than its plot would push the plot past the panel's edge (presentation type
        in a narrow column)."""
        if not self._placed:
            return
        rows = [
            sample.boundingRect().width() + label.boundingRect().width() + 20
            for sample, label in self.legend.items
        ]
        views = self.plot.scene().views() if self.plot.scene() is not None else []
        if not views:
            return
        # the room under the view box: the panel's width, not the plot's (a key too wide
        # for the panel has already widened the plot past the edge)
        room = views[0].width() - self.plot.getAxis("left").width() - 30
        columns = 2 if sum(rows) <= room else 1
        if columns != self.legend.columnCount:
            self.legend.setColumnCount(columns)

    def restyle(self, colours: PlotColours, scale: float) -> None:
        """New fonts and colours: the samples are drawn again at the next :meth:`show`."""
        self.legend.setLabelTextSize(f"{9 * scale:.1f}pt")
        self.entries = None
