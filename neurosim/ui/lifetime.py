"""Connections that live exactly as long as a Qt object.

Qt drops a connection when its receiver is destroyed, so a slot that is a method of a
widget never runs on a dead one. A plain function or lambda has no receiver: connected to a
longer-lived sender (the document, the undo stack, a controller), it would go on running
after the widgets it touches are gone. :func:`tied` gives it one — a small QObject child of
``owner`` — so the connection goes with ``owner``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject


class _Tied(QObject):
    def __init__(self, owner: QObject, callback: Callable[..., object]) -> None:
        super().__init__(owner)
        self._callback = callback

    def call(self, *args: object) -> None:
        self._callback(*args)


def tied(owner: QObject, callback: Callable[..., object]) -> Callable[..., None]:
    """A slot that calls ``callback`` and is disconnected when ``owner`` is destroyed."""
    return _Tied(owner, callback).call
