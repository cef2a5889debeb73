"""The New Activation dialog's picture: f(z) and f′(z) over z in [−6, 6], drawn by two
curves made once and fed with ``setData`` as the formula changes."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from neurosim.core.formula import Formula
from neurosim.ui.i18n import translate
from neurosim.ui.plots.style import PALETTE, label_axes, pen, quiet_plot, style_plot
from neurosim.ui.theme import Palette

#: the z the preview draws at: the activation plot's span
Z = np.linspace(-6.0, 6.0, 241)
Y_REACH = 10.0  # an unbounded formula (exp) is drawn up to here; the rest is off the plot


class FormulaPreview(pg.PlotWidget):
    """f (solid) and f′ (dashed) of the formula being typed; blank while it does not parse."""

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=palette.plot.ground, enableMenu=False)
        plot = self.getPlotItem()
        quiet_plot(plot)
        style_plot(plot, palette.plot, 1.0)
        label_axes(plot, palette.plot, "z", "y")
        self.legend = plot.addLegend(offset=(8, 8))
        self.f_curve = plot.plot(name=translate("FormulaPreview", "f(z)"))
        self.df_curve = plot.plot(name=translate("FormulaPreview", "f′(z), the slope"))
        self.f_curve.setPen(pen(PALETTE[0], 2.5))
        self.df_curve.setPen(pen(PALETTE[1], 2.0, Qt.PenStyle.DashLine))
        plot.setXRange(-6.0, 6.0, padding=0.02)
        plot.setYRange(-1.5, 1.5)
        self.setToolTip(
            translate(
                "FormulaPreview",
                "The formula f(z) (solid) and the slope f′(z) the program derived (dashed), "
                "for z from −6 to 6",
            )
        )

    def show_formula(self, formula: Formula | None) -> None:
        """Draw ``formula`` at its default parameters, or nothing (None)."""
        if formula is None:
            self.f_curve.setData([], [])
            self.df_curve.setData([], [])
            return
        y = formula.f(Z, formula.params)
        dy = formula.df(Z, formula.params)
        self.f_curve.setData(Z, y, connect="finite")
        self.df_curve.setData(Z, dy, connect="finite")
        both = np.concatenate([y, dy])
        finite = np.clip(both[np.isfinite(both)], -Y_REACH, Y_REACH)
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (-1.0, 1.0)
        pad = max(0.1, 0.08 * (high - low))
        self.getPlotItem().setYRange(low - pad, high + pad, padding=0)
