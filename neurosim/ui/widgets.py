"""Reusable inspector widgets: a number shown as a slider plus a number box, range editable.

Signals of :class:`ValueSlider`:
    value_edited(float, object): the user chose a value; the second argument is a merge
        token, the same object for every step of one slider drag (None for a single edit),
        so the caller can make the whole drag one undo step.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QWidget,
)

from neurosim.ui.i18n import translate
from neurosim.ui.number_box import NumberBox

SLIDER_STEPS = 1000


class ValueSlider(QWidget):
    """A number with a slider over an editable range and a number box for exact values.

    The box accepts anything within ``limits`` (and says so when a typed value is beyond
    them); typing a value beyond the slider's range widens the range. The range row
    (minimum/maximum) is shown by the "±" button.
    """

    value_edited = Signal(float, object)

    def __init__(
        self,
        minimum: float = -5.0,
        maximum: float = 5.0,
        *,
        decimals: int = 2,
        limits: tuple[float, float] = (-1000.0, 1000.0),
        tooltip: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lo, self._hi = minimum, maximum
        self._limits = self._home_limits = limits
        self._home, self._widened = (minimum, maximum), False
        self._decimals = decimals
        self._token: object | None = None
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setPageStep(SLIDER_STEPS // 20)
        self.spin = self._spin_box(limits, decimals)  # one edit per Enter, not per key
        self.range_button = QToolButton(self)
        self.range_button.setText("±")
        self.range_button.setCheckable(True)
        self.range_button.setToolTip(
            translate("ValueSlider", "Show or hide the slider's range (minimum and maximum)")
        )
        self.min_spin = self._spin_box(limits, decimals)
        self.max_spin = self._spin_box(limits, decimals)
        self.min_spin.setToolTip(translate("ValueSlider", "The slider's left end"))
        self.max_spin.setToolTip(translate("ValueSlider", "The slider's right end"))
        self._build_layout()
        self.set_tooltip(tooltip)
        self.set_range(minimum, maximum)
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.slider.sliderPressed.connect(self._on_slider_pressed)
        self.slider.sliderReleased.connect(self._on_slider_released)
        self.spin.valueChanged.connect(self._on_spin_changed)
        self.min_spin.editingFinished.connect(self._on_range_edited)
        self.max_spin.editingFinished.connect(self._on_range_edited)
        self.range_button.toggled.connect(self._show_range)
        self._show_range(False)

    def _spin_box(self, limits: tuple[float, float], decimals: int) -> NumberBox:
        spin = NumberBox(self, minimum=limits[0], maximum=limits[1], decimals=decimals)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    def _build_layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.slider, 0, 0)
        grid.addWidget(self.spin, 0, 1)
        grid.addWidget(self.range_button, 0, 2)
        self.range_row = QWidget(self)
        row = QHBoxLayout(self.range_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(
            QLabel(translate("ValueSlider", "from", "the slider's range"), self.range_row)
        )
        row.addWidget(self.min_spin)
        row.addWidget(QLabel(translate("ValueSlider", "to", "the slider's range"), self.range_row))
        row.addWidget(self.max_spin)
        row.addStretch(1)
        grid.addWidget(self.range_row, 1, 0, 1, 3)
        grid.setColumnStretch(0, 1)
        # The slider gets the room; the spin box is as wide as its longest number needs.
        self.spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    # ---------------------------------------------------------------- public
    def set_tooltip(self, text: str) -> None:
        for widget in (self.slider, self.spin):
            widget.setToolTip(text)

    def value(self) -> float:
        return self.spin.value()

    def range(self) -> tuple[float, float]:
        return self._lo, self._hi

    def set_value(self, value: float) -> None:
        """Show ``value`` (from the model) without announcing an edit; widen the range to fit,
        beyond the limits too: the box must show the model's true number, not a limit."""
        if not math.isfinite(value):
            return
        if not self._limits[0] <= value <= self._limits[1]:
            self._extend_limits(value)
        elif self._limits != self._home_limits and self._fits_home(value):
            self._extend_limits(value)  # back within the usual limits: shrink them again
        if not self._lo <= value <= self._hi:
            self._widen_to(value)
        elif self._widened and not self.slider.isSliderDown() and self._in_home(value):
            self.set_range(*self._home)  # widened for a big number that is gone (undone)
        with QSignalBlocker(self.spin):
            if self.spin.value() != value:
                self.spin.setValue(value)
        if not self.slider.isSliderDown():
            with QSignalBlocker(self.slider):
                self.slider.setValue(self._to_slider(value))

    def set_range(self, minimum: float, maximum: float, *, widened: bool = False) -> None:
        """The slider's ends (kept within the limits; a reversed range is put right).
        ``widened``: stretched to show a value from the model, not chosen; the range
        returns to the chosen one when the value is back inside it (an Undo)."""
        lo, hi = sorted((max(minimum, self._limits[0]), min(maximum, self._limits[1])))
        if hi - lo < 10.0**-self._decimals:
            hi = lo + 1.0
        self._lo, self._hi = lo, hi
        self._widened = widened
        if not widened:
            self._home = (lo, hi)
        with QSignalBlocker(self.min_spin), QSignalBlocker(self.max_spin):
            self.min_spin.setValue(lo)
            self.max_spin.setValue(hi)
        with QSignalBlocker(self.slider):
            self.slider.setValue(self._to_slider(self.spin.value()))

    # ------------------------------------------------------------- internals
    def _to_slider(self, value: float) -> int:
        fraction = (value - self._lo) / (self._hi - self._lo)
        return round(min(max(fraction, 0.0), 1.0) * SLIDER_STEPS)

    def _from_slider(self, position: int) -> float:
        value = self._lo + (self._hi - self._lo) * position / SLIDER_STEPS
        return round(value, self._decimals) + 0.0  # + 0.0 turns -0.0 into 0.0

    def _in_home(self, value: float) -> bool:
        return self._home[0] <= value <= self._home[1]

    def _fits_home(self, value: float) -> bool:
        return self._home_limits[0] <= value <= self._home_limits[1]

    def _extend_limits(self, value: float) -> None:
        """Limits that hold ``value``: the usual ones when it fits them, else stretched."""
        lo, hi = self._home_limits
        lo, hi = min(lo, value), max(hi, value)
        self._limits = (lo, hi)
        for spin in (self.spin, self.min_spin, self.max_spin):
            with QSignalBlocker(spin):
                spin.setRange(lo, hi)

    def _widen_to(self, value: float) -> None:
        span = self._hi - self._lo
        if value < self._lo:
            self.set_range(math.floor(value - 0.1 * span), self._hi, widened=True)
        else:
            self.set_range(self._lo, math.ceil(value + 0.1 * span), widened=True)

    def _on_slider_pressed(self) -> None:
        self._token = object()

    def _on_slider_released(self) -> None:
        self._token = None

    def _on_slider_moved(self, position: int) -> None:
        value = self._from_slider(position)
        with QSignalBlocker(self.spin):
            self.spin.setValue(value)
        token = self._token if self.slider.isSliderDown() else None
        self.value_edited.emit(self.spin.value(), token)

    def _on_spin_changed(self, value: float) -> None:
        if not self._lo <= value <= self._hi:
            self._widen_to(value)
        with QSignalBlocker(self.slider):
            self.slider.setValue(self._to_slider(value))
        self.value_edited.emit(value, None)

    def _on_range_edited(self) -> None:
        self.set_range(self.min_spin.value(), self.max_spin.value())

    def _show_range(self, on: bool) -> None:
        self.range_row.setVisible(on)
