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


def main(
    doc: str | None,
    run: Callable[[], dict[str, Any]],
    print_table: Callable[[dict[str, Any]], None],
    argv: list[str] | None = None,
) -> int:
    """``--json`` prints one JSON object, otherwise a table; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = run()
    if args.json:
        print(json.dumps(result))
    else:
        print_table(result)
    return 0 if result.get("ok", True) else 1
