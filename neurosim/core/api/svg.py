"""A network as an SVG picture, drawn without Qt or a display (a notebook's ``_repr_svg_``).

The canvas's conventions: each neuron filled with its output's colour (blue negative,
orange positive, light grey 0), a gold ring when it fired, synapses coloured by the sign of
their weight and thicker for larger |w|, the weight written beside each arrow.
"""

from __future__ import annotations

import math
from html import escape

import numpy as np

from neurosim.core import palette
from neurosim.core.engine import Engine
from neurosim.core.localized_text import english
from neurosim.core.model import Network

RADIUS = 26.0
#: beyond this many synapses their weights are not written (they would cover each other)
MAX_WEIGHT_LABELS = 30
MARGIN = 40.0
INK = "#1a1a1a"


def _fmt(x: float) -> str:
    return f"{x:.2f}".replace("-", "\u2212") if abs(x) < 1e4 else f"{x:.1e}"


def _synapse(
    x1: float, y1: float, x2: float, y2: float, w: float, biggest: float, label: bool
) -> str:
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    a = (x1 + ux * RADIUS, y1 + uy * RADIUS)
    b = (x2 - ux * (RADIUS + 6), y2 - uy * (RADIUS + 6))
    colour = palette.ZERO_WEIGHT if w == 0 else palette.scale_hex(math.copysign(0.9, w))
    width = 1.0 + 4.0 * min(abs(w) / biggest, 1.0)
    # a third of the way along, beside the line: labels of crossing synapses stay apart
    mx, my = a[0] + (b[0] - a[0]) * 0.3 - uy * 10, a[1] + (b[1] - a[1]) * 0.3 + ux * 10 + 4
    line = (
        f'<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}" '
        f'stroke="{colour}" stroke-width="{width:.1f}" marker-end="url(#arrow)"/>'
    )
    if not label:
        return line
    return (
        f'{line}<text x="{mx:.1f}" y="{my:.1f}" font-size="12" text-anchor="middle" '
        f'fill="{INK}">{_fmt(w)}</text>'
    )


def _neuron(x: float, y: float, label: str, out: float, fired: bool, is_input: bool) -> str:
    ring = palette.FIRED if fired else INK
    width = 5 if fired else (3 if is_input else 1.5)
    shape = (
        f'<rect x="{x - RADIUS:.1f}" y="{y - RADIUS:.1f}" width="{2 * RADIUS}" '
        f'height="{2 * RADIUS}" rx="6"'
        if is_input
        else f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{RADIUS}"'
    )
    return (
        f'{shape} fill="{palette.scale_hex(out)}" stroke="{ring}" stroke-width="{width}"/>'
        f'<text x="{x:.1f}" y="{y + 5:.1f}" font-size="14" text-anchor="middle" '
        f'fill="{"#ffffff" if abs(out) > 0.6 else INK}">{_fmt(out)}</text>'
        f'<text x="{x:.1f}" y="{y + RADIUS + 16:.1f}" font-size="13" text-anchor="middle" '
        f'fill="{INK}">{escape(label)}</text>'
    )


def network_svg(network: Network) -> str:
    """The network at its stored input values, as a standalone SVG document."""
    if not network.neurons:
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">'
            '<text x="10" y="25" font-size="14">(an empty network)</text></svg>'
        )
    engine = Engine(network)
    try:
        with np.errstate(all="ignore"):
            ev = engine.evaluate()
    finally:
        engine.detach()
    pos = {n.id: n.position for n in network}
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    left, top = min(xs) - MARGIN - RADIUS, min(ys) - MARGIN - RADIUS
    width = max(xs) - min(xs) + 2 * (MARGIN + RADIUS)
    height = max(ys) - min(ys) + 2 * (MARGIN + RADIUS) + 16
    biggest = max((abs(s.weight) for s in network.synapses.values()), default=1.0) or 1.0
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="{left:.1f} {top:.1f} {width:.1f} {height:.1f}" font-family="sans-serif">',
        f"<title>{escape(english(network.meta.get('title')) or 'network')}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" '
        'markerHeight="11" markerUnits="userSpaceOnUse" orient="auto">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{INK}"/>'
        "</marker></defs>",
    ]
    labels = len(network.synapses) <= MAX_WEIGHT_LABELS
    for s in network.synapses.values():
        parts.append(_synapse(*pos[s.source], *pos[s.target], s.weight, biggest, labels))
    for n in network:
        col = ev.index[n.id]
        parts.append(
            _neuron(
                *pos[n.id], n.label or n.id, float(ev.y[0, col]), bool(ev.fired[0, col]), n.is_input
            )
        )
    parts.append("</svg>")
    return "".join(parts)
