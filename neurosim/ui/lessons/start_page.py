"""The start page: the examples as cards, plus New, Open and the exercises.

Shown at the very first start (the default example stays open behind it) and from
Help ▸ Start Page. Clicking a card opens that example through the window's own open path
and closes the page; if the window refuses (the user cancelled saving), the page stays.
Thumbnails are drawn one per turn of the event loop, so the page appears at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.lesson import ExampleInfo
from neurosim.core.shipped import without_exercise_prefix
from neurosim.ui.i18n import translate
from neurosim.ui.lessons.thumbnails import SIZE, blank, thumbnail
from neurosim.ui.theme import Palette, Theme

COLUMNS = 4  # at most: fewer when the page is narrower
SPACING = 14
CARD_STYLE = """
QFrame#card { border: 1px solid palette(mid); border-radius: 8px; background: palette(base); }
QFrame#card:hover, QFrame#card:focus { border: 2px solid palette(highlight); }
"""


class Card(QFrame):
    """One example: thumbnail, number and title, one line of description. Click or Enter."""

    clicked = Signal()

    def __init__(self, info: ExampleInfo, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(info.problem or info.description or info.title)
        self.picture = QLabel(self)
        self.picture.setFixedSize(SIZE)
        self.picture.setPixmap(blank(SIZE, palette))
        self.title = QLabel(f"{info.number}  {info.title}" if info.number else info.title, self)
        self.title.setWordWrap(True)
        bold = QFont(self.title.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.title.setFont(bold)
        self.description = QLabel(info.problem or info.description, self)
        self.description.setWordWrap(True)
        self.description.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addStretch(1)
        self.setFixedWidth(SIZE.width() + 18)

    def set_picture(self, pixmap: QPixmap) -> None:
        self.picture.setPixmap(
            pixmap.scaled(
                SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class StartPage(QDialog):
    """Cards for ``examples``; ``open_path(path) -> bool`` opens one in the window."""

    def __init__(
        self,
        examples: list[ExampleInfo],
        exercises: list[ExampleInfo],
        open_path: Callable[[Path], bool],
        new_file: Callable[[], bool],
        open_dialog: Callable[[], bool],
        parent: QWidget | None = None,
        cache: Path | None = None,
        theme: Theme | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("StartPage", "Start — NeuroSim"))
        self.setObjectName("start_page")
        self.setStyleSheet(CARD_STYLE)
        self._open_path, self._new_file, self._open_dialog = open_path, new_file, open_dialog
        self._cache = cache
        self.theme = theme if theme is not None else Theme(parent=self)  # None: light, its own
        intro = translate(
            "StartPage",
            "Pick an example to explore — each opens with its plots and a note on what "
            "to notice — or start from scratch.",
        )
        heading = QLabel(f"<h1>NeuroSim</h1><p>{intro}</p>", self)
        heading.setWordWrap(True)
        self.cards = [Card(info, self.theme.palette, self) for info in examples]
        grid_host = QWidget(self)
        self.grid = QGridLayout(grid_host)
        self.grid.setSpacing(SPACING)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        for card in self.cards:
            card.clicked.connect(lambda c=card: self._choose(c.info.path))
        self.columns = 0
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(grid_host)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setMinimumWidth(SIZE.width() + 60)
        self._reflow(COLUMNS)
        self.scroll.viewport().installEventFilter(self)
        layout = QHBoxLayout()
        layout.addWidget(self.scroll, 1)
        side = QWidget(self)
        side.setLayout(self._side(exercises))
        side.setMaximumWidth(340)
        layout.addWidget(side)
        self.show_at_start = QCheckBox(
            translate("StartPage", "Show this page when NeuroSim starts"), self
        )
        close = QPushButton(translate("StartPage", "Close"), self)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.show_at_start)
        bottom.addStretch(1)
        bottom.addWidget(close)
        outer = QVBoxLayout(self)
        outer.addWidget(heading)
        outer.addLayout(layout, 1)
        outer.addLayout(bottom)
        self._pending = list(self.cards)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next_picture)
        self._timer.start()
        self.theme.changed.connect(self._on_theme_changed)
        screen = self.screen().availableGeometry() if self.screen() else None
        width = COLUMNS * (SIZE.width() + 18 + SPACING) + 420
        self.resize(
            QSize(
                min(width, screen.width() - 40) if screen else width,
                min(900, screen.height() - 60) if screen else 900,
            )
        )

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            room = event.size().width() - 2 * self.grid.contentsMargins().left()
            self._reflow(max(1, (room + SPACING) // (SIZE.width() + 18 + SPACING)))
        return False

    def _reflow(self, columns: int) -> None:
        """As many columns of cards as fit the width: no sideways scrolling."""
        if columns == self.columns:
            return
        self.columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for i, card in enumerate(self.cards):
            self.grid.addWidget(card, i // columns, i % columns, Qt.AlignmentFlag.AlignTop)

    def _side(self, exercises: list[ExampleInfo]) -> QVBoxLayout:
        side = QVBoxLayout()
        self.new_button = QPushButton(translate("StartPage", "New empty network"), self)
        self.new_button.clicked.connect(lambda: self._finish(self._new_file()))
        self.open_button = QPushButton(translate("StartPage", "Open file…"), self)
        self.open_button.clicked.connect(lambda: self._finish(self._open_dialog()))
        side.addWidget(self.new_button)
        side.addWidget(self.open_button)
        side.addSpacing(12)
        label = QLabel(
            translate("StartPage", "<b>Exercises</b> — check your answer with {command}").format(
                command="<code>neurosim check</code>"  # a command: the same in every language
            ),
            self,
        )
        label.setWordWrap(True)
        side.addWidget(label)
        self.exercises = QListWidget(self)
        self.exercises.setWordWrap(True)
        for info in exercises:
            item = QListWidgetItem(without_exercise_prefix(info.title), self.exercises)
            item.setToolTip(info.description)
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
        self.exercises.itemActivated.connect(
            lambda item: self._choose(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.exercises.setMinimumWidth(240)
        side.addWidget(self.exercises, 1)
        return side

    def _next_picture(self) -> None:
        if not self._pending:
            self._timer.stop()
            return
        card = self._pending.pop(0)
        card.set_picture(thumbnail(card.info.path, self._cache, SIZE, self.theme.palette))

    def _on_theme_changed(self, _palette: Palette) -> None:
        self.setStyleSheet("")  # palette(…) in a style sheet is read when it is set
        self.setStyleSheet(CARD_STYLE)
        self._pending = list(self.cards)  # the pictures in the new canvas colours
        self._timer.start()

    def finish_pictures(self) -> None:
        """Draw every thumbnail now (tests, and before a screenshot)."""
        while self._pending:
            self._next_picture()
        self._timer.stop()

    def card_for(self, name: str) -> Card:
        return next(c for c in self.cards if c.info.name == name)

    def _choose(self, path: Path) -> None:
        self._finish(self._open_path(path))

    def _finish(self, done: bool) -> None:
        if done:
            self.accept()
