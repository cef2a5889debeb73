"""The parsed form of an activation formula: a small tree of numbers, names, operators and
calls of allowed functions. Frozen dataclasses, so equal trees compare equal."""

from __future__ import annotations

from dataclasses import dataclass

#: functions a formula may call, with their number of arguments
FUNCTIONS = {
    "exp": 1,
    "log": 1,
    "log1p": 1,
    "sqrt": 1,
    "abs": 1,
    "sign": 1,
    "sin": 1,
    "cos": 1,
    "tanh": 1,
    "sigmoid": 1,
    "softplus": 1,
    "erf": 1,
    "min": 2,
    "max": 2,
    "where": 3,
    "if": 3,  # the same as where: if(z > 0, z, 0.1 * z)
}
COMPARISONS = ("<=", ">=", "==", "!=", "<", ">")


@dataclass(frozen=True)
class Num:
    value: float


@dataclass(frozen=True)
class Name:
    name: str  # "z" or a parameter


@dataclass(frozen=True)
class Neg:
    arg: Node


@dataclass(frozen=True)
class Bin:
    op: str  # + - * / ^
    left: Node
    right: Node


@dataclass(frozen=True)
class Compare:
    op: str  # one of COMPARISONS
    left: Node
    right: Node


@dataclass(frozen=True)
class Call:
    fn: str  # a key of FUNCTIONS ("if" is read as "where")
    args: tuple[Node, ...]


Node = Num | Name | Neg | Bin | Compare | Call


def size(node: Node) -> int:
    """How many nodes the tree has."""
    return 1 + sum(size(c) for c in children(node))


def children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, Neg):
        return (node.arg,)
    if isinstance(node, Bin | Compare):
        return (node.left, node.right)
    if isinstance(node, Call):
        return node.args
    return ()


def names(node: Node) -> set[str]:
    """Every name the formula reads (z and its parameters)."""
    found = {node.name} if isinstance(node, Name) else set()
    for c in children(node):
        found |= names(c)
    return found
