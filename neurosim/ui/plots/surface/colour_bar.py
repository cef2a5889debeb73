"""The decision surface's colours: the canvas's value scale, and a bar of the output range.

A value has one colour in the whole window: the surface maps y through
:func:`neurosim.ui.canvas.colors.value_color`'s scale, −1 blue, 0 pale grey, +1 orange,
saturating at ±1 as a neuron's face does. The bar beside it shows the part of that scale the
activation can reach (sigmoid 0…1, tanh −1…1, ReLU 0…≥1), so its range is fixed per
activation and never stretched to a near-constant output.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from neurosim.core.activations import Activation
from neurosim.ui.canvas import colors
from neurosim.ui.plots.surface.grid import colour_range

SAMPLES = 201  # colours per map: 0.01 per step over −1…1, as the canvas's own table


def scale_map(lo: float, hi: float, saturation: float = 1.0) -> pg.ColorMap:
    """The canvas's colours for the values lo…hi (positions 0…1 of the map)."""
    values = np.linspace(lo, hi, SAMPLES)
    return pg.ColorMap(
        np.linspace(0.0, 1.0, SAMPLES), [colors.value_color(v, saturation) for v in values]
    )


def end_label(value: float, beyond: bool) -> str:
    """A bar end's tick: "≥1" where the output goes on past the saturated colour."""
    text = f"{value:g}".replace("-", "−")
    return ("≥" if value > 0 else "≤") + text if beyond else text


class SurfaceColours:
    """The surface image's lookup table (fixed: the canvas's scale) and its colour bar."""

    def __init__(self, image: pg.ImageItem, plot: pg.PlotItem, saturation: float = 1.0) -> None:
        self.image = image
        self.saturation = saturation
        self.levels = (-saturation, saturation)
        image.setColorMap(scale_map(*self.levels, saturation))
        self.bar = pg.ColorBarItem(
            values=(0, 1), colorMap=scale_map(0, 1), interactive=False, width=16, colorMapMenu=False
        )
        # Not linked to the image (the bar shows only part of the image's scale): placed as
        # pyqtgraph's insert_in would, right of the plot.
        plot.layout.addItem(self.bar, 2, 5)
        plot.layout.setColumnFixedWidth(4, 5)
        self.bar.axis.setWidth(None)  # as wide as its numbers and label (pyqtgraph fixes 45 px)
        self.bar.axis.enableAutoSIPrefix(False)
        self.range: tuple[float, float] | None = None

    def show(self, act: Activation) -> None:
        """The bar for this activation's output range (unchanged if it is the same)."""
        lo, hi = colour_range(act, self.saturation)
        if (lo, hi) == self.range:
            return
        self.range = lo, hi
        self.bar.setColorMap(scale_map(lo, hi, self.saturation))
        self.bar.setLevels((lo, hi))
        y_lo, y_hi = act.y_range
        ticks = [(v, f"{v:g}".replace("-", "−")) for v in np.arange(-1.0, 1.01, 0.5)]
        ticks = [(v, t) for v, t in ticks if lo + 1e-9 < v < hi - 1e-9]
        ends = [(lo, end_label(lo, y_lo < lo)), (hi, end_label(hi, y_hi > hi))]
        self.bar.axis.setTicks([sorted(ends + ticks), []])
