"""The exact derivative of a formula with respect to z, by the rules of differentiation over
our grammar (chain rule through every allowed function). Kinks (abs, max, min, where) take
the derivative of the branch that applies, as the built-in ReLU does (0 at z = 0)."""

from __future__ import annotations

import math

from neurosim.core.formula.algebra import (
    ONE,
    TWO,
    ZERO,
    add,
    call,
    div,
    mul,
    neg,
    power,
    sub,
    where,
)
from neurosim.core.formula.nodes import Bin, Call, Compare, Name, Neg, Node, Num

TWO_OVER_SQRT_PI = Num(2.0 / math.sqrt(math.pi))


def derivative(node: Node) -> Node:
    """d node / d z, simplified."""
    if isinstance(node, Num):
        return ZERO
    if isinstance(node, Name):
        return ONE if node.name == "z" else ZERO
    if isinstance(node, Neg):
        return neg(derivative(node.arg))
    if isinstance(node, Bin):
        return _binary(node)
    if isinstance(node, Call):
        return _call(node)
    raise TypeError(f"a comparison has no derivative: {node}")


def _binary(node: Bin) -> Node:
    a, b = node.left, node.right
    da, db = derivative(a), derivative(b)
    if node.op == "+":
        return add(da, db)
    if node.op == "-":
        return sub(da, db)
    if node.op == "*":
        return add(mul(da, b), mul(a, db))
    if node.op == "/":
        if db == ZERO:  # by a constant (in z)
            return div(da, b)
        return div(sub(mul(da, b), mul(a, db)), power(b, TWO))
    # a ^ b
    if db == ZERO:
        return mul(mul(b, power(a, sub(b, ONE))), da)
    return mul(power(a, b), add(mul(db, call("log", a)), div(mul(b, da), a)))


def _call(node: Call) -> Node:
    fn, args = node.fn, node.args
    if fn == "where":
        condition = args[0]
        assert isinstance(condition, Compare)
        return where(condition, derivative(args[1]), derivative(args[2]))
    if fn in ("min", "max"):
        a, b = args
        pick = Compare("<=" if fn == "min" else ">=", a, b)
        return where(pick, derivative(a), derivative(b))
    (u,) = args
    du = derivative(u)
    if du == ZERO:
        return ZERO
    return mul(_outer(fn, u), du)


def _outer(fn: str, u: Node) -> Node:
    """f′(u) for a function of one argument."""
    if fn == "exp":
        return call("exp", u)
    if fn == "log":
        return div(ONE, u)
    if fn == "log1p":
        return div(ONE, add(ONE, u))
    if fn == "sqrt":
        return div(ONE, mul(TWO, call("sqrt", u)))
    if fn == "abs":
        return call("sign", u)
    if fn == "sign":
        return ZERO
    if fn == "sin":
        return call("cos", u)
    if fn == "cos":
        return neg(call("sin", u))
    if fn == "tanh":
        return sub(ONE, power(call("tanh", u), TWO))
    if fn == "sigmoid":
        return mul(call("sigmoid", u), call("sigmoid", neg(u)))  # σ(u)·(1 − σ(u)), exact tails
    if fn == "softplus":
        return call("sigmoid", u)
    if fn == "erf":
        return mul(TWO_OVER_SQRT_PI, call("exp", neg(power(u, TWO))))
    raise ValueError(f"no derivative rule for {fn}")
