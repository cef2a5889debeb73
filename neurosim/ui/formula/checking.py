"""What the New Activation dialog checks as the user types: the name, the parameters and the
formula, each problem in words (and, for the formula, the column and a hint). Qt-free but
for the translated texts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from neurosim.core.custom_activations import BUILT_IN, INSTALLED
from neurosim.core.formula import Formula, FormulaError, formula
from neurosim.core.formula.library import FormulaActivation, section_entry
from neurosim.core.formula.parser import NAME
from neurosim.core.model import Network
from neurosim.core.numbers import parse_typed
from neurosim.ui.formula.messages import formula_message
from neurosim.ui.i18n import translate

MAX_NAME = 40
_PARAM = re.compile(r"\s*([^=\s]+)\s*=\s*(.*?)\s*")


@dataclass(frozen=True)
class Problem:
    """One thing wrong: ``part`` is "name", "params" or "formula"; ``column`` (1-based) and
    ``token`` (how many characters) mark the spot in the formula, ``hint`` a suggestion."""

    part: str
    text: str
    column: int | None = None
    token: int = 1
    hint: str = ""


@dataclass(frozen=True)
class Fields:
    """What the dialog's fields hold."""

    name: str
    formula: str
    params: str = ""
    fires: str = "z > 0"
    title: str = ""
    description: str = ""


@dataclass(frozen=True)
class Checked:
    """The checked fields: the formula (when it parses, to draw it even without a name), the
    activation to add (when nothing is wrong), and the problems."""

    formula: Formula | None
    activation: FormulaActivation | None
    problems: tuple[Problem, ...]

    def problem(self, part: str) -> Problem | None:
        return next((p for p in self.problems if p.part == part), None)


def parse_params(text: str) -> dict[str, float]:
    """``"beta = 1, alpha = 0.5"`` as a dict; ValueError (translated) when malformed."""
    params: dict[str, float] = {}
    for piece in filter(str.strip, text.split(",")):
        m = _PARAM.fullmatch(piece)
        if m is None:
            raise ValueError(
                translate(
                    "NewActivationDialog", "Write each parameter as name = number: {part}"
                ).format(part=piece.strip())
            )
        try:
            params[m.group(1)] = parse_typed(m.group(2))
        except ValueError:
            raise ValueError(
                translate("NewActivationDialog", "The default of {name} is not a number").format(
                    name=m.group(1)
                )
            ) from None
    return params


def params_text(params: dict[str, float]) -> str:
    """The parameters as the field shows them, every digit kept: "beta = 1, alpha = 0.5"."""
    return ", ".join(f"{k} = {_number(v)}" for k, v in params.items())


def _number(x: float) -> str:
    """Every digit of ``x``, without a trailing ".0" (1.0507009873554805, 1)."""
    text = repr(float(x))
    return text.removesuffix(".0")


def _name_problem(name: str) -> str | None:
    if not name:
        return translate("NewActivationDialog", "Give the activation a name")
    if not NAME.fullmatch(name) or len(name) > MAX_NAME:
        return translate(
            "NewActivationDialog",
            "A name is letters, digits and _, starting with a letter or _ (at most 40)",
        )
    if name in BUILT_IN:
        return translate(
            "NewActivationDialog", "“{name}” is a built-in activation: choose another name"
        ).format(name=name)
    return None


def _clash(fa: FormulaActivation, network: Network) -> str | None:
    """Why ``fa`` cannot be added under its name: the session gives the name another
    formula, or the network has it already."""
    known = INSTALLED.get(fa.name)
    if known is None:
        return None
    mine = (fa.formula.text, dict(fa.formula.params), fa.fires)
    if (known.formula.text, dict(known.formula.params), known.fires) != mine:
        return translate(
            "NewActivationDialog",
            "This session already has an activation “{name}” (y = {formula}): choose another name",
        ).format(name=fa.name, formula=known.formula.text)
    if fa.name in network.formula_activations:
        return translate("NewActivationDialog", "The network already has “{name}”").format(
            name=fa.name
        )
    return None


def check(fields: Fields, network: Network) -> Checked:
    """Check everything the dialog holds against the open ``network``."""
    problems: list[Problem] = []
    name = fields.name.strip()
    parsed: Formula | None = None
    try:
        params = parse_params(fields.params)
    except ValueError as exc:
        problems.append(Problem("params", str(exc)))
    else:
        try:
            parsed = formula(fields.formula.strip(), params)
        except FormulaError as exc:
            problems.append(_formula_problem(exc, fields.formula))
    name_problem = _name_problem(name)
    if name_problem:
        problems.append(Problem("name", name_problem))
    if parsed is None or problems:
        return Checked(parsed, None, tuple(problems))
    entry = {
        "formula": parsed.text,
        "params": dict(parsed.params),
        "fires": fields.fires,
        "title": fields.title.strip() or name,
        "description": fields.description.strip(),
    }
    try:
        activation = section_entry(name, entry, name)
    except FormulaError as exc:  # a title or description too long
        return Checked(parsed, None, (Problem("name", str(exc)),))
    clash = _clash(activation, network)
    if clash:
        return Checked(parsed, None, (Problem("name", clash),))
    return Checked(parsed, activation, ())


def _formula_problem(exc: FormulaError, text: str) -> Problem:
    """The parser's error as the dialog shows it. The column counts in the stripped text the
    parser read; shift it back to the field's own characters."""
    column = exc.column
    if column is not None:
        column += len(text) - len(text.lstrip())
        rest = text[column - 1 :]
        m = re.match(r"[A-Za-z_][A-Za-z_0-9]*|\d+\.?\d*", rest)
        token = len(m.group()) if m else 1
    else:
        token = 1
    message, hint = formula_message(exc)
    return Problem("formula", message, column, token, hint)
