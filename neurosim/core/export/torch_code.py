"""A network as a PyTorch module: the weights as parameters, masked to the drawn synapses."""

from __future__ import annotations

from neurosim.core.export import literals as lit
from neurosim.core.export.formulas import activation_sources
from neurosim.core.export.numpy_code import call
from neurosim.core.export.plan import LevelPlan, ScriptPlan, head_fields, plan
from neurosim.core.model import Network

#: each activation in torch, with the same formulas (and tails) as the engine
ACTIVATIONS = {
    "step": "def step(z, threshold):\n    return (z >= threshold).to(z.dtype)\n",
    "linear": "def linear(z, slope):\n    return slope * z\n",
    "sigmoid": "def sigmoid(z):\n    return torch.sigmoid(z)\n",
    "tanh": "def tanh(z):\n    return torch.tanh(z)\n",
    "relu": "def relu(z):\n    return torch.relu(z)\n",
    "leaky_relu": (
        "def leaky_relu(z, alpha):\n"
        "    # z for z > 0, alpha * z below (0 <= alpha <= 1)\n"
        "    return torch.maximum(z, alpha * z)\n"
    ),
    "elu": (
        "def elu(z, alpha):\n"
        "    # z for z > 0, alpha * (e^z - 1) below; clamped so the unused branch stays finite\n"
        "    return torch.clamp(z, min=0.0) + alpha * torch.expm1(torch.clamp(z, -40.0, 0.0))\n"
    ),
    "softplus": (
        "def softplus(z):\n"
        "    # ln(1 + e^z) exactly (torch's softplus switches to z above 20)\n"
        "    return torch.logaddexp(z, torch.zeros_like(z))\n"
    ),
    "gelu": "def gelu(z):\n    return F.gelu(z)  # z * Phi(z), with erf\n",
    "silu": "def silu(z):\n    return F.silu(z)  # z * sigmoid(z)\n",
}

_HEAD = '''"""NeuroSim network "{title}" as a PyTorch module (exported by NeuroSim {version}).

    python {{this file}}              every neuron's z, y and fired for the saved inputs, as
                                    JSON: the same as `neurosim eval` on the network file
    python {{this file}} 1 0          the same for other input values (in the order of INPUTS)
    net = Network(); z, y = net(x)  a batch: x has one row per sample, one column per input

Columns of z and y are the neurons in the order of IDS: the inputs, then the network level
by level (a level reads only neurons of earlier levels). z is NaN for inputs. Each level's
weights are one parameter matrix; entries where the network has no synapse are held at 0 by
a mask, so training changes only the drawn synapses (and every bias).
"""

import json
import math
import sys

import torch
import torch.nn.functional as F
from torch import nn

IDS = {ids}
NEURONS = {neurons}  # as the network file lists them
INPUTS = IDS[:{n_inputs}]
INPUT_VALUES = {input_values}
HIDDEN = {hidden}  # columns of hidden neurons: the active fraction counts these
SILENT_EPS = {silent_eps}  # |y| below this counts as a silent (zero) output

# The firing rule of each non-input column: fired when z > THETA (z >= THETA where INCLUSIVE).
THETA = torch.tensor({thresholds}, dtype=torch.float64)
INCLUSIVE = torch.tensor({inclusive}, dtype=torch.bool)
'''

_REPORT = '''

def fired(z):
    """Bool tensor: which neurons fired (False for the inputs)."""
    out = torch.zeros(z.shape, dtype=torch.bool)
    zn = z[:, len(INPUTS):]
    out[:, len(INPUTS):] = (zn > THETA) | (INCLUSIVE & (zn == THETA))
    return out


def report(values=None):
    """Every neuron's z, y, fired and silent for one input row, as `neurosim eval` prints it."""
    with torch.no_grad():
        z, y = Network()([INPUT_VALUES if values is None else values])
    fire = fired(z)
    silent = y.abs() < SILENT_EPS
    neurons = {}
    for nid in NEURONS:
        col = IDS.index(nid)
        is_input = col < len(INPUTS)
        neurons[nid] = {
            "z": None if is_input else float(z[0, col]),
            "y": float(y[0, col]),
            "fired": None if is_input else bool(fire[0, col]),
            "silent": bool(silent[0, col]),
        }
    active = None
    if HIDDEN:
        active = float((~silent[0, list(HIDDEN)]).sum()) / len(HIDDEN)
    return {"neurons": neurons, "active_fraction": active}


if __name__ == "__main__":
    given = [float(a) for a in sys.argv[1:]]
    if given and len(given) != len(INPUTS):
        sys.exit(f"give {len(INPUTS)} input values ({', '.join(INPUTS)}), or none")
    print(json.dumps(report(given or None), indent=2))
'''


def torch_script(network: Network) -> str:
    p = plan(network)
    parts = [_head(p)]
    parts += ["\n\n" + text for text in activation_sources(p.activations, ACTIVATIONS, "torch")]
    parts.append("\n\n" + _module(p))
    parts.append(_REPORT)
    return "".join(parts)


def _head(p: ScriptPlan) -> str:
    return _HEAD.format(**head_fields(p, 20))


def _tensor(text: str, rows: int, cols: int | None = None) -> str:
    shape = f".reshape(0, {cols})" if rows == 0 else ""
    return f"torch.tensor({text}, dtype=torch.float64){shape}"


def _init_level(p: ScriptPlan, level: LevelPlan) -> list[str]:
    n, (rows, cols) = level.number, level.weights.shape
    sources = p.ids[level.src_lo : level.start]
    pad = " " * 8
    lines = [
        f"{pad}# level {n}: {p.names(level.start, level.stop)}"
        f" (reading {p.names(level.src_lo, level.start)})",
        f"{pad}self.w{n} = nn.Parameter(",
        f"{pad}    {_tensor(lit.matrix(level.weights, sources, pad + '    '), rows, cols)}",
        f"{pad})",
        f"{pad}self.b{n} = nn.Parameter({_tensor(lit.row(level.bias, pad + '    '), 1)})",
    ]
    if not level.synapse.all():
        mask = lit.matrix(level.synapse.astype(float), sources, pad + "    ")
        lines += [
            f"{pad}# m{n}: 1 where a synapse is, 0 where the weight must stay 0",
            f'{pad}self.register_buffer("m{n}", {_tensor(mask, rows, cols)})',
        ]
    return lines


def _forward_level(p: ScriptPlan, level: LevelPlan) -> list[str]:
    n, a, b = level.number, level.start, level.stop
    weights = f"self.w{n}" if level.synapse.all() else f"(self.w{n} * self.m{n})"
    lines = [
        f"        # level {n}: {p.names(a, b)}",
        f"        z = torch.cat(ys, 1)[:, {level.src_lo}:{a}] @ {weights} + self.b{n}",
    ]
    outs = []
    for g in level.groups:
        outs.append(call(g.activation, f"z[:, {g.lo}:{g.hi}]", g.params, "_column"))
        lines.append(f"        # {g.activation}: {p.names(a + g.lo, a + g.hi)}")
    joined = outs[0] if len(outs) == 1 else "torch.cat([" + ", ".join(outs) + "], 1)"
    lines += ["        zs.append(z)", f"        ys.append({joined})"]
    return lines


def _module(p: ScriptPlan) -> str:
    lines = [
        "def _column(values):",
        "    return torch.tensor(values, dtype=torch.float64)",
        "",
        "",
        "class Network(nn.Module):",
        f'    """The network "{lit.in_docstring(p.title)}":',
        '    forward(x) -> (z, y), every neuron’s net input and output."""',
        "",
        "    def __init__(self):",
        "        super().__init__()",
    ]
    for level in p.levels:
        lines += _init_level(p, level)
    lines += [
        "",
        "    def forward(self, x):",
        "        x = torch.as_tensor(x, dtype=torch.float64)",
        "        x = x.reshape(1, -1) if x.dim() == 1 else x",
        "        ys = [x]  # the outputs y, a block of columns per level",
        "        zs = [torch.full_like(x, math.nan)]",
    ]
    for level in p.levels:
        lines += _forward_level(p, level)
    lines.append("        return torch.cat(zs, 1), torch.cat(ys, 1)")
    return "\n".join(lines) + "\n"
