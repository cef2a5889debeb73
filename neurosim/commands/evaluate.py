"""Evaluate a network: print every neuron's z, y and firing state as JSON, or a CSV batch."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import stat
import sys

import numpy as np

from neurosim.commands.common import (
    CliError,
    load_network,
    output_path,
    parse_number,
    write_output,
)
from neurosim.core.csv_table import csv_text
from neurosim.core.engine import Engine
from neurosim.core.model import Network


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("network", metavar="NET.json", help="the network file")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="ID=VALUE",
        help="override an input neuron's value (repeatable)",
    )
    parser.add_argument(
        "--inputs-csv",
        metavar="IN.csv",
        help="evaluate every row of a CSV whose header names the input ids",
    )
    parser.add_argument("--out", metavar="OUT.csv", help="write the CSV here instead of stdout")


def run(args: argparse.Namespace) -> int:
    if args.set and args.inputs_csv:
        # The CSV gives every input a value per row: a --set would be silently overridden.
        raise CliError("--set and --inputs-csv cannot be combined: the CSV sets every input")
    if args.out and not args.inputs_csv:
        raise CliError("--out goes with --inputs-csv")
    out = output_path(args.out, "--out", [args.network, args.inputs_csv]) if args.out else None
    network = load_network(args.network)
    given: dict[str, str] = {}
    for item in args.set:
        _apply_set(network, item, given)
    engine = Engine(network)
    if args.inputs_csv:
        text = _evaluate_csv(network, engine, args.inputs_csv)
        if out is not None:
            write_output(out, text.encode("utf-8"))
        else:
            sys.stdout.write(text)
        return 0
    with np.errstate(over="ignore", invalid="ignore"):
        result = engine.evaluate()
    _check_finite(result.y)
    _check_finite(result.z[:, ~result.is_input])
    af = result.active_fraction
    report = {
        "neurons": {nid: result.of(nid) for nid in network.neurons},
        "active_fraction": None if af is None else float(af[0]),
    }
    print(json.dumps(report, indent=2, allow_nan=False))
    return 0


def _check_finite(y: np.ndarray) -> None:
    # Finite weights and inputs can still overflow (1e200 · 1e200); say so instead of
    # printing inf or NaN, which JSON cannot hold.
    if not np.isfinite(y).all():
        raise CliError(
            "the evaluation overflowed (a value went beyond ±1.8e308); "
            "use smaller weights or inputs"
        )


def _apply_set(network: Network, item: str, given: dict[str, str]) -> None:
    nid, sep, text = item.partition("=")
    if not sep:
        raise CliError(f"--set {item!r}: expected ID=VALUE")
    if nid in given:
        # Two values for one input is a typo more often than an intent: say so, don't pick one.
        raise CliError(f"--set {nid}: given twice ({given[nid]!r} and {text!r}); give it once")
    given[nid] = text
    if nid not in network.neurons:
        raise CliError(f"--set {item!r}: there is no neuron '{nid}'")
    if not network.neurons[nid].is_input:
        raise CliError(f"--set {item!r}: '{nid}' is not an input neuron")
    network.set_value(nid, parse_number(text, f"--set {nid}"))


def _read_csv(path: str) -> list[list[str]]:
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):  # /dev/zero would never end; pipes may
            raise OSError("not a regular file")
        with open(path, "rb") as fh:
            # Decoded whole, so an error's byte offset counts from the start of the file.
            text = fh.read().decode("utf-8-sig")
        return list(csv.reader(io.StringIO(text, newline="")))
    except OSError as exc:
        raise CliError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise CliError(f"{path}: not a UTF-8 text file (byte {exc.start})") from None
    except csv.Error as exc:
        raise CliError(f"{path}: not a valid CSV file ({exc})") from None


def _evaluate_csv(network: Network, engine: Engine, path: str) -> str:
    rows = _read_csv(path)
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()  # spreadsheets end the file with a blank line
    if not rows:
        raise CliError(f"{path}: the file is empty; its first line must name the input ids")
    header = [h.strip() for h in rows[0]]
    input_ids = engine.input_ids
    missing = [i for i in input_ids if i not in header]
    if missing and len(header) == 1 and ";" in header[0]:
        raise CliError(
            f"{path}: the file seems to use ';' as separator; "
            "NeuroSim reads comma-separated values (save the CSV with ',')"
        )
    if missing:
        raise CliError(f"{path}: missing column(s) {', '.join(missing)} (the network's inputs)")
    twice = [i for i in input_ids if header.count(i) > 1]
    if twice:
        columns = ", ".join(str(c + 1) for c, h in enumerate(header) if h == twice[0])
        raise CliError(f"{path}: column {twice[0]} appears more than once (columns {columns})")
    columns = [header.index(i) for i in input_ids]
    values = np.empty((len(rows) - 1, len(input_ids)))
    for r, row in enumerate(rows[1:]):
        if len(row) != len(header):
            raise CliError(
                f"{path}: line {r + 2} has {len(row)} fields, the header has {len(header)}"
            )
        for k, col in enumerate(columns):
            where = f"{path}: line {r + 2}, column {header[col]}"
            values[r, k] = parse_number(row[col].strip(), where)
    outputs = [n.id for n in network.of_kind("output")]
    with np.errstate(over="ignore", invalid="ignore"):
        y = engine.forward(values) if len(values) else np.empty((0, len(engine.compiled.ids)))
    _check_finite(y)
    index = engine.compiled.index
    rows = ([*values[r], *(y[r, index[o]] for o in outputs)] for r in range(len(values)))
    return csv_text([*input_ids, *outputs], rows)
