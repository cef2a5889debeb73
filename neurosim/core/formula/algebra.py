"""Building formula trees with the obvious simplifications folded in (0 + x = x, 1·x = x,
constants computed), so a derivative reads like one a person would write."""

from __future__ import annotations

import math

from neurosim.core.formula.nodes import Bin, Call, Compare, Neg, Node, Num

ZERO, ONE, TWO = Num(0.0), Num(1.0), Num(2.0)


def _folded(op: str, a: float, b: float) -> Node | None:
    try:
        value = {"+": a + b, "-": a - b, "*": a * b}.get(op)
        if op == "/" and b != 0:
            value = a / b
        if op == "^" and a > 0:
            value = a**b
    except OverflowError:
        return None
    return Num(value) if value is not None and math.isfinite(value) else None


def add(a: Node, b: Node) -> Node:
    if a == ZERO:
        return b
    if b == ZERO:
        return a
    if isinstance(b, Neg):
        return sub(a, b.arg)
    if isinstance(a, Num) and isinstance(b, Num):
        return _folded("+", a.value, b.value) or Bin("+", a, b)
    return Bin("+", a, b)


def sub(a: Node, b: Node) -> Node:
    if b == ZERO:
        return a
    if a == ZERO:
        return neg(b)
    if a == b:
        return ZERO
    if isinstance(a, Num) and isinstance(b, Num):
        return _folded("-", a.value, b.value) or Bin("-", a, b)
    return Bin("-", a, b)


def neg(a: Node) -> Node:
    if isinstance(a, Num):
        return Num(-a.value) if a.value != 0 else ZERO
    if isinstance(a, Neg):
        return a.arg
    return Neg(a)


def mul(a: Node, b: Node) -> Node:
    if ZERO in (a, b):
        return ZERO
    if a == ONE:
        return b
    if b == ONE:
        return a
    if isinstance(a, Neg):
        return neg(mul(a.arg, b))
    if isinstance(b, Neg):
        return neg(mul(a, b.arg))
    if isinstance(a, Num) and isinstance(b, Num):
        return _folded("*", a.value, b.value) or Bin("*", a, b)
    if isinstance(b, Num) and not isinstance(a, Num):
        return mul(b, a)  # the constant first: 2·z
    if isinstance(a, Num) and isinstance(b, Bin) and b.op == "*" and isinstance(b.left, Num):
        return mul(mul(a, b.left), b.right)  # 2·(3·z) = 6·z
    if isinstance(b, Bin) and b.op == "/" and b.left == ONE:
        return div(a, b.right)  # a·(1/c) = a/c
    if isinstance(a, Bin) and a.op == "/" and a.left == ONE:
        return div(b, a.right)
    return Bin("*", a, b)


def div(a: Node, b: Node) -> Node:
    if a == ZERO:
        return ZERO
    if b == ONE:
        return a
    if isinstance(a, Num) and isinstance(b, Num):
        return _folded("/", a.value, b.value) or Bin("/", a, b)
    if isinstance(a, Bin) and a.op == "*" and isinstance(a.left, Num) and isinstance(b, Num):
        return mul(div(a.left, b), a.right)  # (2·x)/4 = 0.5·x
    if isinstance(a, Bin) and a.op == "*" and isinstance(b, Bin) and b.op == "*":
        if isinstance(a.left, Num) and a.left == b.left:
            return div(a.right, b.right)  # (2·x)/(2·y) = x/y
    return Bin("/", a, b)


def power(a: Node, b: Node) -> Node:
    if b == ZERO:
        return ONE
    if b == ONE:
        return a
    if isinstance(a, Num) and isinstance(b, Num):
        return _folded("^", a.value, b.value) or Bin("^", a, b)
    return Bin("^", a, b)


def call(fn: str, *args: Node) -> Node:
    return Call(fn, tuple(args))


def where(condition: Compare, a: Node, b: Node) -> Node:
    return a if a == b else Call("where", (condition, a, b))
