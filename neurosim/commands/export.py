"""Export a network as Python code: a NumPy script or a PyTorch module.

    neurosim export NET.json --to numpy [-o OUT.py]

The script holds the weights as literals and computes what ``neurosim eval`` computes; run
it to print the same JSON. Without -o it is printed to standard output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from neurosim.commands.common import CliError, load_network, output_path, write_output
from neurosim.core.export import TARGETS, export_code

#: module names a script must not take: it would import itself instead of the library
SHADOWED = frozenset({"numpy", "torch", "json", "math", "sys"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("network", metavar="NET.json", help="the network file")
    parser.add_argument(
        "--to",
        required=True,
        choices=sorted(TARGETS),
        help="numpy: functions on arrays; torch: an nn.Module whose parameters train",
    )
    parser.add_argument("-o", "--out", metavar="OUT.py", help="write the script here")


def script_name_problem(path: str | Path) -> str | None:
    """Why a script may not be called ``path`` (it would shadow a module it imports)."""
    stem = Path(path).stem
    if Path(path).suffix == ".py" and stem in SHADOWED:
        return (
            f"a script named {Path(path).name} would hide the {stem} library it imports; "
            "choose another name"
        )
    return None


def run(args: argparse.Namespace) -> int:
    out = output_path(args.out, "--out", [args.network]) if args.out else None
    if out is not None and (problem := script_name_problem(out)):
        raise CliError(f"--out {args.out}: {problem}")
    text = export_code(load_network(args.network), args.to)
    if out is None:
        sys.stdout.write(text)
    else:
        write_output(out, text.encode("utf-8"))
    return 0
