"""The plotted figures: growing arrays, missing values, the smoothed gradient trend."""

from __future__ import annotations

import math

import numpy as np
import pytest

from neurosim.core.training import EpochRecord
from neurosim.ui.training.curves import TrainingCurves, smoothed_log


def _record(epoch: int, loss: float, acc=None, grads=(1.0, 0.1), dead=()) -> EpochRecord:
    return EpochRecord(epoch, loss, acc, list(grads), {}, list(dead))


def test_curves_grow_past_their_first_allocation_and_keep_every_value():
    curves = TrainingCurves()
    for i in range(1000):
        curves.append(_record(i + 1, 1.0 / (i + 1), 0.5, (i, 2 * i)), (2.0 / (i + 1), None))
    assert len(curves) == 1000
    assert curves.epoch.tolist() == list(range(1, 1001))
    assert curves.train_loss[-1] == pytest.approx(1e-3)
    assert curves.test_loss[9] == pytest.approx(0.2)
    assert np.isnan(curves.test_accuracy).all() and (curves.train_accuracy == 0.5).all()
    assert curves.gradient(1)[-1] == 2 * 999 and curves.levels == 2
    curves.clear()
    assert len(curves) == 0 and curves.epoch.size == 0 and math.isnan(curves.last("epoch"))


def test_missing_test_rows_and_regression_are_nan_and_dead_is_the_latest():
    curves = TrainingCurves()
    curves.append(_record(1, 0.3, dead=["h1"]), None)
    curves.append(_record(2, 0.2), None)
    assert not curves.has_test() and math.isnan(curves.last("train_accuracy"))
    assert curves.dead == []


def test_smoothed_log_is_a_trailing_geometric_mean_that_skips_zeros():
    values = np.array([1.0, 10.0, 100.0, 0.0, np.nan, 1000.0])
    out = smoothed_log(values, 2)
    assert out[:4] == pytest.approx([1.0, 10**0.5, 10**1.5, 100.0])
    assert math.isnan(out[4]) and out[5] == pytest.approx(1000.0)
    assert smoothed_log(np.zeros(0)).size == 0
    steady = smoothed_log(np.full(50, 3e-5), 10)
    assert steady == pytest.approx(np.full(50, 3e-5))
