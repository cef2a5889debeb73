"""What every benchmark script shares. Import it before numpy.

Importing sets one BLAS/OpenMP thread (figures must not depend on the core count, and the
app's small matrices get slower with threads), offscreen Qt, and puts the repository on
``sys.path`` so the scripts run from a checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def load_average() -> list[float] | None:
    """The 1, 5 and 15-minute load averages (None where the system keeps none): a figure
    measured on a busy machine says so."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def main(
    doc: str | None,
    run: Callable[..., dict[str, Any]],
    print_table: Callable[[dict[str, Any]], None],
    argv: list[str] | None = None,
) -> int:
    """``--json`` prints one JSON object, otherwise a table; exit 1 when a target is missed.

    ``--quick`` runs ``run(quick=True)``: tiny sizes and few repeats, the same keys, figures
    that mean nothing — a check that the script works. Both add ``load_average`` (taken
    before the run) and ``quick``.
    """
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes: check the script runs (no real figures)"
    )
    args = parser.parse_args(argv)
    load = load_average()
    result = run(quick=True) if args.quick else run()
    result["load_average"] = load
    result["quick"] = args.quick
    if args.json:
        print(json.dumps(result))
    else:
        print_table(result)
        shown = " ".join(f"{x:g}" for x in load) if load else "unknown"
        print(f"\nload average before the run (1, 5, 15 min): {shown}")
        if args.quick:
            print("--quick: tiny sizes, the figures mean nothing")
    return 0 if result.get("ok", True) else 1
