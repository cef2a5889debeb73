"""The share of hidden neurons active, big, for the sparsity lessons side by side.

The full sparsity panel needs more room than half a 1280-pixel screen gives; this readout
shows its point in little space: the present share in large digits, a bar from 0 to 100 %
with the band a brain keeps to (1–4 %), the counts (and, for tanh or sigmoid, how many
fired), and a trace of the recent shares.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from neurosim.core.engine import Evaluation
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate

BRAIN_BAND = (0.01, 0.04)
ACTIVE = QColor("#16a34a")
BAND = QColor(250, 204, 21, 140)
HISTORY = 300  # evaluations kept for the trace


def share_text(evaluation: Evaluation, hidden: int) -> tuple[float | None, str]:
    """(active share, "14 of 32 active · 9 fired") of the first sample; None without hidden."""
    if evaluation.active_fraction is None or hidden == 0:
        return None, translate("ActiveShareView", "No hidden neurons")
    share = float(evaluation.active_fraction[0])
    active = round(share * hidden)
    text = translate("ActiveShareView", "{active} of {total} active (output ≠ 0)")
    if evaluation.fired_fraction is not None:
        fired = round(float(evaluation.fired_fraction[0]) * hidden)
        if fired != active:
            text = translate(
                "ActiveShareView", "{active} of {total} active (output ≠ 0) · {fired} fired"
            )
            return share, text.format(active=active, total=hidden, fired=fired)
    return share, text.format(active=active, total=hidden)


class ActiveShareView(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.share: float | None = None
        self.text = ""
        self.history: deque[float] = deque(maxlen=HISTORY)
        self.painted: list[str] = []  # the texts last painted (tests read them)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip(
            translate(
                "ActiveShareView",
                "The share of hidden neurons whose output is not 0, now (large) and over the"
                " last steps (trace); the yellow band is the 1–4 % a brain keeps to",
            )
        )
        document.evaluated.connect(self._on_evaluated)
        document.network_replaced.connect(self.history.clear)
        self._on_evaluated(document.evaluation)

    def _on_evaluated(self, evaluation: Evaluation) -> None:
        hidden = len(self.document.network.of_kind("hidden"))
        self.share, self.text = share_text(evaluation, hidden)
        if self.share is not None:
            self.history.append(self.share)
        self.update()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(220, 150)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, 220)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        text = pal.text().color()
        w, h = self.width(), self.height()
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        line = p.fontMetrics().height()
        p.setPen(text)
        p.setFont(bold)
        self.painted = [translate("ActiveShareView", "Hidden neurons active"), self.text]
        p.drawText(QRectF(6, 2, w - 12, line + 4), self.painted[0])
        if self.share is None:
            p.setFont(base)
            p.drawText(QRectF(6, line + 6, w - 12, line + 4), self.text)
            return
        big = QFont(base)
        big.setPointSizeF(base.pointSizeF() * 2.4)
        big.setBold(True)
        p.setFont(big)
        big_h = p.fontMetrics().height()
        top = line + 6
        p.setPen(ACTIVE)
        p.drawText(QRectF(6, top, w - 12, big_h), f"{self.share * 100:.0f} %")
        top += big_h
        p.setFont(base)
        p.setPen(text)
        p.drawText(QRectF(6, top, w - 12, line + 2), self.text)
        top += line + 6
        bar = QRectF(6, top, w - 12, max(12.0, line * 0.9))
        band = QRectF(
            bar.left() + bar.width() * BRAIN_BAND[0],
            bar.top(),
            bar.width() * (BRAIN_BAND[1] - BRAIN_BAND[0]),
            bar.height(),
        )
        p.fillRect(QRectF(bar.left(), bar.top(), bar.width() * self.share, bar.height()), ACTIVE)
        p.fillRect(band, BAND)
        p.setPen(pal.mid().color())
        p.drawRect(bar)
        top = bar.bottom() + 6
        self._trace(p, QRectF(6, top, w - 12, h - top - 4))

    def _trace(self, p: QPainter, area: QRectF) -> None:
        if area.height() < 16 or len(self.history) < 2:
            return
        p.setPen(self.palette().mid().color())
        p.drawRect(area)
        n = self.history.maxlen or HISTORY
        points = [
            QPointF(area.left() + area.width() * i / (n - 1), area.bottom() - area.height() * s)
            for i, s in enumerate(self.history)
        ]
        p.setPen(ACTIVE)
        p.drawPolyline(QPolygonF(points))
        p.setPen(self.palette().text().color())
        recent = translate("ActiveShareView", "recent steps")
        self.painted.append(recent)
        p.drawText(area.adjusted(4, 2, -4, -2), Qt.AlignmentFlag.AlignRight, recent)
