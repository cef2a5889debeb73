"""A formula as a vectorised numpy function of z (and its parameters), built as a tree of
closures (no ``eval``): each node one numpy operation over the whole grid.

Stable where the mathematics is finite: sigmoid, softplus and tanh use the engine's
kernels (no overflow for any finite z), ``log(1 + exp(u))`` and ``log1p(exp(u))`` are read as
softplus(u), and both branches of a ``where`` are computed without warnings (only the chosen
one counts). A genuinely unbounded formula (exp(z) at z = 1000) gives inf, which the app shows
in words as it does for the built-ins.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from neurosim.core import activation_kernels as kernels
from neurosim.core.formula.nodes import Bin, Call, Compare, Name, Neg, Node, Num
from neurosim.core.special import erf

Fn = Callable[[np.ndarray, Mapping[str, "float | np.ndarray"]], np.ndarray]

UNARY: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "exp": np.exp,
    "log": np.log,
    "log1p": np.log1p,
    "sqrt": np.sqrt,
    "abs": np.abs,
    "sign": np.sign,
    "sin": np.sin,
    "cos": np.cos,
    "tanh": np.tanh,
    "sigmoid": kernels.sigmoid,
    "softplus": lambda u: kernels.softplus(u, {}),
    "erf": erf,
}
BINARY = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "^": np.power}
COMPARE = {
    "<": np.less,
    "<=": np.less_equal,
    ">": np.greater,
    ">=": np.greater_equal,
    "==": np.equal,
    "!=": np.not_equal,
}


def _softplus_argument(node: Node) -> Node | None:
    """u when ``node`` is log(1 + exp(u)), log(exp(u) + 1) or log1p(exp(u)), else None."""
    if not isinstance(node, Call) or node.fn not in ("log", "log1p"):
        return None
    inner = node.args[0]
    if node.fn == "log1p":
        candidates: tuple[Node, ...] = (inner,)
    elif isinstance(inner, Bin) and inner.op == "+":
        candidates = tuple(
            b for a, b in ((inner.left, inner.right), (inner.right, inner.left)) if a == Num(1.0)
        )
    else:
        return None
    for c in candidates:
        if isinstance(c, Call) and c.fn == "exp":
            return c.args[0]
    return None


def compile_formula(node: Node) -> Fn:
    """``f(z, params)`` for the tree; float arrays in, float arrays out (float32 stays)."""
    if isinstance(node, Num):
        value = node.value
        return lambda z, p: np.full_like(z, value)
    if isinstance(node, Name):
        name = node.name
        if name == "z":
            return lambda z, p: z
        return lambda z, p: np.broadcast_to(np.asarray(p[name], dtype=z.dtype), z.shape)
    if isinstance(node, Neg):
        arg = compile_formula(node.arg)
        return lambda z, p: np.negative(arg(z, p))
    if isinstance(node, Bin):
        op, left, right = BINARY[node.op], compile_formula(node.left), compile_formula(node.right)
        return lambda z, p: op(left(z, p), right(z, p))
    if isinstance(node, Compare):
        cmp, left, right = COMPARE[node.op], compile_formula(node.left), compile_formula(node.right)
        return lambda z, p: cmp(left(z, p), right(z, p))
    assert isinstance(node, Call)
    return _call(node)


def normalise(node: Node) -> Node:
    """The same function, written so that it evaluates (and differentiates) stably:
    log(1 + exp(u)) and log1p(exp(u)) become softplus(u)."""
    if isinstance(node, Neg):
        return Neg(normalise(node.arg))
    if isinstance(node, Bin):
        return Bin(node.op, normalise(node.left), normalise(node.right))
    if isinstance(node, Compare):
        return Compare(node.op, normalise(node.left), normalise(node.right))
    if isinstance(node, Call):
        u = _softplus_argument(node)
        if u is not None:
            return Call("softplus", (normalise(u),))
        return Call(node.fn, tuple(normalise(a) for a in node.args))
    return node


def _call(node: Call) -> Fn:
    args = [compile_formula(a) for a in node.args]
    if node.fn == "where":
        test, yes, no = args
        return lambda z, p: np.where(test(z, p), yes(z, p), no(z, p))
    if node.fn in ("min", "max"):
        pick = np.minimum if node.fn == "min" else np.maximum
        a, b = args
        return lambda z, p: pick(a(z, p), b(z, p))
    fn, (arg,) = UNARY[node.fn], args
    return lambda z, p: fn(arg(z, p))


def evaluator(node: Node) -> Fn:
    r""":func:`compile_formula` of the :func:`normalise`\d tree, run without numpy warnings:
    an overflow is inf, 0/0 NaN, each in its place (an unused where-branch does not count)."""
    f = compile_formula(normalise(node))

    def run(z: np.ndarray, p: Mapping[str, float | np.ndarray]) -> np.ndarray:
        z = np.asarray(z)
        if z.dtype.kind != "f":
            z = z.astype(np.float64)
        with np.errstate(all="ignore"):
            return np.asarray(f(z, p), dtype=z.dtype)

    return run
