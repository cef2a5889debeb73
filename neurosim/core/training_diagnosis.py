"""Why a training run cannot learn, in words a first-time student can act on. No Qt.

Three causes a lesson meets, each with what to do:

- symmetry: hidden neurons that start with the same incoming weights, bias, activation and
  outgoing weights get the same gradient at every step, so they stay copies of each other
  and the layer learns as one neuron would (→ Initialise weights);
- step neurons: step′(z) = 0 everywhere, so no gradient reaches the weights into them
  (and none passes through them to earlier layers);
- divergence: the loss grows without bound or stops being a number (→ a smaller learning
  rate).

:func:`start_problems` looks at a network before training; :func:`diverged` at a run's
losses. The Train panel and Compare activations both show these texts, translated
(they are marked templates, neurosim/core/text_marks.py; the English is unchanged).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from neurosim.core.model import Network
from neurosim.core.text_marks import QT_TRANSLATE_NOOP, fill

#: a loss this many times the starting loss (or not a number) counts as diverged
DIVERGE_FACTOR = 1e3

__all__ = [
    "DIVERGE_FACTOR",
    "Problem",
    "diverged",
    "divergence_message",
    "start_problems",
    "step_message",
    "symmetric_groups",
    "symmetry_message",
]


@dataclass(frozen=True)
class Problem:
    """One reason a run cannot learn well. ``kind``: "symmetry", "step" or "diverged";
    ``fix``: the action that helps ("initialise" for Initialise weights), or ""."""

    kind: str
    text: str
    fix: str = ""


# ---------------------------------------------------------------------- symmetry
def symmetric_groups(network: Network) -> list[list[str]]:
    """Groups (two or more) of trainable hidden neurons that are exact copies: the same
    activation and parameters, bias, weights from each source and weights to each target."""
    ins: dict[str, list] = {}
    outs: dict[str, list] = {}
    frozen_in: set[str] = set()
    for s in network.synapses.values():  # one pass: big networks are checked after edits
        ins.setdefault(s.target, []).append((s.source, round(s.weight, 12)))
        outs.setdefault(s.source, []).append((s.target, round(s.weight, 12)))
        if s.frozen:
            frozen_in.add(s.target)
    groups: dict[tuple, list[str]] = {}
    for neuron in network.of_kind("hidden"):
        nid = neuron.id
        if neuron.frozen or nid in frozen_in or nid not in ins or nid not in outs:
            continue
        key = (
            neuron.activation,
            tuple(sorted(neuron.params.items())),
            round(neuron.bias, 12),
            tuple(sorted(ins[nid])),
            tuple(sorted(outs[nid])),
        )
        groups.setdefault(key, []).append(nid)
    return [ids for ids in groups.values() if len(ids) > 1]


def symmetry_message(groups: list[list[str]]) -> str:
    names = _names(groups[0])
    for ids in groups[1:]:
        names = fill(
            QT_TRANSLATE_NOOP("Diagnosis", "{first}; {second}"), first=names, second=_names(ids)
        )
    return fill(
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{names} start with the same weights and bias, so each gets the same gradient "
            "at every step and learns the same thing: they stay copies of each other "
            "(symmetry). Press Initialise weights to give each neuron its own random start",
        ),
        names=names,
    )


# ---------------------------------------------------------------------- step
def step_message(network: Network) -> str | None:
    """Why step neurons hold training back, or None without any. (When NO gradient gets
    through, :func:`~neurosim.core.training_setup.zero_gradient_reason` says so instead.)"""
    steps = [n.id for n in network if not n.is_input and n.activation == "step"]
    if not steps:
        return None
    if len(steps) == 1:
        template = QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{names} uses the step activation: its slope step′(z) is 0 everywhere, so the "
            "gradient cannot reach the weights into it (or anything before) and only the "
            "weights after can learn — use sigmoid or another smooth activation to train them",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{names} use the step activation: its slope step′(z) is 0 everywhere, so the "
            "gradient cannot reach the weights into them (or anything before) and only the "
            "weights after can learn — use sigmoid or another smooth activation to train them",
        )
    return fill(template, names=_names(steps))


def start_problems(network: Network) -> list[Problem]:
    """What stops this network from learning well, seen before training starts."""
    problems = []
    groups = symmetric_groups(network)
    if groups:
        problems.append(Problem("symmetry", symmetry_message(groups), "initialise"))
    step = step_message(network)
    if step is not None:
        problems.append(Problem("step", step))
    return problems


# ---------------------------------------------------------------------- divergence
def diverged(initial_loss: float, loss: float) -> bool:
    """True when ``loss`` is not a finite number or has grown past DIVERGE_FACTOR times
    the starting loss: the steps overshoot, each further than the last."""
    if not math.isfinite(loss):
        return True
    if not math.isfinite(initial_loss):
        return False
    return loss > DIVERGE_FACTOR * max(initial_loss, 1e-12)


def divergence_message(epoch: int, loss: float, initial_loss: float, lr: float) -> str:
    """The advice first (a table cell may show only the start), then what was seen."""
    grown = (
        QT_TRANSLATE_NOOP("Diagnosis", "the loss is no longer a number")
        if not math.isfinite(loss)
        else fill(
            QT_TRANSLATE_NOOP("Diagnosis", "the loss grew from {initial:.3g} to {loss:.3g}"),
            initial=initial_loss,
            loss=loss,
        )
    )
    return fill(
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "training diverged at epoch {epoch} — try a smaller learning rate (e.g. {lr:g}): "
            "{grown}, each step overshooting the minimum further than the last",
        ),
        epoch=epoch,
        lr=lr / 10,
        grown=grown,
    )


# ---------------------------------------------------------------------- words
def _names(ids: list[str]) -> str:
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 6:
        template = QT_TRANSLATE_NOOP("Diagnosis", "{names} and {count} more")
        return fill(template, names=", ".join(ids[:5]), count=len(ids) - 5)
    template = QT_TRANSLATE_NOOP("Diagnosis", "{names} and {last}")
    return fill(template, names=", ".join(ids[:-1]), last=ids[-1])
