"""The value colour scale as hex text, shared by the canvas and the Qt-free SVG drawing.

ColorBrewer's RdBu blue arm joined to PuOr's orange arm: matching lightness steps, apart for
every common colour-vision deficiency, meeting at a light grey so 0 reads as "nothing".
"""

from __future__ import annotations

#: from -1 (first) through 0 (middle) to +1 (last)
SCALE_STOPS = (
    "#2166ac",
    "#4393c3",
    "#92c5de",
    "#d1e5f0",
    "#f7f7f7",
    "#fee0b6",
    "#fdb863",
    "#e08214",
    "#b35806",
)
FIRED = "#ffc20a"  # the gold ring of a neuron that fired
ZERO_WEIGHT = "#9a9a9a"


def scale_hex(value: float, saturation: float = 1.0) -> str:
    """The scale's colour for ``value`` (clipped to ±saturation) as ``#rrggbb``."""
    t = 0.5 if value != value else (max(-1.0, min(1.0, value / saturation)) + 1.0) / 2.0
    pos = t * (len(SCALE_STOPS) - 1)
    k = min(int(pos), len(SCALE_STOPS) - 2)
    a, b = SCALE_STOPS[k], SCALE_STOPS[k + 1]
    mixed = (
        round(int(a[i : i + 2], 16) + (int(b[i : i + 2], 16) - int(a[i : i + 2], 16)) * (pos - k))
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{c:02x}" for c in mixed)
