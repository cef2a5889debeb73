"""Data rows drawn over the decision surface: training rows filled, test rows hollow.

Colours follow the surface's own scale — class 1 orange (high outputs), class 0 blue — with
a white rim so a point stays visible on either colour. The rows carry a value for every
input; the two the surface plots are shown, and follow the axis choice.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

FILL = {True: QColor("#e08214"), False: QColor("#4393c3")}  # class 1, class 0
RING = {True: QColor("#7f3b08"), False: QColor("#053061")}
HOLLOW = QColor(255, 255, 255, 150)
KEY_INK = QColor("#707070")  # the legend's samples: the look of a point, not its class
#: the legend's words for the kinds of rows, as the training curves say (translated where
#: shown: ``translate("SurfacePoints", KEY_LABELS[part])``)
KEY_LABELS = {
    "train": QT_TRANSLATE_NOOP("SurfacePoints", "train"),
    "test": QT_TRANSLATE_NOOP("SurfacePoints", "test"),
}


class SurfacePoints:
    """Two scatter items on ``plot``: ``train`` (filled) and ``test`` (hollow)."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.train = pg.ScatterPlotItem()
        self.test = pg.ScatterPlotItem()
        for z, item in ((15, self.train), (16, self.test)):  # above the image and boundary
            item.setZValue(z)
            plot.addItem(item)
        self.rows: tuple[np.ndarray, np.ndarray, np.ndarray, list[str] | None] | None = None

    def set_rows(
        self,
        inputs: np.ndarray | None,
        labels: np.ndarray | None = None,
        is_test: np.ndarray | None = None,
        input_ids: Sequence[str] | None = None,
    ) -> None:
        if inputs is None:
            self.rows = None
            return
        x = np.asarray(inputs, dtype=float)
        n = len(x)
        labels = np.zeros(n, bool) if labels is None else np.asarray(labels, bool)
        is_test = np.zeros(n, bool) if is_test is None else np.asarray(is_test, bool)
        self.rows = (x, labels, is_test, None if input_ids is None else list(input_ids))

    def draw(self, x_id: str | None, y_id: str | None, scale: float = 1.0) -> None:
        """Show the columns of inputs ``x_id`` and ``y_id`` (none if the rows lack them)."""
        if self.rows is None:
            self._clear()
            return
        x, labels, is_test, ids = self.rows
        ids = ids if ids is not None else [x_id, y_id]
        if x_id not in ids or y_id not in ids:
            self._clear()
            return
        px, py = x[:, ids.index(x_id)], x[:, ids.index(y_id)]
        filled = {
            c: (pg.mkBrush(FILL[c]), pg.mkPen("#ffffff", width=1.2 * scale)) for c in (True, False)
        }
        hollow = {
            c: (pg.mkBrush(HOLLOW), pg.mkPen(RING[c], width=2.0 * scale)) for c in (True, False)
        }
        for item, rows, style, size in (
            (self.train, ~is_test, filled, 8),
            (self.test, is_test, hollow, 9),
        ):
            cls = labels[rows].tolist()
            item.setData(
                px[rows],
                py[rows],
                symbol="o",
                size=size * scale,
                brush=[style[c][0] for c in cls],
                pen=[style[c][1] for c in cls],
            )

    def parts(self) -> tuple[str, ...]:
        """Which kinds of rows are drawn: ("train",), ("train", "test") or ()."""
        if self.rows is None:
            return ()
        return ("train", "test") if self.rows[2].any() else ("train",)

    @staticmethod
    def key_sample(part: str, scale: float = 1.0) -> pg.ScatterPlotItem:
        """A legend sample for ``part``: a filled dot for training rows, a ring for test."""
        if part == "train":
            return pg.ScatterPlotItem(
                symbol="o",
                size=8 * scale,
                brush=pg.mkBrush(KEY_INK),
                pen=pg.mkPen("#ffffff", width=1.2 * scale),
            )
        return pg.ScatterPlotItem(
            symbol="o",
            size=9 * scale,
            brush=pg.mkBrush(HOLLOW),
            pen=pg.mkPen(KEY_INK, width=2.0 * scale),
        )

    def _clear(self) -> None:
        self.train.setData([], [])
        self.test.setData([], [])
