"""Text from files is only text (issue 14): labels and titles are shown as they are spelled,
and the little HTML instructions may hold goes through the one sanitiser."""

from __future__ import annotations

import dataclasses
import json

import pytest
from exercise_helpers import EXERCISES, exercise_window
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui

from neurosim.core import fileformat
from neurosim.ui.app import default_network

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def hostile(tmp_path) -> str:
    """Markup that would show a local picture and bold text if it were read as HTML."""
    picture = tmp_path / "secret.png"
    picture.write_bytes(b"")
    return f'<img src="{picture}"><b>bold</b> & co'


def test_labels_are_plain_text_in_the_inspector_and_the_plots(window, qtbot, tmp_path):
    label = hostile(tmp_path)
    network = default_network()
    network.set_label("x1", label)
    network.set_label("y1", label)
    window.open_network(network)
    window.canvas.select(neuron_ids=["y1"])
    qtbot.wait(5)
    header = window.inspector.neuron_page.header
    assert header.textFormat() == Qt.TextFormat.PlainText
    assert label in header.text()
    window.canvas.select(synapse_keys=[("x1", "y1")])
    qtbot.wait(5)
    page = window.inspector.synapse_page
    for widget in (page.header, page.source, page.target):
        assert widget.textFormat() == Qt.TextFormat.PlainText and label in widget.text()
    live = window.live_plots
    for dock in live.docks.values():
        dock.show()
    live.activation.set_neurons(["y1"])
    window.clock.step(1)
    qtbot.wait(50)
    surface = live.surface
    surface.redraw()
    assert surface.chosen()[0] == "x1"
    # what pyqtgraph renders is its text item's plain text: the label as spelled
    assert label in surface.plot.getAxis("bottom").label.toPlainText()
    # titles are cut with "…" to fit: they start as spelled
    assert surface.plot.titleLabel.item.toPlainText().startswith("Output of <img src=")
    assert live.activation.plot.titleLabel.item.toPlainText().startswith("<img src=")


def test_error_dialogs_do_not_render_a_files_markup(window, dialogs, tmp_path):
    path = tmp_path / "bad.nsim.json"
    data = fileformat.to_dict(window.document.network)
    data["neurons"][1]["id"] = data["neurons"][0]["id"]  # a duplicate, quoted in the message
    data["neurons"][0]["id"] = data["neurons"][1]["id"] = '<img src="/etc/x.png">'
    path.write_text(json.dumps(data), encoding="utf-8")
    assert not window.open_file(path)
    [text] = dialogs.texts("critical")
    assert '<img src="/etc/x.png">' not in text  # escaped: Qt shows the text, loads nothing
    assert "&lt;img" in text and QtGui.mightBeRichText(text)


def test_goal_titles_are_plain_text_and_instructions_are_sanitised(
    qtbot, settings, dialogs, tmp_path
):
    data = json.loads((EXERCISES / "and-gate.nsim.json").read_text(encoding="utf-8"))
    title = hostile(tmp_path)
    data["exercise"]["goals"][0]["title"] = title
    path = tmp_path / "hostile.nsim.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    window, ui = exercise_window(qtbot, settings)
    assert window.open_file(path)
    qtbot.wait(1)
    panel = ui.panel
    heading = panel.headings[0]
    assert heading.textFormat() == Qt.TextFormat.PlainText
    assert heading.text() == f"Goal 1 — {title}"
    # The loader refuses attributes; markup that reached the panel some other way is
    # sanitised there too (one sanitiser): no style, no src, no picture loaded.
    exercise = ui.controller.exercise
    picture = tmp_path / "secret.png"
    ui.controller.exercise = dataclasses.replace(
        exercise,
        instructions=(
            f'<div style="background-image:url({picture})"><p>Hi <img src="{picture}"></p></div>'
        ),
    )
    panel._show_instructions()
    html = panel.instructions.toHtml()
    assert "background-image" not in html and "<img" not in html
    assert f'<img src="{picture}">' in panel.instructions.toPlainText()  # shown as text
    ui.controller.exercise = exercise


def test_a_label_the_loader_would_refuse_cannot_be_typed(window, qtbot):
    from neurosim.ui.commands import SetNeuronField

    doc = window.document
    refusals: list[str] = []
    doc.refused.connect(refusals.append)
    assert not doc.push(SetNeuronField(doc.network, "y1", "label", "y\u202e1x"))
    assert doc.network.neurons["y1"].label == "y" and "bidirectional" in refusals[0]
    assert doc.push(SetNeuronField(doc.network, "y1", "label", "<b>y</b>"))  # only text
