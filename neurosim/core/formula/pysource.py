"""A formula tree written as Python source for an exported script (NumPy or PyTorch): the
same function, readable, self-contained. Only our own tree is written out, so the source
can hold nothing the grammar did not allow."""

from __future__ import annotations

from neurosim.core.formula.nodes import Bin, Call, Compare, Name, Neg, Node, Num, names
from neurosim.core.formula.numeric import normalise

#: per library, how each function is written (helpers the script defines start with _)
FUNCTIONS = {
    "numpy": {
        "exp": "np.exp",
        "log": "np.log",
        "log1p": "np.log1p",
        "sqrt": "np.sqrt",
        "abs": "np.abs",
        "sign": "np.sign",
        "sin": "np.sin",
        "cos": "np.cos",
        "tanh": "np.tanh",
        "sigmoid": "_sigmoid",
        "softplus": "_softplus",
        "erf": "_erf",
        "min": "np.minimum",
        "max": "np.maximum",
        "where": "np.where",
    },
    "torch": {
        "exp": "torch.exp",
        "log": "torch.log",
        "log1p": "torch.log1p",
        "sqrt": "torch.sqrt",
        "abs": "torch.abs",
        "sign": "torch.sign",
        "sin": "torch.sin",
        "cos": "torch.cos",
        "tanh": "torch.tanh",
        "sigmoid": "torch.sigmoid",
        "softplus": "_softplus",
        "erf": "torch.erf",
        "min": "torch.minimum",
        "max": "torch.maximum",
        "where": "torch.where",
    },
}
#: helper definitions a script needs for the functions it uses
HELPERS = {
    "numpy": {
        "_sigmoid": "def _sigmoid(u):\n    return np.exp(-np.logaddexp(0.0, -u))\n",
        "_softplus": "def _softplus(u):\n    return np.logaddexp(0.0, u)\n",
        "_erf": "_erf = np.vectorize(math.erf, otypes=[np.float64])\n",
    },
    "torch": {
        "_softplus": "def _softplus(u):\n    return torch.logaddexp(u, torch.zeros_like(u))\n",
        "_c": "def _c(value, like):\n    return torch.full_like(like, value)\n",
    },
}


def _expr(node: Node, lib: str) -> str:
    if isinstance(node, Num):
        # a tensor in torch: torch.minimum/maximum/where need tensors on both sides
        return f"_c({node.value!r}, z)" if lib == "torch" else repr(node.value)
    if isinstance(node, Name):
        return node.name if node.name == "z" else argument(node.name)
    if isinstance(node, Neg):
        return f"(-{_expr(node.arg, lib)})"
    if isinstance(node, Bin):
        op = "**" if node.op == "^" else node.op
        return f"({_expr(node.left, lib)} {op} {_expr(node.right, lib)})"
    if isinstance(node, Compare):
        return f"({_expr(node.left, lib)} {node.op} {_expr(node.right, lib)})"
    assert isinstance(node, Call)
    args = ", ".join(_expr(a, lib) for a in node.args)
    return f"{FUNCTIONS[lib][node.fn]}({args})"


def argument(param: str) -> str:
    """A parameter's name in the script ("lambda" is a Python keyword: p_lambda)."""
    return f"p_{param}"


def script_name(activation: str) -> str:
    """The script's function for a formula activation (never a helper's or a keyword)."""
    return f"f_{activation}"


def helpers_used(node: Node, lib: str) -> list[str]:
    text = _expr(normalise(node), lib)
    return [name for name in HELPERS[lib] if f"{name}(" in text]


def function_source(name: str, node: Node, params: dict[str, float], lib: str) -> str:
    """``def name(z, p=default, …): return …`` for the formula (stable form)."""
    stable = normalise(node)
    used = [p for p in params if p in names(stable)]
    signature = ", ".join(["z", *(f"{argument(p)}={params[p]!r}" for p in used)])
    return f"def {name}({signature}):\n    return {_expr(stable, lib)}\n"
