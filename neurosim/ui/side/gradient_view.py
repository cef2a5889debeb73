"""Per-level gradient bars: how much of the output's gradient reaches each level.

One row a level, the first hidden level on top: its neurons' names, a bar on a log scale
(1 fills the row, 1e-6 and below is empty) and the figure. Numbers come from
:mod:`neurosim.core.gradient_levels`; the bars are painted big enough for a projector.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from neurosim.core.engine import Evaluation
from neurosim.core.gradient_levels import LevelGradient, gradient_levels
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate

FLOOR = 1e-6  # an empty bar: a gradient this small teaches nothing
BAR = QColor("#3b82f6")
FAINT = QColor("#dc2626")  # under 1 % of the output's: vanished
MIN_ROW = 18


def bar_share(level: float) -> float:
    """0..1 on a log scale from FLOOR to 1 (above 1: full)."""
    if level <= FLOOR:
        return 0.0
    return min(1.0, (math.log10(level) - math.log10(FLOOR)) / -math.log10(FLOOR))


def figure(level: float) -> str:
    return f"{level:.2f}" if level >= 0.01 else f"{level:.1e}"


class GradientLevelsView(QWidget):
    """Follows ``document``: recomputed on every evaluation."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.levels: list[LevelGradient] = []
        self.painted: list[str] = []  # the texts last painted (tests read them)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip(
            translate(
                "GradientLevelsView",
                "How much of the output's gradient reaches each level (|∂y/∂z|, log scale):"
                " red when under 1 %, too little to learn",
            )
        )
        document.evaluated.connect(self._on_evaluated)
        self._on_evaluated(document.evaluation)

    def _on_evaluated(self, evaluation: Evaluation) -> None:
        try:
            self.levels = gradient_levels(self.document.network, evaluation)
        except (KeyError, ValueError, IndexError):  # a network being rebuilt: nothing yet
            self.levels = []
        self.update()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(220, 120)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, 220)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        font = QFont(self.font())
        title_h = p.fontMetrics().height() + 6
        p.setPen(pal.text().color())
        bold = QFont(font)
        bold.setBold(True)
        p.setFont(bold)
        self.painted = [translate("GradientLevelsView", "Gradient reaching each level")]
        p.drawText(QRectF(6, 2, self.width() - 12, title_h), self.painted[0])
        p.setFont(font)
        if not self.levels:
            self.painted.append(translate("GradientLevelsView", "No hidden levels"))
            p.drawText(QRectF(6, title_h, self.width() - 12, title_h), self.painted[-1])
            return
        rows = len(self.levels)
        row_h = max(MIN_ROW, (self.height() - title_h - 4) / rows)
        fm = p.fontMetrics()
        name_w = max(fm.horizontalAdvance(self._name(lv)) for lv in self.levels) + 10
        value_w = fm.horizontalAdvance("8.88e-88") + 10
        bar_w = max(10.0, self.width() - name_w - value_w - 12)
        for i, lv in enumerate(self.levels):
            top = title_h + i * row_h
            text_rect = QRectF(6, top, name_w, row_h)
            p.setPen(pal.text().color())
            self.painted.append(self._name(lv))
            p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, self.painted[-1])
            frame = QRectF(6 + name_w, top + row_h * 0.15, bar_w, row_h * 0.7)
            p.setPen(pal.mid().color())
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(frame)
            fill = QRectF(frame.left(), frame.top(), bar_w * bar_share(lv.level), frame.height())
            p.fillRect(fill, FAINT if lv.level < 0.01 else BAR)
            p.setPen(FAINT if lv.level < 0.01 else pal.text().color())
            value_rect = QRectF(frame.right() + 6, top, value_w, row_h)
            p.drawText(value_rect, Qt.AlignmentFlag.AlignVCenter, figure(lv.level))

    @staticmethod
    def _name(lv: LevelGradient) -> str:
        names = ", ".join(lv.neuron_ids)
        if len(names) <= 12:
            return names
        return translate("GradientLevelsView", "level {depth}").format(depth=lv.depth)
