"""The canvas context menus: on empty space (add a neuron here) and on items.

They are built from what :class:`Canvas` lists (the canvas view has it all), so this module
does not import the view that imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, cast

from PySide6.QtCore import QPointF, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGraphicsItem, QMenu, QWidget

from neurosim.core.activations import REGISTRY
from neurosim.ui.canvas import clipboard
from neurosim.ui.canvas.neuron_item import NeuronItem
from neurosim.ui.canvas.synapse_item import SynapseItem
from neurosim.ui.commands import Command, SetActivation
from neurosim.ui.core_text import activation_formula, activation_title
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate


class Canvas(Protocol):
    """What the menus use of the canvas view (a widget: the menus' parent)."""

    document: Document
    status_message: SignalInstance

    def item_at(self, scene_pos: QPointF) -> QGraphicsItem | None: ...
    def select(self, neuron_ids: Iterable[str] = (), synapse_keys: Iterable = ()) -> None: ...
    def select_all(self) -> None: ...
    def selected_neuron_ids(self) -> list[str]: ...
    def selected_synapse_keys(self) -> list[tuple[str, str]]: ...
    def delete_selection(self) -> None: ...
    def edit_weight(self, key: tuple[str, str]) -> None: ...
    def edit_neuron(self, neuron_id: str, together: list[str] | None = None) -> None: ...
    def copy_to_clipboard(self) -> None: ...
    def paste_from_clipboard(self, at: QPointF | None = None) -> None: ...
    def add_neuron_at(self, kind: str, scene_pos: QPointF) -> str | None: ...
    def auto_layout(self) -> None: ...
    def fit_to_view(self) -> None: ...
    def push(self, command: Command) -> bool: ...


def build_context_menu(view: Canvas, scene_pos: QPointF) -> QMenu:
    """The menu for a right-click at ``scene_pos``; the clicked item becomes the selection."""
    item = view.item_at(scene_pos)
    menu = QMenu(cast(QWidget, view))  # the canvas is a widget too: the menu's parent
    if item is None:
        _empty_space_menu(view, menu, scene_pos)
        return menu
    if not item.isSelected():
        if isinstance(item, NeuronItem):
            view.select([item.neuron_id])
        else:
            view.select(synapse_keys=[item.key])
    neuron_ids = view.selected_neuron_ids()
    keys = view.selected_synapse_keys()
    n = len(neuron_ids) + len(keys)
    delete = (
        translate("CanvasMenu", "Delete")
        if n == 1
        else translate("CanvasMenu", "Delete %n items", "", n)
    )
    _add(menu, delete, view.delete_selection)
    if isinstance(item, SynapseItem):
        _add(menu, translate("CanvasMenu", "Edit weight…"), lambda: view.edit_weight(item.key))
        return menu
    network = view.document.network
    is_input = item.kind == "input"
    alike = [nid for nid in neuron_ids if network.neuron(nid).is_input == is_input]
    count = len(alike)  # (lupdate reads no call in a count argument)
    if count > 1:  # the whole selection, as a polished editor does
        if is_input:
            text = translate("CanvasMenu", "Edit value of %n inputs…", "", count)
        else:
            text = translate("CanvasMenu", "Edit bias of %n neurons…", "", count)
        _add(menu, text, lambda: view.edit_neuron(item.neuron_id, alike))
    else:
        text = (
            translate("CanvasMenu", "Edit value…")
            if is_input
            else translate("CanvasMenu", "Edit bias…")
        )
        _add(menu, text, lambda: view.edit_neuron(item.neuron_id))
    hint = translate(
        "CanvasMenu",
        "To connect {id}: drag from its rim (crosshair cursor), or Shift+drag "
        "it, onto a hidden or output neuron",
    ).format(id=item.neuron_id)
    _add(menu, translate("CanvasMenu", "Connect…"), lambda: view.status_message.emit(hint))
    _activation_menu(view, menu, neuron_ids)
    menu.addSeparator()
    _add(menu, translate("CanvasMenu", "Copy"), view.copy_to_clipboard)
    return menu


def _empty_space_menu(view: Canvas, menu: QMenu, scene_pos: QPointF) -> None:
    texts = {
        "input": translate("CanvasMenu", "Add input neuron here"),
        "hidden": translate("CanvasMenu", "Add hidden neuron here"),
        "output": translate("CanvasMenu", "Add output neuron here"),
    }
    for kind, text in texts.items():
        _add(menu, text, lambda _=False, k=kind: view.add_neuron_at(k, scene_pos))
    menu.addSeparator()
    paste = _add(
        menu, translate("CanvasMenu", "Paste"), lambda: view.paste_from_clipboard(scene_pos)
    )
    paste.setEnabled(clipboard.read_clipboard() is not None)
    _add(menu, translate("CanvasMenu", "Select all"), view.select_all)
    _add(menu, translate("CanvasMenu", "Auto-layout"), view.auto_layout)
    _add(menu, translate("CanvasMenu", "Fit to view"), view.fit_to_view)


def _activation_menu(view: Canvas, menu: QMenu, neuron_ids: list[str]) -> None:
    network = view.document.network
    ids = [nid for nid in neuron_ids if not network.neuron(nid).is_input]
    sub = menu.addMenu(translate("CanvasMenu", "Set activation"))
    sub.setEnabled(bool(ids))
    current = {network.neuron(nid).activation for nid in ids}
    for name, act in REGISTRY.items():
        action = _add(
            sub,
            activation_title(act),
            lambda _=False, n=name: view.push(SetActivation(view.document.network, ids, n)),
        )
        action.setCheckable(True)
        action.setChecked(current == {name})
        action.setToolTip(activation_formula(act))


def _add(menu: QMenu, text: str, slot: Callable[..., object]) -> QAction:
    action = menu.addAction(text)
    action.triggered.connect(slot)
    return action
