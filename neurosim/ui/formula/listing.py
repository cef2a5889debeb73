"""Formula activations in the lists that offer activations: the inspector's combo (the
network's own, then "Custom…"), Compare activations (every one this session knows) and an
exercise's allowed activations (the network's own)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QListWidget, QListWidgetItem

from neurosim.core.activations import REGISTRY
from neurosim.core.custom_activations import BUILT_IN, is_formula
from neurosim.core.model import Network
from neurosim.ui.i18n import translate

#: the item data of the combo's "Custom…" (no activation's name has a "…")
CUSTOM = "custom…"


def list_formulas(
    combo: QComboBox, network: Network, current: str | None = None, custom: bool = True
) -> None:
    """After the combo's built-ins: the network's formula activations (and ``current``, when
    it is a formula the network does not list), then "Custom…" (``custom``). Unchanged
    lists leave the combo alone; the built-in items are never touched."""
    names = network.formula_activations
    if current is not None and is_formula(current) and current not in names:
        names.append(current)
    wanted = [n for n in names if n in REGISTRY] + ([None, CUSTOM] if custom else [])
    start = 0
    while start < combo.count() and combo.itemData(start) in BUILT_IN:
        start += 1
    if [combo.itemData(i) for i in range(start, combo.count())] == wanted:
        return
    with QSignalBlocker(combo):
        while combo.count() > start:
            combo.removeItem(start)
        for name in wanted:
            if name is None:
                combo.insertSeparator(combo.count())
            elif name == CUSTOM:
                combo.addItem(translate("ActivationList", "Custom…"), CUSTOM)
                tip = translate(
                    "ActivationList", "Write a new activation function as a formula in z"
                )
                combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
            else:
                act = REGISTRY[name]
                combo.addItem(act.title, name)
                tip = f"{act.formula}\n{act.description}"
                combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)


def list_registry(choices: QListWidget) -> None:
    """Check boxes for the formula activations defined since ``choices`` was filled from
    the registry (unticked), and hide those taken out again (and untick them)."""
    listed = {}
    for i in range(choices.count()):
        item = choices.item(i)
        listed[item.data(Qt.ItemDataRole.UserRole)] = item
    for name, act in REGISTRY.items():
        if name not in listed:
            item = QListWidgetItem(act.title, choices)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(f"{act.formula} — {act.description}")
            item.setCheckState(Qt.CheckState.Unchecked)
    for name, item in listed.items():
        item.setHidden(name not in REGISTRY)
        if name not in REGISTRY:
            item.setCheckState(Qt.CheckState.Unchecked)


def list_boxes(boxes: dict[str, QCheckBox], grid: QGridLayout, network: Network) -> None:
    """A check box (five to a row, after the built-ins') for each formula activation the
    network defines; those it no longer defines are hidden and unticked."""
    defined = network.formula_activations
    for name in defined:
        if name not in boxes:
            box = boxes[name] = QCheckBox(name, grid.parentWidget())
            grid.addWidget(box, (len(boxes) - 1) // 5, (len(boxes) - 1) % 5)
    for name, box in boxes.items():
        if name not in BUILT_IN and name not in defined:
            box.setChecked(False)
        box.setHidden(name not in BUILT_IN and name not in defined)
