"""Formula activations against built-ins of the same shape, on the decision surface's grid.

    python3 benchmarks/formula.py           a table
    python3 benchmarks/formula.py --json    one JSON object
    python3 benchmarks/formula.py --quick   tiny sizes: the script runs

For each pair, a 2-8-8-1 network (the same weights) with every hidden neuron using the
built-in, then the formula: ``grid200_ms_builtin`` and ``grid200_ms_formula`` through
``Engine.forward`` on the 200×200 float32 grid, and their ratio ``ratio`` (target ≤ 2: a
formula must not make the surface noticeably slower). Also the activation alone on 40,000
values (``kernel_us_builtin``/``kernel_us_formula``).
"""

from __future__ import annotations

import _harness  # noqa: F401  (one BLAS thread, offscreen Qt, repo on sys.path)
import numpy as np
from engine import grid_ms, median_seconds

from neurosim.core.builders import layered_network
from neurosim.core.custom_activations import install
from neurosim.core.formula import formula
from neurosim.core.formula.library import FormulaActivation

TARGET_RATIO = 2.0
#: (built-in, formula of the same function)
PAIRS = {
    "silu": "z * sigmoid(z)",
    "softplus": "log(1 + exp(z))",
    "tanh": "tanh(z)",
    "elu": "where(z > 0, z, exp(z) - 1)",
    "gelu": "z * (1 + erf(z / sqrt(2))) / 2",
}


def network_with(activation: str):
    net = layered_network([2, 8, 8, 1], "tanh", seed=0)
    for n in net.of_kind("hidden"):
        net.set_activation(n.id, activation)
    return net


def run(quick: bool = False) -> dict:
    grid = 20 if quick else 200
    rows = []
    z = np.linspace(-6, 6, 400 if quick else 40_000).astype(np.float32)
    for builtin, text in PAIRS.items():
        name = f"formula_{builtin}"
        act = install(FormulaActivation(name, name, formula(text), "z > 0", ""))
        fast = grid_ms(network_with(builtin), grid, quick)
        slow = grid_ms(network_with(name), grid, quick)
        from neurosim.core.activations import get_activation

        reference = get_activation(builtin)
        block, blocks = (2, 2) if quick else (20, 15)
        k_fast = median_seconds(lambda r=reference: r.f(z), block=block, blocks=blocks) * 1e6
        k_slow = median_seconds(lambda a=act: a.f(z), block=block, blocks=blocks) * 1e6
        rows.append(
            {
                "builtin": builtin,
                "formula": text,
                "grid200_ms_builtin": round(fast, 3),
                "grid200_ms_formula": round(slow, 3),
                "ratio": round(slow / fast, 2),
                "kernel_us_builtin": round(k_fast, 1),
                "kernel_us_formula": round(k_slow, 1),
            }
        )
    worst = max(r["ratio"] for r in rows)
    return {"pairs": rows, "ratio_max": worst, "ok": quick or worst <= TARGET_RATIO}


def print_table(result: dict) -> None:
    print(f"{'built-in':10s} {'formula':34s} {'grid ms':>8s} {'formula':>8s} {'ratio':>6s}")
    for r in result["pairs"]:
        print(
            f"{r['builtin']:10s} {r['formula']:34s} {r['grid200_ms_builtin']:8.2f} "
            f"{r['grid200_ms_formula']:8.2f} {r['ratio']:6.2f}"
        )
    print(f"worst ratio {result['ratio_max']} (target ≤ {TARGET_RATIO})")


def main(argv: list[str] | None = None) -> int:
    return _harness.main(__doc__, run, print_table, argv)


if __name__ == "__main__":
    raise SystemExit(main())
