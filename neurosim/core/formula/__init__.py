"""Activations written as formulas: parsed by our own grammar (never ``eval``), differentiated
exactly, evaluated as numpy over whole grids. Qt-free.

    >>> swish = formula("z * sigmoid(beta * z)", {"beta": 1.0})
    >>> swish.derivative_text
    'sigmoid(beta * z) + z * sigmoid(beta * z) * sigmoid(-(beta * z)) * beta'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from neurosim.core.formula.derive import derivative
from neurosim.core.formula.nodes import Bin, Call, Node, children, names
from neurosim.core.formula.numeric import Fn, evaluator, normalise
from neurosim.core.formula.parser import NAME, FormulaError, parse
from neurosim.core.formula.text import to_text

#: exponentials nested deeper than this overflow for every z beyond a few units
MAX_EXP_NESTING = 2
MAX_PARAMS = 8
RESERVED = frozenset({"z", "pi", "e"})


@dataclass(frozen=True)
class Formula:
    """A checked formula in z with named parameters (their defaults), its exact derivative,
    and both as numpy functions ``f(z, params)``."""

    text: str
    params: Mapping[str, float]
    tree: Node = field(repr=False)
    derivative_tree: Node = field(repr=False)
    f: Fn = field(repr=False, compare=False)
    df: Fn = field(repr=False, compare=False)

    @property
    def derivative_text(self) -> str:
        return to_text(self.derivative_tree)

    def __call__(self, z: np.ndarray | float, **params: float) -> np.ndarray:
        return self.f(np.asarray(z, dtype=float), {**self.params, **params})


def _exp_nesting(node: Node) -> int:
    """How many exponentials are nested in ``node`` (x^y with y depending on z counts)."""
    inner = max((_exp_nesting(c) for c in children(node)), default=0)
    grows = (isinstance(node, Call) and node.fn == "exp") or (
        isinstance(node, Bin) and node.op == "^" and "z" in names(node.right)
    )
    return inner + 1 if grows else inner


def _check_params(params: Mapping[str, float]) -> dict[str, float]:
    if len(params) > MAX_PARAMS:
        raise FormulaError(f"at most {MAX_PARAMS} parameters, not {len(params)}")
    checked = {}
    for name, value in params.items():
        if not isinstance(name, str) or not NAME.fullmatch(name) or name in RESERVED:
            raise FormulaError(f"{name!r} cannot name a parameter (letters, digits, _; not z)")
        if isinstance(value, bool) or not isinstance(value, int | float) or not np.isfinite(value):
            raise FormulaError(f"parameter {name}: its default must be a finite number")
        checked[name] = float(value)
    return checked


def formula(text: str, params: Mapping[str, float] | None = None) -> Formula:
    """Parse, check and differentiate ``text``; FormulaError says what is wrong and where."""
    checked = _check_params(params or {})
    tree = parse(text, tuple(checked))
    if "z" not in names(tree):
        raise FormulaError("the formula does not use z, so every neuron would output a constant")
    nesting = _exp_nesting(tree)
    if nesting > MAX_EXP_NESTING:
        raise FormulaError(
            f"the formula nests {nesting} exponentials; at most {MAX_EXP_NESTING} "
            "(deeper ones overflow for every z beyond a few units)"
        )
    stable = normalise(tree)
    slope = derivative(stable)
    return Formula(text, checked, tree, slope, evaluator(stable), evaluator(slope))


__all__ = ["Formula", "FormulaError", "formula"]
