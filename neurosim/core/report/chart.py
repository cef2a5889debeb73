"""A small line chart as SVG (the report's training curves), drawn without Qt."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

WIDTH, HEIGHT = 560.0, 260.0
LEFT, RIGHT, TOP, BOTTOM = 64.0, 16.0, 30.0, 44.0
#: colour-blind-safe line colours (Okabe–Ito)
COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00")


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values covering [lo, hi] (1, 2 or 5 times a power of ten apart)."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return [lo] if math.isfinite(lo) else []
    raw = (hi - lo) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if (hi - lo) / (m * power) <= count)
    first = math.ceil(lo / step - 1e-9) * step
    return [first + i * step for i in range(int((hi - first) / step + 1e-9) + 1)]


def _fmt(v: float) -> str:
    return f"{v:.3g}".replace("-", "\u2212")


def line_chart(
    title: str,
    x_label: str,
    series: Sequence[tuple[str, Sequence[float], Sequence[float]]],
    y_range: tuple[float, float] | None = None,
) -> str:
    """An SVG chart of ``series`` = [(name, xs, ys)]; non-finite points are left out. The
    y axis spans ``y_range`` (accuracy: 0…1), else 0 (or the lowest value) to the highest."""
    points = [
        (name, [(x, y) for x, y in zip(xs, ys, strict=True) if math.isfinite(y)])
        for name, xs, ys in series
    ]
    every = [p for _, pts in points for p in pts]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH:.0f}" height="{HEIGHT:.0f}" '
        f'viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" font-family="sans-serif" font-size="12">',
        f'<text x="{WIDTH / 2:.0f}" y="18" text-anchor="middle" font-size="14">'
        f"{escape(title)}</text>",
    ]
    if not every:
        parts.append(f'<text x="{LEFT}" y="{HEIGHT / 2:.0f}">no data</text></svg>')
        return "".join(parts)
    x0, x1 = min(p[0] for p in every), max(p[0] for p in every)
    y0, y1 = y_range or (min(0.0, min(p[1] for p in every)), max(p[1] for p in every))
    x1, y1 = (x1 if x1 > x0 else x0 + 1), (y1 if y1 > y0 else y0 + 1)
    w, h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def sx(x: float) -> float:
        return LEFT + (x - x0) / (x1 - x0) * w

    def sy(y: float) -> float:
        return TOP + h - (y - y0) / (y1 - y0) * h

    parts.append(f'<rect x="{LEFT}" y="{TOP}" width="{w}" height="{h}" fill="none" stroke="#888"/>')
    for t in nice_ticks(y0, y1):
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + w}" y1="{sy(t):.1f}" y2="{sy(t):.1f}" '
            f'stroke="#ddd"/><text x="{LEFT - 6}" y="{sy(t) + 4:.1f}" '
            f'text-anchor="end">{_fmt(t)}</text>'
        )
    for t in nice_ticks(x0, x1):
        parts.append(
            f'<text x="{sx(t):.1f}" y="{TOP + h + 16}" text-anchor="middle">{_fmt(t)}</text>'
        )
    parts.append(
        f'<text x="{LEFT + w / 2:.0f}" y="{HEIGHT - 8}" text-anchor="middle">'
        f"{escape(x_label)}</text>"
    )
    for i, (name, pts) in enumerate(points):
        colour = COLOURS[i % len(COLOURS)]
        line = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in pts)
        parts.append(
            f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2"/>'
            f'<text x="{LEFT + w - 8}" y="{TOP + 16 + 16 * i}" text-anchor="end" '
            f'fill="{colour}">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
