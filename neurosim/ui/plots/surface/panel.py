"""Decision surface: one neuron's output over the plane of two inputs, with its firing line.

With a single input it shows that neuron's output y(x) as a line over the data points
instead (:mod:`.response_view`). The other inputs are held at their present values. The
grid (100 × 100 by default) goes through ``Engine.forward`` in float32 in one batch; it is
recomputed only when something it depends on changes — moving just the two plotted inputs
only moves the marker.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.activations import get_activation
from neurosim.core.model import Neuron
from neurosim.ui.clock import SimulationClock
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.plots.axes import stable_axes
from neurosim.ui.plots.base import PlotPanel
from neurosim.ui.plots.contour import contour_segments
from neurosim.ui.plots.style import (
    BASE_POINT_SIZE,
    label_axes,
    quiet_plot,
    style_axis,
    style_legend,
    style_plot,
)
from neurosim.ui.plots.surface import grid as surface_grid
from neurosim.ui.plots.surface.colour_bar import SurfaceColours
from neurosim.ui.plots.surface.controls import SurfaceControls, neuron_name
from neurosim.ui.plots.surface.folding import SurfaceFolding
from neurosim.ui.plots.surface.key import SurfaceKey
from neurosim.ui.plots.surface.points import SurfacePoints
from neurosim.ui.plots.surface.response_view import ResponseView
from neurosim.ui.theme import Theme

RESOLUTION = 100
# The firing line and the marker lie on the surface, whose colours are the same in every
# theme (the line on its pale middle): one dark ink for both. Their legend keys, on the
# plot's ground, take the theme's ink.
ON_SURFACE = "#1a1a1a"


class DecisionSurfacePanel(SurfaceFolding, PlotPanel):
    title = QT_TRANSLATE_NOOP("PlotPanel", "Decision surface")
    file_stem = "decision-surface"

    def __init__(
        self,
        document: Document,
        clock: SimulationClock,
        parent: QWidget | None = None,
        resolution: int = RESOLUTION,
        *,
        theme: Theme | None = None,
    ) -> None:
        super().__init__(document, clock, parent, theme=theme)
        self.resolution = int(resolution)
        self.grid_values = np.zeros((0, 0))  # y of the chosen neuron, [row = y, column = x]
        self.grid_z = np.zeros((0, 0))
        self.xs = self.ys = np.zeros(0)
        self._surface_stale = True
        self.one_input = False
        self._line_names: tuple[str, str] | None = None
        self.controls = SurfaceControls(self)
        self.controls.changed.connect(self._invalidate)
        self.controls.fit_requested.connect(self.fit_ranges)
        self._build_plot()
        self.controls.changed.connect(self._draw_points)
        stack_layout = QVBoxLayout(self)
        stack_layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        # A one-line header says what is plotted and folds the controls away when the
        # panel is too small for both (the user's own choice wins over the automatic one).
        self.toggle = QToolButton(self)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setToolTip(
            translate(
                "DecisionSurfacePanel", "Show or hide the choice of inputs, neuron and ranges"
            )
        )
        self.toggle.clicked.connect(self._on_toggle_clicked)
        self._folded_by_user: bool | None = None
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.toggle)
        self.page_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.plots = QStackedWidget(self)  # the surface, or the line for one input
        self.plots.addWidget(self.widget)
        self.plots.addWidget(self.line.widget)
        self.page_layout.addWidget(self.plots, 1)
        self.page_layout.addWidget(self.controls)
        page_layout.addLayout(self.page_layout, 1)
        self.show_controls(True)
        self.stack.addWidget(page)
        self.stack.addWidget(self.message)
        stack_layout.addWidget(self.stack)
        self.follow_network()
        self._fill_combos()
        self.fit_ranges()
        self.restyle()

    def _build_plot(self) -> None:
        self.widget = pg.GraphicsLayoutWidget()
        self.plot = self.widget.addPlot(0, 0, axisItems=stable_axes(), enableMenu=False)
        quiet_plot(self.plot)
        self.plot.showGrid(x=False, y=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.colours = SurfaceColours(self.image, self.plot)
        self.bar = self.colours.bar
        self.contour = pg.PlotDataItem(connect="pairs")
        self.contour.setZValue(10)
        self.plot.addItem(self.contour)
        self.marker = pg.ScatterPlotItem()
        self.marker.setZValue(20)
        self.plot.addItem(self.marker)
        self.contour_key = pg.PlotDataItem()  # in the legend only
        self.marker_key = pg.ScatterPlotItem()
        self.legend = pg.LegendItem(frame=False, colCount=2)
        self.folding_legends.append((self.legend, 280))
        self.widget.addItem(self.legend, 1, 0)
        self.points = SurfacePoints(self.plot)
        self.line = ResponseView()
        self.key = SurfaceKey(
            self.legend, self.contour_key, self.marker_key, self.points, self._fit_legend_columns
        )

    # ------------------------------------------------------------------ choices
    def chosen(self) -> tuple[str | None, str | None, str | None]:
        """(x input, y input, coloured neuron) ids."""
        return self.controls.chosen()

    def choose(
        self, x_id: str | None = None, y_id: str | None = None, neuron_id: str | None = None
    ) -> None:
        self.controls.choose(x_id, y_id, neuron_id)

    def ranges(self) -> tuple[tuple[float, float], tuple[float, float]]:
        return self.controls.ranges()

    def set_ranges(self, x_range: tuple[float, float], y_range: tuple[float, float]) -> None:
        self.controls.set_ranges(x_range, y_range)

    def fit_ranges(self) -> None:
        """Ranges covering 0…1, each input's value and its source's values, with a margin."""
        self.controls.fit(self.document.network)

    def _fill_combos(self) -> None:
        inputs, others = self.controls.fill(self.document.network)
        self.message.setText(
            translate("DecisionSurfacePanel", "The decision surface needs an input neuron.")
            if inputs < 1
            else translate(
                "DecisionSurfacePanel", "The decision surface needs a hidden or output neuron."
            )
        )
        self.stack.setCurrentIndex(0 if inputs >= 1 and others else 1)
        self.one_input = inputs == 1
        self.plots.setCurrentIndex(1 if self.one_input else 0)
        self.controls.set_one_input(self.one_input)
        self._show_summary()

    @property
    def view(self) -> pg.GraphicsView:
        """The plot shown (exports render it): the surface, or the line for one input."""
        return self.line.widget if self.one_input else self.widget

    def _show_summary(self) -> None:
        net = self.document.network
        names = [
            neuron_name(net.neurons[nid]) if nid in net.neurons else "–" for nid in self.chosen()
        ]
        over = names[0] if self.one_input else f"{names[0]} × {names[1]}"
        self.toggle.setText(
            translate("DecisionSurfacePanel", "{neuron} over {inputs}").format(
                neuron=names[2], inputs=over
            )
        )

    def _invalidate(self) -> None:
        self._show_summary()
        self._surface_stale = True
        self.schedule()

    # -------------------------------------------------------------- following
    def network_slots(self) -> list:
        return [
            ("neuron_added", self._on_structure),
            ("neuron_removed", self._on_structure),
            ("synapse_added", self._on_structure),
            ("synapse_removed", self._on_structure),
            ("neuron_changed", self._on_neuron_changed),
            ("synapse_changed", self._on_synapse_changed),
            ("parameters_changed", self._invalidate),
        ]

    def _on_synapse_changed(self, _key: object, field: str) -> None:
        if field == "weight":
            self._invalidate()

    def _on_structure(self, *_: object) -> None:
        self._fill_combos()
        self._invalidate()

    def _on_neuron_changed(self, neuron_id: str, field: str) -> None:
        if field == "label":
            self._fill_combos()
        elif field == "value" and neuron_id in self.chosen()[:2]:
            self.schedule()  # only the marker moves
        elif field not in ("position", "frozen", "source"):
            self._invalidate()

    def rebuild(self) -> None:
        self._fill_combos()
        self.fit_ranges()

    # ---------------------------------------------------------------- drawing
    def redraw(self) -> None:
        x_id, y_id, out_id = self.chosen()
        net = self.document.network
        if None in (x_id, y_id, out_id) or out_id not in net.neurons:
            return
        if self.one_input:
            self._draw_line(x_id, net.neurons[out_id])
            return
        if self._surface_stale:
            self._surface_stale = False
            self._draw_surface(x_id, y_id, net.neurons[out_id])
        self.marker.setData([net.neurons[x_id].value], [net.neurons[y_id].value])

    def grid_size(self) -> int:
        """Grid points per side: ``resolution``, fewer for a big network (``GRID_WORK``)."""
        return surface_grid.grid_size(self.document.engine, self.resolution)

    def compute_grid(self, x_id: str, y_id: str, out_id: str) -> tuple[np.ndarray, np.ndarray]:
        """(y, z) of ``out_id`` on the grid, each [row = y step, column = x step]."""
        self.xs, self.ys, values, z = surface_grid.compute_grid(
            self.document.engine,
            self.document.network,
            x_id,
            y_id,
            out_id,
            self.ranges(),
            self.grid_size(),
        )
        return values, z

    def _draw_line(self, x_id: str, neuron: Neuron) -> None:
        net = self.document.network
        names = (_plain(net.neurons[x_id]), _plain(neuron))
        if names != self._line_names:
            self._line_names = names
            self.line.restyle(self.theme.palette.plot, self.scale, names)
        x_range = self.ranges()[0]
        self.line.draw(self.document.engine, x_id, neuron.id, x_range, names)

    def _draw_surface(self, x_id: str, y_id: str, neuron: Neuron) -> None:
        values, z = self.compute_grid(x_id, y_id, neuron.id)
        self.grid_values, self.grid_z = values, z
        act = get_activation(neuron.activation)
        theta = float(act.firing_threshold(neuron.params))
        self.colours.show(act)
        dx = self.xs[1] - self.xs[0] if len(self.xs) > 1 else 1.0
        dy = self.ys[1] - self.ys[0] if len(self.ys) > 1 else 1.0
        self.image.setImage(values, autoLevels=False, levels=self.colours.levels)
        self.image.setRect(
            QRectF(self.xs[0] - dx / 2, self.ys[0] - dy / 2, dx * len(self.xs), dy * len(self.ys))
        )
        cx, cy = contour_segments(z, self.xs, self.ys, theta)
        self.contour.setData(cx, cy)
        self.plot.setXRange(self.xs[0], self.xs[-1], padding=0)
        self.plot.setYRange(self.ys[0], self.ys[-1], padding=0)
        self._label(x_id, y_id, neuron, theta)

    def _label(self, x_id: str, y_id: str, neuron: Neuron, theta: float) -> None:
        """Titles, axis labels and legend — only when they change: while training redraws
        the surface every frame, re-setting these texts costs about 1 ms."""
        net = self.document.network
        # pyqtgraph's labels read HTML: a neuron's label is shown as the text it is
        x_name, y_name = _plain(net.neurons[x_id]), _plain(net.neurons[y_id])
        out_name = _plain(neuron)
        rule = get_activation(neuron.activation).firing.text(theta)
        colours = self.theme.palette.plot
        key = (x_name, y_name, out_name, rule, self.scale, colours)
        if not self.key.relabel(key, rule, self.scale):
            return
        label_axes(self.plot, colours, x_name, y_name, self.scale)
        title = translate("DecisionSurfacePanel", "Output of {name}").format(name=out_name)
        style_plot(self.plot, colours, self.scale, title)
        self.bar.axis.setLabel(
            translate("DecisionSurfacePanel", "y of {name}").format(name=out_name),
            color=colours.ink,
            **{"font-size": f"{BASE_POINT_SIZE * self.scale:.1f}pt"},
        )

    def apply_scale(self) -> None:
        self._surface_stale = True
        self._line_names = None
        colours = self.theme.palette.plot
        self.widget.setBackground(colours.ground)
        self.line.widget.setBackground(colours.ground)  # (its axes follow at its next draw)
        style_plot(self.plot, colours, self.scale)
        style_axis(self.bar.axis, colours, self.scale)
        self.legend.setLabelTextSize(f"{9 * self.scale:.1f}pt")
        style_legend(self.legend, colours)
        self.key.rescale(self.scale)
        for item, ink in ((self.contour, ON_SURFACE), (self.contour_key, colours.ink)):
            line = pg.mkPen(ink, width=2.5 * self.scale)
            line.setCapStyle(Qt.PenCapStyle.RoundCap)  # the line is many short pieces: no seams
            item.setPen(line)
        for item, ink in ((self.marker, ON_SURFACE), (self.marker_key, colours.ink)):
            item.setData(
                size=14 * self.scale,
                brush=pg.mkBrush("#ffffff"),
                pen=pg.mkPen(ink, width=2.5 * self.scale),
                symbol="o",
            )

    # ------------------------------------------------------------- data points
    def set_points(
        self,
        inputs: np.ndarray | None,
        labels: np.ndarray | None = None,
        is_test: np.ndarray | None = None,
        input_ids: Sequence[str] | None = None,
    ) -> None:
        """Draw data rows over the surface: training rows filled, test rows (``is_test``)
        hollow, coloured by class (``labels`` true: class 1). ``inputs`` has a column per id
        in ``input_ids`` (default: the plotted x and y inputs); the plotted columns follow
        the axis choice. None removes the points (see :mod:`.points`)."""
        self.points.set_rows(inputs, labels, is_test, input_ids)
        self._draw_points()
        self.key.key_points(self.scale)

    def _draw_points(self) -> None:
        x_id, y_id, _ = self.chosen()
        self.points.draw(x_id, y_id, self.scale)

    def set_targets(
        self,
        x: np.ndarray | None,
        targets: np.ndarray | None = None,
        target_ids: Sequence[str] = (),
        is_test: np.ndarray | None = None,
    ) -> None:
        """Regression rows for the one-input line: ``x`` the input column, ``targets`` a
        column per id in ``target_ids``; None removes them."""
        self.line.set_rows(x, targets, target_ids, is_test)
        self.line.forget_range()
        self.schedule()

    def csv_table(self) -> tuple[Sequence[str], list[Sequence[object]]]:
        x_id, y_id, out_id = self.chosen()
        if self.one_input:
            rows = [[float(x), float(y)] for x, y in zip(self.line.xs, self.line.ys, strict=True)]
            return [x_id or "x", f"y of {out_id}"], rows
        rows = [
            [float(self.xs[i]), float(self.ys[j]), float(self.grid_values[j, i])]
            for j in range(len(self.ys))
            for i in range(len(self.xs))
        ]
        return [x_id or "x", y_id or "y", f"y of {out_id}"], rows


def _plain(neuron: Neuron) -> str:
    return escape(neuron_name(neuron), quote=False)
