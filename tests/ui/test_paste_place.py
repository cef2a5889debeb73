"""Paste in the real window lands at the mouse or beside the originals, never on them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

CTRL = Qt.KeyboardModifier.ControlModifier


def copy_x1_y1(window, qtbot):
    window.canvas.select(["x1", "y1"])
    window.canvas.setFocus()
    qtbot.waitUntil(window.canvas.hasFocus)
    qtbot.keyClick(window.canvas, Qt.Key.Key_C, CTRL)


def positions(window, ids):
    return [window.document.network.neuron(n).position for n in ids]


def test_repeated_pastes_cascade_beside_the_originals(window, qtbot):
    copy_x1_y1(window, qtbot)
    QApplication.sendEvent(window.canvas, QEvent(QEvent.Type.Leave))  # the mouse is elsewhere
    (x1, y1) = positions(window, ["x1", "y1"])
    qtbot.keyClick(window.canvas, Qt.Key.Key_V, CTRL)
    qtbot.keyClick(window.canvas, Qt.Key.Key_V, CTRL)
    qtbot.keyClick(window.canvas, Qt.Key.Key_V, CTRL)
    net = window.document.network
    assert len(net.neurons) == 3 + 6 and window.document.undo_stack.count() == 3
    for k, (xi, yi) in enumerate((("x3", "y2"), ("x4", "y3"), ("x5", "y4")), start=1):
        assert positions(window, [xi, yi]) == [
            (x1[0] + 40 * k, x1[1] + 40 * k),
            (y1[0] + 40 * k, y1[1] + 40 * k),
        ]
    places = [n.position for n in net]
    assert len(set(places)) == len(places)  # nothing lies on anything


def test_paste_lands_at_the_mouse_over_the_canvas(window, qtbot):
    copy_x1_y1(window, qtbot)
    scene = window.canvas.network_scene
    point = window.canvas.viewport().rect().center()  # on the canvas whatever the screen's size
    target = scene.to_model(window.canvas.mapToScene(point))
    # a move event straight to the viewport: on X11 QTest's mouseMove warps the real pointer,
    # and the window manager's enter/leave bookkeeping can race it
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(point),
        QPointF(window.canvas.viewport().mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window.canvas.viewport(), move)
    assert window.canvas._pointer_in_scene() is not None
    qtbot.keyClick(window.canvas, Qt.Key.Key_V, CTRL)
    (a, b) = positions(window, ["x3", "y2"])
    assert ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) == pytest.approx(target, abs=2)
    qtbot.keyClick(window.canvas, Qt.Key.Key_V, CTRL)  # again at the same place: beside it
    (c, d) = positions(window, ["x4", "y3"])
    assert c == pytest.approx((a[0] + 40, a[1] + 40)) and d == pytest.approx((b[0] + 40, b[1] + 40))
