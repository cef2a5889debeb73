"""The numbers behind the decision surface: grid size, one neuron's y and z over the grid
(one float32 batch through ``Engine.forward``) and the colour levels. No drawing here."""

from __future__ import annotations

import math

import numpy as np

from neurosim.core.engine import FLOAT32_MAX, Engine
from neurosim.core.model import Network

#: A big network gets a coarser grid, so that one recomputation (on the UI thread, after
#: every edit) stays near 20 ms: grid points × the engine's multiply-adds per row at most
#: this. Lessons keep 100 × 100; a random 1,000-neuron DAG (477,000 per row) gets 32 × 32.
GRID_WORK = 500_000_000
MIN_RESOLUTION = 24


def grid_size(engine: Engine, resolution: int) -> int:
    """Grid points per side: ``resolution``, fewer for a big network (``GRID_WORK``)."""
    levels = engine.compiled.levels
    per_row = sum(level.weights.size for level in levels) + 1
    fit = int(math.sqrt(GRID_WORK / per_row))
    return min(resolution, max(fit, MIN_RESOLUTION))


def compute_grid(
    engine: Engine,
    network: Network,
    x_id: str,
    y_id: str,
    out_id: str,
    ranges: tuple[tuple[float, float], tuple[float, float]],
    n: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(xs, ys, y, z): the grid steps and ``out_id``'s y and z, each [row = y step,
    column = x step]; the inputs not plotted keep their present values."""
    compiled = engine.compiled
    (x0, x1), (y0, y1) = ranges
    xs = np.linspace(x0, x1, n)
    ys = np.linspace(y0, y1, n)
    batch = np.empty((n * n, compiled.n_inputs), dtype=np.float32)
    # an input beyond float32 (1e200 is a valid value) is drawn as float32's largest
    batch[:] = np.clip(compiled.input_values, -FLOAT32_MAX, FLOAT32_MAX)
    gx, gy = np.meshgrid(xs, ys)  # gx[j, i] = xs[i], gy[j, i] = ys[j]
    batch[:, compiled.index[x_id]] = gx.ravel()
    batch[:, compiled.index[y_id]] = gy.ravel()
    y_all = engine.forward(batch)
    col = compiled.index[out_id]
    values = y_all[:, col].reshape(n, n)
    z = net_input(network, engine.compiled.index, y_all, out_id).reshape(n, n)
    return xs, ys, values, z


def net_input(
    network: Network, index: dict[str, int], y_all: np.ndarray, out_id: str
) -> np.ndarray:
    """z of one neuron from its sources' outputs (the engine's forward keeps only y).

    A display path, like ``Engine.forward`` in float32: weights and biases beyond float32
    are clipped to its largest, and a sum that overflows is ±inf without a warning."""
    incoming = network.incoming(out_id)
    bias = np.clip(network.neurons[out_id].bias, -FLOAT32_MAX, FLOAT32_MAX)
    z = np.full(len(y_all), bias, dtype=np.float32)
    if incoming:
        cols = [index[s.source] for s in incoming]
        weights = np.clip([s.weight for s in incoming], -FLOAT32_MAX, FLOAT32_MAX)
        with np.errstate(over="ignore", invalid="ignore"):
            z += y_all[:, cols] @ weights.astype(np.float32)
    return z


def colour_range(act, saturation: float = 1.0) -> tuple[float, float]:
    """The colour bar's values: the activation's output range, within ±``saturation``.

    The surface is coloured as the canvas colours a neuron's face (the same scale, the same
    ±1 saturation), so a value has one colour everywhere. The range is fixed per activation:
    a near-constant output stays pale instead of being stretched to full colour.
    """
    lo, hi = act.y_range
    return max(float(lo), -saturation), min(float(hi), saturation)
