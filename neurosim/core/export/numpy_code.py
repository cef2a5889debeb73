"""A network as a NumPy script: ``forward(x)`` for a batch, and ``neurosim eval``'s JSON."""

from __future__ import annotations

from neurosim.core.custom_activations import is_formula
from neurosim.core.export import literals as lit
from neurosim.core.export.formulas import activation_sources
from neurosim.core.export.plan import LevelPlan, ScriptPlan, head_fields, plan
from neurosim.core.formula.pysource import argument, script_name
from neurosim.core.model import Network

#: each activation as NumPy code, written so that no exponent overflows for any finite z
#: (the formulas of neurosim.core.activation_kernels, which the engine evaluates)
ACTIVATIONS = {
    "step": "def step(z, threshold):\n    return (z >= threshold).astype(np.float64)\n",
    "linear": "def linear(z, slope):\n    return slope * z\n",
    "sigmoid": (
        "def sigmoid(z):\n"
        "    # 1 / (1 + e^-z) = e^-ln(1 + e^-z); logaddexp never overflows\n"
        "    return np.exp(-np.logaddexp(0.0, -z))\n"
    ),
    "tanh": "def tanh(z):\n    return np.tanh(z)\n",
    "relu": "def relu(z):\n    return np.maximum(z, 0.0)\n",
    "leaky_relu": (
        "def leaky_relu(z, alpha):\n"
        "    # z for z > 0, alpha * z below (0 <= alpha <= 1)\n"
        "    return np.maximum(z, alpha * z)\n"
    ),
    "elu": (
        "def elu(z, alpha):\n"
        "    # z for z > 0, alpha * (e^z - 1) below\n"
        "    return np.maximum(z, 0.0) + alpha * np.expm1(np.clip(z, -40.0, 0.0))\n"
    ),
    "softplus": (
        "def softplus(z):\n"
        "    # ln(1 + e^z) = max(z, 0) + ln(1 + e^-|z|)\n"
        "    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))\n"
    ),
    "gelu": (
        "_erfc = np.vectorize(math.erfc, otypes=[np.float64])\n\n\n"
        "def gelu(z):\n"
        "    # z * Phi(z), Phi the standard normal CDF = erfc(-z / sqrt 2) / 2\n"
        "    return z * 0.5 * _erfc(-z / math.sqrt(2.0))\n"
    ),
    "silu": ("def silu(z):\n    # z * sigmoid(z)\n    return z * np.exp(-np.logaddexp(0.0, -z))\n"),
}

_HEAD = '''"""NeuroSim network "{title}" as NumPy code (exported by NeuroSim {version}).

    python {{this file}}              every neuron's z, y and fired for the saved inputs, as
                                    JSON: the same as `neurosim eval` on the network file
    python {{this file}} 1 0          the same for other input values (in the order of INPUTS)
    z, y, fired = forward(x)        a batch: x has one row per sample, one column per input

Columns of z, y and fired are the neurons in the order of IDS: the inputs, then the network
level by level (a level reads only neurons of earlier levels). z is NaN for inputs.
"""

import json
{math}import sys

import numpy as np

IDS = {ids}
NEURONS = {neurons}  # as the network file lists them
INPUTS = IDS[:{n_inputs}]
INPUT_VALUES = {input_values}
HIDDEN = {hidden}  # columns of hidden neurons: the active fraction counts these
SILENT_EPS = {silent_eps}  # |y| below this counts as a silent (zero) output

# The firing rule of each non-input column: fired when z > THETA (z >= THETA where INCLUSIVE).
THETA = np.array({thresholds})
INCLUSIVE = np.array({inclusive}, dtype=bool)
'''

_REPORT = '''

def report(values=None):
    """Every neuron's z, y, fired and silent for one input row, as `neurosim eval` prints it."""
    z, y, fired = forward(INPUT_VALUES if values is None else values)
    silent = np.abs(y) < SILENT_EPS
    neurons = {}
    for nid in NEURONS:
        col = IDS.index(nid)
        is_input = col < len(INPUTS)
        neurons[nid] = {
            "z": None if is_input else float(z[0, col]),
            "y": float(y[0, col]),
            "fired": None if is_input else bool(fired[0, col]),
            "silent": bool(silent[0, col]),
        }
    active = None
    if HIDDEN:
        active = float((~silent[0, list(HIDDEN)]).sum() / len(HIDDEN))
    return {"neurons": neurons, "active_fraction": active}


if __name__ == "__main__":
    given = [float(a) for a in sys.argv[1:]]
    if given and len(given) != len(INPUTS):
        sys.exit(f"give {len(INPUTS)} input values ({', '.join(INPUTS)}), or none")
    print(json.dumps(report(given or None), indent=2))
'''


def numpy_script(network: Network) -> str:
    p = plan(network)
    sources = activation_sources(p.activations, ACTIVATIONS, "numpy")
    parts = [_head(p, any("math." in text for text in sources))]
    parts += ["\n\n" + text for text in sources]
    for level in p.levels:
        parts.append("\n\n" + _level_constants(p, level))
    parts.append("\n\n" + _forward(p))
    parts.append(_REPORT)
    return "".join(parts)


def _head(p: ScriptPlan, uses_math: bool) -> str:
    return _HEAD.format(math="import math\n" if uses_math else "", **head_fields(p, 15))


def _level_constants(p: ScriptPlan, level: LevelPlan) -> str:
    n = level.number
    sources = p.ids[level.src_lo : level.start]
    rows, cols = level.weights.shape
    empty = "" if rows else f".reshape(0, {cols})"  # a level nothing feeds: biases only
    return (
        f"# Level {n}: {p.names(level.start, level.stop)}"
        f" (reading {p.names(level.src_lo, level.start)})\n"
        f"# W{n}[i, j] is the weight from the i-th to the j-th of them; 0 where no synapse.\n"
        f"W{n} = np.array({lit.matrix(level.weights, sources, '')}){empty}\n"
        f"B{n} = np.array({lit.row(level.bias, ' ' * (len(str(n)) + 12))})"
        f"  # biases of {p.names(level.start, level.stop)}\n"
    )


def call(name: str, z: str, params: dict[str, float | list[float]], array: str) -> str:
    """``relu(z)``, ``step(z, threshold=0.5)``, ``leaky_relu(z, alpha=np.array([…]))``; a
    formula activation's function and parameters carry their script names."""
    args = [z]
    if is_formula(name):
        name, params = script_name(name), {argument(k): v for k, v in params.items()}
    for key, value in params.items():
        text = lit.number(value) if isinstance(value, float) else f"{array}({lit.row(value, '')})"
        args.append(f"{key}={text}")
    return f"{name}({', '.join(args)})"


def _forward(p: ScriptPlan) -> str:
    n = len(p.ids)
    lines = [
        "def forward(x):",
        '    """z, y and fired (arrays of shape (rows, neurons)) for a batch of input rows."""',
        "    x = np.atleast_2d(np.asarray(x, dtype=np.float64))",
        f"    z = np.full((x.shape[0], {n}), np.nan)",
        f"    y = np.empty((x.shape[0], {n}))",
        f"    y[:, :{p.n_inputs}] = x",
    ]
    for level in p.levels:
        a, b, k = level.start, level.stop, level.number
        lines.append(f"    # level {k}: {p.names(a, b)}")
        lines.append(f"    z[:, {a}:{b}] = y[:, {level.src_lo}:{a}] @ W{k} + B{k}")
        for g in level.groups:
            lo, hi = a + g.lo, a + g.hi
            fn = call(g.activation, f"z[:, {lo}:{hi}]", g.params, "np.array")
            lines.append(f"    y[:, {lo}:{hi}] = {fn}  # {p.names(lo, hi)}")
    lines += [
        f"    fired = np.zeros((x.shape[0], {n}), dtype=bool)",
        f"    zn = z[:, {p.n_inputs}:]",
        f"    fired[:, {p.n_inputs}:] = (zn > THETA) | (INCLUSIVE & (zn == THETA))",
        "    return z, y, fired",
    ]
    return "\n".join(lines) + "\n"
