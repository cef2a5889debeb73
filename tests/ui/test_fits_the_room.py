"""Fits the room (issue 13): every gallery example readable in presentation mode on a
1280×720 projector and a 1920×1080 screen, and in the normal window at 1280×800.

Presentation runs in a child process whose offscreen screen has the projector's size (a
screen is fixed when Qt starts); it is entered with F5 and paged with PageDown, as a
lecturer does, and reports what :mod:`room_checks` finds wrong on each page.
"""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
from __future__ import annotations

import textwrap
from pathlib import Path

import pyqtgraph as pg
import pytest
from lessons_helpers import EXAMPLES, lessons  # noqa: F401 - fixture
from room_checks import plot_problems, shown_panels
from screen_child import run_on_screen

from neurosim.ui.plots.spacing import spaced_ticks
from neurosim.ui.plots.style import fitted_title, font

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ROOT = Path(__file__).resolve().parents[2]
MIN_PLOT = 90  # px: no plot on a projector is a strip thinner than this
MIN_TEXT = 18  # px: the smallest canvas text a lecture hall reads
#: the examples whose whole network is drawn with 18 px text on a 1280×720 projector; the
#: others (a 32-neuron layer, a 2-8-8-1 net, text that would pile on text) show an overview
READABLE_AT_720 = {"single_neuron", "01-threshold", "02-activation-shapes", "03a-logic-gates"}
READABLE_AT_720 |= {"05a-vanishing-sigmoid", "05b-vanishing-relu"}

CHILD = textwrap.dedent("""
    import json, sys
    sys.path.insert(0, sys.argv[2])
    from PySide6.QtCore import QRect, QPoint, QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from neurosim.ui import app as ns_app

    qapp = ns_app.application()
    from neurosim.core.lesson import examples
    from neurosim.ui.mainwindow import MainWindow
    import room_checks

    def settle(ms=150):
        QTest.qWait(ms)

    window = MainWindow(settings=QSettings(sys.argv[1], QSettings.Format.IniFormat))
    gallery = examples()
    window.open_file(gallery[0].path)
    window.show()
    window.activateWindow()
    settle(300)
    base_font = QApplication.font().pointSizeF()
    minimum = int(sys.argv[3])
    panel = window.training.panel
    train_button = panel.button_for[panel.train_action]  # bold, with a style sheet
    QTest.keyClick(window, Qt.Key.Key_F5)  # the lecturer's key
    settle(400)
    pages = []
    for i, info in enumerate(gallery):
        if i:
            QTest.keyClick(window, Qt.Key.Key_PageDown)  # the clicker
            settle(400)
        bar = window.lessons.presentation._saved.title_bar
        label = bar.label
        where = QRect(label.mapTo(window, QPoint(0, 0)), label.size())
        panels = room_checks.shown_panels(window)
        # plots lay out over a few event-loop passes, more on a busy machine: wait (≤ 3 s)
        for _ in range(30):
            if not any(room_checks.plot_problems(p, minimum) for p in panels):
                break
            settle(100)
            panels = room_checks.shown_panels(window)
        pages.append({
            "name": info.name,
            "path": str(window.document.path),
            "full_screen": window.isFullScreen(),
            "menu_bar": window.menuBar().isVisible(),
            "title": info.title,
            "title_shown": label.text(),
            "title_on_screen": label.isVisible() and window.rect().contains(where),
            "title_fits": label.fontMetrics().horizontalAdvance(label.text()) <= label.width(),
            "font_ratio": QApplication.font().pointSizeF() / base_font,
            "train_button_ratio": train_button.fontInfo().pointSizeF() / base_font,
            "canvas_px": room_checks.canvas_text_px(window),
            "train_cut": room_checks.train_panel_cut(window),
            "panels": [type(p).__name__ for p in panels],
            "problems": [
                problem for p in panels for problem in room_checks.plot_problems(p, minimum)
            ],
        })
        window.document.undo_stack.setClean()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    settle()
    report = {"pages": pages, "left": not window.isFullScreen(),
              "menu_after": window.menuBar().isVisible()}
    window.document.undo_stack.setClean()
    window.close()
    print(json.dumps(report))
""")


def run_presentation(tmp_path, width: int, height: int) -> dict:
    args = [str(tmp_path / "s.ini"), str(ROOT / "tests" / "ui"), str(MIN_PLOT)]
    return run_on_screen(tmp_path, CHILD, args, width, height, timeout=300)


@pytest.fixture(scope="module")
def at_720(tmp_path_factory) -> dict:
    return run_presentation(tmp_path_factory.mktemp("p720"), 1280, 720)


@pytest.fixture(scope="module")
def at_1080(tmp_path_factory) -> dict:
    return run_presentation(tmp_path_factory.mktemp("p1080"), 1920, 1080)


@pytest.mark.parametrize("report", ["at_720", "at_1080"])
def test_every_example_in_presentation_has_its_title_and_no_menu_bar(report, request):
    report = request.getfixturevalue(report)
    pages = report["pages"]
    assert [p["name"] for p in pages] == [e.name for e in EXAMPLES]  # PageDown saw them all
    for page in pages:
        assert page["full_screen"] and not page["menu_bar"], page["name"]
        assert page["title_shown"] == page["title"] and page["title"], page
        assert page["title_on_screen"] and page["title_fits"], page
        assert page["font_ratio"] >= 1.5, page  # every control's text scaled up
        assert page["train_button_ratio"] >= 1.5, page  # Train ▶ too
    assert report["left"] and report["menu_after"]  # Esc puts the menu bar back


@pytest.mark.parametrize("report", ["at_720", "at_1080"])
def test_every_example_in_presentation_shows_readable_plots(report, request):
    """Each plot on screen at least MIN_PLOT px both ways, no axis numbers overlapping, no
    title or legend cut or shortened, no text in a plot cut by its edge."""
    for page in request.getfixturevalue(report)["pages"]:
        assert page["panels"], page["name"]  # the lesson's main plot is on screen
        assert page["problems"] == [], page["name"]
        assert not page["train_cut"], page["name"]  # Train ▶ and its neighbours whole


def test_canvas_text_is_18_px_on_a_1280x720_projector(at_720, at_1080):
    for page in at_720["pages"]:
        if page["name"] in READABLE_AT_720:
            assert page["canvas_px"] >= MIN_TEXT - 0.5, page  # (a pixel size rounds)
    for page in at_1080["pages"]:
        if page["name"] in READABLE_AT_720 | {"03b-xor-hidden-layer", "04-linear-collapse"}:
            assert page["canvas_px"] >= MIN_TEXT - 0.5, page


def test_a_short_screen_puts_the_plots_beside_the_network_as_tabs(at_720):
    """At 720 px the lesson's plots are tabs of one column (its main plot in front), not
    a strip below the network: 01 names activation, traces, raster."""
    pages = {p["name"]: p for p in at_720["pages"]}
    assert pages["01-threshold"]["panels"] == ["ActivationPanel"]
    assert pages["03b-xor-hidden-layer"]["panels"] == ["DecisionSurfacePanel"]
    assert pages["06a-sparse-relu"]["panels"] == ["SparsityPanel"]


# ----------------------------------------------------------- the window at 1280×800
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_at_1280x800_no_plot_title_legend_or_number_is_cut(lessons, qtbot, example):
    window, _ui = lessons
    window.resize(1280, 800)  # (the test screen's size; QT_QPA_PLATFORM=offscreen has another)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (1280, 800))
    assert window.open_file(example.path)
    panels = shown_panels(window)
    assert panels, example.name

    def problems() -> list[str]:
        return [problem for panel in panels for problem in plot_problems(panel, 40)]

    # the docks take their places over a few event-loop passes (more on a busy machine)
    try:
        qtbot.waitUntil(lambda: problems() == [], timeout=3_000)
    except qtbot.TimeoutError:
        pass
    assert problems() == []


def test_spaced_ticks_keep_every_other_label_when_they_would_touch(qtbot):
    view = pg.PlotWidget()
    qtbot.addWidget(view)
    axis = view.getPlotItem().getAxis("bottom")
    axis.setTickFont(font(1.6))
    levels = [(100.0, [9500.0, 9600.0, 9700.0, 9800.0, 9900.0]), (20.0, [9520.0, 9540.0])]
    kept, labelled = spaced_ticks(axis, axis.tickStrings, levels, 9450.0, 9950.0, 180.0)
    assert kept[0][1] == [9600.0, 9800.0]  # labelled major ticks, 200 apart
    assert {9500.0, 9700.0, 9900.0} <= set(kept[1][1])  # the others stay as ticks
    assert labelled == {9600.0, 9800.0}


def test_a_long_title_wraps_before_it_is_shortened(qtbot):
    from PySide6.QtGui import QFontMetricsF

    metrics = QFontMetricsF(font(1.0, factor=1.1))
    title = "σ (y1):  y = σ(z) = 1 / (1 + e−z)"
    assert fitted_title(title, metrics, 1000) == title
    two = fitted_title(title, metrics, metrics.horizontalAdvance("y = σ(z) = 1 / (1 + e−z)") + 2)
    assert two == "σ (y1):<br>y = σ(z) = 1 / (1 + e−z)"
    assert "…" in fitted_title(title, metrics, metrics.horizontalAdvance("σ (y1)"))


# ------------------------------------- the training curves in presentation (F5, Ctrl+T)
TRAINING_CHILD = textwrap.dedent("""
    import json, sys
    sys.path.insert(0, sys.argv[2])
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from neurosim.ui import app as ns_app

    qapp = ns_app.application()
    from neurosim.paths import resource_path
    from neurosim.ui.mainwindow import MainWindow
    import room_checks

    window = MainWindow(settings=QSettings(sys.argv[1], QSettings.Format.IniFormat))
    window.show()
    window.activateWindow()
    out = {}
    for name in ("05a-vanishing-sigmoid", "08-choosing-activation"):
        window.open_file(resource_path("examples", f"{name}.nsim.json"))
        QTest.qWait(300)
        QTest.keyClick(window, Qt.Key.Key_F5)
        QTest.qWait(400)
        timer = window.lessons.presentation._arrange_timer
        for _ in range(50):  # the page is arranged (later on a busy machine)
            if not timer.isActive():
                break
            QTest.qWait(100)
        QTest.qWait(200)
        QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        plots = window.training.plots
        for _ in range(50):  # the docks take their places (slower on a busy machine)
            QTest.qWait(100)
            if room_checks.on_screen(plots) and window.training.session.epochs >= 5:
                break
        QTest.qWait(300)
        session = window.training.session
        if session.running:
            QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
            QTest.qWait(200)
        plots = window.training.plots
        shown = [p for p in (plots.loss_plot, plots.acc_plot, plots.grad_plot) if p.isVisible()]
        out[name] = {
            "on_screen": room_checks.on_screen(plots),
            "epochs": session.epochs,
            "mode": plots.mode,
            "tab": plots.tabs.currentIndex(),
            "problems": room_checks.plot_problems(plots, int(sys.argv[3])),
            "numbers": [
                [t for t in room_checks.axis_labels(p.getAxis("bottom")) if t.strip()]
                for p in shown
            ],
            "widths": [p.getViewBox().width() for p in shown],
        }
        QTest.keyClick(window, Qt.Key.Key_Escape)
        QTest.qWait(300)
        window.document.undo_stack.setClean()
    window.close()
    print(json.dumps(out))
""")


def test_training_curves_in_presentation_at_1280x720(tmp_path):
    """F5 then Ctrl+T on a 1280×720 projector: the training plots are whole and readable,
    and 05a (a lesson about gradients) shows its gradients first when one plot fits."""
    args = [str(tmp_path / "s.ini"), str(ROOT / "tests" / "ui"), str(MIN_PLOT)]
    report = run_on_screen(tmp_path, TRAINING_CHILD, args, 1280, 720, timeout=300)
    for name, page in report.items():
        assert page["on_screen"] and page["epochs"] > 0, (name, page)
        assert page["problems"] == [], (name, page)
        assert all(len(numbers) >= 2 for numbers in page["numbers"]), (name, page)
        assert all(width >= 120 for width in page["widths"]), (name, page)
    if report["05a-vanishing-sigmoid"]["mode"] == "tabs":
        assert report["05a-vanishing-sigmoid"]["tab"] == 2  # Gradients
