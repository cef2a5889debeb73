"""The decision surface's legend entries: the firing rule, the marker and the data rows.

:class:`SurfaceKey` remembers what it last wrote, so a redraw (every training frame)
re-sets the entries only when their text or the drawn kinds of rows changed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

import pyqtgraph as pg

from neurosim.ui.i18n import translate
from neurosim.ui.plots.surface.points import KEY_LABELS, SurfacePoints


class SurfaceKey:
    """The entries of ``legend``: ``contour`` ("fires: …"), ``marker`` and ``points``' kinds.

    ``resized`` is called after entries for data rows came or went (the legend's columns
    may have to change).
    """

    def __init__(
        self,
        legend: pg.LegendItem,
        contour: pg.PlotDataItem,
        marker: pg.ScatterPlotItem,
        points: SurfacePoints,
        resized: Callable[[], None],
    ) -> None:
        self.legend, self.contour, self.marker, self.points = legend, contour, marker, points
        self._resized = resized
        self._labelled: Hashable = None  # what the entries were last written for
        self._keyed: tuple[str, ...] = ()  # the kinds of rows with an entry
        legend.addItem(contour, translate("SurfaceKey", "fires"))
        legend.addItem(marker, translate("SurfaceKey", "inputs now"))

    def relabel(self, key: Hashable, rule: str, scale: float) -> bool:
        """Rewrite the entries for ``key`` (the texts they depend on); False if unchanged."""
        if key == self._labelled:
            return False
        self._labelled = key
        self.legend.clear()
        # the firing boundary
        self.legend.addItem(
            self.contour, translate("SurfaceKey", "fires: {rule}").format(rule=rule)
        )
        self.legend.addItem(self.marker, translate("SurfaceKey", "inputs now"))
        self._keyed = ()
        self.key_points(scale)
        return True

    def key_points(self, scale: float) -> None:
        """Entries for the kinds of data rows drawn: training rows and test rows."""
        parts = self.points.parts()
        if parts == self._keyed:
            return
        for part in self._keyed:
            self.legend.removeItem(_label(part))
        for part in parts:
            self.legend.addItem(self.points.key_sample(part, scale), _label(part))
        self._keyed = parts
        self._resized()

    def rescale(self, scale: float) -> None:
        """The rows' samples drawn again at ``scale``."""
        keyed, self._keyed = self._keyed, ()
        for part in keyed:
            self.legend.removeItem(_label(part))
        if keyed:
            self.key_points(scale)


def _label(part: str) -> str:
    """The legend's word for a kind of rows ("train", "test") in the window's language."""
    return translate("SurfacePoints", KEY_LABELS[part])
