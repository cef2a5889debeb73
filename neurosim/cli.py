"""The ``neurosim`` command: the GUI by default, headless subcommands for scripts.

    neurosim [FILE]                       open the app (with FILE, or the default example)
    neurosim eval NET.json ...            evaluate a network, print JSON or CSV
    neurosim screenshot NET.json -o PNG   render the main window offscreen
    neurosim export NET.json --to numpy   the network as Python code (numpy or torch)
    neurosim report NET.json -o OUT.html  a lab report: one self-contained HTML page

Bad input exits with status 2 and a single ``error:`` line on stderr — never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import io
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from neurosim.commands import check, evaluate, export, report, screenshot, train
from neurosim.commands.common import CliError

__all__ = ["SUBCOMMANDS", "CliError", "main"]

#: subcommand name -> module in neurosim.commands that provides add_arguments() and run()
SUBCOMMANDS: dict[str, ModuleType] = {
    "eval": evaluate,
    "screenshot": screenshot,
    "train": train,
    "check": check,
    "export": export,
    "report": report,
}


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{self.prog}: {message}")


class _Version(argparse.Action):
    """--version, as argparse's own action prints it; the version is looked up only when
    asked for (it costs the app's start ~40 ms of imports)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
        super().__init__(
            option_strings,
            dest=argparse.SUPPRESS,
            default=argparse.SUPPRESS,
            nargs=0,
            help="show program's version number and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from neurosim import __version__

        print(f"neurosim {__version__}")
        parser.exit()


def _gui_parser() -> Parser:
    parser = Parser(
        prog="neurosim",
        description="NeuroSim: watch artificial neurons fire.",
        epilog="subcommands: " + ", ".join(SUBCOMMANDS) + " (neurosim SUBCOMMAND --help)",
    )
    parser.add_argument("file", nargs="?", help="network file to open (*.nsim.json, *.json)")
    parser.add_argument("--version", action=_Version)
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="check the app: open the window offscreen, run the clock, render a PNG",
    )
    return parser


class _ClosedOutput(io.TextIOBase):
    """Stands for a standard stream the shell closed (``neurosim eval … >&-``): Python
    leaves ``sys.stdout`` None there, and writing to it must fail as an OSError."""

    def writable(self) -> bool:
        return True

    def write(self, _text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    try:
        if args and args[0] in SUBCOMMANDS:
            module = SUBCOMMANDS[args[0]]
            parser = Parser(prog=f"neurosim {args[0]}", description=module.__doc__)
            module.add_arguments(parser)
            status = int(module.run(parser.parse_args(args[1:])) or 0)
            sys.stdout.flush()  # here, so a closed pipe is caught below, not at exit
            return status
        options = _gui_parser().parse_args(args)
        from neurosim.ui.app import run_gui, run_selftest

        if options.selftest:
            return run_selftest()
        return run_gui(options.file)
    except CliError as exc:
        # One line whatever the message holds (an id read from a file may contain a newline).
        print("error: " + " ".join(str(exc).splitlines()), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`neurosim eval net.json | head`): stop quietly, as cat does.
        # stdout is pointed at /dev/null so the final flush at exit cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a program killed by the pipe
    except OSError as exc:
        if exc.errno != errno.EBADF or not isinstance(sys.stdout, _ClosedOutput):
            raise
        if sys.stderr is not None:
            print("error: cannot write the result: standard output is closed", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
