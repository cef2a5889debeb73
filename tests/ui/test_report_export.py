"""File ▸ Export Report… in the window: the page holds the visible plots, this session's
training run, the exercise's check and the edits with their times; PDF too; errors shown."""

from __future__ import annotations

import base64
import re

from lessons_helpers import example_path
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QDockWidget

import neurosim
from neurosim.ui.commands import SetNeuronField, SetWeight

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window, new_window


def export_with_keys(qtbot, window, dialogs, path) -> None:
    dialogs.save_path = str(path)
    qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def rendered(page: str, width: int = 900) -> QImage:
    """The page as Qt draws it (data-URI pictures included)."""
    document = QTextDocument()
    document.setHtml(page)
    document.setTextWidth(width)
    size = document.size()
    image = QImage(width, int(size.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    return image


def test_shortcut_writes_a_report_with_plots_edits_and_training(qtbot, window, dialogs, tmp_path):
    assert window.open_file(example_path("08-choosing-activation"))
    network = window.document.network
    key = next(iter(network.synapses))
    window.document.push(SetWeight(network, key, 0.25))
    window.document.undo_stack.undo()
    window.document.undo_stack.redo()
    for _ in range(3):
        window.training.session.step()
    visible = [p for p in [*window.live_plots.panels, window.training.plots] if p.isVisible()]
    assert visible
    out = tmp_path / "lab.html"
    export_with_keys(qtbot, window, dialogs, out)
    page = out.read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == len(visible)
    for panel in visible:
        assert f"<h3>{panel.title}</h3>" in page
    edits = re.findall(r"<tr><td>(\d\d:\d\d:\d\d)</td><td>([^<]*)</td></tr>", page)
    texts = [t for _, t in edits]
    assert texts[1:3] == [f"Undo: {texts[0]}", f"Redo: {texts[0]}"]
    assert texts[3:] == ["Train 1 epoch"] * 3  # training steps are edits too
    assert "3</td>" in page.split("<h2>Training</h2>")[1]  # the epochs trained
    assert "Report saved" in window.statusBar().currentMessage()
    # what a teacher sees: the page drawn, the network picture and a plot in it
    image = rendered(page)
    assert image.height() > 1500
    first_png = re.search(r"data:image/png;base64,([^\"]+)", page).group(1)
    plot = QImage.fromData(base64.b64decode(first_png))
    assert not plot.isNull() and plot.width() > 100


def test_report_of_an_exercise_shows_its_goals(qtbot, window, dialogs, tmp_path):
    assert window.open_file(neurosim.exercise("and-gate"))
    out = tmp_path / "and.html"
    window.report.export_to(out)
    page = out.read_text(encoding="utf-8")
    assert "<h2>Exercise</h2>" in page and "✗" in page and "Not solved" in page


def test_pdf_report(qtbot, window, dialogs, tmp_path):
    out = tmp_path / "lab.pdf"
    dialogs.save_path = str(tmp_path / "lab")
    window.report.export_dialog()  # no ending typed: the chosen filter's (HTML here)
    assert (tmp_path / "lab.html").exists()
    assert window.report.export_to(out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    assert out.stat().st_mode & 0o777 == 0o644  # readable by whoever it is handed to
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report-")] == []


def test_a_folder_that_does_not_exist_is_reported(qtbot, window, dialogs, tmp_path):
    assert not window.report.export_to(tmp_path / "missing" / "r.html")
    kind, title, text = dialogs.calls[-1]
    assert (kind, title) == ("critical", "Cannot export the report") and "missing" in text


def test_an_edit_after_an_undo_is_logged_as_new(qtbot, window, dialogs):
    network = window.document.network
    key = next(iter(network.synapses))
    window.document.push(SetWeight(network, key, 0.5))
    window.document.undo_stack.undo()
    window.document.push(SetNeuronField(network, "y1", "bias", 0.3))
    texts = [t for _, t in window.report.edits.entries]
    assert texts[1].startswith("Undo: ") and not texts[2].startswith(("Redo", "Undo"))
    assert "bias" in texts[2].lower()


def test_a_new_file_starts_a_new_edit_list(qtbot, window, dialogs):
    network = window.document.network
    window.document.push(SetWeight(network, next(iter(network.synapses)), 0.5))
    assert len(window.report.edits.entries) == 1
    window.open_network(neurosim.layered([2, 2, 1]))
    assert window.report.edits.entries == []
    assert window.findChildren(QDockWidget)  # the window is intact
