"""Numbers, texts and titles that keep out of each other's way in a plot of any size.

pyqtgraph places tick labels by the axis length alone and texts at their data points
whatever their size; in a narrow panel or at presentation size they run together or off
the plot's edge. These helpers thin the labels and move (or hide) the texts.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetricsF


def keep_ticks_apart(axis: pg.AxisItem) -> None:
    """Numbers along ``axis`` never run into each other ("5001000"): pyqtgraph picks the
    number of ticks from the axis length alone, whatever the labels' width, and labels every
    major tick. Here only every 2nd, 5th, 10th… major tick keeps its number when the labels
    need the room (the others stay as unlabelled ticks), and a minor tick is labelled only
    when its number touches no other. Once per axis."""
    if getattr(axis, "ticks_apart", False):
        return
    axis.ticks_apart = True
    chosen, written = axis.tickValues, axis.tickStrings
    labelled: set[float] = set()

    def tick_values(low: float, high: float, size: float) -> list:
        levels, keep = spaced_ticks(axis, written, chosen(low, high, size), low, high, size)
        labelled.clear()
        labelled.update(keep)
        return levels

    def tick_strings(values: list, scale: float, spacing: float) -> list[str]:
        texts = written(values, scale, spacing)
        if not labelled:
            return texts
        return [t if v in labelled else "" for v, t in zip(values, texts, strict=False)]

    axis.tickValues = tick_values
    axis.tickStrings = tick_strings


def spaced_ticks(
    axis: pg.AxisItem, written, levels: list, low: float, high: float, size: float
) -> tuple[list, set[float]]:
    """(levels, labelled): ``levels`` ([(spacing, values), …] as pyqtgraph's ``tickValues``
    gives them) with the major values that need no number moved to the minor level, and the
    values whose numbers fit without touching each other."""
    if high <= low or size <= 0 or not levels:
        return levels, set()
    metrics = QFontMetricsF(axis.style.get("tickFont") or axis.font())
    across = axis.orientation in ("bottom", "top")
    gap = metrics.horizontalAdvance("0") if across else metrics.height() * 0.15
    per_unit = size / (high - low)

    def spans(spacing: float, values: list) -> list[tuple[float, float]]:
        texts = written(values, axis.autoSIPrefixScale * axis.scale, spacing)
        out = []
        for v, text in zip(values, texts, strict=False):
            wide = metrics.horizontalAdvance(str(text)) if across else metrics.height()
            centre, half = (v - low) * per_unit, (wide + gap) / 2
            out.append((centre - half, centre + half))
        return out

    def apart(boxes: list[tuple[float, float]]) -> bool:
        return all(a[1] <= b[0] for a, b in zip(boxes, boxes[1:], strict=False))

    spacing, values = levels[0][0], sorted(levels[0][1])
    every, major, taken = 1, values, []
    if spacing:  # (a log axis's minor level, when it is the only one, has no spacing)
        for every in (1, 2, 5, 10, 20, 50, 100):
            major = values if every == 1 else [v for v in values if round(v / spacing) % every == 0]
            major = major or values[:1]
            taken = spans(spacing * every, major)
            if apart(taken):
                break
        labelled = set(major)
    else:
        labelled = set()
    dropped = [v for v in values if v not in labelled]
    minors = [(sp, sorted(vs)) for sp, vs in levels[1:]]
    if dropped:
        if minors and minors[0][0] is None:
            minors[0] = (None, sorted(minors[0][1] + dropped))
        else:
            minors.insert(0, (spacing, dropped))
    for sp, vs in minors:  # a number wherever it touches none already there
        for v, box in zip(vs, spans(sp, vs), strict=False):
            if v not in labelled and not any(box[0] < t[1] and t[0] < box[1] for t in taken):
                labelled.add(v)
                taken.append(box)
    head = [(spacing * every, major)] if spacing else []
    return [*head, *minors], labelled


def keep_texts_inside(plot: pg.PlotItem, margin: float = 0.0) -> None:
    """Move every text inside ``plot`` (a threshold's "fires: z ≥ θ", a region's name, a
    readout) back within the plot where it sticks out: pyqtgraph draws a text at a fixed
    size beside its data point, so in a narrow plot or a large font it runs off the edge
    and is cut. A text larger than the plot starts at its left (top) edge."""
    box = plot.getViewBox()
    room = box.sceneBoundingRect().adjusted(margin, margin, -margin, -margin)
    if room.width() <= 0 or room.height() <= 0:
        return
    box.prepareForPaint()  # the ranges just set, as the next paint will draw them
    for item in box.allChildren():
        if not (isinstance(item, pg.TextItem) and item.isVisible() and item.parentItem()):
            continue
        item.updateTransform(force=True)
        rect = item.sceneBoundingRect()
        dx = _into(rect.left(), rect.right(), room.left(), room.right())
        dy = _into(rect.top(), rect.bottom(), room.top(), room.bottom())
        if dx or dy:
            parent = item.parentItem()
            step = parent.mapFromScene(QPointF(dx, dy)) - parent.mapFromScene(QPointF(0, 0))
            item.setPos(item.pos() + step)
    _give_way(box)


def _give_way(box: pg.ViewBox) -> None:
    """A text marked ``give_way`` (a region's name) is hidden where it would cover another
    text of the plot: the threshold's rule and the readout matter more."""
    texts = [
        t
        for t in box.allChildren()
        if isinstance(t, pg.TextItem) and t.isVisible() and t.toPlainText().strip()
    ]
    shown: list[pg.TextItem] = [t for t in texts if not getattr(t, "give_way", False)]
    for item in texts:
        if not getattr(item, "give_way", False):
            continue
        rect = item.sceneBoundingRect()
        if any(rect.intersects(other.sceneBoundingRect()) for other in shown):
            item.setVisible(False)
        else:
            shown.append(item)


def _into(lo: float, hi: float, room_lo: float, room_hi: float) -> float:
    """How far to move [lo, hi] to lie within [room_lo, room_hi] (its start, if too big)."""
    slack = 1.0  # a pixel: pyqtgraph's own placement at an edge rounds
    if lo < room_lo - slack or hi - lo > room_hi - room_lo + slack:
        return room_lo - lo
    if hi > room_hi + slack:
        return room_hi - hi
    return 0.0
