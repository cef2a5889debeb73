"""Built-in datasets for training, as the app's Train panel offers them.

>>> import neurosim
>>> xor = neurosim.datasets.get("xor")
>>> xor.inputs.shape, xor.targets.shape
((4, 2), (4, 1))
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from neurosim.core.datasets import BUILTIN_NAMES, Dataset, DatasetError, builtin, load_csv

#: the names :func:`get` knows
NAMES: tuple[str, ...] = BUILTIN_NAMES


def get(name: str, n: int = 200, noise: float = 0.1, seed: int = 0) -> Dataset:
    """The built-in dataset ``name`` (see :data:`NAMES`): logic gates have their 4 rows;
    the point sets (circle, xor2d, gauss, spiral, sine) ``n`` rows with ``noise``, drawn
    with ``seed``. Raises DatasetError for an unknown name or a value out of range."""
    return builtin(name, n=n, noise=noise, seed=seed)


def from_csv(path: str | Path, inputs: Sequence[str], outputs: Sequence[str]) -> Dataset:
    """Rows of a CSV file whose header names the ``inputs`` and ``outputs`` columns."""
    return load_csv(path, inputs, outputs)


__all__ = ["NAMES", "Dataset", "DatasetError", "from_csv", "get"]
