"""The lab report as one self-contained HTML page: every image is a data URI, there are no
scripts, links or external resources, and the markup is well-formed (it parses as XML after
its doctype), so it opens in any browser and can be printed to PDF."""

from __future__ import annotations

import base64
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from html import escape

from neurosim.core.activations import get_activation
from neurosim.core.api.results import evaluate
from neurosim.core.api.svg import network_svg
from neurosim.core.exercise.checks import Report
from neurosim.core.export.plan import plan
from neurosim.core.lesson import lesson_of, notes_html
from neurosim.core.localized_text import english
from neurosim.core.model import Network
from neurosim.core.report.chart import line_chart
from neurosim.core.training import EpochRecord
from neurosim.core.validate import FileFormatError

#: from this many synapses on, weights are listed as a matrix per level
MATRIX_FROM = 30
#: pictures wider than this (px) are shown scaled to it
PAGE_WIDTH = 800
STYLE = (
    "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#1a1a1a}"
    "table{border-collapse:collapse;margin:0.5em 0 1.5em}"
    "td,th{border:1px solid #bbb;padding:0.2em 0.6em;text-align:left}"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".pass{color:#1a7f37}.fail{color:#c62828}.muted{color:#666}"
    "img{max-width:100%;border:1px solid #ddd}"
)


@dataclass(frozen=True)
class TrainingPart:
    """A training run: its settings and the figures after each epoch (from epoch 0)."""

    dataset: str
    rows: int
    optimizer: str
    loss: str
    lr: float
    records: Sequence[EpochRecord]


@dataclass
class ReportParts:
    """What goes into a report; the window adds ``images`` (its plots) and ``edits``."""

    network: Network
    source: str  # the file it came from, or "untitled"
    when: datetime
    images: list[tuple[str, bytes]] = field(default_factory=list)  # (title, PNG bytes)
    training: TrainingPart | None = None
    exercise: Report | None = None
    goal_titles: Sequence[str] = ()
    edits: list[tuple[str, str]] = field(default_factory=list)  # (time, what was done)


def data_uri(mime: str, data: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _num(x: float) -> str:
    if not math.isfinite(x):
        return "—"
    return f"{x:.4g}".replace("-", "\u2212")


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int]) -> str:
    """A table; with an empty ``head`` a list of (name, value) rows without a header."""
    th = "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>" if head else ""
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    return f"<table>{th}{body}</table>"


def _network_section(net: Network) -> str:
    result = evaluate(net)
    svg = network_svg(net)
    picture = data_uri("image/svg+xml", svg.encode("utf-8"))
    width = float(svg.split('width="', 1)[1].split('"', 1)[0])
    shown = f' width="{PAGE_WIDTH}"' if width > PAGE_WIDTH else ""  # Qt ignores max-width
    inputs = ", ".join(f"{escape(n.id)} = {_num(n.value)}" for n in net.of_kind("input"))
    rows = []
    for n in net:
        act = get_activation(n.activation)
        params = ", ".join(f"{k} = {_num(v)}" for k, v in {**act.defaults(), **n.params}.items())
        fired = "" if n.is_input else ("yes" if result.fired[n.id][0] else "no")
        rows.append(
            [
                escape(n.id),
                escape(n.label),
                n.kind,
                "" if n.is_input else escape(act.name + (f" ({params})" if params else "")),
                "" if n.is_input else _num(n.bias),
                "" if n.is_input else _num(float(result.z[n.id][0])),
                _num(float(result.y[n.id][0])),
                fired,
            ]
        )
    return (
        "<h2>Network</h2>"
        f'<p><img alt="the network at its current inputs"{shown} src="{picture}"/></p>'
        f"<p>At the inputs {inputs or '(none)'}. Orange is positive, blue negative; a gold "
        "ring marks a neuron that fired.</p>"
        "<h3>Neurons</h3>"
        + _table(
            ["id", "label", "kind", "activation", "bias b", "z", "y", "fired"], rows, {4, 5, 6}
        )
        + _synapses(net)
    )


def _synapses(net: Network) -> str:
    """A row per synapse for a small network; beyond MATRIX_FROM synapses, one weight matrix
    per level (a row per source, a column per neuron of the level; blank: no synapse)."""
    if len(net.synapses) <= MATRIX_FROM:
        rows = [[escape(s.source), escape(s.target), _num(s.weight)] for s in net.synapses.values()]
        return "<h3>Synapses</h3>" + _table(["from", "to", "weight w"], rows, {2})
    p = plan(net)
    parts = [
        "<h3>Weights</h3><p>One table per level: a row per neuron the weights come from, a "
        "column per neuron of the level; blank where there is no synapse.</p>"
    ]
    for level in p.levels:
        targets = p.ids[level.start : level.stop]
        sources = p.ids[level.src_lo : level.start]
        rows = [
            [escape(src)]
            + [
                _num(level.weights[r, c]) if level.synapse[r, c] else ""
                for c in range(len(targets))
            ]
            for r, src in enumerate(sources)
        ]
        head = ["from → to", *targets]
        parts.append(_table(head, rows, set(range(1, len(targets) + 1))))
    return "".join(parts)


def _plots_section(images: Sequence[tuple[str, bytes]]) -> str:
    if not images:
        return ""
    figures = "".join(
        f'<h3>{escape(title)}</h3><p><img alt="{escape(title)}" '
        f'src="{data_uri("image/png", png)}"/></p>'
        for title, png in images
    )
    return "<h2>Plots</h2>" + figures


def _training_section(run: TrainingPart | None) -> str:
    if run is None or not run.records:
        return '<h2>Training</h2><p class="muted">No training run in this session.</p>'
    first, last = run.records[0], run.records[-1]
    epochs = [float(r.epoch) for r in run.records]
    charts = [line_chart("Loss", "epoch", [(run.loss, epochs, [r.loss for r in run.records])])]
    if last.accuracy is not None:
        acc = [r.accuracy if r.accuracy is not None else math.nan for r in run.records]
        charts.append(line_chart("Accuracy", "epoch", [("accuracy", epochs, acc)], (0.0, 1.0)))
    images = "".join(
        f'<p><img alt="training curve" src="{data_uri("image/svg+xml", c.encode())}"/></p>'
        for c in charts
    )
    rows = [
        ["dataset", f"{escape(run.dataset)} ({run.rows} rows)"],
        ["optimiser", f"{escape(run.optimizer)}, learning rate {_num(run.lr)}"],
        ["epochs", str(last.epoch)],
        [f"{escape(run.loss)} loss", f"{_num(first.loss)} → {_num(last.loss)}"],
    ]
    if last.accuracy is not None and first.accuracy is not None:
        rows.append(["accuracy", f"{first.accuracy:.0%} → {last.accuracy:.0%}"])
    if last.dead:
        rows.append(["dead ReLUs at the end", escape(", ".join(last.dead))])
    return "<h2>Training</h2>" + _table([], rows, set()) + images


def _exercise_section(report: Report | None, titles: Sequence[str]) -> str:
    if report is None:
        return ""
    items = []
    for r in report.results:
        mark = '<span class="pass">✓</span>' if r.passed else '<span class="fail">✗</span>'
        goal = (
            titles[r.goal_index]
            if r.goal_index is not None and r.goal_index < len(titles)
            else ("locked part" if r.goal_index is None else f"goal {r.goal_index + 1}")
        )
        detail = f" — {escape(r.detail)}" if r.detail else ""
        items.append(f"<li>{mark} {escape(goal or '')}: {escape(r.label)}{detail}</li>")
    verdict = "Solved ✓" if report.solved else f"Not solved: {len(report.failed)} checks fail"
    return f"<h2>Exercise</h2><p><b>{verdict}</b></p><ul>{''.join(items)}</ul>"


def _notes_section(net: Network) -> str:
    try:
        notes = english(lesson_of(net).notes)  # the report is English, like the CLI
    except FileFormatError:
        return ""
    if not notes.strip():
        return ""
    # the sanitiser's output is HTML; void tags are closed so the page stays well-formed
    return "<h2>Notes</h2>" + notes_html(notes).replace("<br>", "<br/>").replace("<hr>", "<hr/>")


def _edits_section(edits: Sequence[tuple[str, str]]) -> str:
    if not edits:
        return ""
    rows = [[escape(when), escape(what)] for when, what in edits]
    return "<h2>Edits</h2>" + _table(["time", "edit"], rows, set())


def report_html(parts: ReportParts) -> str:
    from neurosim import __version__  # looked up on first use: it costs a start ~40 ms

    net = parts.network
    title = english(net.meta.get("title")) or "Untitled network"
    body = "".join(
        [
            f"<h1>{escape(title)}</h1>",
            f'<p class="muted">{escape(parts.source)} · {parts.when:%Y-%m-%d %H:%M} · '
            f"NeuroSim {escape(__version__)}</p>",
            _network_section(net),
            _plots_section(parts.images),
            _training_section(parts.training),
            _exercise_section(parts.exercise, parts.goal_titles),
            _notes_section(net),
            _edits_section(parts.edits),
        ]
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"/>'
        f"<title>{escape(title)} — NeuroSim report</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )
