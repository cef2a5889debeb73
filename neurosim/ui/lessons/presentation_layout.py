"""Where presentation mode puts things, by the size of the screen; and the lesson's title.

On a tall screen (1920×1080) the lesson's plots run below the network, side by side, as
in the normal window. On a short one (a 1280×720 projector) three plots side by side in
a 40 % strip are each a few hundred pixels of legend and no curve, and the network above
them shrinks to unreadable labels: there the plots go beside the network as tabs of one
full-height column (the lesson's main plot in front, the others one click away), and the
Train panel, when the lesson shows it, stacks below them. The network keeps the full
height of the screen.

:class:`TitleBar` shows the open example's title above the transport bar, since the
window's own title bar is gone in full screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.core_text import localized
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.lessons.views import PANEL_DOCKS

#: screens shorter than this (logical pixels) get the plots beside the network as tabs
COMPACT_HEIGHT = 900
BOTTOM_SHARE, RIGHT_SHARE = 0.40, 0.30  # tall screens: the plots' height, a column's width
COMPACT_SHARE = 0.42  # short screens: the plots' share of the width (or of the height)
TRAIN_SHARE = 0.45  # short screens: the most of the plots' column (row) the Train panel takes
CHROME = 100  # the title and the transport bar, about, at presentation sizes
MIN_TEXT_PX = 18  # the smallest canvas text a lecture hall reads, in screen pixels
LEGIBLE_PX = MIN_TEXT_PX - 0.5  # smaller canvas text is not drawn (a pixel size rounds)
MAX_TEXT_BOOST = 1.8  # how much larger than the neurons that text may become
BOOST_STEPS = (1.6, 1.45, 1.3, 1.15)  # tried in turn while larger text would pile up
OVERLAP_SHARE = 0.1  # text boxes may share this much of the smaller one's area
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
PLOT_DOCKS = frozenset(PANEL_DOCKS.values()) - {"train"}


def is_compact(size: QSize) -> bool:
    return size.height() < COMPACT_HEIGHT


def arrange(
    window: QMainWindow, size: QSize, canvas: CanvasView, order: list[str] | None = None
) -> None:
    """The visible docks of ``window`` placed for a screen of ``size``; on a short screen
    the shape of the network on ``canvas`` decides whether the plots go beside it or
    below it, and ``order`` (the lesson's panels, by dock name) which plot is in front."""
    docks = [
        d
        for d in window.findChildren(QDockWidget)
        if d.parent() is window and not d.isHidden() and not d.isFloating()
    ]
    network = canvas.network_rect()
    plots = [d for d in docks if d.objectName() in PLOT_DOCKS]
    if not is_compact(size) and len(plots) == 1 and len(docks) == 1:
        # one plot alone below the network would be a strip the screen's width
        _tabbed(window, size, docks, RIGHT, order or [])
    elif not is_compact(size):
        _spread(window, size, docks)
    elif network is not None and _wide(network, size, canvas.legend.height()):
        _tabbed(window, size, docks, BOTTOM, order or [])
    else:
        _tabbed(window, size, docks, RIGHT, order or [])


def _wide(network: QRectF, size: QSize, legend: int) -> bool:
    """Whether a network of this shape is drawn larger with the plots below it than beside
    it (a long chain of neurons: 05a's sigmoids). The network keeps clear of the canvas's
    legend, across its bottom."""
    height = size.height() - CHROME
    beside = (size.width() * (1 - COMPACT_SHARE), height - legend)
    below = (size.width(), height * (1 - COMPACT_SHARE) - legend)

    def zoom(room: tuple[float, float]) -> float:
        w, h = max(network.width(), 1.0), max(network.height(), 1.0)
        return min(room[0] / w, room[1] / h)

    return zoom(below) > zoom(beside)


def _spread(window: QMainWindow, size: QSize, docks: list[QDockWidget]) -> None:
    """Tall screens: the plots side by side below the network, as the lesson put them."""
    bottom = [d for d in docks if window.dockWidgetArea(d) == BOTTOM]
    side = [d for d in docks if window.dockWidgetArea(d) in (RIGHT, LEFT)]
    if bottom:
        height = round(size.height() * BOTTOM_SHARE)
        window.resizeDocks(bottom, [height] * len(bottom), Qt.Orientation.Vertical)
    if side:
        width = round(size.width() * RIGHT_SHARE)
        window.resizeDocks(side, [width] * len(side), Qt.Orientation.Horizontal)


def _tabbed(
    window: QMainWindow,
    size: QSize,
    docks: list[QDockWidget],
    area: Qt.DockWidgetArea,
    order: list[str],
) -> None:
    """Short screens: the plots as tabs of one group in ``area`` (beside the network: a
    full-height column; below it: a full-width row), in the lesson's order with its main
    plot in front; the Train panel next to them. Leaving restores the window's saved
    state, so nothing here outlives presentation mode."""
    rank = {name: i for i, name in enumerate(order)}
    plots = sorted(
        (d for d in docks if d.objectName() in PLOT_DOCKS),
        key=lambda d: rank.get(d.objectName(), len(rank)),
    )
    train = next((d for d in docks if d.objectName() == "train"), None)
    others = [d for d in docks if d not in plots and d is not train]
    group = plots + ([train] if train is not None else [])
    if not group:
        return
    for dock in group:
        window.removeDockWidget(dock)
    first = group[0]
    across = Qt.Orientation.Vertical if area == RIGHT else Qt.Orientation.Horizontal
    window.addDockWidget(area, first, across)
    if train is not None and train is not first:
        # before the tabs: Qt adds a dock split off a tabbed one as another tab
        window.splitDockWidget(first, train, across)
    for dock in plots[1:]:
        window.tabifyDockWidget(first, dock)
    for dock in group:
        dock.show()
    first.raise_()
    if area == RIGHT:
        window.resizeDocks(
            [first], [round(size.width() * COMPACT_SHARE)], Qt.Orientation.Horizontal
        )
    else:
        height = size.height() - CHROME
        window.resizeDocks([first], [round(height * COMPACT_SHARE)], Qt.Orientation.Vertical)
    if train is not None and train is not first:
        # the Train panel as small as its controls allow: the plots show what it does
        if area == RIGHT:
            length = size.height() - CHROME
            need = train.minimumSizeHint().height()
        else:  # as wide as its row of buttons wants: a cut "Train ▶" is no use
            length, need = size.width(), _content_width(train)
        side = min(round(length * TRAIN_SHARE), max(need, round(length * 0.25)))
        window.resizeDocks([first, train], [length - side, side], across)
    side = [d for d in others if window.dockWidgetArea(d) in (RIGHT, LEFT)]
    if side:  # the inspector or the notes, when the lecturer keeps them
        window.resizeDocks(
            side, [round(size.width() * 0.25)] * len(side), Qt.Orientation.Horizontal
        )


def _content_width(dock: QDockWidget) -> int:
    """The width a dock's panel asks for (inside its scroll area, if it has one)."""
    inner = dock.widget()
    if isinstance(inner, QScrollArea) and inner.widget() is not None:
        bar = inner.verticalScrollBar().sizeHint().width()
        return inner.widget().sizeHint().width() + bar + 2 * inner.frameWidth() + 8
    return inner.sizeHint().width() if inner is not None else 0


def fit_readable(canvas: CanvasView, on: bool = True) -> None:
    """Fit the network to the canvas, with the text around the neurons (names, biases,
    weights, badges) boosted until it is :data:`MIN_TEXT_PX` on screen, by at most
    :data:`MAX_TEXT_BOOST` (a network of dozens of neurons stays an overview). ``on``
    False: text as large as the neurons again."""
    scene = canvas.network_scene
    if not on:
        scene.set_text_boost(1.0)
        canvas.fit_to_view()
        return
    scene.set_text_boost(1.0)
    canvas.fit_to_view()
    crowded = text_overlaps(scene.text_rects())  # the drawing's own (a label on a label)
    base = scene.style.small_font.pixelSize()
    zoom = canvas.transform().m11()
    want = min(MAX_TEXT_BOOST, (MIN_TEXT_PX + 0.5) / max(base * zoom, 1e-6))  # (+0.5: rounding)
    # the largest boost up to ``want`` that piles no more text on text than there was
    for boost in (want, *(b for b in BOOST_STEPS if b < want)):
        if boost <= 1.0:
            break
        scene.set_text_boost(boost)
        if text_overlaps(scene.text_rects()) <= crowded:
            break
    else:
        scene.set_text_boost(1.0)
    if text_overlaps(scene.text_rects()) > crowded:
        scene.set_text_boost(1.0)
    canvas.fit_to_view()


def text_overlaps(rects: list[QRectF]) -> int:
    """How many pairs of these text boxes overlap by more than a corner (a tenth of the
    smaller one: a box is a line's full height, its glyphs leave room at the edges)."""
    count = 0
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            both = a.intersected(b)
            if both.isValid() and _area(both) > OVERLAP_SHARE * min(_area(a), _area(b)):
                count += 1
    return count


def _area(rect: QRectF) -> float:
    return rect.width() * rect.height()


class TitleBar(QToolBar):
    """The open network's title in large bold text, one line, above the transport bar.

    A title too long for the screen ends in "…" with the whole of it in the tooltip."""

    def __init__(self, document: Document, parent: QWidget) -> None:
        super().__init__(translate("TitleBar", "Title"), parent)
        self.setObjectName("presentation_title")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)
        self.document = document
        self.label = QLabel(self)
        self.label.setObjectName("presentation_title_label")
        # as wide as the screen allows, never wider (a long title ends in "…")
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(1)
        self.label.setContentsMargins(12, 2, 12, 2)
        self.addWidget(self.label)
        document.network_replaced.connect(self.update_title)
        document.file_state_changed.connect(self.update_title)
        self.update_title()

    @property
    def full_title(self) -> str:
        network = self.document.network
        title = localized(network.meta.get("title")).strip()
        return title or self.document.title

    def set_font_scale(self, points: float) -> None:
        font = QFont(self.label.font())
        font.setPointSizeF(points)
        font.setBold(True)
        self.label.setFont(font)
        self.update_title()

    def update_title(self, *_: object) -> None:
        title = self.full_title
        width = self.label.width() - 24
        shown = title
        if width > 0:
            shown = self.label.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, width)
        self.label.setText(shown)
        self.label.setToolTip(title if shown != title else "")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.update_title()
