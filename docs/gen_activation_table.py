"""Print the activation table of docs/file-format.md from the registry.

    python3 docs/gen_activation_table.py            print the markdown table
    python3 docs/gen_activation_table.py --update   rewrite the table inside docs/file-format.md

The doc holds the table between the two MARKERS lines; tests/test_file_format_doc.py fails
when it differs from what this script prints, so the doc cannot drift from the code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from neurosim.core.activations import REGISTRY, Activation  # noqa: E402

DOC = ROOT / "docs" / "file-format.md"
MARKERS = ("<!-- activation-table:start -->", "<!-- activation-table:end -->")


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _params(act: Activation) -> str:
    if not act.params:
        return "—"
    return "<br>".join(
        f"`{p.name}` = {_num(p.default)}, in [{_num(p.minimum)}, {_num(p.maximum)}]"
        for p in act.params
    )


def _fires(act: Activation) -> str:
    rule = act.firing
    return f"z {rule.relation} `{rule.param}`" if rule.param else rule.text(rule.theta)


def table() -> str:
    """The markdown table, one row per registered activation, in registry order."""
    lines = [
        "| `name` | Activation | Formula | `params` (default, range) | Fires when |",
        "|---|---|---|---|---|",
    ]
    for act in REGISTRY.values():
        lines.append(
            f"| `{act.name}` | {_cell(act.title)} | {_cell(act.formula)} "
            f"| {_params(act)} | {_fires(act)} |"
        )
    return "\n".join(lines) + "\n"


def replace_table(doc: str, new_table: str) -> str:
    """``doc`` with the text between the markers replaced by ``new_table``."""
    start, end = doc.index(MARKERS[0]), doc.index(MARKERS[1])
    return doc[: start + len(MARKERS[0])] + "\n" + new_table + doc[end:]


def table_in_doc(doc: str) -> str:
    start, end = doc.index(MARKERS[0]), doc.index(MARKERS[1])
    return doc[start + len(MARKERS[0]) : end].lstrip("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help=f"rewrite the table in {DOC.name}")
    args = parser.parse_args(argv)
    if args.update:
        DOC.write_text(replace_table(DOC.read_text("utf-8"), table()), "utf-8")
    else:
        sys.stdout.write(table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
