"""The Train panel's "why this cannot learn" box: the session's problems in words, and the
button that fixes one when there is a fix (symmetric neurons → Initialise weights)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from neurosim.ui.core_text import core_text
from neurosim.ui.i18n import translate
from neurosim.ui.theme import Palette, Theme
from neurosim.ui.training.session import TrainingSession


class ProblemsBox(QWidget):
    """Shows ``session.problems``; hidden while there are none. ``fixes`` maps a problem's
    ``fix`` ("initialise") to the action that applies it."""

    def __init__(
        self,
        session: TrainingSession,
        fixes: dict[str, QAction],
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.fixes, self.theme = session, fixes, theme
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fix_buttons: dict[str, QToolButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        for name, action in fixes.items():
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.fix_buttons[name] = button
        self._apply_theme(theme.palette)
        theme.changed.connect(self._apply_theme)
        session.problems_changed.connect(self.refresh)
        self.refresh()

    def _apply_theme(self, palette: Palette) -> None:
        self.text.setStyleSheet(palette.alert.label_style())

    def refresh(self) -> None:
        problems = self.session.problems
        items = "".join(f"<p>{_sentence(core_text(p.text))}</p>" for p in problems)
        heading = translate("ProblemsBox", "Why this will not learn well")
        self.text.setText(f"<b>{heading}</b>{items}" if problems else "")
        wanted = {p.fix for p in problems}
        for name, button in self.fix_buttons.items():
            button.setVisible(name in wanted)
        self.setVisible(bool(problems))


def _sentence(text: str) -> str:
    # (not capitalised: the texts start with neuron ids, which are case-sensitive)
    return text if text.endswith(".") else text + "."
