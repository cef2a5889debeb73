"""Training shown on other views: dead-ReLU badges on the canvas, the data on the surface.

The canvas gets ``set_badges({id: "✕ dead"})`` whenever the list of dead ReLU neurons
changes; the decision surface gets the data points (training rows filled, test rows hollow,
coloured by class; a sample of MAX_POINTS of a bigger set) and ranges that cover them
whenever the data changes — for regression data on one input, the targets under its
y(x) line.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.i18n import translate
from neurosim.ui.plots.surface.panel import DecisionSurfacePanel
from neurosim.ui.training.session import TrainingSession

DEAD_BADGE = QT_TRANSLATE_NOOP("TrainingOverlays", "✕ dead")  # translated where shown
#: at most this many data points are drawn on the surface (a seeded sample of the rows):
#: 100,000 scatter points cost ~0.1 s at every repaint and would hide the surface anyway
MAX_POINTS = 2_000


class TrainingOverlays(QObject):
    def __init__(
        self,
        session: TrainingSession,
        canvas: CanvasView,
        surface: DecisionSurfacePanel,
        parent: QObject | None = None,
        wanted: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.canvas, self.surface = session, canvas, surface
        # Points belong on the surface when the user is training (the Train panel is
        # open) or the file brings its own data; a lesson on one neuron shows none.
        self.wanted = wanted
        self._dead: list[str] = []
        session.progressed.connect(self._on_progress)
        session.curves_cleared.connect(self._on_progress)
        session.data_changed.connect(self.show_points)
        self.show_points()

    # ------------------------------------------------------------- badges
    def _on_progress(self) -> None:
        dead = list(self.session.curves.dead) if len(self.session.curves) else []
        if dead != self._dead:
            self._dead = dead
            badge = translate("TrainingOverlays", DEAD_BADGE)
            self.canvas.set_badges({nid: badge for nid in dead})

    # ------------------------------------------------------------- points
    def points(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]] | None:
        """(inputs, class labels, is_test, input ids) of the data, or None."""
        train, test = self.session.train_set, self.session.test_set
        if train is None or train.task != "classification":
            return None
        parts = [train] + ([test] if test is not None else [])
        x = np.concatenate([p.inputs for p in parts])
        labels = np.concatenate([p.targets[:, 0] for p in parts]) > 0.5
        is_test = np.concatenate(
            [np.zeros(len(train), bool)] + ([np.ones(len(test), bool)] if test is not None else [])
        )
        return x, labels, is_test, list(train.input_names)

    def regression_rows(self) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray] | None:
        """(input column, targets, target ids, is_test) of regression data on one input."""
        train, test = self.session.train_set, self.session.test_set
        if train is None or train.task != "regression" or len(train.input_names) != 1:
            return None
        parts = [train] + ([test] if test is not None else [])
        x = np.concatenate([p.inputs[:, 0] for p in parts])
        targets = np.concatenate([p.targets for p in parts])
        is_test = np.concatenate([np.full(len(p), p is test) for p in parts])
        return x, targets, list(train.target_names), is_test

    def _show_targets(self) -> None:
        """The data of a one-input regression, under the surface panel's y(x) line."""
        found = self.regression_rows()
        if found is None or (self.wanted is not None and not self.wanted()):
            self.surface.set_targets(None)
            return
        x, targets, ids, is_test = found
        shown = _sample(len(x), MAX_POINTS)
        self.surface.set_targets(x[shown], targets[shown], ids, is_test[shown])
        lo, hi = float(x.min()), float(x.max())
        margin = 0.05 * max(hi - lo, 0.5)
        span = (round(lo - margin, 2), round(hi + margin, 2))
        self.surface.set_ranges(span, span)

    def show_points(self) -> None:
        self._show_targets()
        found = self.points()
        if found is not None and self.wanted is not None and not self.wanted():
            found = None
        if found is None:
            self.surface.set_points(None)
            return
        x, labels, is_test, ids = found
        shown = _sample(len(x), MAX_POINTS)
        self.surface.set_points(x[shown], labels[shown], is_test[shown], input_ids=ids)
        chosen = self.surface.chosen()[:2]
        if all(c in ids for c in chosen):
            spans = []
            for nid in chosen:
                col = x[:, ids.index(nid)]
                lo, hi = float(col.min()), float(col.max())
                margin = 0.1 * max(hi - lo, 0.5)
                spans.append((round(lo - margin, 2), round(hi + margin, 2)))
            self.surface.set_ranges(*spans)


def _sample(n: int, limit: int) -> np.ndarray | slice:
    """Every row, or ``limit`` of them picked the same way each time (in row order)."""
    if n <= limit:
        return slice(None)
    return np.sort(np.random.default_rng(0).choice(n, limit, replace=False))
