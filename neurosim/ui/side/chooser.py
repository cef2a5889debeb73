"""The Compare With… dialog: an example of the gallery, or a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neurosim.ui.core_text import gallery
from neurosim.ui.i18n import translate
from neurosim.ui.lessons.gallery import menu_text


def file_filter() -> str:
    """The file dialog's filter, its names in the window's language."""
    return translate("CompareChooser", "NeuroSim networks (*.nsim.json *.json);;All files (*)")


class CompareChooser(QDialog):
    """Emits ``chosen(Path)`` for the picked example (Enter, double-click, OK) or file."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None, start_dir: str = "", hint: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CompareChooser", "Compare With"))
        self.start_dir = start_dir
        self.list = QListWidget(self)
        for info in gallery():
            item = QListWidgetItem(menu_text(info).replace("&&", "&"))
            item.setData(Qt.ItemDataRole.UserRole, info.path)
            item.setToolTip(info.description)
            self.list.addItem(item)
            if hint and info.name == hint:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.file_button = buttons.addButton(
            translate("CompareChooser", "&File…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.file_button.setToolTip(
            translate("CompareChooser", "Compare with a network file instead")
        )
        self.file_button.clicked.connect(self._pick_file)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("CompareChooser", "Show beside the open network:")))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 460)

    def accept(self) -> None:
        item = self.list.currentItem()
        super().accept()
        if item is not None:
            self.chosen.emit(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("CompareChooser", "Compare With File"), self.start_dir, file_filter()
        )
        if path:
            super().accept()
            self.chosen.emit(Path(path))
