"""The operating point travelling along the activation curve while a sum builds.

While a neuron is explained, the activation plot shows it (the panel follows the beat's
neuron) and this point stands at the sum so far, on the curve: at f(w₁x₁) after the first
term, at f(z) once the bias is in; each beat it glides there along the curve. The panel's
own point (the live one, at the final z) is hidden meanwhile and comes back at the end.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation

from neurosim.core.activations import get_activation
from neurosim.core.explain import figure
from neurosim.core.model import Neuron
from neurosim.ui.plots.activation_panel import ActivationPanel

GLIDE_MS = 450
AMBER = (255, 176, 0)


class TravellingPoint(QObject):
    def __init__(self, panel: ActivationPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.dot = pg.ScatterPlotItem(size=20, brush=pg.mkBrush(*AMBER), pen=pg.mkPen("k", width=2))
        self.dot.setZValue(40)
        self.label = pg.TextItem(anchor=(-0.1, 1.2), color=(0, 0, 0), fill=pg.mkBrush(*AMBER))
        self.label.setZValue(41)
        for item in (self.dot, self.label):
            item.setVisible(False)
            panel.plot.addItem(item)
        self.neuron: Neuron | None = None
        self.z: float | None = None  # where the point stands (or is going)
        self.animation = QVariantAnimation(self)
        self.animation.setDuration(GLIDE_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self.animation.valueChanged.connect(lambda z: self._place(float(z)))
        self._caption = ""

    def show(self, neuron: Neuron, z: float, caption: str) -> None:
        """Glide to ``z`` on ``neuron``'s curve (jump there for another neuron)."""
        self.panel.flush()  # the panel shows the neuron now: then its own point goes
        for item in (self.panel.markers, self.panel.guides, self.panel.point_label):
            item.setVisible(False)
        self.animation.stop()
        self._caption = caption
        start = self.z if self.neuron is not None and self.neuron.id == neuron.id else None
        self.neuron, self.z = neuron, z
        if start is None or not (math.isfinite(start) and math.isfinite(z)) or start == z:
            self._place(z)
            return
        self.animation.setStartValue(start)
        self.animation.setEndValue(z)
        self.animation.start()

    def hide(self) -> None:
        self.animation.stop()
        self.neuron = self.z = None
        for item in (self.dot, self.label):
            item.setVisible(False)
        self.panel.schedule()  # its own point again

    def position(self) -> tuple[float, float] | None:
        """Where the dot is drawn (plot coordinates), or None."""
        if not self.dot.isVisible():
            return None
        x, y = self.dot.getData()
        return float(x[0]), float(y[0])

    def _place(self, z: float) -> None:
        neuron = self.neuron
        if neuron is None:
            return
        act = get_activation(neuron.activation)
        with np.errstate(all="ignore"):
            y = float(act.f(np.array([z]), neuron.params)[0])
        if not (math.isfinite(z) and math.isfinite(y)):
            self.dot.setVisible(False)
            self.label.setVisible(False)
            return
        self.dot.setData([z], [y])
        self.label.setText(f"{self._caption}\nz = {figure(z)}, f(z) = {figure(y)}".strip())
        # the label on the side with room: left of the point in the right half, below it
        # in the upper half
        (x_lo, x_hi), (y_lo, y_hi) = self.panel.plot.viewRange()
        right, high = z > (x_lo + x_hi) / 2, y > (y_lo + y_hi) / 2
        self.label.setAnchor((1.1 if right else -0.1, -0.2 if high else 1.2))
        self.label.setPos(z, y)
        self.dot.setVisible(True)
        self.label.setVisible(True)
