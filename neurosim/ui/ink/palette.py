"""The ink palette: which tool and colour are on, and buttons to change them.

A small bar in the overlay's top right corner while drawing is on (a child of the overlay,
so its buttons take clicks the overlay would otherwise draw with). It shows the tool and
colour in words as well as by the pressed buttons, large enough for the back of the room
(it follows the application font, which presentation mode enlarges); each button's tooltip
names its key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWidget,
)

from neurosim.core.ink import COLOURS, Tool
from neurosim.ui.core_text import core_text
from neurosim.ui.i18n import translate
from neurosim.ui.ink.overlay import InkOverlay

SYMBOLS = {Tool.LASER: "◉", Tool.PEN: "✎", Tool.HIGHLIGHTER: "▮", Tool.ERASER: "⌫"}
#: the core's names of the tools and colours (neurosim.core.ink), marked for the catalog:
#: shown as translate("InkPalette", name)
NAMES = (
    QT_TRANSLATE_NOOP("InkPalette", "Laser pointer"),
    QT_TRANSLATE_NOOP("InkPalette", "Pen"),
    QT_TRANSLATE_NOOP("InkPalette", "Highlighter"),
    QT_TRANSLATE_NOOP("InkPalette", "Eraser"),
    QT_TRANSLATE_NOOP("InkPalette", "Red"),
    QT_TRANSLATE_NOOP("InkPalette", "Blue"),
    QT_TRANSLATE_NOOP("InkPalette", "Yellow"),
)
TIPS = {
    Tool.LASER: QT_TRANSLATE_NOOP(
        "InkPalette",
        "Laser pointer: a bright dot with a short fading trail (L; or hold right button)",
    ),
    Tool.PEN: QT_TRANSLATE_NOOP(
        "InkPalette", "Pen: draw; a tablet's pressure makes the line wider (P)"
    ),
    Tool.HIGHLIGHTER: QT_TRANSLATE_NOOP("InkPalette", "Highlighter: a wide translucent marker (M)"),
    Tool.ERASER: QT_TRANSLATE_NOOP("InkPalette", "Eraser: drag over strokes to remove them (E)"),
}
MARGIN = 12  # px from the window's corner
# of the application's font (twice its size in presentation mode): readable from the back
# of the room, small enough not to cover the lesson's title at 1280x720
FONT_FACTOR = 0.8
MIN_POINTS = 11.0


class InkPalette(QFrame):
    """Tool and colour buttons, Clear and Done (``on_done`` leaves drawing)."""

    def __init__(self, overlay: InkOverlay, on_done: Callable[[], None]) -> None:
        super().__init__(overlay)
        self.setObjectName("ink_palette")
        self.overlay = overlay
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.ArrowCursor)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.setSpacing(4)
        self.status = QLabel(self)
        self.status.setObjectName("ink_status")
        self.status.setToolTip(translate("InkPalette", "The tool and colour in use"))
        row.addWidget(self.status)
        self.tool_buttons: dict[Tool, QToolButton] = {}
        tools = QButtonGroup(self)
        for tool in Tool:
            button = self._button(
                f"{SYMBOLS[tool]} {tool.key}", translate("InkPalette", TIPS[tool]), checkable=True
            )
            button.clicked.connect(lambda _c=False, t=tool: overlay.set_tool(t))
            tools.addButton(button)
            row.addWidget(button)
            self.tool_buttons[tool] = button
        self.colour_buttons: dict[str, QToolButton] = {}
        colours = QButtonGroup(self)
        for colour in COLOURS:
            tip = translate("InkPalette", "{colour} pen and highlighter ({key})").format(
                colour=core_text(colour.name), key=colour.key
            )
            button = self._button(colour.key, tip, checkable=True)
            r, g, b = colour.rgb
            text = "black" if QColor(r, g, b).lightnessF() > 0.55 else "white"
            button.setStyleSheet(
                f"QToolButton {{ background: rgb({r},{g},{b}); color: {text}; "
                "border: 2px solid transparent; border-radius: 4px; padding: 2px 8px; }"
                "QToolButton:checked { border: 3px solid palette(text); }"
            )
            button.clicked.connect(lambda _c=False, k=colour.key: overlay.set_colour(k))
            colours.addButton(button)
            row.addWidget(button)
            self.colour_buttons[colour.key] = button
        self.clear_button = self._button(
            translate("InkPalette", "Clear"), translate("InkPalette", "Remove all the ink (C)")
        )
        self.clear_button.clicked.connect(lambda _c=False: overlay.clear())
        row.addWidget(self.clear_button)
        self.done_button = self._button(
            "✕", translate("InkPalette", "Stop drawing (Esc when the screen has no ink)")
        )
        self.done_button.clicked.connect(lambda _c=False: on_done())
        row.addWidget(self.done_button)
        overlay.changed.connect(self.refresh)
        self.refresh()

    def _button(self, text: str, tip: str, checkable: bool = False) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the overlay
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def refresh(self) -> None:
        """Show the overlay's tool and colour; follow the application's font; to the corner."""
        ink = self.overlay.ink
        tool = core_text(ink.tool.title)
        if ink.tool in (Tool.LASER, Tool.ERASER):
            self.status.setText(f"{SYMBOLS[ink.tool]} {tool}")
        else:
            self.status.setText(f"{SYMBOLS[ink.tool]} {tool} · {core_text(ink.colour.name)}")
        self.tool_buttons[ink.tool].setChecked(True)
        self.colour_buttons[ink.colour.key].setChecked(True)
        self.clear_button.setEnabled(not ink.empty)
        self.follow_font()
        self.place()

    def follow_font(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(max(MIN_POINTS, font.pointSizeF() * FONT_FACTOR))
        if font != self.font():
            self.setFont(font)
            for child in self.findChildren(QWidget):
                child.setFont(font)
            self.adjustSize()

    def place(self) -> None:
        self.adjustSize()
        parent = self.overlay
        self.move(max(0, parent.width() - self.width() - MARGIN), MARGIN)
