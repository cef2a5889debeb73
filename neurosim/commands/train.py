"""Train a network by backpropagation and write the trained network.

    neurosim train NET.json --data 'builtin:circle?n=500&noise=0.1' --epochs 200 --out OUT.json

--data takes a CSV whose header names the network's input and output ids, or a built-in set
(options n, noise, seed), its one target copied to every output of a wider network. Without
--data the file's own "dataset" is used, else the lesson's truth table (an exercise's table
goal, outputs named after logic gates). Without --out the trained network goes to stdout and
the summary to stderr. Every other field of the file is kept.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO
from urllib.parse import parse_qsl

from neurosim.commands.common import (
    CliError,
    load_network,
    output_path,
    parse_number,
    write_output,
)
from neurosim.core.dataset_fit import lesson_dataset, widen
from neurosim.core.datasets import BUILTIN_NAMES, Dataset, DatasetError, builtin, load_csv
from neurosim.core.fileformat import dumps
from neurosim.core.losses import LOSS_NAMES
from neurosim.core.model import Network
from neurosim.core.optimizers import OPTIMIZER_NAMES
from neurosim.core.training import (
    EpochRecord,
    Trainer,
    TrainingError,
    embedded_dataset,
    init_weights,
)
from neurosim.core.training_options import (
    BATCH_SIZE,
    EPOCHS,
    LEARNING_RATE,
    SEED,
    OptionError,
)

MAX_EPOCHS = EPOCHS.maximum
BUILTIN_OPTIONS = {"n": int, "noise": float, "seed": int}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter  # keep the example's lines
    parser.add_argument("network", metavar="NET.json", help="the network file")
    parser.add_argument(
        "--data",
        metavar="CSV|builtin:NAME",
        help="training data: a CSV file, or builtin:NAME[?n=N&noise=S&seed=K] "
        f"with NAME one of {', '.join(BUILTIN_NAMES)} "
        "(default: the dataset stored in the network file)",
    )
    parser.add_argument(
        "--epochs",
        type=_whole(EPOCHS.minimum, EPOCHS.maximum),
        required=True,
        metavar="N",
        help="passes over the whole dataset",
    )
    parser.add_argument(
        "--lr",
        default=str(LEARNING_RATE.default),
        metavar="LR",
        help=f"learning rate, {LEARNING_RATE.range_text()} (default {LEARNING_RATE.default})",
    )
    parser.add_argument(
        "--optimizer",
        choices=OPTIMIZER_NAMES,
        default="sgd",
        help="default sgd; momentum uses mu = 0.9",
    )
    parser.add_argument(
        "--batch",
        type=_whole(BATCH_SIZE.minimum, BATCH_SIZE.maximum),
        metavar="B",
        help="mini-batch size (default: the whole dataset)",
    )
    parser.add_argument(
        "--loss",
        choices=LOSS_NAMES,
        default="mse",
        help="mse (default), or bce for sigmoid outputs and 0/1 targets",
    )
    parser.add_argument(
        "--seed",
        type=_whole(SEED.minimum, SEED.maximum),
        default=0,
        metavar="S",
        help="seed for the batch order and --init (default 0)",
    )
    parser.add_argument(
        "--init",
        action="store_true",
        help="draw fresh weights first (Xavier, or He for ReLU-like neurons)",
    )
    parser.add_argument(
        "--out", metavar="OUT.json", help="write the trained network here (default: stdout)"
    )


def run(args: argparse.Namespace) -> int:
    network = load_network(args.network)
    lr = parse_number(args.lr, "--lr")
    try:
        LEARNING_RATE.check(lr)
    except OptionError as exc:
        raise CliError(f"--lr: {exc}") from None
    # Checked before training rather than after; the trained network never replaces the
    # untrained one or the data it learned from (one typo would lose the original).
    data_file = args.data if args.data and not args.data.startswith("builtin:") else None
    out = output_path(args.out, "--out", [args.network, data_file]) if args.out else None
    dataset = _dataset(args.data, network, args.network)
    if args.init:
        init_weights(network, args.seed)
    try:
        trainer = Trainer(
            network,
            dataset,
            loss=args.loss,
            optimizer=args.optimizer,
            lr=lr,
            batch_size=args.batch,
            seed=args.seed,
        )
    except (TrainingError, DatasetError) as exc:
        raise CliError(str(exc)) from None
    reason = trainer.zero_gradient_reason()
    if reason is not None:
        raise CliError(reason)
    start = trainer.measure()
    progress = Progress(args.epochs, sys.stderr)
    try:
        for _ in range(args.epochs):
            progress.update(trainer.step_epoch())
    except TrainingError as exc:
        progress.close()
        raise CliError(str(exc)) from None
    progress.close()
    trainer.write_back()
    summary = sys.stdout
    if out is not None:
        write_output(out, dumps(network).encode("utf-8"))
    else:
        sys.stdout.write(dumps(network))
        summary = sys.stderr
    print(_summary(start, trainer.history[-1]), file=summary)
    return 0


def _whole(lo: int, hi: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{value} is out of range [{lo}, {hi}]")
        return value

    return parse


def _dataset(spec: str | None, network: Network, path: str) -> Dataset:
    try:
        if spec is None:
            # the file's own data, else what the lesson implies (as the Train panel)
            dataset = embedded_dataset(network) or lesson_dataset(network)
            if dataset is None:
                raise CliError(f"{path} stores no dataset; give --data CSV or --data builtin:NAME")
            return dataset
        if spec.startswith("builtin:"):
            return widen(parse_builtin(spec), network)  # one target for each output
        return load_csv(
            spec,
            [n.id for n in network.of_kind("input")],
            [n.id for n in network.of_kind("output")],
        )
    except DatasetError as exc:
        where = f"{path}: " if spec is None else ""
        raise CliError(f"{where}{exc}") from None


def parse_builtin(spec: str) -> Dataset:
    """``builtin:NAME?n=500&noise=0.1&seed=3`` → the dataset; bad parts raise CliError."""
    name, _, query = spec[len("builtin:") :].partition("?")
    if name not in BUILTIN_NAMES:
        raise CliError(
            f"--data {spec}: unknown built-in dataset {name!r}; known: {', '.join(BUILTIN_NAMES)}"
        )
    options: dict[str, float | int] = {}
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        raise CliError(f"--data {spec}: options must look like n=500&noise=0.1&seed=3") from None
    for key, text in pairs:
        if key not in BUILTIN_OPTIONS:
            raise CliError(
                f"--data {spec}: unknown option {key!r}; known: {', '.join(BUILTIN_OPTIONS)}"
            )
        if key in options:
            raise CliError(f"--data {spec}: option {key!r} given twice")
        try:
            options[key] = BUILTIN_OPTIONS[key](text)
        except ValueError:
            kind = "a whole number" if BUILTIN_OPTIONS[key] is int else "a number"
            raise CliError(f"--data {spec}: {key}={text!r} is not {kind}") from None
    try:
        return builtin(name, **options)  # type: ignore[arg-type]
    except DatasetError as exc:
        raise CliError(f"--data {spec}: {exc}") from None


def _summary(start: EpochRecord, last: EpochRecord) -> str:
    text = f"trained {last.epoch} epochs: loss {last.loss:.6g} (was {start.loss:.6g})"
    if last.accuracy is not None:
        text += f", accuracy {last.accuracy:.1%} (was {start.accuracy:.1%})"
    return text


class Progress:
    """A one-line bar on a terminal; elsewhere a plain line about every 10% of the epochs."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream = total, stream
        self.bar = bool(getattr(stream, "isatty", lambda: False)())
        self._last_draw = 0.0
        self._drawn = False

    def update(self, record: EpochRecord) -> None:
        e, n = record.epoch, self.total
        text = f"epoch {e}/{n}  loss {record.loss:.6g}"
        if record.accuracy is not None:
            text += f"  accuracy {record.accuracy:.1%}"
        if self.bar:
            now = time.monotonic()
            if now - self._last_draw < 0.1 and e < n:
                return  # at most ten redraws a second
            self._last_draw = now
            filled = self.WIDTH * e // n
            self.stream.write(f"\r[{'#' * filled}{'-' * (self.WIDTH - filled)}] {text}\x1b[K")
            self.stream.flush()
            self._drawn = True
        elif e * 10 // n != (e - 1) * 10 // n or e == n:
            print(text, file=self.stream)

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
