"""Formula activations made first-class: an :class:`~neurosim.core.activations.Activation`
built from a formula joins the registry, so the engine, training (through the formula's exact
derivative), the plots and the commands use it like a built-in.

A network file defines the ones it uses in its "activations" section; loading it installs
them. The registry is one per process: a name keeps one definition for the session (loading
a file that gives a name another formula is refused, saying so), and a built-in's name can
never be taken.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from neurosim.core.activations import (
    FIRES_ABOVE_ZERO,
    REGISTRY,
    Activation,
    FiringRule,
    ParamSpec,
)
from neurosim.core.formula.library import FormulaActivation, section_entry
from neurosim.core.formula.parser import FormulaError
from neurosim.core.text_marks import QT_TRANSLATE_NOOP, fill

#: a network file's section of formula activations (version 2)
SECTION = "activations"
#: the built-in names, which a formula may not take
BUILT_IN = frozenset(REGISTRY)
#: the formula activations installed in this process, by name
INSTALLED: dict[str, FormulaActivation] = {}
SAMPLE = np.linspace(-6.0, 6.0, 241)


def _range(default: float) -> tuple[float, float]:
    reach = max(10.0, 10.0 * abs(default))
    return -reach, reach


def as_activation(fa: FormulaActivation) -> Activation:
    f = fa.formula
    params = tuple(
        ParamSpec(name, value, *_range(value), f"{name} (a parameter of the formula)")
        for name, value in f.params.items()
    )
    with np.errstate(all="ignore"):
        y = f.f(SAMPLE, f.params)
    finite = y[np.isfinite(y)]
    y_range = (float(finite.min()), float(finite.max())) if finite.size else (-1.0, 1.0)
    firing = FiringRule(inclusive=True) if fa.fires == "z >= 0" else FIRES_ABOVE_ZERO
    return Activation(
        fa.name,
        fa.title,
        f"y = {f.text}",
        fa.description
        or fill(
            QT_TRANSLATE_NOOP("Activations", "A formula activation: y = {y}; y′ = {slope}"),
            y=f.text,
            slope=f.derivative_text,
        ),
        params,
        y_range if y_range[0] < y_range[1] else (y_range[0] - 1.0, y_range[1] + 1.0),
        lambda z, p: f.f(z, p),
        lambda z, p: f.df(z, p),
        firing,
    )


def install(fa: FormulaActivation) -> Activation:
    """Put ``fa`` in the registry (again: nothing changes when the definition is the same)."""
    if fa.name in BUILT_IN:
        raise FormulaError(f"{fa.name!r} is a built-in activation; give the formula another name")
    known = INSTALLED.get(fa.name)
    if known is not None:
        same = (known.formula.text, dict(known.formula.params), known.fires) == (
            fa.formula.text,
            dict(fa.formula.params),
            fa.fires,
        )
        if not same:
            raise FormulaError(
                f"an activation named {fa.name!r} is already defined in this session as "
                f"y = {known.formula.text}; rename one of them"
            )
        return REGISTRY[fa.name]
    INSTALLED[fa.name] = fa
    REGISTRY[fa.name] = activation = as_activation(fa)
    return activation


def define(
    name: str, text: str, params: dict[str, float], title: str, fires: str, description: str
) -> Activation:
    """The Python API's ``neurosim.define_activation``: check, install, return it."""
    entry = {"formula": text, "params": params, "fires": fires, "description": description}
    return install(section_entry(name, {"title": title or name, **entry}, name))


def install_section(section: Any, where: str = "activations") -> list[str]:
    """Install every entry of a file's "activations" section; returns their names."""
    if not isinstance(section, dict):
        raise FormulaError(f"{where}: expected an object mapping names to formulas")
    if len(section) > 64:
        raise FormulaError(f"{where}: at most 64 activations, not {len(section)}")
    entries = [section_entry(str(name), d, f"{where}.{name}") for name, d in section.items()]
    for fa in entries:
        try:
            install(fa)
        except FormulaError as exc:
            raise FormulaError(f"{where}.{fa.name}: {exc}") from None
    return [fa.name for fa in entries]


def uninstall(name: str) -> None:
    """Take a formula activation out of the registry (a test's cleanup; never a built-in)."""
    if name in INSTALLED:
        del INSTALLED[name]
        del REGISTRY[name]


def is_formula(name: str) -> bool:
    return name in INSTALLED
