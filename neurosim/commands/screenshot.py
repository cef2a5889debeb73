"""Render the main window showing a network to a PNG, without a display (for docs and CI)."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from neurosim.commands.common import CliError, load_network, output_path, short

MIN_SIDE, MAX_SIDE = 320, 8192
MAX_TIME = 1_000_000  # steps: a picture, not a benchmark


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("network", metavar="NET.json", help="the network file to show")
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT.png", help="where to write the PNG"
    )
    parser.add_argument(
        "--size", default="1280x800", metavar="WxH", help="window size in pixels (default 1280x800)"
    )
    parser.add_argument(
        "--time",
        type=_steps,
        default=0,
        metavar="T",
        help="show the clock at step T (default 0: the same picture every run)",
    )
    parser.add_argument(
        "--canvas-only", action="store_true", help="only the network, at the given size"
    )
    parser.add_argument(
        "--presentation",
        action="store_true",
        help="the window in presentation mode (large text and neurons, high contrast), for slides",
    )


def _steps(text: str) -> int:
    try:
        steps = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of steps") from None
    if not 0 <= steps <= MAX_TIME:
        raise argparse.ArgumentTypeError(f"{steps} is not a step from 0 to {MAX_TIME}")
    return steps


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text)
    if not match:
        raise CliError(f"--size {text!r}: expected WIDTHxHEIGHT, e.g. 1280x800")
    width, height = int(match[1]), int(match[2])
    for side in (width, height):
        if not MIN_SIDE <= side <= MAX_SIDE:
            raise CliError(f"--size {text!r}: each side must be {MIN_SIDE} to {MAX_SIDE} pixels")
    return width, height


def run(args: argparse.Namespace) -> int:
    size = parse_size(args.size)
    if Path(args.output).suffix.lower() != ".png":
        raise CliError(f"{short(args.output)}: the output must be a .png file")
    output = output_path(args.output, "-o", [args.network])
    network = load_network(args.network)
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # read when the QApplication is made
    from neurosim.ui.app import render_network
    from neurosim.ui.screenshot import Shot

    shot = Shot(size, args.time, args.canvas_only, args.presentation)
    try:
        render_network(network, Path(args.network), output, shot=shot)
    except OSError as exc:
        raise CliError(
            f"{short(args.output)}: cannot write the image ({exc.strerror or exc})"
        ) from None
    return 0
