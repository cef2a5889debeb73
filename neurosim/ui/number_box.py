"""The one box for typing a real number: every weight, bias, value, parameter and setting.

It reads what a scientist types (``1e-3``, ``-2.5E3``, ``.5``, ``−0.5``: the reading is
:func:`neurosim.core.numbers.parse_typed`, the C locale's, never a thousands separator),
steps with the arrow keys and Page Up/Down, and with the mouse wheel only while it has the
keyboard focus (a wheel turn over a scrolled panel scrolls the panel). A typed value is
applied with Enter or when the focus leaves; it is never clamped silently: text that is no
number, or a number outside the range, is refused — the box gets a red frame, its tooltip
and the window's status bar say why, and the value stays what it was (Esc puts its text
back). The tooltip always ends with the range.

The API follows ``QDoubleSpinBox`` (``value``, ``setValue``, ``setRange``, ``setDecimals``,
``setSingleStep``, ``setSuffix``, ``setSpecialValueText``, ``valueChanged``), so it can stand
wherever one stood. Values are kept exactly (``decimals`` is how many are shown, not a
rounding of the value); ``setValue`` from code clamps to the range, as Qt's does.

Signals:
    valueChanged(float): the value changed: typed and accepted, stepped, or set.
    refused(str): typed text was refused; the reason (also in the tooltip and status bar).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QStatusTipEvent,
    QValidator,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QToolTip, QWidget

from neurosim.core.explain import MINUS
from neurosim.core.numbers import parse_typed
from neurosim.ui.i18n import translate

#: what a refused box looks like (the rest of its look stays the style's)
REFUSED_STYLE = "NumberBox { border: 2px solid #d73027; border-radius: 3px; }"
#: the widest number text a box makes room for
MAX_SHOWN_CHARS = 10
CTRL = Qt.KeyboardModifier.ControlModifier


def number_text(value: float, decimals: int) -> str:
    """``value`` as a box shows it: ``decimals`` decimals when that is exact and it is below
    a million ("0.50"), else the shortest of up to 6 significant digits ("0.001", "1e+06")."""
    if not math.isfinite(value):
        return repr(value)
    fixed = f"{value:.{decimals}f}"
    if abs(value) < 1e6 and float(fixed) == value:
        return fixed.removeprefix("-") if float(fixed) == 0 else fixed
    for digits in range(1, 7):
        text = f"{value:.{digits}g}"
        if float(text) == value:
            return text
    return f"{value:.6g}"


def is_undo_key(event: QKeyEvent) -> bool:
    """Undo or Redo in any of the window's keys (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y)."""
    ctrl_y = event.key() == Qt.Key.Key_Y and event.modifiers() == CTRL
    return (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or ctrl_y
    )


def range_text(low: float, high: float) -> str:
    """ "from −1000 to 1000" with true minus signs, as the tooltip and refusals say it."""
    return translate("NumberBox", "from {low} to {high}").format(low=_shown(low), high=_shown(high))


def _shown(x: float) -> str:
    text = f"{x:.6g}"
    return MINUS + text[1:] if text.startswith("-") else text


class NumberBox(QAbstractSpinBox):
    """A real number within ``minimum``..``maximum`` (see the module docstring)."""

    valueChanged = Signal(float)  # noqa: N815 - QDoubleSpinBox's name, so it can stand in
    refused = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        minimum: float = -1000.0,
        maximum: float = 1000.0,
        value: float = 0.0,
        decimals: int = 2,
        step: float | None = None,
        tooltip: str = "",
    ) -> None:
        super().__init__(parent)
        self._min, self._max = float(minimum), float(maximum)
        self._decimals = decimals
        self._step = step if step is not None else 10.0 ** -min(decimals, 1)
        self._adaptive = False
        self._suffix = ""
        self._special = ""
        self._tip = tooltip
        self.problem: str | None = None  # why the typed text was refused, while it shows
        self._value = min(max(float(value), self._min), self._max)
        self._shown_text = ""
        # The wheel must not take the focus: over a scrolled panel it scrolls the panel.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccelerated(True)
        self.editingFinished.connect(self.commit)
        self._show_value()
        self._update_tooltip()

    # ------------------------------------------------------------ QDoubleSpinBox's API
    def value(self) -> float:
        return self._value

    def setValue(self, value: float) -> None:  # noqa: N802 - Qt's name
        """Show ``value`` (clamped to the range, as Qt does); announces a change."""
        value = min(max(float(value), self._min), self._max)
        if value == self._value and self.problem is not None:
            return  # the user's refused text stays until they fix it or the value changes
        self._set_problem(None)  # the box shows the value it holds
        self._apply(value)

    def minimum(self) -> float:
        return self._min

    def maximum(self) -> float:
        return self._max

    def setMinimum(self, low: float) -> None:  # noqa: N802
        self.setRange(low, max(low, self._max))

    def setMaximum(self, high: float) -> None:  # noqa: N802
        self.setRange(min(high, self._min), high)

    def setRange(self, low: float, high: float) -> None:  # noqa: N802
        self._min, self._max = float(low), float(max(low, high))
        self._update_tooltip()
        self.updateGeometry()
        if not self._min <= self._value <= self._max:
            self._apply(min(max(self._value, self._min), self._max))

    def decimals(self) -> int:
        return self._decimals

    def setDecimals(self, decimals: int) -> None:  # noqa: N802
        self._decimals = decimals
        self._show_value()

    def singleStep(self) -> float:  # noqa: N802
        return self._step

    def setSingleStep(self, step: float) -> None:  # noqa: N802
        self._step = float(step)

    def set_adaptive_steps(self, on: bool) -> None:
        """Step by a tenth of the value's power of ten (0.01 → 0.011), like Qt's adaptive
        decimal steps: for a learning rate that spans 1e-6 to 10."""
        self._adaptive = on

    def setSuffix(self, suffix: str) -> None:  # noqa: N802
        self._suffix = suffix
        self._show_value()

    def setSpecialValueText(self, text: str) -> None:  # noqa: N802
        """Shown instead of the minimum (and read as it): "none", "off"."""
        self._special = text
        self._show_value()

    def setToolTip(self, text: str) -> None:  # noqa: N802 - the range is added to it
        self._tip = text
        self._update_tooltip()

    def text_shown(self) -> str:
        """What the box shows for its value (its text when nothing is being typed)."""
        return self._shown_text

    # ------------------------------------------------------------------ typing
    def validate(self, text: str, pos: int) -> QValidator.State:
        # Anything may be typed; it is read (and refused with a reason) when applied.
        return QValidator.State.Intermediate

    def fixup(self, text: str) -> str:
        return text

    def commit(self) -> bool:
        """Read the typed text (Enter, focus lost); True when the value stands accepted."""
        text = self.lineEdit().text()
        if text == self._shown_text:
            self._set_problem(None)
            return True
        reading = text.strip().removesuffix(self._suffix.strip()).strip()
        if self._special and reading == self._special.strip():
            self._set_problem(None)
            self._apply(self._min)
            return True
        try:
            value = parse_typed(reading)
        except ValueError as exc:
            self._refuse(str(exc))
            return False
        if not self._min <= value <= self._max:
            typed = reading if len(reading) <= 24 else reading[:23] + "…"
            self._refuse(
                translate("NumberBox", "{typed} is out of range: type a number {range}").format(
                    typed=typed, range=range_text(self._min, self._max)
                )
            )
            return False
        self._set_problem(None)
        self._apply(value)
        return True

    def revert(self) -> None:
        """Drop the typed text: show the value again."""
        self._set_problem(None)
        self._show_value()

    # ---------------------------------------------------------------- stepping
    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 - Qt override
        if self.isReadOnly():
            return QAbstractSpinBox.StepEnabledFlag.StepNone
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self._value < self._max:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self._value > self._min:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        base = self._value
        text = self.lineEdit().text()
        if text != self._shown_text:  # step from what was typed, when it reads
            try:
                base = parse_typed(text.strip().removesuffix(self._suffix.strip()))
            except ValueError:
                pass
        value = base + steps * self._step_at(base, steps)
        value = float(f"{value:.12g}") + 0.0  # 0.1 + 0.2 steps to 0.3, and never −0
        self._set_problem(None)
        self._apply(min(max(value, self._min), self._max))
        self.selectAll()

    def _step_at(self, value: float, steps: int) -> float:
        if not self._adaptive or value == 0:
            return self._step
        # a tenth of the value's power of ten: 0.05 → 0.001, 0.1 → 0.01, 3 → 0.1
        magnitude = math.floor(math.log10(abs(value)) + 1e-12)
        return max(10.0 ** (magnitude - 1), 10.0**-self._decimals)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if not self.hasFocus():
            event.ignore()  # to the panel below: it scrolls
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if is_undo_key(event) and self._window_has_key(event):
            event.accept()  # never the line edit's own undo (see _before_undo)
            return
        if event.key() == Qt.Key.Key_Escape and (
            self.problem is not None or self.lineEdit().text() != self._shown_text
        ):
            self.revert()
            event.accept()
            return
        super().keyPressEvent(event)  # Enter applies the typed text (editingFinished)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.problem is not None:
            event.accept()  # refused: a dialog's default button must not take it as is

    # ------------------------------------------------------------------ sizing
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(hint.width() + self._text_width(), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(hint.width() + self._text_width(), hint.height())

    def _text_width(self) -> int:
        texts = [
            number_text(x, self._decimals)[:MAX_SHOWN_CHARS] + self._suffix
            for x in (self._min, self._max, self._value)
        ]
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(t) for t in [*texts, self._special])

    # --------------------------------------------------------------- internals
    def _apply(self, value: float) -> None:
        changed = value != self._value
        self._value = value
        self._show_value()
        self._update_tooltip()
        if changed:
            self.valueChanged.emit(value)

    def _show_value(self) -> None:
        if self._special and self._value == self._min:
            text = self._special
        else:
            text = number_text(self._value, self._decimals) + self._suffix
        if len(text) != len(self._shown_text):
            self.updateGeometry()  # a longer number needs a wider box ("−0.187427")
        self._shown_text = text
        if self.lineEdit().text() != text:
            self.lineEdit().setText(text)

    def _refuse(self, reason: str) -> None:
        self._set_problem(reason)
        self.refused.emit(reason)
        # Said where the eyes are, and in the window's status bar (a status-tip event
        # travels up to the main window).
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), reason, self)
        QApplication.sendEvent(self, QStatusTipEvent(reason))

    def _set_problem(self, reason: str | None) -> None:
        if reason == self.problem:
            return
        self.problem = reason
        self.setStyleSheet(REFUSED_STYLE if reason else "")
        self.setAccessibleDescription(reason or "")
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        parts = [self.problem] if self.problem else []
        if self._tip:
            parts.append(self._tip)
        parts.append(
            translate(
                "NumberBox",
                "A number {range}; type e.g. 0.5, −1.5 or 1e-3 (a dot for decimals)",
            ).format(range=range_text(self._min, self._max))
        )
        super().setToolTip("\n".join(parts))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            # Esc with typed text puts the box's text back; it does not close the dialog or
            # reach a window shortcut.
            if event.key() == Qt.Key.Key_Escape and (
                self.problem is not None or self.lineEdit().text() != self._shown_text
            ):
                event.accept()
                return True
            if is_undo_key(event) and self._window_has_key(event):
                return self._before_undo(event)
        return super().event(event)

    def _window_has_key(self, event: QKeyEvent) -> bool:
        """Does an action of this box's window answer the key (the main window's Undo)?
        In a dialog of its own, the box keeps the line edit's undo of the typing."""
        key = QKeySequence(event.keyCombination())
        return any(key in a.shortcuts() for a in self.window().findChildren(QAction))

    def _before_undo(self, event: QKeyEvent) -> bool:
        """Undo/Redo keys belong to the document, not to the line edit's own history: the
        typed text is applied first, so Undo takes back exactly what was just typed. Text
        that is refused is dropped instead (the key does nothing more)."""
        if self.commit():
            event.ignore()  # to the window's Undo/Redo action
            return False
        self.revert()
        event.accept()  # eaten here: keyPressEvent drops it
        return True
