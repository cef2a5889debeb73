"""The formula parser's messages (English, as the CLI prints them) in the user's language:
each message shape the core writes is matched and said again through :func:`translate`.
A message of a shape not listed here is shown as it is."""

from __future__ import annotations

import re
from collections.abc import Callable

from neurosim.core.formula import FormulaError
from neurosim.ui.i18n import translate

Say = Callable[[re.Match[str]], str]

MESSAGES: tuple[tuple[str, Say], ...] = (
    (
        r"unknown function '(\w+)'",
        lambda m: translate("FormulaMessages", "Unknown function “{name}”").format(name=m[1]),
    ),
    (
        r"unknown name '(\w+)'",
        lambda m: translate("FormulaMessages", "Unknown name “{name}”").format(name=m[1]),
    ),
    (
        r"unexpected character (.+)",
        lambda m: translate("FormulaMessages", "This character is not allowed: {char}").format(
            char=m[1]
        ),
    ),
    (
        r"expected a number, z, a parameter or '\(', found the end of the formula",
        lambda m: translate(
            "FormulaMessages",
            "The formula ends too early: a number, z, a parameter or ( is missing",
        ),
    ),
    (
        r"expected a number, z, a parameter or '\(', found (.+)",
        lambda m: translate(
            "FormulaMessages", "Expected a number, z, a parameter or (, not {found}"
        ).format(found=m[1]),
    ),
    (
        r"expected (.+), found the end",
        lambda m: translate("FormulaMessages", "{what} is missing").format(what=m[1]),
    ),
    (
        r"expected (.+), found (.+)",
        lambda m: translate("FormulaMessages", "Expected {what}, not {found}").format(
            what=m[1], found=m[2]
        ),
    ),
    (
        r"unexpected (.+)",
        lambda m: translate("FormulaMessages", "Unexpected {found}").format(found=m[1]),
    ),
    (
        r"(\w+) is a function: write .*",
        lambda m: translate("FormulaMessages", "{name} is a function: write {name}(…)").format(
            name=m[1]
        ),
    ),
    (
        r"(\w+) takes (\d+) arguments?, not (\d+)",
        lambda m: translate("FormulaMessages", "{name} takes {n} argument(s), not {k}").format(
            name=m[1], n=m[2], k=m[3]
        ),
    ),
    (
        r"(\w+)'s first argument is a comparison.*",
        lambda m: translate(
            "FormulaMessages", "The first argument of {name} is a comparison, such as z > 0"
        ).format(name=m[1]),
    ),
    (
        r"a comparison goes only first in .*",
        lambda m: translate(
            "FormulaMessages", "A comparison may stand only first in where(…) or if(…)"
        ),
    ),
    (
        r"the formula is empty",
        lambda m: translate("FormulaMessages", "Type a formula in z, such as z * sigmoid(z)"),
    ),
    (
        r"the formula does not use z.*",
        lambda m: translate(
            "FormulaMessages", "The formula does not use z: every neuron would output a constant"
        ),
    ),
    (
        r"the formula nests (\d+) exponentials; at most (\d+).*",
        lambda m: translate(
            "FormulaMessages",
            "The formula nests {n} exponentials; at most {most} (deeper ones overflow)",
        ).format(n=m[1], most=m[2]),
    ),
    (
        r"the formula is ([\d,]+) characters long; at most (\d+)",
        lambda m: translate(
            "FormulaMessages", "The formula is too long: at most {most} characters"
        ).format(most=m[2]),
    ),
    (
        r"the formula nests deeper than (\d+) levels",
        lambda m: translate("FormulaMessages", "The formula nests deeper than {n} levels").format(
            n=m[1]
        ),
    ),
    (
        r"the formula has more than (\d+) parts",
        lambda m: translate("FormulaMessages", "The formula has more than {n} parts").format(
            n=m[1]
        ),
    ),
    (
        r"the number (\S+) is too large",
        lambda m: translate("FormulaMessages", "The number {x} is too large").format(x=m[1]),
    ),
    (
        r"at most (\d+) parameters, not (\d+)",
        lambda m: translate("FormulaMessages", "At most {most} parameters").format(most=m[1]),
    ),
    (
        r"'(.*)' cannot name a parameter.*",
        lambda m: translate(
            "FormulaMessages", "“{name}” cannot name a parameter (letters, digits and _; not z)"
        ).format(name=m[1]),
    ),
)
HINTS: tuple[tuple[str, Say], ...] = (
    (
        r"did you mean (\w+)\?",
        lambda m: translate("FormulaMessages", "did you mean {name}?").format(name=m[1]),
    ),
    (
        r"the names are (.+)",
        lambda m: translate("FormulaMessages", "the names are {names}").format(names=m[1]),
    ),
    (
        r"known: (.+)",
        lambda m: translate("FormulaMessages", "known functions: {names}").format(names=m[1]),
    ),
)


def _said(text: str, table: tuple[tuple[str, Say], ...]) -> str:
    for pattern, say in table:
        m = re.fullmatch(pattern, text)
        if m is not None:
            return say(m)
    return text


def formula_message(exc: FormulaError) -> tuple[str, str]:
    """(message, hint) of ``exc`` in the user's language, without the column."""
    return _said(exc.message, MESSAGES), _said(exc.hint, HINTS) if exc.hint else ""
