"""The canvas legend: what the colours, rings and line widths mean.

A small widget laid over the view's corner (a child of the view, not of its viewport, so
scrolling never smears it). It ignores the mouse: clicks fall through to the canvas. Its
box and text take the theme's canvas colours (:meth:`LegendOverlay.set_colours`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from neurosim.ui.canvas import colors
from neurosim.ui.canvas.style import MINUS
from neurosim.ui.i18n import translate
from neurosim.ui.theme import LIGHT, CanvasColours


class LegendOverlay(QWidget):
    """Colour bar −1 · 0 · +1 for y, plus the fired ring, a silent neuron and w's sign."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.saturation = 1.0
        self.set_colours(LIGHT.canvas)
        self.set_scale(1.0)

    def set_colours(self, colours: CanvasColours) -> None:
        self.ink, self.ink_soft = QColor(colours.ink), QColor(colours.ink_soft)
        self.ground, self.edge = QColor(colours.legend_ground), QColor(colours.legend_edge)
        self.update()

    BASE = 1.0

    def set_scale(self, scale: float) -> None:
        self.scale = scale = scale * self.BASE
        self.font_ = QFont(self.font())
        self.font_.setPixelSize(round(12 * scale))
        self.font_.setBold(True)
        self.metrics = QFontMetricsF(self.font_)
        self.fired_text = translate("LegendOverlay", "fired")
        self.silent_text = translate("LegendOverlay", "silent")
        # the first row: colour bar, fired ring and its word, silent neuron and its word
        words = self.metrics.horizontalAdvance(self.fired_text + self.silent_text)
        width = max(300 * scale, (8 + 16 + 125 + 20 + 7 + 12 + 14 + 6 + 8) * scale + words)
        self.resize(round(width), round(self.metrics.height() * 3 + 14 * scale))
        self.update()

    def set_saturation(self, saturation: float) -> None:
        self.saturation = saturation
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        s = self.scale
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(self.edge, 1))
        p.setBrush(self.ground)
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6 * s, 6 * s)
        p.setFont(self.font_)
        line_h = self.metrics.height()
        pad = 8 * s
        # colour bar for the output y
        p.setPen(self.ink)
        p.drawText(QRectF(pad, pad, 20 * s, line_h), Qt.AlignmentFlag.AlignLeft, "y")
        bar = QRectF(pad + 16 * s, pad + 2 * s, 125 * s, line_h - 4 * s)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        stops = colors.scale_colors(9)
        for i, c in enumerate(stops):
            gradient.setColorAt(i / (len(stops) - 1), c)
        p.setBrush(gradient)
        p.setPen(QPen(self.ink_soft, 1))
        p.drawRect(bar)
        sat = f"{self.saturation:g}"
        ticks = ((0.0, f"≤{MINUS}{sat}"), (0.5, "0"), (1.0, f"≥+{sat}"))
        for t, text in ticks:
            x = bar.left() + t * bar.width()
            width = self.metrics.horizontalAdvance(text) + 4
            left = min(max(x - width / 2, bar.left() - 6 * s), bar.right() + 6 * s - width)
            p.drawText(
                QRectF(left, bar.bottom() + 3 * s, width, line_h),
                Qt.AlignmentFlag.AlignCenter,
                text,
            )
        # fired ring and silent neuron
        x0 = bar.right() + 20 * s
        cy = pad + line_h / 2
        r = 7 * s
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(self.ink, 5.4 * s))
        p.drawEllipse(QPointF(x0, cy), r, r)
        p.setPen(QPen(colors.FIRED, 3.5 * s))
        p.drawEllipse(QPointF(x0, cy), r, r)
        p.setPen(self.ink)
        p.drawText(QPointF(x0 + r + 6 * s, cy + self.metrics.ascent() / 2 - 1), self.fired_text)
        x1 = x0 + r + 12 * s + self.metrics.horizontalAdvance(self.fired_text)
        p.setOpacity(0.42)
        p.setPen(QPen(self.ink, 1.6 * s))
        p.setBrush(colors.value_color(0.0))
        p.drawEllipse(QPointF(x1 + r, cy), r, r)
        p.setOpacity(1.0)
        p.drawText(
            QPointF(x1 + 2 * r + 6 * s, cy + self.metrics.ascent() / 2 - 1), self.silent_text
        )
        # synapse sign
        y2 = pad + line_h * 2 + 4 * s
        x2 = bar.right() + 14 * s
        for color, text in ((colors.weight_color(2.0), "w>0"), (colors.weight_color(-2.0), "w<0")):
            p.setPen(QPen(color, 4 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            p.drawLine(QPointF(x2, y2 - line_h / 3), QPointF(x2 + 18 * s, y2 - line_h / 3))
            p.setPen(self.ink)
            p.drawText(QPointF(x2 + 22 * s, y2 - line_h / 3 + self.metrics.ascent() / 2 - 1), text)
            x2 += 22 * s + self.metrics.horizontalAdvance(text) + 12 * s
        p.end()
