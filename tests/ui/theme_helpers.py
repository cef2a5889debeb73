"""Reading text against its ground off the screen, in pixels (style §12).

The method: grab a region with the text, hide only the text (empty a label, give an axis
no text pen, hide a text item), grab it again. The pixels that changed are the text (and a
box drawn only with it). On each line of them (a band of rows) the ground is what the text
covers, or that box; the changed pixel farthest from it in luminance is the text's colour.
A line passes with a WCAG contrast ratio of at least 4.5 between the two. Widgets' text is
read in a larger bold font: a thin stroke of small text is all anti-aliased edge and never
reaches the colour it is painted in.

Each check returns a list of problems ("where: what (ratio)"), empty when all is well.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtGui import QColor, QFont, QIcon, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QToolBar,
    QWidget,
)

from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.theme import Palette

TEXT = 4.5  # WCAG AA for text
NEAR_GROUND = 1.5  # a plot's data area this close to the theme's ground is "its ground"
BOX_AREA, BOX_FILL = 400, 0.7  # a line this big that changed this much is a box with text


# ----------------------------------------------------------------------------- pixels
def pixels(image: QImage) -> np.ndarray:
    """(height, width, 3) RGB of ``image``."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    h, w = image.height(), image.width()
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(h, image.bytesPerLine())
    bgra = raw[:, : w * 4].reshape(h, w, 4)
    return bgra[..., 2::-1].copy()


def luminance(rgb: np.ndarray) -> np.ndarray:
    c = np.asarray(rgb, dtype=float) / 255.0
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return lin @ np.array([0.2126, 0.7152, 0.0722])


def ratio(a: float | np.ndarray, b: float | np.ndarray) -> np.ndarray:
    hi, lo = np.maximum(a, b), np.minimum(a, b)
    return (hi + 0.05) / (lo + 0.05)


def dominant(rgb: np.ndarray) -> QColor:
    """The most common colour of an (…, 3) array of pixels."""
    flat = rgb.reshape(-1, 3).astype(np.int64)
    packed = flat[:, 0] << 16 | flat[:, 1] << 8 | flat[:, 2]
    values, counts = np.unique(packed, return_counts=True)
    return QColor.fromRgb(int(values[np.argmax(counts)]))


def text_contrast(with_text: QImage, without: QImage) -> float | None:
    """The lowest contrast of a line of what ``with_text`` shows and ``without`` lacks (None:
    nothing changed).

    The ground of a line is what its text covers (read in ``without``: right on a gradient
    too), or, when nearly all of the line's box changed, the box drawn with the text (the
    commonest colour there)."""
    a, b = pixels(with_text), pixels(without)
    changed = np.any(a != b, axis=-1)
    rows = np.flatnonzero(changed.any(axis=1))
    if rows.size == 0:
        return None
    worst = None
    for band in np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1):
        r0, r1 = band[0], band[-1] + 1
        here = changed[r0:r1]
        if r1 - r0 < 4 or here.sum() < 12:  # a glyph's clipped edge, not a line of text
            continue
        cols = np.flatnonzero(here.any(axis=0))
        c0, c1 = cols[0], cols[-1] + 1
        box = here[:, c0:c1]
        if box.size >= BOX_AREA and box.mean() > BOX_FILL:
            ground = float(luminance(np.array(dominant(a[r0:r1, c0:c1][box]).getRgb()[:3])))
        else:
            ground = float(np.median(luminance(b[r0:r1][here])))
        best = float(ratio(luminance(a[r0:r1][here]), ground).max())
        worst = best if worst is None else min(worst, best)
    return worst


def icon_contrast(with_icon: QImage, without: QImage) -> float | None:
    """How much an icon's body (the more opaque half of its pixels: the rest is the
    anti-aliased rim) stands out from what it covers."""
    a, b = pixels(with_icon), pixels(without)
    changed = np.any(a != b, axis=-1)
    if changed.sum() < 12:
        return None
    ground = float(np.median(luminance(b[changed])))
    return float(np.percentile(ratio(luminance(a[changed]), ground), 75))


def region(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


# ------------------------------------------------------------------------- widgets
def _hide_text(widget: QWidget) -> Callable[[], None] | None:
    """Hide the widget's own text; returns how to put it back (None: it shows no text)."""
    if isinstance(widget, QLabel) and widget.text():
        text = widget.text()
        widget.setText("")
        return lambda: widget.setText(text)
    if isinstance(widget, QAbstractButton) and widget.text():
        text = widget.text()
        widget.setText("")
        return lambda: widget.setText(text)
    if isinstance(widget, QGroupBox) and widget.title():
        title = widget.title()
        widget.setTitle("")
        return lambda: widget.setTitle(title)
    if isinstance(widget, QTextEdit) and widget.toPlainText():
        html, placeholder = widget.toHtml(), widget.placeholderText()
        widget.setPlaceholderText("")  # shown once the text is gone
        widget.clear()

        def put_back() -> None:
            widget.setHtml(html)
            widget.setPlaceholderText(placeholder)

        return put_back
    if isinstance(widget, (QTextEdit, QPlainTextEdit)) and widget.placeholderText():
        if isinstance(widget, QPlainTextEdit) and widget.toPlainText():
            return None
        placeholder = widget.placeholderText()
        widget.setPlaceholderText("")
        return lambda: widget.setPlaceholderText(placeholder)
    return None


def widget_problems(top: QWidget, where: str, under: QWidget | None = None) -> list[str]:
    """Every label, button, group title and text box shown under ``under`` (default: all
    of ``top``) whose text is hard to read on its ground."""
    problems = []
    for widget in (under or top).findChildren(QWidget):
        if not (widget.isVisible() and widget.isEnabled()) or _in_plot(widget):
            continue
        target = widget.viewport() if isinstance(widget, (QTextEdit, QPlainTextEdit)) else widget
        rect = region(target, top).intersected(top.rect())
        if rect.isEmpty():
            continue
        font = widget.font()
        bold = QFont(font)
        bold.setPointSizeF(font.pointSizeF() * 1.5)
        bold.setBold(True)
        widget.setFont(bold)
        before = top.grab(rect).toImage()
        restore = _hide_text(widget)
        after = top.grab(rect).toImage() if restore is not None else None
        widget.setFont(font)
        if restore is None:
            continue
        restore()
        found = text_contrast(before, after)
        if found is not None and found < TEXT:
            problems.append(f"{where}: {type(widget).__name__} {_shown(widget)!r} ({found:.2f})")
    return problems


def _in_plot(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGraphicsView):
            return True
        parent = parent.parentWidget()
    return False


def _shown(widget: QWidget) -> str:
    for name in ("text", "title", "toPlainText", "placeholderText"):
        if hasattr(widget, name) and getattr(widget, name)():
            return str(getattr(widget, name)())[:40]
    return widget.objectName()


def icon_problems(bar: QToolBar, where: str) -> list[str]:
    """Tool bar icons whose body does not stand out from the bar as text would (4.5:1)."""
    problems = []
    for action in bar.actions():
        button = bar.widgetForAction(action)
        if button is None or action.icon().isNull() or not button.isVisible():
            continue
        rect = region(button, bar)
        before = bar.grab(rect).toImage()
        icon = action.icon()
        action.setIcon(QIcon())
        after = bar.grab(rect).toImage()
        action.setIcon(icon)
        found = icon_contrast(before, after)
        if found is None or found < TEXT:
            problems.append(f"{where}: icon of {action.text()!r} ({found})")
    return problems


# --------------------------------------------------------------------------- plots
def plot_views(top: QWidget) -> Iterator[pg.GraphicsView]:
    for view in top.findChildren(pg.GraphicsView):
        if view.isVisible():
            yield view


def plot_problems(
    view: pg.GraphicsView, palette: Palette, where: str, data_is_ground: bool = True
) -> list[str]:
    """The plot's ground is the theme's; its axes, titles, legends and texts read on it;
    its data area (``data_is_ground``) has not kept another theme's ground."""
    problems = []
    QApplication.processEvents()
    before = view.grab().toImage()
    ground = dominant(pixels(before))
    if ground.name() != palette.plot.ground:
        problems.append(f"{where}: ground {ground.name()}, not {palette.plot.ground}")
    for item in view.scene().items():
        if not item.isVisible():
            continue
        if isinstance(item, pg.ViewBox) and data_is_ground:
            inside = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
            area = pixels(before)[
                max(inside.top(), 0) : inside.bottom(), max(inside.left(), 0) : inside.right()
            ]
            if min(area.shape[:2]) >= 12:  # (a plot squeezed flat has no area to judge)
                colour = dominant(area)
                near = ratio(luminance(np.array(colour.getRgb()[:3])), _lum(palette.plot.ground))
                if near > NEAR_GROUND:
                    problems.append(f"{where}: data area {colour.name()} on {palette.plot.ground}")
        restore = _hide_plot_text(item)
        if restore is None:
            continue
        after = view.grab().toImage()
        restore()
        found = text_contrast(before, after)
        if found is not None and found < TEXT:
            problems.append(f"{where}: {type(item).__name__} {_item_text(item)!r} ({found:.2f})")
    return problems


def _lum(colour: str) -> float:
    return float(luminance(np.array(QColor(colour).getRgb()[:3])))


def _hide_plot_text(item) -> Callable[[], None] | None:
    if isinstance(item, pg.AxisItem):
        pen = item.textPen()
        label_shown = item.label.isVisible()
        item.setTextPen(pg.mkPen(None))
        item.label.setVisible(False)

        def restore() -> None:
            item.setTextPen(pen)
            item.label.setVisible(label_shown)

        return restore
    if isinstance(item, pg.LabelItem) and item.text:
        item.setVisible(False)
        return lambda: item.setVisible(True)
    if isinstance(item, pg.TextItem) and item.textItem.toPlainText():
        item.setVisible(False)
        return lambda: item.setVisible(True)
    return None


def _item_text(item) -> str:
    if isinstance(item, pg.AxisItem):
        return f"{item.orientation} axis {item.labelText}"
    if isinstance(item, pg.LabelItem):
        return item.text[:40]
    return item.textItem.toPlainText()[:40]


# -------------------------------------------------------------------------- canvas
def canvas_problems(canvas: CanvasView, palette: Palette) -> list[str]:
    """The canvas ground is the theme's; names, biases, weights and the legend read on it."""
    problems = []
    scene = canvas.network_scene
    viewport = canvas.viewport()
    before = viewport.grab().toImage()
    ground = dominant(pixels(before))
    if ground.name() != palette.canvas.ground:
        problems.append(f"canvas: ground {ground.name()}, not {palette.canvas.ground}")
    for nid, item in scene.neurons.items():
        for attribute in ("label", "_bias_text"):
            text = getattr(item, attribute)
            if not text or item.kind == "input" and attribute == "label":
                continue  # an input's name is on its header strip, the same in every theme
            setattr(item, attribute, "")
            item.update()
            after = viewport.grab().toImage()
            setattr(item, attribute, text)
            item.update()
            found = text_contrast(before, after)
            if found is not None and found < TEXT:
                problems.append(f"canvas: {nid} {attribute} {text!r} ({found:.2f})")
    image = pixels(before)
    for key, item in scene.synapses.items():
        if not item.label_shown() or item._label_rect.isEmpty():
            continue
        box = canvas.mapFromScene(QRectF(item._label_rect)).boundingRect().adjusted(1, 1, -1, -1)
        area = image[box.top() : box.bottom(), box.left() : box.right()]
        if area.size:
            box_ground = _lum(dominant(area).name())
            found = float(ratio(luminance(area.reshape(-1, 3)), box_ground).max())
            if found < TEXT:
                problems.append(f"canvas: weight label of {key} ({found:.2f})")
    legend = canvas.legend
    rect = region(legend, canvas)
    before = canvas.grab(rect).toImage()
    font = legend.font_
    tiny = QFont(font)
    tiny.setPixelSize(1)
    legend.font_ = tiny
    after = canvas.grab(rect).toImage()
    legend.font_ = font
    found = text_contrast(before, after)
    if found is None or found < TEXT:
        problems.append(f"canvas: legend text ({found})")
    return problems
