"""Overflow in the window is explained in words and never floods stderr (issue 14).

Finite weights and values can overflow a sum (1e200 · 1e200): the neuron's face says
"overflow", the inspector says why, and numpy's RuntimeWarnings stay silent — here any
warning from anywhere (pyqtgraph included) fails the test, not only neurosim's.
"""

from __future__ import annotations

import warnings

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from neurosim.core.model import Network

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window


def overflowing() -> Network:
    net = Network({"title": "Overflow"})
    net.add_neuron("input", "x1", position=(0, 0), value=1e200)
    net.add_neuron("hidden", "h1", position=(150, 0), activation="linear")
    net.add_neuron("hidden", "h2", position=(150, 120), activation="linear")
    net.add_neuron("output", "y1", position=(300, 0), activation="sigmoid")
    net.add_neuron("output", "y2", position=(300, 120), activation="linear")
    net.add_synapse("x1", "h1", 1e200)  # z = 1e400: inf
    net.add_synapse("x1", "h2", 1e200)
    net.add_synapse("x1", "y1", 1e200)  # sigmoid(inf) = 1: z overflowed, y did not
    net.add_synapse("h1", "y2", 1.0)
    net.add_synapse("h2", "y2", -1.0)  # inf − inf: NaN
    return net


class RecordingPainter(QPainter):
    """A real painter that also keeps every text the item draws."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[str] = []

    def drawText(self, *args) -> None:  # noqa: N802 - QPainter's name
        self.texts.append(str(args[-1]))
        super().drawText(*args)


def painted_texts(item) -> list[str]:
    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    painter = RecordingPainter(image)
    painter.translate(200, 200)
    try:
        item.paint(painter, QStyleOptionGraphicsItem(), None)
    finally:
        painter.end()
    return painter.texts


def test_an_overflowed_neuron_says_so_in_words_without_warnings(window, qtbot):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        window.open_network(overflowing())
        for dock in window.live_plots.docks.values():
            dock.show()
        qtbot.wait(20)
        items = window.canvas.network_scene.neurons
        assert "overflow" in painted_texts(items["h1"])  # not "∞"
        assert "overflow" in painted_texts(items["y2"])  # not "?" (NaN)
        assert "overflow" not in painted_texts(items["y1"])  # sigmoid(∞) = 1.000
        page = window.inspector.neuron_page
        for nid, words in (
            ("h1", "this neuron's value went beyond ±1.8e308"),
            ("y2", "not a number (NaN"),
            ("y1", "the weighted sum z is beyond ±1.8e308"),
        ):
            window.canvas.select(neuron_ids=[nid])
            qtbot.wait(5)
            assert page.overflow.isVisible(), nid
            assert page.overflow.text().startswith("Overflow:") and words in page.overflow.text()
        window.canvas.select(neuron_ids=["x1"])
        qtbot.wait(5)
        assert not page.overflow.isVisible()
        window.canvas.select(synapse_keys=[("h1", "y2")])
        qtbot.wait(5)
        assert "Overflow" in window.inspector.synapse_page.contribution.text()
        window.clock.step(3)
        window.grab()  # every panel painted with the overflowed figures
        qtbot.wait(20)
    assert [f"{w.filename}:{w.lineno}: {w.message}" for w in caught] == []
