"""Looks shared by the plots: axes, titles and legends in the theme's ink, one colour per neuron.

The ground and ink come from the theme's :class:`~neurosim.ui.theme.PlotColours`, passed to
every function that paints text or axes; a panel calls them again when the theme changes.
The colours below are the same in every theme: a neuron keeps its colour in every panel for
the whole session (handed out in order, outputs first so they get the most distinct ones,
never reused while the neuron exists).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen

from neurosim.core.model import Network
from neurosim.ui.canvas.colors import SCALE_STOPS
from neurosim.ui.plots.spacing import keep_ticks_apart
from neurosim.ui.theme import PlotColours

GRID_ALPHA = 0.15
BASE_POINT_SIZE = 9.0
# Okabe–Ito (colour-blind safe) first, then tab10's remaining hues; the light ones a shade
# darker (orange, sky blue, olive, cyan), so a line keeps about 3:1 contrast on a projector.
PALETTE = (
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#c98a00",
    "#3f9fd8",
    "#7f3c8d",
    "#8c564b",
    "#9f9f1f",
    "#139aa8",
    "#444444",
    "#999933",
)
# The canvas's diverging scale itself, so a colour means the same on the canvas and on the
# decision surface.
DIVERGING_STOPS = SCALE_STOPS
VANISHING = (230, 120, 20, 45)  # shaded flat regions of f′(z), RGBA
BRAIN_BAND = (0, 158, 115, 60)


class NeuronColours:
    """``colour(id)``: the same QColor for a neuron in every plot."""

    def __init__(self) -> None:
        self._given: dict[str, int] = {}

    def reset(self, network: Network) -> None:
        self._given.clear()
        for kind in ("output", "hidden", "input"):
            for neuron in network.of_kind(kind):
                self.colour(neuron.id)

    def colour(self, neuron_id: str) -> QColor:
        if neuron_id not in self._given:
            used = set(self._given.values())
            free = next((i for i in range(len(PALETTE)) if i not in used), len(self._given))
            self._given[neuron_id] = free
        return QColor(PALETTE[self._given[neuron_id] % len(PALETTE)])

    def forget(self, neuron_id: str) -> None:
        self._given.pop(neuron_id, None)


def pen(
    colour: QColor | str, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine
) -> QPen:
    """A shared pen per colour, width and style.

    Shared on purpose: pyqtgraph's scatter plots cache one symbol image per pen *object*,
    so a fresh pen each frame would grow that cache without end.
    """
    return _pen(QColor(colour).rgba(), round(float(width), 3), style)


def brush(colour: QColor | str) -> QBrush:
    """A shared brush per colour (see :func:`pen`)."""
    return _brush(QColor(colour).rgba())


@lru_cache(maxsize=1024)
def _pen(rgba: int, width: float, style: Qt.PenStyle) -> QPen:
    return pg.mkPen(QColor.fromRgba(rgba), width=width, style=style)


@lru_cache(maxsize=1024)
def _brush(rgba: int) -> QBrush:
    return pg.mkBrush(QColor.fromRgba(rgba))


def font(scale: float, bold: bool = False, factor: float = 1.0) -> QFont:
    f = QFont()
    f.setPointSizeF(BASE_POINT_SIZE * scale * factor)
    f.setBold(bold)
    return f


def style_plot(
    plot: pg.PlotItem, colours: PlotColours, scale: float, title: str | None = None
) -> None:
    """Axes in the theme's ink with scaled tick and label fonts (and the title, if any)."""
    size = f"{BASE_POINT_SIZE * scale:.1f}pt"
    for name in ("left", "bottom", "right", "top"):
        style_axis(plot.getAxis(name), colours, scale, size)
    if title is not None:
        set_title(plot, title, scale, colours)
    elif getattr(plot, "full_title", None):
        set_title(plot, plot.full_title[0], scale, colours)


def style_axis(
    axis: pg.AxisItem, colours: PlotColours, scale: float, size: str | None = None
) -> None:
    """An axis line and ticks in soft ink, its numbers and label in ink, fonts at ``scale``."""
    colour_axis(axis, colours, width=max(1.0, scale))
    axis.setTickFont(font(scale))
    keep_ticks_apart(axis)
    if axis.labelText:
        axis.setLabel(
            axis.labelText,
            units=axis.labelUnits or None,
            color=colours.ink,
            **{"font-size": size or f"{BASE_POINT_SIZE * scale:.1f}pt"},
        )


def colour_axis(axis: pg.AxisItem, colours: PlotColours, width: float = 1.0) -> None:
    """An axis line and ticks in soft ink, its numbers in ink (fonts untouched)."""
    axis.setPen(pg.mkPen(colours.ink_soft, width=width))
    axis.setTextPen(pg.mkPen(colours.ink))


def style_legend(legend: pg.LegendItem, colours: PlotColours, box: bool = False) -> None:
    """A legend's texts in ink (entries added later too); ``box``: on a translucent ground."""
    legend.setLabelTextColor(colours.ink)
    for _sample, label in legend.items:
        label.setText(label.text, color=colours.ink)  # the colour is read when text is set
    if box:
        legend.setBrush(pg.mkBrush(colours.box(210)))


def style_text(item: pg.TextItem, colour: str, fill: QColor | None = None) -> None:
    """A text inside a plot in ``colour``, on ``fill`` (None: no box)."""
    item.setColor(colour)
    item.fill = pg.mkBrush(fill) if fill is not None else pg.mkBrush(None)
    item.update()


def set_title(plot: pg.PlotItem, title: str, scale: float, colours: PlotColours) -> None:
    """A title that is shortened with "…" to fit the plot instead of widening it.

    pyqtgraph makes a title at least as wide as its text, so a long title in a narrow dock
    would push the plot out of view.
    """
    label = plot.titleLabel
    if not getattr(label, "elides", False):
        label.elides = True
        label.updateMin = lambda: _no_minimum_width(label)
        plot.geometryChanged.connect(lambda: _show_title(plot))
    plot.full_title = (title, scale, colours.ink)
    _show_title(plot)


def _no_minimum_width(label: pg.LabelItem) -> None:
    height = label.itemRect().height()
    label.setMinimumWidth(0)
    label.setMinimumHeight(height)
    label._sizeHint = {
        Qt.SizeHint.MinimumSize: (0, height),
        Qt.SizeHint.PreferredSize: (0, height),
        Qt.SizeHint.MaximumSize: (-1, -1),
        Qt.SizeHint.MinimumDescent: (0, 0),
    }
    label.updateGeometry()


def hide_title(plot: pg.PlotItem, hidden: bool = True) -> None:
    """No title row (a tab names the plot), until ``hide_title(plot, False)``."""
    plot.title_hidden = hidden
    plot.shown_title = None
    if hidden:
        plot.setTitle(None)
    elif getattr(plot, "full_title", None):
        _show_title(plot)


def _show_title(plot: pg.PlotItem) -> None:
    if getattr(plot, "title_hidden", False):
        return
    title, scale, ink = plot.full_title
    text = title
    if plot.width() > 0:
        metrics = QFontMetricsF(font(scale, factor=1.1))
        text = fitted_title(title, metrics, max(plot.width() - 24, 30))
    shown = (text, scale, ink)
    if shown != getattr(plot, "shown_title", None):  # setTitle re-lays out the plot
        plot.shown_title = shown
        plot.setTitle(text, color=ink, size=f"{BASE_POINT_SIZE * scale * 1.1:.1f}pt")
        # pyqtgraph gives a title a row 30 px high: too little for two lines, or one
        # line of presentation-size type
        lines = text.count("<br>") + 1
        height = math.ceil(QFontMetricsF(font(scale, factor=1.1)).lineSpacing() * lines + 8)
        height = max(30, height)
        plot.titleLabel.setMaximumHeight(height)
        plot.layout.setRowFixedHeight(0, height)


# Where a title may break: at spaces, and between two Chinese (CJK) characters, which are
# written without spaces (closing punctuation stays with the character before it).
_CJK = "\u2e80-\u2fff\u3040-\u9fff\uf900-\ufaff"
_CLOSING = "，。：；、！？）》」』】"
_WORDS = re.compile(rf"\s*(?:[（《「『【]?[{_CJK}][{_CLOSING}]*|[^\s{_CJK}]+)")


def fitted_title(title: str, metrics: QFontMetricsF, width: float, lines: int = 3) -> str:
    """``title`` on one line if it fits ``width``, else wrapped at its spaces onto at most
    ``lines`` lines (a break after its colon first: "σ (y1):" / "y = σ(z) = …"), else on
    one line shortened with "…"."""
    if metrics.horizontalAdvance(title) <= width:
        return title
    rows: list[str] = []
    for part in title.split(":  ", 1) if ":  " in title else [title]:
        if rows:
            rows[-1] += ":"
        row = ""
        # (a title with markup breaks only at its colon: a tag may hold spaces)
        for word in [part.strip()] if "<" in part else _WORDS.findall(part):
            wider = row + word if row else word.lstrip()
            if row and metrics.horizontalAdvance(wider) > width:
                rows.append(row)
                row = word.lstrip()
            else:
                row = wider
        rows.append(row)
    if len(rows) <= lines and all(metrics.horizontalAdvance(r) <= width for r in rows):
        return "<br>".join(rows)
    return metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)


def label_axes(
    plot: pg.PlotItem, colours: PlotColours, bottom: str, left: str, scale: float = 1.0
) -> None:
    size = f"{BASE_POINT_SIZE * scale:.1f}pt"
    plot.setLabel("bottom", bottom, color=colours.ink, **{"font-size": size})
    plot.setLabel("left", left, color=colours.ink, **{"font-size": size})


def quiet_plot(plot: pg.PlotItem) -> None:
    """No pyqtgraph menu, buttons or mouse pan/zoom: the panel sets every range itself.

    Make the plot with ``enableMenu=False`` as well: a ViewBox made with its menu builds
    that menu's widgets at once (about 5 ms a plot at start), only for this to drop it."""
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.disableAutoRange()
    plot.getViewBox().setMouseEnabled(False, False)
    plot.showGrid(x=True, y=True, alpha=GRID_ALPHA)
    for name in ("left", "bottom"):
        plot.getAxis(name).enableAutoSIPrefix(False)  # no "(x0.001)" on a plain axis


class AxisRange:
    """A range that grows at once to fit the data and shrinks only when far too wide.

    Changing a range re-lays the axis out, so a plot that followed every wiggle of its data
    would redraw its axes every frame; this one moves rarely.
    """

    def __init__(self, minimum_span: float = 0.1) -> None:
        self.minimum_span = minimum_span
        self.current: tuple[float, float] | None = None

    def fit(self, lo: float, hi: float) -> tuple[float, float] | None:
        """The new range if it must change for data in [lo, hi], else None."""
        if not (math.isfinite(lo) and math.isfinite(hi)):
            return None
        span = max(hi - lo, self.minimum_span)
        mid = (lo + hi) / 2
        want = (mid - span * 0.58, mid + span * 0.58)  # 8 % margin each side
        cur = self.current
        if (
            cur is not None
            and cur[0] <= lo
            and hi <= cur[1]
            and (cur[1] - cur[0]) <= 3 * (want[1] - want[0])
        ):
            return None
        self.current = want
        return want

    def forget(self) -> None:
        self.current = None
