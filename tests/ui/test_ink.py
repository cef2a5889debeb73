"""View ▸ Draw on Screen: ink over the whole window, from real mouse, tablet and touch events.

The pixels are looked at in a grab of the window; the document never changes.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from shell_helpers import make_window

from neurosim.core import fileformat
from neurosim.core.ink import COLOURS, Tool
from neurosim.paths import resource_path

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier
RED = QColor(*COLOURS[0].rgb)
BLUE = QColor(*COLOURS[1].rgb)


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def start_drawing(window):
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    overlay = window.ink.overlay
    assert window.ink.drawing and overlay.isVisible()
    return overlay


def canvas_point(window, fx: float, fy: float) -> QPoint:
    """A point of the canvas at fractions of its size, in the window's (= overlay's) pixels."""
    viewport = window.canvas.viewport()
    local = QPoint(round(viewport.width() * fx), round(viewport.height() * fy))
    return viewport.mapTo(window, local)


def drag(overlay, start: QPoint, end: QPoint, steps: int = 8) -> None:
    """A left-button drag sent to the window (the system's way in: Qt finds the widget on
    top under the pointer), at ``start`` and ``end`` in the window's pixels."""
    screen_window = overlay.window().windowHandle()
    QTest.mousePress(screen_window, LEFT, NO_MOD, start)
    for i in range(1, steps + 1):
        QTest.mouseMove(screen_window, start + (end - start) * (i / steps))
    QTest.mouseRelease(screen_window, LEFT, NO_MOD, end)


def click(window, pos: QPoint) -> None:
    """A click sent to the window at ``pos`` (whatever widget is on top there takes it)."""
    QTest.mouseClick(window.windowHandle(), LEFT, NO_MOD, pos)


def grab(window) -> QImage:
    return window.grab().toImage()


def near(colour: QColor, target: QColor, tolerance: int = 24) -> bool:
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(colour.getRgb()[:3], target.getRgb()[:3], strict=True)
    )


def document_state(window) -> tuple[int, int, bool, int]:
    stack = window.document.undo_stack
    return stack.count(), stack.index(), stack.isClean(), window.isWindowModified()


def test_ctrl_d_covers_the_whole_window_and_the_view_menu_has_it(window):
    assert not window.ink.overlay.isVisible()
    assert window.ink.action in window.menus.view.actions()
    overlay = start_drawing(window)
    assert overlay.geometry() == window.rect()  # canvas, docks, plots and bars alike
    assert overlay.hasFocus()
    window.resize(window.width() - 40, window.height() - 30)
    QApplication.processEvents()
    assert overlay.geometry() == window.rect()
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not window.ink.drawing and not overlay.isVisible()


def test_a_pen_drag_paints_over_the_canvas_and_leaves_the_document_alone(window):
    before = document_state(window)
    overlay = start_drawing(window)
    a, b = canvas_point(window, 0.2, 0.5), canvas_point(window, 0.8, 0.5)
    middle = (a + b) / 2
    assert not near(grab(window).pixelColor(middle), RED)
    drag(overlay, a, b)
    assert len(overlay.ink.strokes) == 1
    image = grab(window)
    assert near(image.pixelColor(middle), RED)
    assert not near(image.pixelColor(middle + QPoint(0, 20)), RED)  # a line, not a band
    assert document_state(window) == before  # not an edit, not an undo step


def test_the_ink_is_over_the_plots_too(window):
    overlay = start_drawing(window)
    plot = window.live_plots.transport  # below the canvas, a bar of the window
    dock = next(d for d in window.findChildren(type(window.inspector_dock)) if d.isVisible())
    for widget in (plot, dock):
        centre = widget.rect().center()
        a = widget.mapTo(window, centre - QPoint(30, 0))
        b = widget.mapTo(window, centre + QPoint(30, 0))
        drag(overlay, a, b)
        assert near(grab(window).pixelColor((a + b) / 2), RED), widget.objectName()


def test_highlighter_is_wide_and_translucent_in_the_chosen_colour(window):
    overlay = start_drawing(window)
    QTest.keyClick(overlay, Qt.Key.Key_M)
    QTest.keyClick(overlay, Qt.Key.Key_2)
    assert overlay.ink.tool is Tool.HIGHLIGHTER and overlay.ink.colour.name == "Blue"
    a, b = canvas_point(window, 0.1, 0.9), canvas_point(window, 0.5, 0.9)
    under = grab(window).pixelColor((a + b) / 2)
    drag(overlay, a, b)
    painted = grab(window).pixelColor((a + b) / 2 + QPoint(0, 8))  # 8 px off: still inside
    assert not near(painted, under, 8) and not near(painted, BLUE, 8)  # translucent
    assert painted.blue() > painted.red()


def test_the_eraser_removes_the_stroke_it_crosses(window):
    overlay = start_drawing(window)
    drag(overlay, canvas_point(window, 0.2, 0.3), canvas_point(window, 0.8, 0.3))
    keep_a, keep_b = canvas_point(window, 0.2, 0.7), canvas_point(window, 0.8, 0.7)
    drag(overlay, keep_a, keep_b)
    gone = (canvas_point(window, 0.2, 0.3) + canvas_point(window, 0.8, 0.3)) / 2
    assert near(grab(window).pixelColor(gone), RED)
    QTest.keyClick(overlay, Qt.Key.Key_E)
    drag(overlay, canvas_point(window, 0.5, 0.2), canvas_point(window, 0.5, 0.4))
    assert len(overlay.ink.strokes) == 1
    image = grab(window)
    assert not near(image.pixelColor(gone), RED)
    assert near(image.pixelColor((keep_a + keep_b) / 2), RED)


def test_c_clears_and_esc_clears_first_then_stops_drawing(window):
    overlay = start_drawing(window)
    drag(overlay, canvas_point(window, 0.2, 0.5), canvas_point(window, 0.8, 0.5))
    QTest.keyClick(overlay, Qt.Key.Key_C)
    assert overlay.ink.empty and window.ink.drawing
    drag(overlay, canvas_point(window, 0.2, 0.5), canvas_point(window, 0.8, 0.5))
    QTest.keyClick(overlay, Qt.Key.Key_Escape)
    assert overlay.ink.empty and window.ink.drawing  # the first Esc: the ink
    QTest.keyClick(overlay, Qt.Key.Key_Escape)
    assert not window.ink.drawing and not overlay.isVisible()  # the second: drawing


def test_in_presentation_esc_clears_then_leaves_as_before(qtbot, settings, dialogs):
    path = resource_path("examples", "03b-xor-hidden-layer.nsim.json")
    window = make_window(qtbot, settings, fileformat.load(path))
    QTest.keyClick(window, Qt.Key.Key_F5)
    presentation = window.lessons.presentation
    assert presentation.active
    assert window.ink.action in window.live_plots.transport.actions()  # the pen on the bar
    overlay = start_drawing(window)
    qtbot.waitUntil(lambda: overlay.geometry() == window.rect())
    drag(overlay, canvas_point(window, 0.3, 0.5), canvas_point(window, 0.7, 0.5))
    QTest.keyClick(overlay, Qt.Key.Key_Escape)
    assert overlay.ink.empty and window.ink.drawing and presentation.active
    QTest.keyClick(overlay, Qt.Key.Key_Escape)
    assert not window.ink.drawing and not presentation.active
    assert window.ink.action not in window.live_plots.transport.actions()


def test_leaving_presentation_stops_drawing(qtbot, window):
    QTest.keyClick(window, Qt.Key.Key_F5)
    overlay = start_drawing(window)
    QTest.keyClick(overlay, Qt.Key.Key_F5)
    assert not window.lessons.presentation.active and not window.ink.drawing


def test_the_laser_trail_fades_and_the_dot_stays_at_the_pointer(window):
    clock = FakeClock()
    overlay = start_drawing(window)
    overlay.clock = clock
    QTest.keyClick(overlay, Qt.Key.Key_L)
    assert overlay.ink.tool is Tool.LASER
    start, end = canvas_point(window, 0.2, 0.5), canvas_point(window, 0.6, 0.5)
    for i in range(9):  # no button: the laser follows the pointer
        clock.now += 0.02
        QTest.mouseMove(overlay, start + (end - start) * (i / 8))
    assert overlay.trail.alive and overlay.fade_timer.isActive()
    trail_point = start + (end - start) * (6 / 8)  # passed 0.04 s ago: still bright
    image = grab(window)
    assert image.pixelColor(end).red() > 200  # the dot
    assert image.pixelColor(trail_point).red() > 150 and image.pixelColor(trail_point).green() < 150
    clock.now += 1.0  # the trail fades within a second
    overlay.tick()
    assert not overlay.trail.alive and not overlay.fade_timer.isActive()
    image = grab(window)
    assert not near(image.pixelColor(trail_point), QColor(255, 30, 30), 60)
    assert image.pixelColor(end).red() > 200  # the pointer is still there
    assert overlay.ink.empty  # the laser leaves no ink


def test_a_held_right_button_points_the_laser_whatever_the_tool(window):
    overlay = start_drawing(window)
    p = canvas_point(window, 0.5, 0.5)
    QTest.mousePress(overlay, Qt.MouseButton.RightButton, NO_MOD, p)
    assert overlay.laser_at == QPointF(p)
    QTest.mouseRelease(overlay, Qt.MouseButton.RightButton, NO_MOD, p)
    assert overlay.laser_at is None and overlay.ink.empty
    assert window.ink.drawing  # no context menu, no change of mode


def send_tablet(overlay, device, kind, pos: QPoint, pressure: float) -> None:
    buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else LEFT
    event = QTabletEvent(
        kind,
        device,
        QPointF(pos),
        QPointF(overlay.mapToGlobal(pos)),
        pressure,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        NO_MOD,
        LEFT,
        buttons,
    )
    QApplication.sendEvent(overlay, event)


def test_a_tablet_pen_draws_with_its_pressure(window):
    overlay = start_drawing(window)
    device = QPointingDevice(
        "test stylus",
        4711,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        2,
    )
    widths = []
    for row, pressure in ((0.3, 0.1), (0.6, 1.0)):
        a, b = canvas_point(window, 0.2, row), canvas_point(window, 0.8, row)
        send_tablet(overlay, device, QEvent.Type.TabletPress, a, pressure)
        for i in range(1, 9):
            send_tablet(overlay, device, QEvent.Type.TabletMove, a + (b - a) * (i / 8), pressure)
        send_tablet(overlay, device, QEvent.Type.TabletRelease, b, pressure)
        widths.append(overlay.ink.strokes[-1].points[0][2])
        assert near(grab(window).pixelColor((a + b) / 2), RED)
    assert len(overlay.ink.strokes) == 2 and widths[0] < widths[1]


def test_a_finger_draws_on_a_touch_screen(window):
    overlay = start_drawing(window)
    device = QTest.createTouchDevice()
    a, b = canvas_point(window, 0.2, 0.4), canvas_point(window, 0.8, 0.4)
    QTest.touchEvent(overlay, device).press(0, a, overlay).commit()
    for i in range(1, 9):
        QTest.touchEvent(overlay, device).move(0, a + (b - a) * (i / 8), overlay).commit()
    QTest.touchEvent(overlay, device).release(0, b, overlay).commit()
    assert len(overlay.ink.strokes) == 1
    assert near(grab(window).pixelColor((a + b) / 2), RED)


def neuron_point(window, nid: str) -> QPoint:
    canvas = window.canvas
    scene = canvas.network_scene
    local = canvas.mapFromScene(scene.to_scene(window.document.network.neuron(nid).position))
    return canvas.viewport().mapTo(window, local)


def test_clicks_reach_the_canvas_only_when_drawing_is_off(window):
    window.canvas.fit_to_view()
    nid = next(iter(window.document.network.neurons))
    p = neuron_point(window, nid)
    overlay = start_drawing(window)
    click(window, p)
    assert nid not in window.canvas.selected_neuron_ids()  # the pen took it
    assert len(overlay.ink.strokes) == 1
    QTest.keyClick(overlay, Qt.Key.Key_Escape)  # the dot of ink
    QTest.keyClick(overlay, Qt.Key.Key_Escape)  # drawing
    assert not window.ink.drawing
    click(window, p)
    assert list(window.canvas.selected_neuron_ids()) == [nid]


def test_the_palette_shows_the_tool_and_colour_and_its_buttons_work(window):
    overlay = start_drawing(window)
    palette = window.ink.palette
    assert palette.isVisible() and window.rect().contains(palette.geometry())
    assert palette.status.text().endswith("Pen · Red")
    QTest.keyClick(overlay, Qt.Key.Key_3)
    QTest.keyClick(overlay, Qt.Key.Key_M)
    assert palette.status.text().endswith("Highlighter · Yellow")
    assert palette.tool_buttons[Tool.HIGHLIGHTER].isChecked()
    QTest.mouseClick(palette.tool_buttons[Tool.ERASER], LEFT)
    assert overlay.ink.tool is Tool.ERASER and palette.status.text().endswith("Eraser")
    QTest.mouseClick(palette.colour_buttons["2"], LEFT)
    assert overlay.ink.colour.name == "Blue"
    assert overlay.ink.empty  # a click on the palette draws nothing
    for button in [*palette.tool_buttons.values(), palette.clear_button, palette.done_button]:
        assert button.toolTip()
    assert "(L" in palette.tool_buttons[Tool.LASER].toolTip()
    assert palette.status.fontMetrics().height() >= 16  # read from the back at 1280x720
    QTest.mouseClick(palette.done_button, LEFT)
    assert not window.ink.drawing
