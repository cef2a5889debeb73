"""Losses against hand values and finite differences; optimizers against hand-computed steps."""

from __future__ import annotations

import math
import tracemalloc
import warnings

import numpy as np
import pytest

from neurosim.core.losses import BCE_EPS, LOSS_NAMES, LossError, loss_and_grad, loss_value
from neurosim.core.optimizers import OPTIMIZER_NAMES, SGD, Adam, Momentum, Optimizer, make_optimizer

# ------------------------------------------------------------------ losses


def test_mse_value_and_gradient_by_hand():
    y = np.array([[0.5, 1.0], [2.0, -1.0]])
    t = np.array([[0.0, 1.0], [1.0, 1.0]])
    loss, grad = loss_and_grad("mse", y, t)
    assert loss == pytest.approx((0.25 + 0 + 1 + 4) / 4)
    assert np.allclose(grad, 2 * (y - t) / 4)
    assert loss_value("mse", y, t) == loss


def test_bce_value_and_gradient_by_hand():
    y, t = np.array([[0.8], [0.25]]), np.array([[1.0], [0.0]])
    loss, grad = loss_and_grad("bce", y, t)
    assert loss == pytest.approx(-(math.log(0.8) + math.log(0.75)) / 2)
    assert grad[:, 0] == pytest.approx([(0.8 - 1) / (0.8 * 0.2) / 2, 0.25 / (0.25 * 0.75) / 2])


@pytest.mark.parametrize("name", LOSS_NAMES)
def test_gradients_match_finite_differences(name):
    rng = np.random.default_rng(0)
    y = rng.uniform(0.05, 0.95, (5, 3))
    t = rng.uniform(0.0, 1.0, (5, 3))  # soft targets exercise both bce terms
    _, grad = loss_and_grad(name, y, t)
    h = 1e-6
    numeric = np.zeros_like(y)
    for idx in np.ndindex(*y.shape):
        up, down = y.copy(), y.copy()
        up[idx] += h
        down[idx] -= h
        numeric[idx] = (loss_value(name, up, t) - loss_value(name, down, t)) / (2 * h)
    assert np.allclose(grad, numeric, rtol=1e-6, atol=1e-9)


def test_loss_is_independent_of_batch_size():
    y, t = np.array([[0.3], [0.9]]), np.array([[0.0], [1.0]])
    for name in LOSS_NAMES:
        assert loss_value(name, np.tile(y, (5, 1)), np.tile(t, (5, 1))) == pytest.approx(
            loss_value(name, y, t)
        )


def test_bce_range_error_names_the_output():
    with pytest.raises(
        LossError,
        match=r"bce needs outputs between 0 and 1: output 'n7' gave "
        r"1\.3 — use a sigmoid output neuron or the mse loss",
    ):
        loss_value("bce", np.array([[0.5, 1.3]]), np.array([[1.0, 1.0]]), ["n6", "n7"])
    with pytest.raises(LossError, match=r"output #1 gave -0\.2"):
        loss_and_grad("bce", np.array([[-0.2]]), np.array([[0.0]]))
    with pytest.raises(
        LossError,
        match=r"bce needs targets between 0 and 1: target 'y' is 2 — "
        r"use the mse loss",
    ):
        loss_value("bce", np.array([[0.5]]), np.array([[2.0]]), ["y"])


def test_bce_survives_saturated_sigmoid_outputs():
    # sigmoid(40) is exactly 1.0 in float64: training must go on with finite numbers.
    y, t = np.array([[1.0], [0.0], [1.0]]), np.array([[1.0], [0.0], [0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss, grad = loss_and_grad("bce", y, t)
    assert loss == pytest.approx(-math.log(BCE_EPS) / 3, rel=1e-3)  # only the wrong row counts
    assert np.isfinite(grad).all() and grad[2, 0] > 0


def test_mse_accepts_any_range_but_not_nan():
    assert loss_value("mse", np.array([[-3.0]]), np.array([[2.0]])) == 25.0
    with pytest.raises(
        LossError,
        match=r"output 'z' gave nan, not a finite number — training "
        r"diverged",
    ):
        loss_value("mse", np.array([[1.0, np.nan]]), np.array([[0.0, 0.0]]), ["w", "z"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert loss_value("mse", np.array([[1e200]]), np.array([[0.0]])) == math.inf


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda: loss_value("mae", np.zeros((1, 1)), np.zeros((1, 1))),
            "unknown loss 'mae'; known: mse, bce",
        ),
        (
            lambda: loss_value("mse", np.zeros((2, 1)), np.zeros((2, 2))),
            r"shape \(2, 1\) but targets \(2, 2\)",
        ),
        (lambda: loss_value("mse", np.zeros((0, 1)), np.zeros((0, 1))), "no samples"),
        (lambda: loss_value("mse", np.zeros((1, 1)), np.full((1, 1), np.inf)), "target #1 is inf"),
    ],
)
def test_loss_errors(call, message):
    with pytest.raises(LossError, match=message):
        call()


# ------------------------------------------------------------------ optimizers


def test_sgd_step_by_hand():
    w, opt = np.array([1.0, -2.0, 0.5]), SGD(3, lr=0.1)
    opt.step(w, np.array([0.5, -1.0, 0.0]))
    assert w.tolist() == pytest.approx([0.95, -1.9, 0.5])


def test_momentum_steps_by_hand():
    w, opt = np.array([1.0, 0.0]), Momentum(2, lr=0.1, mu=0.5)
    g = np.array([1.0, -2.0])
    opt.step(w, g)  # v = [-0.1, 0.2]
    assert w.tolist() == pytest.approx([0.9, 0.2])
    opt.step(w, g)  # v = 0.5·v − 0.1·g = [-0.15, 0.3]
    assert w.tolist() == pytest.approx([0.75, 0.5])
    opt.reset()
    opt.step(w, g)
    assert w.tolist() == pytest.approx([0.65, 0.7])


def test_adam_two_steps_by_hand():
    w, opt = np.array([1.0, -1.0]), Adam(2, lr=0.1)
    opt.step(w, np.array([0.5, -2.0]))
    # Step 1: m̂ = g and v̂ = g², so each weight moves lr·g/(|g| + eps) ≈ lr·sign(g).
    w1 = [1.0 - 0.1 * 0.5 / (0.5 + 1e-8), -1.0 + 0.1 * 2.0 / (2.0 + 1e-8)]
    assert w.tolist() == pytest.approx(w1, abs=1e-15) and w1 == pytest.approx([0.9, -0.9])
    opt.step(w, np.array([1.0, 0.25]))
    # Step 2, entry 0: m = 0.9·0.05 + 0.1·1 = 0.145, v = 0.999·0.00025 + 0.001·1 = 0.00124975,
    # m̂ = 0.145/0.19, v̂ = 0.00124975/0.001999, move = 0.1·m̂/(√v̂ + 1e-8).
    move0 = 0.1 * (0.145 / 0.19) / (math.sqrt(0.00124975 / 0.001999) + 1e-8)
    # Entry 1: m = 0.9·(−0.2) + 0.025 = −0.155, v = 0.999·0.004 + 0.001·0.0625 = 0.0040585.
    move1 = 0.1 * (-0.155 / 0.19) / (math.sqrt(0.0040585 / 0.001999) + 1e-8)
    assert move0 == pytest.approx(0.0965178, abs=1e-6)
    assert w.tolist() == pytest.approx([w1[0] - move0, w1[1] - move1], abs=1e-15)
    assert opt.t == 2


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_frozen_entries_never_change(name):
    mask = np.array([True, False, True, False])
    opt = make_optimizer(name, 4, 0.05, trainable=mask)
    w = np.array([1.0, 2.0, 3.0, 4.0])
    rng = np.random.default_rng(1)
    for _ in range(5):
        grad = rng.normal(size=4)
        grad[3] = np.nan  # garbage in a frozen slot must not matter
        opt.step(w, grad)
    assert w[1] == 2.0 and w[3] == 4.0
    assert w[0] != 1.0 and w[2] != 3.0


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_freezing_later_stops_accumulated_motion(name):
    opt, w = make_optimizer(name, 2, 0.1), np.zeros(2)
    for _ in range(3):
        opt.step(w, np.ones(2))
    opt.set_trainable(np.array([True, False]))
    frozen = w[1]
    opt.step(w, np.zeros(2))
    assert w[1] == frozen and not opt.trainable[1]


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_non_finite_gradient_is_refused_and_params_kept(name):
    opt, w = make_optimizer(name, 2, 0.1), np.array([1.0, 2.0])
    for bad in (np.nan, np.inf, 1e200):
        with pytest.raises(ValueError, match="training diverged"):
            opt.step(w, np.array([0.1, bad]))
    assert w.tolist() == [1.0, 2.0]


@pytest.mark.parametrize("name", OPTIMIZER_NAMES)
def test_step_allocates_nothing(name):
    n = 10_000  # any per-step array would need 80 kB
    opt, w, g = make_optimizer(name, n, 1e-3), np.zeros(n), np.ones(n)
    opt.step(w, g)
    tracemalloc.start()
    try:
        opt.step(w, g)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2_000


def test_make_optimizer_and_validation():
    opt = make_optimizer("momentum", 3, 0.01, mu=0.8)
    assert isinstance(opt, Momentum) and opt.mu == 0.8 and isinstance(opt, Optimizer)
    assert make_optimizer("adam", 3, 0.01, beta1=0.5).beta1 == 0.5
    with pytest.raises(ValueError, match="unknown optimizer 'rmsprop'; known: sgd, momentum, adam"):
        make_optimizer("rmsprop", 3, 0.01)
    for bad_lr in (0, -1.0, float("nan"), True):
        with pytest.raises(ValueError, match="learning rate"):
            SGD(3, bad_lr)
    with pytest.raises(ValueError, match="3 booleans"):
        SGD(3, 0.1, trainable=np.array([1, 0, 1]))
    with pytest.raises(ValueError, match="mu"):
        Momentum(3, 0.1, mu=1.0)
    with pytest.raises(ValueError, match="float64 array of shape"):
        SGD(3, 0.1).step(np.zeros(3, dtype=np.float32), np.zeros(3))
    with pytest.raises(ValueError, match=r"gradient must have shape \(3,\)"):
        SGD(3, 0.1).step(np.zeros(3), np.zeros(4))


def test_learning_rate_can_change_between_steps():
    opt, w = SGD(1, 0.1), np.array([0.0])
    opt.step(w, np.array([1.0]))
    opt.lr = 1.0
    opt.step(w, np.array([1.0]))
    assert w[0] == pytest.approx(-1.1)
