"""What the class reads while a forward pass is explained: the sum on a large panel at the
top of the canvas, and a small bar at the bottom (◀ ⏯ ▶, "beat 3 of 17", the pace, ✕).

Both are children of the canvas, so they sit over the network in the normal window and in
presentation mode alike. The panel draws the beat's text at least :data:`TEXT_PX` pixels
high (:data:`PRESENTING_PX` in presentation mode), wrapping a long sum at its spaces.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QStyle,
    QToolButton,
    QWidget,
)

from neurosim.ui.i18n import translate

TEXT_PX = 30  # the sum, in the normal window: readable at 1280×720 from the back
PRESENTING_PX = 36  # in presentation mode
CAPTION_SHARE = 0.6  # the caption line above it, relative to the sum
MARGIN = 12  # from the canvas's edges
PAD = 14  # inside the panel
PANEL = QColor(20, 24, 32, 225)  # dark glass: legible over light and dark themes
INK = QColor(255, 255, 255)
CAPTION_INK = QColor(255, 214, 102)  # the highlight's amber
#: the pace of auto-play: name (shown translated) → milliseconds per beat
PACES = {
    QT_TRANSLATE_NOOP("ExplainBar", "Slow"): 2600,
    QT_TRANSLATE_NOOP("ExplainBar", "Normal"): 1500,
    QT_TRANSLATE_NOOP("ExplainBar", "Fast"): 700,
}
# the buttons' tooltips (shown translated)
BACK_TIP = QT_TRANSLATE_NOOP("ExplainBar", "Previous beat (Left, PageUp)")
PLAY_TIP = QT_TRANSLATE_NOOP("ExplainBar", "Play / pause at the chosen pace (P)")
NEXT_TIP = QT_TRANSLATE_NOOP("ExplainBar", "Next beat (Right, Space, PageDown)")
END_TIP = QT_TRANSLATE_NOOP("ExplainBar", "End the explanation and go back to the live view (Esc)")


class SumOverlay(QWidget):
    """The beat's text (``z = 0.8·1.00 + …``) and a caption, big, over the canvas."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.caption = ""
        self.text = ""
        self.pixel_size = TEXT_PX
        self.bottom_reserve = 0  # the bar's room at the bottom
        #: what the panel should not cover (canvas coordinates): the lit neurons first,
        #: then the whole network
        self.avoid: tuple[list[QRect], QRect | None] = ([], None)
        self.painted_font: QFont | None = None  # the sum's font as last painted (tests)
        self.hide()

    def fonts(self, pixel_size: int | None = None) -> tuple[QFont, QFont]:
        pixel_size = self.pixel_size if pixel_size is None else pixel_size
        big = QFont(self.font())
        big.setPixelSize(pixel_size)
        big.setBold(True)
        small = QFont(self.font())
        small.setPixelSize(round(pixel_size * CAPTION_SHARE))
        return big, small

    def show_text(self, caption: str, text: str, pixel_size: int, at_bottom: bool = False) -> None:
        self.caption, self.text, self.pixel_size = caption, text, pixel_size
        self.at_bottom = at_bottom
        self.place()
        self.show()
        self.raise_()
        self.update()

    def place(self) -> None:
        """As wide as the text needs, up to the canvas's width; at the top, centred."""
        host = self.parentWidget()
        if host is None:
            return
        size = self.measure(self.caption, self.text, self.pixel_size)
        self.setGeometry(self._best_place(host.width(), host.height(), *size))

    def measure(self, caption: str, text: str, pixel_size: int) -> tuple[int, int]:
        """(width, height) of the panel for these lines, wrapped to the canvas's width."""
        host = self.parentWidget()
        room = max(200, (host.width() if host is not None else 800) - 2 * MARGIN)
        big, small = self.fonts(pixel_size)
        flags = int(Qt.TextFlag.TextWordWrap)
        inner = room - 2 * PAD
        lines = QFontMetrics(big).boundingRect(QRect(0, 0, inner, 4000), flags, text)
        cap = QFontMetrics(small).boundingRect(QRect(0, 0, inner, 4000), flags, caption)
        width = min(room, max(lines.width(), cap.width()) + 2 * PAD + 2)
        return width, lines.height() + cap.height() + 2 * PAD + 4

    def _best_place(self, w: int, h: int, width: int, height: int) -> QRect:
        """The top or bottom, centre, left or right place covering least of what matters."""
        bottom = max(MARGIN, h - self.bottom_reserve - height - MARGIN)
        lefts = [(w - width) // 2, MARGIN, max(MARGIN, w - width - MARGIN)]
        places = [QRect(x, y, width, height) for y in (MARGIN, bottom) for x in lefts]
        lit, network = self.avoid

        def covered(place: QRect) -> int:
            area = sum(_area(place.intersected(r)) for r in lit) * 100
            return area + (_area(place.intersected(network)) if network is not None else 0)

        return min(places, key=covered)  # the first (top centre) among equals

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PANEL)
        painter.drawRoundedRect(QRectF(self.rect()), 12, 12)
        big, small = self.fonts()
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter
        inner = self.rect().adjusted(PAD, PAD, -PAD, -PAD)
        painter.setFont(small)
        painter.setPen(CAPTION_INK)
        cap = painter.boundingRect(inner, int(flags), self.caption)
        painter.drawText(inner, int(flags | Qt.AlignmentFlag.AlignTop), self.caption)
        painter.setFont(big)
        painter.setPen(INK)
        rest = inner.adjusted(0, cap.height() + 4, 0, 0)
        painter.drawText(rest, int(flags | Qt.AlignmentFlag.AlignTop), self.text)
        self.painted_font = QFont(painter.font())
        painter.end()


def count_text(index: int, total: int) -> str:
    """ "beat 3 of 17" for the beat at ``index`` (0 is the first)."""
    return translate("ExplainBar", "beat {number} of {total}").format(number=index + 1, total=total)


def _area(rect: QRect) -> int:
    return max(0, rect.width()) * max(0, rect.height())


class ExplainBar(QFrame):
    """◀ ⏯ ▶, "beat 3 of 17", the pace and ✕, at the bottom of the canvas. Its buttons
    never take the keyboard: the keys stay with the explanation."""

    back = Signal()
    forward = Signal()
    play = Signal()
    end = Signal()
    pace_changed = Signal(int)  # milliseconds per beat

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("explain_bar")
        self.keep_clear: QWidget | None = None  # the canvas's colour key
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        icon = QStyle.StandardPixmap
        self.back_button = self._button("◀", icon.SP_MediaSeekBackward, BACK_TIP, self.back)
        self.play_button = self._button("⏯", icon.SP_MediaPlay, PLAY_TIP, self.play)
        self.forward_button = self._button("▶", icon.SP_MediaSeekForward, NEXT_TIP, self.forward)
        self.count = QLabel(self)
        widest = count_text(887, 888)
        self.count.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest))
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pace = QComboBox(self)
        for name, ms in PACES.items():
            self.pace.addItem(translate("ExplainBar", name), ms)
        self.pace.setCurrentIndex(list(PACES).index("Normal"))
        self.pace.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pace.setToolTip(
            translate("ExplainBar", "How fast auto-play (P) moves from beat to beat")
        )
        self.pace.currentIndexChanged.connect(
            lambda i: self.pace_changed.emit(self.pace.itemData(i))
        )
        self.close_button = self._button("✕", icon.SP_DialogCloseButton, END_TIP, self.end)
        for widget in (self.back_button, self.play_button, self.forward_button, self.count):
            layout.addWidget(widget)
        layout.addWidget(self.pace)
        layout.addWidget(self.close_button)
        self.hide()

    def _button(self, text: str, icon: QStyle.StandardPixmap, tip: str, signal) -> QToolButton:  # type: ignore[no-untyped-def]
        # the icons: a projector's fonts may lack the ◀ ⏯ ▶ glyphs (the text names them)
        button = QToolButton(self)
        button.setText(text)
        button.setAccessibleName(text)
        button.setIcon(self.style().standardIcon(icon))
        side = round(self.fontMetrics().height() * 1.4)
        button.setIconSize(QSize(side, side))
        button.setToolTip(translate("ExplainBar", tip))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRaise(True)
        button.clicked.connect(lambda _checked=False: signal.emit())
        return button

    def show_count(self, index: int, total: int, playing: bool) -> None:
        self.count.setText(count_text(index, total))
        self.play_button.setText("⏸" if playing else "⏯")
        which = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(which))
        self.back_button.setEnabled(index > 0)
        self.forward_button.setEnabled(index < total - 1)
        self.place()
        self.show()
        self.raise_()

    def place(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        self.adjustSize()
        size = self.sizeHint()
        x = (host.width() - size.width()) // 2
        if self.keep_clear is not None and self.keep_clear.isVisible():
            # beside the canvas's colour key, when there is room, not over it
            x = max(
                x, min(self.keep_clear.geometry().right() + MARGIN, host.width() - size.width())
            )
        self.setGeometry(
            x,
            host.height() - size.height() - MARGIN,
            size.width(),
            size.height(),
        )
