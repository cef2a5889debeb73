"""The inspector's small parts: scaled labels, the activation combo, lock marks, tooltips."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QWidget

from neurosim.core.activations import REGISTRY
from neurosim.core.model import Neuron
from neurosim.ui.core_text import (
    activation_description,
    activation_formula,
    activation_title,
    core_text,
)
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.widgets import ValueSlider

# The texts below are made at import: shown through inspector_text() (context "Inspector").
KIND_TITLES = {
    "input": QT_TRANSLATE_NOOP("Inspector", "Input neuron"),
    "hidden": QT_TRANSLATE_NOOP("Inspector", "Hidden neuron"),
    "output": QT_TRANSLATE_NOOP("Inspector", "Output neuron"),
}
KIND_NAMES = {
    "input": QT_TRANSLATE_NOOP("Inspector", "input"),
    "hidden": QT_TRANSLATE_NOOP("Inspector", "hidden"),
    "output": QT_TRANSLATE_NOOP("Inspector", "output"),
}
BIAS_TIP = QT_TRANSLATE_NOOP("Inspector", "b: the bias, added to the weighted sum of the inputs")
VALUE_TIP = QT_TRANSLATE_NOOP("Inspector", "x: the value this input neuron feeds forward")
WEIGHT_TIP = QT_TRANSLATE_NOOP("Inspector", "w: the weight this synapse multiplies its input by")
ACTIVATION_TIP = QT_TRANSLATE_NOOP(
    "Inspector", "The activation function y = f(z) (hover over an item for its formula)"
)


def inspector_text(text: str) -> str:
    """One of this module's texts (marked above) in the window's language."""
    return translate("Inspector", text)


def scale_font(label: QLabel, factor: float, bold: bool = False) -> None:
    """Mark ``label`` to be drawn ``factor`` times the panel's text size (see apply_fonts)."""
    label.setProperty("font_scale", factor)
    label.setProperty("font_bold", bold)


def apply_fonts(root: QWidget) -> None:
    """Give every marked label its scaled font, relative to ``root``'s current font."""
    for label in root.findChildren(QLabel):
        factor = label.property("font_scale")
        if factor:
            font = QFont(root.font())
            font.setPointSizeF(root.font().pointSizeF() * factor)
            font.setBold(bool(label.property("font_bold")))
            label.setFont(font)


def header_label(parent: QWidget) -> QLabel:
    """A page's title: larger and bold."""
    label = QLabel(parent)
    scale_font(label, 1.3, bold=True)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # it names neurons: labels are only text
    return label


def equation_label(parent: QWidget, tooltip: str) -> QLabel:
    """A framed, selectable label for an equation with the current numbers."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    scale_font(label, 1.15)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setMargin(8)
    label.setToolTip(tooltip)
    return label


def overflow_label(parent: QWidget) -> QLabel:
    """Says in words that a neuron's figures overflowed (hidden while they are numbers)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setMargin(6)
    label.setStyleSheet(
        "QLabel { background: #fdecea; color: #7a1b12; border: 1px solid #e0a39a;"
        " border-radius: 4px; }"
    )
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setVisible(False)
    return label


def activation_combo(parent: QWidget) -> QComboBox:
    """Every registered activation; the item tooltip is its formula and description."""
    combo = QComboBox(parent)
    for i, act in enumerate(REGISTRY.values()):
        combo.addItem(activation_title(act), act.name)
        tip = f"{activation_formula(act)}\n{activation_description(act)}"
        combo.setItemData(i, tip, Qt.ItemDataRole.ToolTipRole)
    combo.setToolTip(inspector_text(ACTIVATION_TIP))
    return combo


def lock_reason(document: Document, kind: str, key: object) -> str | None:
    """Why the open exercise forbids changing this (see ``Document.lock_policy``), or None."""
    policy = document.lock_policy
    reason = policy(kind, key) if policy is not None else None
    return core_text(reason) if reason else None  # the core's words, translated


def show_lock(widget: QWidget, reason: str | None, tooltip: str) -> None:
    """Grey out ``widget`` while an exercise locks what it edits; its tooltip says why."""
    widget.setEnabled(reason is None)
    text = reason or tooltip
    if isinstance(widget, ValueSlider):
        widget.set_tooltip(text)
    else:
        widget.setToolTip(text)


def display_name(neuron: Neuron) -> str:
    """The label with the id in brackets, or just the id when the label adds nothing."""
    return neuron.id if neuron.label in ("", neuron.id) else f"{neuron.label} ({neuron.id})"
