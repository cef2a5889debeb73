"""Grade a student's saved network against an exercise: every goal, and the locked parts.

Exit status: 0 solved, 1 not solved, 2 bad input. Grade a folder with a shell loop:
    for f in submissions/*.nsim.json; do neurosim check EXERCISE.nsim.json "$f"; done
"""

from __future__ import annotations

import argparse
import json
import sys

from neurosim.commands.common import CliError, load_network
from neurosim.core.exercise.checks import GoalResult, Report
from neurosim.core.exercise.grading import grade
from neurosim.core.exercise.reading import exercise_of
from neurosim.core.exercise.section import Exercise
from neurosim.core.localized_text import english
from neurosim.core.validate import FileFormatError

# For a terminal or file that cannot show the symbols (Windows cp1252 pipes, LANG=C).
ASCII = {"✓": "[ok]", "✗": "[FAIL]", "→": "->", "±": "+/-", "≥": ">=", "≤": "<=", "—": "-"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "exercise",
        metavar="EXERCISE.json",
        help="the exercise file (a network file with an 'exercise' section)",
    )
    parser.add_argument("submission", metavar="SUBMISSION.json", help="the student's saved network")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"solved": …, "results": […]} instead of a report',
    )


def run(args: argparse.Namespace) -> int:
    exercise_network = load_network(args.exercise)
    try:
        exercise = exercise_of(exercise_network)
    except FileFormatError as exc:
        raise CliError(f"{args.exercise}: {exc}") from None
    if exercise is None:
        raise CliError(
            f"{args.exercise}: this network file has no 'exercise' section, "
            "so there is nothing to check against"
        )
    submission = load_network(args.submission)
    report = grade(exercise_network, submission)
    if args.json:
        text = json.dumps(report.to_dict(), indent=2, ensure_ascii=False, allow_nan=False)
    else:
        title = english(exercise_network.meta.get("title")) or "exercise"
        text = format_report(report, exercise, f"{args.submission} — {title}")
    _write(text + "\n")
    return 0 if report.solved else 1


def format_report(report: Report, exercise: Exercise, heading: str) -> str:
    """The text report: ✓/✗ per goal row, the locked parts, a verdict line."""
    lines = [heading]
    goals = [r for r in report.results if r.goal_index is not None]
    locked = [r for r in report.results if r.goal_index is None]
    current = None
    for r in goals:
        if r.goal_index != current:
            current = r.goal_index
            title = english(exercise.goals[current].title)
            lines.append(f"Goal {current + 1}" + (f" — {title}:" if title else ":"))
        lines.append(_line(r))
    if locked:
        broken = [r for r in locked if not r.passed]
        if broken:
            lines.append("Locked parts:")
            lines.extend(_line(r) for r in broken)
        else:
            lines.append(f"Locked parts:\n  ✓ all {len(locked)} unchanged")
    failed = len(report.failed)
    lines.append(
        "SOLVED ✓"
        if report.solved
        else f"NOT SOLVED ✗ — {failed} of {len(report.results)} checks failed"
    )
    return "\n".join(lines)


def _line(r: GoalResult) -> str:
    mark = "✓" if r.passed else "✗"
    return f"  {mark} {r.label}" + (f": {r.detail}" if r.detail else "")


def _write(text: str) -> None:
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        for symbol, plain in ASCII.items():
            text = text.replace(symbol, plain)
        text = text.encode(encoding, errors="replace").decode(encoding, errors="replace")
    sys.stdout.write(text)
