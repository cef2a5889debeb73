"""Every panel exports a valid PNG, SVG (through QSvgGenerator) and CSV; the menu offers them."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from plots_helpers import make, xor_network
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QContextMenuEvent, QImage
from PySide6.QtWidgets import QApplication, QGraphicsItem

from neurosim.ui.plots.activation_panel import ActivationPanel
from neurosim.ui.plots.raster_panel import RasterPanel
from neurosim.ui.plots.sparsity_panel import SparsityPanel
from neurosim.ui.plots.surface.panel import DecisionSurfacePanel
from neurosim.ui.plots.traces_panel import TracesPanel

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
PANELS = [ActivationPanel, TracesPanel, RasterPanel, SparsityPanel, DecisionSurfacePanel]


@pytest.fixture(params=PANELS, ids=lambda cls: cls.__name__)
def panel(request, qtbot):
    document, clock = make(xor_network())
    panel = request.param(document, clock)
    qtbot.addWidget(panel)
    panel.resize(600, 360)
    panel.show()
    qtbot.waitExposed(panel)
    clock.step(12)
    panel.flush()
    return panel


def test_png(panel, tmp_path) -> None:
    path = tmp_path / "plot.png"
    panel.export_png(path)
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() >= 2 * panel.view.viewport().width() - 1
    # Not blank: a plot has more than a handful of colours.
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 5


def test_png_shows_the_whole_plot_as_on_screen(panel, tmp_path) -> None:
    """The 2× picture is the view, not its top-left quarter enlarged."""
    path = tmp_path / "plot.png"
    panel.export_png(path)
    viewport = panel.view.viewport()
    shown = viewport.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    exported = QImage(str(path)).scaled(shown.size()).convertToFormat(QImage.Format.Format_RGB32)
    a = _grey(shown)
    b = _grey(exported)
    assert np.abs(a - b).mean() < 4.5  # antialiasing differs a little; a crop: 7 to 70


def _grey(image: QImage) -> np.ndarray:
    colours = [
        [QColor(image.pixel(x, y)).lightness() for x in range(0, image.width(), 3)]
        for y in range(0, image.height(), 3)
    ]
    return np.array(colours, dtype=float)


def test_svg_draws_curves_and_markers_as_shapes(qtbot, tmp_path) -> None:
    """No cached pixmaps of curves or markers in the SVG: they stay sharp when enlarged."""
    document, clock = make(xor_network())
    panel = ActivationPanel(document, clock)
    qtbot.addWidget(panel)
    panel.resize(600, 360)
    panel.show()
    qtbot.waitExposed(panel)
    panel.flush()
    panel.export_svg(tmp_path / "a.svg")
    tags = [el.tag.rsplit("}", 1)[-1] for el in ET.parse(tmp_path / "a.svg").getroot().iter()]
    assert "image" not in tags
    # The caches are back on afterwards (the live plot draws the curves from them).
    assert panel.curves[0].curve.cacheMode() != QGraphicsItem.CacheMode.NoCache


def test_svg_parses(panel, tmp_path) -> None:
    path = tmp_path / "plot.svg"
    panel.export_svg(path)
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert "path" in tags or "polyline" in tags
    assert "text" in tags  # axis labels are real text, not pixels
    assert root.find("{http://www.w3.org/2000/svg}title").text.startswith("NeuroSim")


def test_csv(panel, tmp_path) -> None:
    path = tmp_path / "plot.csv"
    panel.export_csv(path)
    with path.open(newline="") as fh:
        rows = list(csv.reader(fh))
    header, data = rows[0], rows[1:]
    assert len(header) >= 2 and data
    assert all(len(row) == len(header) for row in data)
    for row in data[:50]:
        for cell in row:
            if cell:
                float(cell)  # numbers only, no "np.float64(...)"


def test_menu_lists_the_exports(panel) -> None:
    texts = [a.text() for a in panel.build_menu().actions()]
    assert {
        "Export as PNG image…",
        "Export as SVG drawing…",
        "Export data as CSV…",
        "Copy image",
    } <= set(texts)


def test_export_through_the_menu_asks_for_a_file(panel, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "chosen"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    menu = panel.build_menu()
    next(a for a in menu.actions() if a.text().startswith("Export data")).trigger()
    assert (tmp_path / "chosen.csv").read_text().count("\n") > 1


def test_traces_csv_values(qtbot, tmp_path) -> None:
    document, clock = make(xor_network())
    panel = TracesPanel(document, clock)
    qtbot.addWidget(panel)
    clock.step(6)
    panel.export_csv(tmp_path / "t.csv")
    rows = list(csv.reader((tmp_path / "t.csv").open()))
    assert rows[0] == ["t", "x1", "x2", "XOR (y1)"]
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(7)]
    assert rows[-1][2] == "1"  # step 6: row 1 of the truth table, x2 = 1


def test_csv_numbers_have_15_significant_digits(qtbot, tmp_path) -> None:
    """A typed weight reads back exactly; float noise of a sum does not show."""
    document, clock = make(xor_network())
    panel = TracesPanel(document, clock)
    qtbot.addWidget(panel)
    header, rows = panel.csv_table()
    rows = [[0, 0.3, 0.1 + 0.2 - 0.32, 1e-3]]  # typed, typed, noise (-0.019999999999999574)
    panel.csv_table = lambda: (header, rows)
    panel.export_csv(tmp_path / "n.csv")
    table = list(csv.reader((tmp_path / "n.csv").open()))
    assert table[1] == ["0", "0.3", "-0.02", "0.001"]
    assert float(table[1][1]) != 0.1 + 0.2 - 0.32  # the noise is gone, by design


def test_right_click_on_the_plot_opens_the_panel_menu(panel) -> None:
    opened = []

    class Menu:
        def exec(self, pos):  # noqa: A003 - Qt's name
            opened.append(pos)

    panel.build_menu = Menu  # instance attribute: the panel calls this one
    viewport = panel.view.viewport()
    pos = QPoint(viewport.width() // 2, viewport.height() // 2)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)  # pyqtgraph's own menu is off: it reaches us
    assert opened == [viewport.mapToGlobal(pos)]
