"""A formula tree written back as text that parses to the same tree (shown beside the
formula in the dialog: the derivative as the program derived it)."""

from __future__ import annotations

from neurosim.core.formula.nodes import Bin, Call, Compare, Name, Neg, Node, Num

_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 3, "^": 4}


def _number(x: float) -> str:
    text = repr(float(x))
    return text[:-2] if text.endswith(".0") else text


def _level(node: Node) -> int:
    if isinstance(node, Bin):
        return _PRECEDENCE[node.op]
    if isinstance(node, Neg):
        return _PRECEDENCE["neg"]
    if isinstance(node, Num) and node.value < 0:
        return _PRECEDENCE["neg"]
    return 9


def to_text(node: Node) -> str:
    if isinstance(node, Num):
        return _number(node.value)
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Neg):
        inner = to_text(node.arg)
        return f"-{inner}" if _level(node.arg) > _PRECEDENCE["neg"] else f"-({inner})"
    if isinstance(node, Compare):
        return f"{to_text(node.left)} {node.op} {to_text(node.right)}"
    if isinstance(node, Call):
        return f"{node.fn}({', '.join(to_text(a) for a in node.args)})"
    mine = _PRECEDENCE[node.op]
    left, right = to_text(node.left), to_text(node.right)
    # ^ groups to the right, the others to the left: parenthesise the other side at equal rank
    if _level(node.left) < mine or (node.op == "^" and _level(node.left) == mine):
        left = f"({left})"
    if _level(node.right) < mine or (node.op != "^" and _level(node.right) == mine):
        right = f"({right})"
    return f"{left} {node.op} {right}"
