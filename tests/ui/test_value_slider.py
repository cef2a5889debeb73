"""ValueSlider: a slider plus a spin box; drags carry one merge token, range is editable."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from neurosim.ui.widgets import ValueSlider


def make(qtbot, **kwargs) -> tuple[ValueSlider, list]:
    widget = ValueSlider(**kwargs)
    qtbot.addWidget(widget)
    widget.resize(400, 60)
    widget.show()
    edits: list = []
    widget.value_edited.connect(lambda v, token: edits.append((v, token)))
    return widget, edits


def test_set_value_shows_without_announcing(qtbot):
    widget, edits = make(qtbot)
    widget.set_value(1.25)
    assert widget.value() == 1.25
    assert widget.slider.value() == 625  # (1.25 + 5) / 10 of 1000 steps
    assert edits == []


def test_typed_value_is_one_edit_without_token(qtbot):
    widget, edits = make(qtbot)
    widget.spin.lineEdit().selectAll()
    qtbot.keyClicks(widget.spin.lineEdit(), "2.5")
    assert edits == []  # no edit per keystroke
    qtbot.keyClick(widget.spin.lineEdit(), Qt.Key.Key_Return)
    assert edits == [(2.5, None)]
    assert widget.slider.value() == 750


def test_slider_drag_uses_one_token_per_drag(qtbot):
    widget, edits = make(qtbot)
    slider = widget.slider
    handle = QPoint(round(slider.width() / 2), slider.height() // 2)
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=handle)
    for dx in (20, 40, 60):
        qtbot.mouseMove(slider, handle + QPoint(dx, 0))
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=handle + QPoint(60, 0))
    tokens = {token for _, token in edits}
    assert len(edits) >= 2 and len(tokens) == 1 and None not in tokens
    assert edits[-1][0] > 0.0 and edits[-1][0] == widget.value()
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=handle + QPoint(60, 0))
    qtbot.mouseMove(slider, handle)
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=handle)
    assert len({token for _, token in edits}) == 2  # the second drag has its own token


def test_value_beyond_the_range_widens_it(qtbot):
    widget, _ = make(qtbot)
    widget.set_value(12.0)
    lo, hi = widget.range()
    assert lo == -5.0 and hi >= 12.0
    assert widget.slider.value() < 1000


def test_range_is_editable_and_kept_within_limits(qtbot):
    widget, edits = make(qtbot, minimum=0.0, maximum=1.0, limits=(0.0, 1.0))
    widget.range_button.click()
    assert widget.range_row.isVisible()
    widget.max_spin.setValue(0.5)
    widget.max_spin.editingFinished.emit()
    assert widget.range() == (0.0, 0.5)
    widget.set_range(-3.0, 9.0)
    assert widget.range() == (0.0, 1.0)
    widget.set_range(0.8, 0.2)  # reversed ends are put right
    assert widget.range() == (0.2, 0.8)
    assert edits == []
