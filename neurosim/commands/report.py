"""Write a lab report: one self-contained HTML file with the network's picture, its neurons
and weights, its exercise checked, its notes, and (with --epochs) a training run.

    neurosim report NET.json -o REPORT.html [--epochs N]

The app's File ▸ Export Report… writes the same page with the window's plots and the list of
edits made in the session.
"""

from __future__ import annotations

import argparse

from neurosim.commands.common import CliError, load_network, output_path, write_output
from neurosim.core.report import report_html
from neurosim.core.report.headless import headless_parts
from neurosim.core.training import TrainingError
from neurosim.core.validate import FileFormatError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("network", metavar="NET.json", help="the network file")
    parser.add_argument("-o", "--out", required=True, metavar="OUT.html", help="the report")
    parser.add_argument(
        "--epochs",
        type=int,
        default=0,
        metavar="N",
        help="train N epochs first (the file's data or its lesson's truth table, the "
        "lesson's suggested settings) and report the run",
    )


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.epochs <= 100_000:
        raise CliError(f"--epochs must be a whole number from 0 to 100000, not {args.epochs}")
    out = output_path(args.out, "--out", [args.network])
    network = load_network(args.network)
    try:
        parts = headless_parts(network, args.network, args.epochs)
    except (TrainingError, FileFormatError) as exc:
        raise CliError(str(exc)) from None
    write_output(out, report_html(parts).encode("utf-8"))
    return 0
