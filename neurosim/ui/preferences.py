"""Edit ▸ Preferences…: the language NeuroSim starts in.

The choice is stored in the window's settings under :data:`neurosim.ui.i18n.SETTING`
("system", "en" or "zh_CN") and read at the next start (:func:`~neurosim.ui.i18n.chosen_language`);
the window's text is not changed while it runs, so the dialog says that the new language
applies when NeuroSim is restarted. Each language is named in its own language ("English",
"简体中文"), so whoever cannot read the current one still finds theirs.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from neurosim.ui.i18n import LANGUAGES, SETTING, SYSTEM, translate


def stored_language(settings: QSettings) -> str:
    """The language choice in ``settings``: "system" (the default), "en" or "zh_CN"."""
    value = settings.value(SETTING, SYSTEM)
    return value if isinstance(value, str) and value in (SYSTEM, *LANGUAGES) else SYSTEM


def restart_message() -> tuple[str, str]:
    """The title and text of the notice shown after the language was changed."""
    return (
        translate("PreferencesDialog", "Language changed"),
        translate(
            "PreferencesDialog",
            "The new language applies when NeuroSim is restarted. "
            "Close NeuroSim and start it again to see it.",
        ),
    )


class PreferencesDialog(QDialog):
    """The language choice; OK stores it (and says when it applies), Cancel keeps the old."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.settings = settings
        self.setWindowTitle(translate("PreferencesDialog", "Preferences"))
        self.language = QComboBox(self)
        self.language.addItem(translate("PreferencesDialog", "System default"), SYSTEM)
        for code, name in LANGUAGES.items():  # each in its own language
            self.language.addItem(name, code)
        self.language.setToolTip(
            translate("PreferencesDialog", "The language of NeuroSim's menus, panels and dialogs")
        )
        self.language.setCurrentIndex(self.language.findData(stored_language(settings)))
        note = QLabel(
            translate("PreferencesDialog", "A new language applies when NeuroSim is restarted."),
            self,
        )
        note.setWordWrap(True)
        # room for the note on one line (wrapped only on a narrow screen)
        self.setMinimumWidth(min(560, note.fontMetrics().horizontalAdvance(note.text()) + 48))
        form = QFormLayout()
        form.addRow(translate("PreferencesDialog", "&Language:"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        """The language picked in the dialog ("system", "en" or "zh_CN")."""
        return str(self.language.currentData())

    def store(self) -> bool:
        """Write the choice to the settings; True when it changed."""
        choice = self.chosen()
        if choice == stored_language(self.settings):
            return False
        self.settings.setValue(SETTING, choice)
        self.settings.sync()
        return True

    def accept(self) -> None:
        if self.store():
            QMessageBox.information(self, *restart_message())
        super().accept()
