"""Driving the timeline in tests: drag its slider with real mouse events, answer the
resume question."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSlider, QStyle, QStyleOptionSlider


def handle_centre(slider: QSlider, value: int) -> QPoint:
    """Where the slider's handle is drawn for ``value``."""
    opt = QStyleOptionSlider()
    slider.initStyleOption(opt)
    opt.sliderPosition = opt.sliderValue = value
    rect = slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, slider
    )
    return rect.center()


def _mouse(slider: QSlider, kind: QEvent.Type, at: QPoint, held: bool) -> None:
    buttons = Qt.MouseButton.LeftButton if held else Qt.MouseButton.NoButton
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    local = QPointF(at)
    event = QMouseEvent(
        kind, local, slider.mapToGlobal(local), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(slider, event)


def drag_slider(qtbot, bar, value: int) -> None:
    """Press the timeline's handle, move with the button held (a few moves) and release at
    ``value``; returns once the window has moved there (moves are paced to the display)."""
    slider = bar.slider
    start = handle_centre(slider, slider.value())
    end = handle_centre(slider, value)
    _mouse(slider, QEvent.Type.MouseButtonPress, start, True)
    for k in range(1, 5):
        _mouse(slider, QEvent.Type.MouseMove, start + (end - start) * (k / 4), True)
        qtbot.wait(1)
    _mouse(slider, QEvent.Type.MouseButtonRelease, end, False)
    qtbot.waitUntil(lambda: not bar.move_pending)


def answer_next_box(key: Qt.Key) -> None:
    """Press ``key`` in the next modal dialog (the resume question)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, press)
            return
        QTest.keyClick(box, key)

    QTimer.singleShot(20, press)
