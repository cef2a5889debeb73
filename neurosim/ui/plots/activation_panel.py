"""The activation plot: y = f(z) of the selected neurons with their live operating points.

Each selected hidden or output neuron gets its own curve (its activation and parameters) and
a marker at its present (z, y). For the first one: the slope f′(z) dashed, the firing
threshold, and where |f′(z)| is under 5 % of its largest value, shaded: "zero gradient" where
the slope is exactly 0 (ReLU for z < 0), else "vanishing gradient" (sigmoid's tails).
Other activations from the registry can be overlaid for comparison. Selecting or dragging
an input keeps the plot on the neurons it shows (inputs have no activation); "Pin" keeps
it there whatever is selected.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsItem,
    QHBoxLayout,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.activations import REGISTRY, get_activation
from neurosim.core.model import Neuron
from neurosim.ui.clock import SimulationClock
from neurosim.ui.core_text import activation_formula, activation_title
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.plots.axes import stable_axes
from neurosim.ui.plots.base import PlotPanel
from neurosim.ui.plots.curves import flat_regions, z_range
from neurosim.ui.plots.style import (
    VANISHING,
    brush,
    font,
    label_axes,
    pen,
    quiet_plot,
    style_legend,
    style_plot,
    style_text,
)
from neurosim.ui.theme import Theme

SAMPLES = 601
# One per registry entry (in its order), each at least 3:1 against a white or dark ground:
# a thin dash-dotted line in a pale colour disappears on a projector.
COMPARE_COLOURS = (
    "#7f7f7f",
    "#9b59b6",
    "#9c755f",
    "#2a9d8f",
    "#b8860b",
    "#59a14f",
    "#d0508f",
    "#4e79a7",
    "#e15759",
    "#8d6cc0",
)
MAX_REGIONS = 4
PIN_TIP = QT_TRANSLATE_NOOP(
    "ActivationPanel",
    "Keep this plot on the neurons it shows, whatever is selected on the canvas "
    "(it already stays put while you select or drag an input)",
)
#: the "vanishing gradient" text on a light or a dark ground (tinted by the shaded region)
VANISHING_TEXT = {False: "#96500a", True: "#f0a868"}


class ActivationPanel(PlotPanel):
    title = QT_TRANSLATE_NOOP("PlotPanel", "Activation")
    file_stem = "activation"

    def __init__(
        self,
        document: Document,
        clock: SimulationClock,
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
    ) -> None:
        super().__init__(document, clock, parent, theme=theme)
        self.selected: list[str] = []
        self._latest: list[str] = []  # the canvas selection last announced
        self.widget = pg.GraphicsLayoutWidget()
        self.plot = self.widget.addPlot(0, 0, axisItems=stable_axes(), enableMenu=False)
        quiet_plot(self.plot)
        label_axes(
            self.plot,
            self.theme.palette.plot,
            translate("ActivationPanel", "net input z"),
            translate("ActivationPanel", "output y = f(z)"),
        )
        # The legend goes under the plot: inside it would hide the labels and the curves.
        self.legend = pg.LegendItem(frame=False, colCount=2)
        self.folding_legends.append((self.legend, 520))
        self.widget.addItem(self.legend, 1, 0)
        self.regions = [self._region() for _ in range(MAX_REGIONS)]
        self.threshold = pg.InfiniteLine(
            angle=90, movable=False, label="", labelOpts={"position": 0.78}
        )
        self.plot.addItem(self.threshold)
        self.guides = pg.PlotDataItem(connect="pairs")
        self.plot.addItem(self.guides)
        self.compare_curves: dict[str, pg.PlotDataItem] = {}
        self.curves: list[pg.PlotDataItem] = []
        self.slopes: list[pg.PlotDataItem] = []
        self.markers = pg.ScatterPlotItem()
        self.markers.setZValue(30)
        self.plot.addItem(self.markers)
        self.point_label = pg.TextItem(anchor=(-0.08, 1.1))
        self.point_label.setZValue(31)
        self.plot.addItem(self.point_label)
        self.message = pg.TextItem(anchor=(0.5, 0.5))
        self.plot.addItem(self.message)
        self.show_slope = QCheckBox(translate("ActivationPanel", "slope f′(z), dashed"), self)
        self.show_slope.setChecked(True)
        self.show_slope.setToolTip(
            translate("ActivationPanel", "Draw the derivative f′(z): how much y moves when z moves")
        )
        self.show_slope.toggled.connect(lambda _on: self._invalidate())
        self.compare_button = QToolButton(self)
        self.compare_button.setText(translate("ActivationPanel", "Compare with"))
        self.compare_button.setToolTip(
            translate("ActivationPanel", "Overlay other activation functions (default parameters)")
        )
        self.compare_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.compare_menu = QMenu(self.compare_button)
        self.compare_actions: dict[str, QAction] = {}
        for name, act in REGISTRY.items():
            action = self.compare_menu.addAction(activation_title(act))
            action.setCheckable(True)
            action.toggled.connect(lambda _on: self._invalidate())
            self.compare_actions[name] = action
        self.compare_menu.aboutToShow.connect(self._list_formulas)  # defined since
        self.compare_button.setMenu(self.compare_menu)
        self.pin = QToolButton(self)
        self.pin.setText(translate("ActivationPanel", "Pin"))
        self.pin.setCheckable(True)
        self.pin.setToolTip(translate("ActivationPanel", PIN_TIP))
        self.pin.toggled.connect(self._on_pinned)
        document.network_replaced.connect(self._on_network_replaced)
        self._key: tuple | None = None
        self._layout_widgets()
        self.restyle()

    def _layout_widgets(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 0)
        bar.addWidget(self.show_slope)
        bar.addStretch(1)
        bar.addWidget(self.pin)
        bar.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.widget, 1)

    def _region(self) -> tuple[pg.LinearRegionItem, pg.TextItem]:
        region = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(VANISHING), pen=pg.mkPen(None))
        region.setZValue(-20)
        label = pg.TextItem(translate("ActivationPanel", "vanishing\ngradient"), anchor=(0.5, 0))
        label.give_way = True  # hidden where it would cover another text (spacing.py)
        for item in (region, label):
            item.setVisible(False)
            self.plot.addItem(item)
        return region, label

    # -------------------------------------------------------------- selection
    def set_neurons(self, neuron_ids: Sequence[str]) -> None:
        """Follow the canvas selection: show its hidden and output neurons. A selection
        without any (an input being dragged, empty canvas) keeps the neurons shown, so
        their operating points move while x changes; so does the pin, whatever is chosen.
        Nothing chosen yet: the first output neuron."""
        self._latest = list(neuron_ids)  # followed again when the pin is released
        if self.pin.isChecked():
            return
        neurons = self.document.network.neurons
        chosen = [n for n in neuron_ids if n in neurons and not neurons[n].is_input]
        if chosen and chosen != self.selected:
            self.selected = chosen
            self.schedule()

    def _on_network_replaced(self) -> None:
        self._latest = self.selected = []
        self.pin.setChecked(False)
        self.schedule()

    def _on_pinned(self, on: bool) -> None:
        if on:  # pin what is shown now (the fallback output too)
            self.selected = [n.id for n in self.shown()]
        else:
            self.set_neurons(self._latest)
        names = ", ".join(n.label or n.id for n in self.shown())
        tip = translate("ActivationPanel", PIN_TIP)
        if on and names:
            tip += "\n" + translate("ActivationPanel", "Pinned: {names}").format(names=names)
        self.pin.setToolTip(tip)

    def shown(self) -> list[Neuron]:
        net = self.document.network
        chosen = [net.neurons[n] for n in self.selected if n in net.neurons]
        if not chosen:
            chosen = net.of_kind("output") or net.of_kind("hidden")
            chosen = chosen[:1]
        return [n for n in chosen if not n.is_input]

    def _list_formulas(self) -> None:
        """Offer the formula activations defined since (and hide those taken out)."""
        for name, act in REGISTRY.items():
            if name not in self.compare_actions:
                action = self.compare_menu.addAction(act.title)
                action.setCheckable(True)
                action.toggled.connect(lambda _on: self._invalidate())
                self.compare_actions[name] = action
        for name, action in self.compare_actions.items():
            action.setVisible(name in REGISTRY)
            if name not in REGISTRY:
                action.setChecked(False)

    def compared(self) -> list[str]:
        """Names of the registry activations overlaid for comparison."""
        return [
            n for n, action in self.compare_actions.items() if action.isChecked() and n in REGISTRY
        ]

    def set_compared(self, names: Sequence[str]) -> None:
        self._list_formulas()  # a lesson's list may name its formula activations
        for name, action in self.compare_actions.items():
            with QSignalBlocker(action):
                action.setChecked(name in names)
        self._invalidate()

    # ---------------------------------------------------------------- drawing
    def redraw(self) -> None:
        neurons = self.shown()
        ev = self.document.evaluation
        points = [
            (float(ev.z[0, ev.index[n.id]]), float(ev.y[0, ev.index[n.id]]))
            for n in neurons
            if n.id in ev.index
        ]
        neurons = neurons[: len(points)]
        if not neurons:
            self._show_message()
            return
        lo, hi = z_range([z for z, _ in points])
        key = (
            lo,
            hi,
            tuple((n.id, n.label, n.activation, tuple(sorted(n.params.items()))) for n in neurons),
            tuple(self.compared()),
            self.show_slope.isChecked(),
            self.scale,
        )
        if key != self._key:
            self._key = key
            self._draw_curves(neurons, lo, hi)
        self._draw_points(neurons, points)

    def _draw_curves(self, neurons: list[Neuron], lo: float, hi: float) -> None:
        self.message.setVisible(False)
        first = neurons[0]
        act = get_activation(first.activation)
        theta = act.firing_threshold(first.params)
        z = np.union1d(np.linspace(lo, hi, SAMPLES), [theta, np.nextafter(theta, -np.inf)])
        self._ensure_pool(len(neurons))
        self.legend.clear()
        y_lo, y_hi = np.inf, -np.inf
        for i, neuron in enumerate(neurons):
            a = get_activation(neuron.activation)
            y = a.f(z, neuron.params)
            colour = self.clock.colours.colour(neuron.id)
            self.curves[i].setData(z, y, pen=pg.mkPen(colour, width=2.5 * self.scale))
            self.curves[i].setVisible(True)
            self.legend.addItem(self.curves[i], f"{_plain(neuron)}: {activation_title(a)}")
            y_lo, y_hi = min(y_lo, y.min()), max(y_hi, y.max())
            show = i == 0 and self.show_slope.isChecked()
            self.slopes[i].setVisible(show)
            if show:
                dy = a.df(z, neuron.params)
                self.slopes[i].setData(
                    z, dy, pen=pg.mkPen(colour, width=1.5 * self.scale, style=Qt.PenStyle.DashLine)
                )
                self.legend.addItem(
                    self.slopes[i],
                    translate("ActivationPanel", "slope f′(z) of {name}").format(
                        name=_plain(neuron)
                    ),
                )
                y_lo, y_hi = min(y_lo, dy.min()), max(y_hi, dy.max())
        for i in range(len(neurons), len(self.curves)):
            self.curves[i].setVisible(False)
            self.slopes[i].setVisible(False)
        y_lo, y_hi = self._draw_compare(z, y_lo, y_hi)
        # One neuron alone: the title names it and the check box the dashes; save the room.
        self.legend.setVisible(len(neurons) > 1 or bool(self.compared()))
        pad = max(0.08 * (y_hi - y_lo), 0.05)
        self.plot.setXRange(lo, hi, padding=0)
        self.plot.setYRange(y_lo - pad, y_hi + pad * 2.5, padding=0)
        self._draw_regions(z, act.df(z, first.params), y_hi + pad * 2.5)
        rule = translate("ActivationPanel", "fires: {rule}").format(
            rule=act.firing.text(theta, named=True)
        )
        self.threshold.setPos(theta)
        self.threshold.label.setFormat(rule)
        self.threshold.setVisible(True)
        title = (
            f"{_plain(first)}:  {activation_formula(act)}"
            if len(neurons) == 1
            else translate("ActivationPanel", "{names}: activation functions").format(
                names=", ".join(_plain(n) for n in neurons)
            )
        )
        style_plot(self.plot, self.theme.palette.plot, self.scale, title)

    def _draw_compare(self, z: np.ndarray, y_lo: float, y_hi: float) -> tuple[float, float]:
        wanted = self.compared()
        for k, name in enumerate(REGISTRY):
            curve = self.compare_curves.get(name)
            if name not in wanted:
                if curve is not None:
                    curve.setVisible(False)
                continue
            if curve is None:
                curve = self.compare_curves[name] = self.plot.plot()
            act = REGISTRY[name]
            y = act.f(z)
            colour = COMPARE_COLOURS[k % len(COMPARE_COLOURS)]
            curve.setData(
                z, y, pen=pg.mkPen(colour, width=1.8 * self.scale, style=Qt.PenStyle.DashDotLine)
            )
            curve.setVisible(True)
            self.legend.addItem(
                curve,
                translate("ActivationPanel", "compare: {name}").format(name=activation_title(act)),
            )
            y_lo, y_hi = min(y_lo, y.min()), max(y_hi, y.max())
        return y_lo, y_hi

    def _draw_regions(self, z: np.ndarray, slope: np.ndarray, top: float) -> None:
        regions = flat_regions(z, slope)[:MAX_REGIONS]
        everywhere = regions == [(float(z[0]), float(z[-1]))]
        span = float(z[-1] - z[0])
        for i, (region, label) in enumerate(self.regions):
            on = i < len(regions)
            region.setVisible(on)
            label.setVisible(bool(on and regions[i][1] - regions[i][0] > 0.12 * span))
            if on:
                lo, hi = regions[i]
                region.setRegion((lo, hi))
                label.setText(_region_text(z, slope, lo, hi, everywhere))
                # Flush with the plot's edge when the region touches it, so no text is cut.
                if lo <= z[0] and not everywhere:
                    label.setAnchor((0, 0))
                    label.setPos(lo, top)
                elif hi >= z[-1] and not everywhere:
                    label.setAnchor((1, 0))
                    label.setPos(hi, top)
                else:
                    label.setAnchor((0.5, 0))
                    label.setPos((lo + hi) / 2, top)

    def _draw_points(self, neurons: list[Neuron], points: list[tuple[float, float]]) -> None:
        # An overflowed neuron (z or y ±inf or NaN) has no point to draw; the canvas and
        # the inspector say "overflow" in words.
        kept = [(n, p) for n, p in zip(neurons, points, strict=True) if np.isfinite(p).all()]
        if not kept:
            for item in (self.markers, self.guides, self.point_label):
                item.setVisible(False)
            return
        neurons, points = [n for n, _ in kept], [p for _, p in kept]
        colours = [self.clock.colours.colour(n.id) for n in neurons]
        self.markers.setData(
            pos=points,
            size=13 * self.scale,
            brush=[brush(c) for c in colours],
            pen=pen("w", 1.5 * self.scale),
        )
        z, y = points[0]
        x_lo = self.plot.getViewBox().viewRange()[0][0]
        self.guides.setData(
            [z, z, x_lo, z],
            [0.0, y, y, y],
            pen=pen(self.theme.palette.plot.ink_soft, 1.0, Qt.PenStyle.DotLine),
        )
        self.point_label.setText(f"z = {z:.3f}\ny = {y:.3f}")
        self.point_label.setAnchor(_label_anchor(neurons[0], z, y, self.plot.viewRange()))
        self.point_label.setPos(z, y)
        for item in (self.markers, self.guides, self.point_label):
            item.setVisible(True)

    def _show_message(self) -> None:
        self._key = None
        text = translate(
            "ActivationPanel", "Add a hidden or output neuron\nto see its activation function"
        )
        for item in (
            *self.curves,
            *self.slopes,
            *self.compare_curves.values(),
            self.markers,
            self.guides,
            self.point_label,
            self.threshold,
            *(i for pair in self.regions for i in pair),
        ):
            item.setVisible(False)
        self.legend.clear()
        style_plot(
            self.plot,
            self.theme.palette.plot,
            self.scale,
            translate("ActivationPanel", "Activation function"),
        )
        self.plot.setXRange(-1, 1, padding=0)
        self.plot.setYRange(-1, 1, padding=0)
        self.message.setText(text)
        self.message.setPos(0, 0)
        self.message.setVisible(True)

    def _ensure_pool(self, n: int) -> None:
        while len(self.curves) < n:
            for pool in (self.curves, self.slopes):
                item = self.plot.plot(antialias=True)
                # Redrawn only when the function changes; the marker moves over a cached
                # picture of the curve.
                item.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                pool.append(item)

    def _invalidate(self) -> None:
        self._key = None
        self.schedule()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # folds the legend to one column when narrow
        self._place_legend()

    def _place_legend(self) -> None:
        """The legend goes under the plot; in a wide, low dock (beside other plots below the
        canvas) a one-column legend would leave the curves no height: it goes beside them."""
        beside = self.legend.columnCount == 1 and self.width() > 1.3 * self.height()
        cell = (0, 1) if beside else (1, 0)
        layout = self.widget.ci
        if layout.items.get(self.legend, [None])[0] != cell:
            layout.removeItem(self.legend)
            layout.addItem(self.legend, *cell)

    def apply_scale(self) -> None:
        self._key = None
        palette = self.theme.palette
        colours = palette.plot
        self.widget.setBackground(colours.ground)
        style_plot(self.plot, colours, self.scale)
        self.legend.setLabelTextSize(f"{9 * self.scale:.1f}pt")
        style_legend(self.legend, colours)
        for item in (self.point_label, self.message, *(label for _, label in self.regions)):
            item.setFont(font(self.scale))
        self.threshold.label.setFont(font(self.scale))
        style_text(self.threshold.label, colours.ink, colours.box(200))
        style_text(self.point_label, colours.ink, colours.box(190))
        style_text(self.message, colours.ink_soft)
        for _region, text in self.regions:
            style_text(text, VANISHING_TEXT[palette.dark])
        self.threshold.setPen(
            pg.mkPen(colours.ink, width=1.2 * self.scale, style=Qt.PenStyle.DashLine)
        )

    def csv_table(self) -> tuple[Sequence[str], list[Sequence[object]]]:
        neurons = self.shown()
        if not neurons:
            return ["z"], []
        ev = self.document.evaluation
        lo, hi = z_range([float(ev.z[0, ev.index[n.id]]) for n in neurons])
        z = np.linspace(lo, hi, SAMPLES)
        header, columns = ["z"], [z]
        for n in neurons:
            act = get_activation(n.activation)
            header += [f"f(z) {n.id} ({n.activation})", f"f'(z) {n.id}"]
            columns += [act.f(z, n.params), act.df(z, n.params)]
        for name in self.compared():
            header.append(f"f(z) compare {name}")
            columns.append(REGISTRY[name].f(z))
        return header, [[float(c[i]) for c in columns] for i in range(len(z))]


def _label_anchor(
    neuron: Neuron, z: float, y: float, view: list[list[float]]
) -> tuple[float, float]:
    """Where the "z = …, y = …" box goes beside the point: inside the plot, off the curve.

    Above the point near the bottom of the plot, below it near the top, and on the side
    the curve leaves free (a rising curve: above-left or below-right; a falling one: the
    other two). Never towards an edge less than a quarter of the plot away.
    """
    (x0, x1), (y0, y1) = view
    room_left = z > x0 + 0.25 * (x1 - x0)
    room_right = z < x0 + 0.75 * (x1 - x0)
    height = (y - y0) / (y1 - y0) if y1 > y0 else 0.5
    slope = float(get_activation(neuron.activation).df(np.array([z]), neuron.params)[0])
    rising, falling = slope > 1e-6, slope < -1e-6
    if height < 0.3 or height > 0.7:
        below = height > 0.7
        free_left = (rising and not below) or (falling and below)
        left = (free_left and room_left) or not room_right
    else:
        left = not room_right
        below = rising != left
    return (1.08 if left else -0.08, -0.1 if below else 1.1)


def _plain(neuron: Neuron) -> str:
    """The name for pyqtgraph's titles and legends, which read HTML: a label is only text."""
    return escape(_name(neuron), quote=False)


def _name(neuron: Neuron) -> str:
    return neuron.id if neuron.label in ("", neuron.id) else f"{neuron.label} ({neuron.id})"


def _region_text(z: np.ndarray, slope: np.ndarray, lo: float, hi: float, everywhere: bool) -> str:
    """The words on a shaded flat region: its slope is exactly 0 (ReLU for z < 0, where
    nothing flows back) or only small (a sigmoid's tail, where a little still does)."""
    if everywhere:  # (only where the slope is 0 for every z: step)
        return translate("ActivationPanel", "gradient 0 everywhere")
    inside = slope[(z >= lo) & (z <= hi)]
    if inside.size and not np.any(inside):
        return translate("ActivationPanel", "zero\ngradient")
    return translate("ActivationPanel", "vanishing\ngradient")
