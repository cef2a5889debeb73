"""The window's way in to formula activations: Tools ▸ New Activation…, and
:func:`define_activation`, which the inspector's "Custom…" calls too."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from neurosim.ui.document import Document
from neurosim.ui.formula.commands import AddActivation
from neurosim.ui.formula.dialog import NewActivationDialog
from neurosim.ui.i18n import translate
from neurosim.ui.theme import LIGHT, Palette, Theme


def define_activation(
    document: Document, neuron_ids: list[str], parent: QWidget, palette: Palette = LIGHT
) -> bool:
    """Open the New Activation dialog; OK adds the activation to the open network (and
    gives it to ``neuron_ids``) as one undo step. True if it was added."""
    dialog = NewActivationDialog(document.network, parent, palette)
    if neuron_ids:
        dialog.setWindowTitle(
            translate("FormulaUI", "New Activation for {neurons}").format(
                neurons=", ".join(neuron_ids)
            )
        )
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        activation = dialog.activation
    finally:
        dialog.deleteLater()
    if not accepted or activation is None:
        return False
    return document.push(AddActivation(document.network, activation, neuron_ids))


class FormulaUI(QObject):
    """Tools ▸ New Activation… for the open document."""

    def __init__(self, document: Document, theme: Theme, window: QWidget) -> None:
        super().__init__(window)
        self.action = QAction(translate("FormulaUI", "New &Activation…"), window)
        self.action.setStatusTip(
            translate(
                "FormulaUI",
                "Write an activation function as a formula in z and add it to the network",
            )
        )
        self.action.triggered.connect(
            lambda _checked=False: define_activation(document, [], window, theme.palette)
        )
