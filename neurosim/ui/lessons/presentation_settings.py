"""View ▸ Presentation Settings…: the zoom factor and what presentation mode keeps on screen.

The dialog edits any :class:`PresentationOptions` (presentation mode is one); the zoom's
limits live here, so presentation mode imports this module and not the other way round.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from neurosim.ui.i18n import translate
from neurosim.ui.number_box import NumberBox

DEFAULT_ZOOM, MIN_ZOOM, MAX_ZOOM = 1.6, 1.0, 4.0
MIN_WIDTH = 380  # px


class PresentationOptions(Protocol):
    """What the dialog reads and sets: the zoom and the named on/off options."""

    @property
    def zoom(self) -> float: ...

    def set_zoom(self, factor: float) -> None: ...

    def option(self, name: str) -> bool: ...

    def set_option(self, name: str, on: bool) -> None: ...


class PresentationSettings(QDialog):
    """The zoom factor and what presentation mode keeps on screen."""

    def __init__(self, presentation: PresentationOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PresentationSettings", "Presentation Settings"))
        self.setMinimumWidth(MIN_WIDTH)  # room for the title bar's "… — NeuroSim"
        self.presentation = p = presentation
        self.zoom = NumberBox(self)
        self.zoom.setRange(MIN_ZOOM, MAX_ZOOM)
        self.zoom.setSingleStep(0.1)
        self.zoom.setDecimals(2)
        self.zoom.setSuffix(" ×")
        self.zoom.setValue(p.zoom)
        self.zoom.setToolTip(
            translate(
                "PresentationSettings",
                "Text, neurons, lines and plots in presentation mode: this many "
                "times their size in the window",
            )
        )
        self.boxes = {
            "inspector": QCheckBox(
                translate("PresentationSettings", "Keep the inspector on screen"), self
            ),
            "notes": QCheckBox(translate("PresentationSettings", "Show “What to notice”"), self),
            "status": QCheckBox(translate("PresentationSettings", "Show the status bar"), self),
        }
        form = QFormLayout(self)
        form.addRow(translate("PresentationSettings", "Zoom"), self.zoom)
        for name, box in self.boxes.items():
            box.setChecked(p.option(name))
            form.addRow(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        p = self.presentation
        for name, box in self.boxes.items():
            if box.isChecked() != p.option(name):
                p.set_option(name, box.isChecked())
        p.set_zoom(self.zoom.value())
        super().accept()
