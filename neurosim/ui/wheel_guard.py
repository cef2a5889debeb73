"""Focus-to-wheel: the mouse wheel changes a combo box, spin box or slider only when it has
the keyboard focus.

Scrolling a panel, the pointer passes over its controls; Qt's default lets each one it
crosses take the wheel (and with it, its value: an activation switched, a learning rate
changed, unseen). :func:`install_wheel_guard` puts one event filter on the application:
such a control without focus ignores the wheel, which Qt then hands to the parent (the
panel scrolls), and the wheel no longer gives it the focus (click or Tab does).
:class:`~neurosim.ui.number_box.NumberBox` does the same by itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox, QScrollBar

#: the controls whose value a wheel turn changes (a scroll bar is a slider that scrolls:
#: the wheel is its job, and a scroll area hands it the wheel)
GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)
_WHEEL, _POLISH = QEvent.Type.Wheel, QEvent.Type.Polish


class WheelGuard(QObject):
    """The application's event filter (see the module docstring)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()  # first and cheap: this sees every event of the application
        if kind == _WHEEL:
            if _guarded(watched) and not watched.hasFocus():
                event.ignore()  # Qt passes an ignored wheel on to the parent: it scrolls
                return True
        elif kind == _POLISH and _guarded(watched):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel gives no focus
        return False


def _guarded(watched: QObject) -> bool:
    return isinstance(watched, GUARDED) and not isinstance(watched, QScrollBar)


def install_wheel_guard(app: QCoreApplication | None = None) -> WheelGuard | None:
    """Install the guard on ``app`` (the running application) once; returns it."""
    app = app or QCoreApplication.instance()
    if app is None:
        return None
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
