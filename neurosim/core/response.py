"""One neuron's output as one input sweeps a range: the 1-D counterpart of the decision
surface (a regression fit y(x) against its data points). The other inputs keep their
present values; the sweep is one batch through :meth:`Engine.forward`."""

from __future__ import annotations

import numpy as np

from neurosim.core.engine import Engine

SAMPLES = 400


def response_curve(
    engine: Engine, x_id: str, out_id: str, x_range: tuple[float, float], n: int = SAMPLES
) -> tuple[np.ndarray, np.ndarray]:
    """(xs, ys): ``out_id``'s output at ``n`` evenly spaced values of input ``x_id``."""
    compiled = engine.compiled
    xs = np.linspace(float(x_range[0]), float(x_range[1]), n)
    batch = np.tile(np.asarray(compiled.input_values, dtype=np.float64), (n, 1))
    batch[:, engine.input_ids.index(x_id)] = xs
    with np.errstate(over="ignore", invalid="ignore"):
        ys = engine.forward(batch)[:, compiled.index[out_id]]
    return xs, ys
