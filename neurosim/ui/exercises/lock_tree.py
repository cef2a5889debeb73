"""The authoring dialog's Locks tab: a checkbox for every part a student could change.

A neuron's own box means "must stay" (it cannot be deleted); below it are its fields (bias,
activation and its parameters; an input's value). A synapse's box locks its weight. With
"Only the canvas selection" on, only the selected items are listed; the ticks of the
others are kept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.activations import get_activation
from neurosim.core.exercise.section import Locks
from neurosim.core.model import Network
from neurosim.ui.exercises.lock_notes import word
from neurosim.ui.i18n import translate

CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
_ROLE = Qt.ItemDataRole.UserRole


class LockTree(QWidget):
    """Signals: changed() — a tick changed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.locked: set[tuple] = set()  # ("neuron", id), ("synapse", key), ("field", (id, name))
        self.network: Network | None = None
        self.selection: tuple[set[str], set[tuple[str, str]]] = (set(), set())
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setToolTip(
            translate(
                "LockTree",
                "Tick what students may not change. A neuron's own box: it must "
                "stay; its fields below: their values must stay",
            )
        )
        self.tree.itemChanged.connect(self._on_item_changed)
        self.only_selection = QCheckBox(translate("LockTree", "Only the canvas selection"), self)
        self.only_selection.setToolTip(
            translate(
                "LockTree",
                "List only the neurons and synapses selected on the "
                "canvas (the ticks of the others are kept)",
            )
        )
        self.only_selection.setChecked(True)
        self.only_selection.toggled.connect(lambda _on: self.rebuild())
        lock_weights = QPushButton(translate("LockTree", "Lock all weights"), self)
        lock_weights.setToolTip(
            translate("LockTree", "Tick every synapse: students change only biases and fields")
        )
        lock_weights.clicked.connect(self.lock_all_weights)
        clear = QPushButton(translate("LockTree", "Unlock all"), self)
        clear.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        buttons.addWidget(self.only_selection)
        buttons.addStretch(1)
        buttons.addWidget(lock_weights)
        buttons.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)

    # ------------------------------------------------------------------ state
    def set_locks(self, locks: Locks) -> None:
        self.locked = (
            {("neuron", n) for n in locks.neurons}
            | {("synapse", tuple(k)) for k in locks.synapses}
            | {("field", tuple(p)) for p in locks.params}
        )
        self.rebuild()

    def locks(self) -> Locks:
        """The ticked parts that exist in the network, in the network's order."""
        net = self.network
        if net is None:
            return Locks()
        neurons = tuple(n.id for n in net if ("neuron", n.id) in self.locked)
        synapses = tuple(k for k in net.synapses if ("synapse", k) in self.locked)
        params = tuple(
            (n.id, name)
            for n in net
            for name in _fields(n)
            if ("field", (n.id, name)) in self.locked
        )
        return Locks(neurons, synapses, params)

    def set_network(self, network: Network) -> None:
        self.network = network
        self.rebuild()

    def set_selection(self, neuron_ids: list[str], synapse_keys: list[tuple[str, str]]) -> None:
        self.selection = (set(neuron_ids), {tuple(k) for k in synapse_keys})
        if self.only_selection.isChecked():
            self.rebuild()

    def lock_all_weights(self) -> None:
        if self.network is not None:
            self.locked |= {("synapse", k) for k in self.network.synapses}
            self.rebuild()
            self.changed.emit()

    def clear(self) -> None:
        self.locked.clear()
        self.rebuild()
        self.changed.emit()

    # ---------------------------------------------------------------- the tree
    def rebuild(self) -> None:
        tree, net = self.tree, self.network
        tree.blockSignals(True)
        try:
            tree.clear()
            if net is None:
                return
            neurons, synapses = self.selection
            only = self.only_selection.isChecked() and bool(neurons or synapses)
            for n in net:
                if only and n.id not in neurons:
                    continue
                top = self._item(tree, _must_stay(n), ("neuron", n.id))
                for name in _fields(n):
                    self._item(top, _field_text(n, name), ("field", (n.id, name)))
                top.setExpanded(True)
            for key in net.synapses:
                if only and key not in synapses:
                    continue
                self._item(
                    tree,
                    translate("LockTree", "weight {source} → {target}").format(
                        source=key[0], target=key[1]
                    ),
                    ("synapse", key),
                )
        finally:
            tree.blockSignals(False)

    def _item(self, parent, text: str, ident: tuple) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setData(0, _ROLE, ident)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, CHECKED if ident in self.locked else UNCHECKED)
        return item

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        ident = item.data(0, _ROLE)
        if ident is None:
            return
        ident = (ident[0], tuple(ident[1]) if isinstance(ident[1], (list, tuple)) else ident[1])
        if item.checkState(0) == CHECKED:
            self.locked.add(ident)
        else:
            self.locked.discard(ident)
        self.changed.emit()

    def item_for(self, ident: tuple) -> QTreeWidgetItem | None:
        """The tree row of a part (for tests)."""
        for item in _walk(self.tree.invisibleRootItem()):
            data = item.data(0, _ROLE)
            if (
                data is not None
                and (data[0], tuple(data[1]) if not isinstance(data[1], str) else data[1]) == ident
            ):
                return item
        return None


def _fields(neuron) -> list[str]:
    if neuron.is_input:
        return ["value"]
    return ["bias", "activation", *(p.name for p in get_activation(neuron.activation).params)]


def _must_stay(neuron) -> str:
    name = neuron.label or neuron.id
    if neuron.kind == "input":
        text = translate("LockTree", "{name} (input) must stay")
    elif neuron.kind == "output":
        text = translate("LockTree", "{name} (output) must stay")
    else:
        text = translate("LockTree", "{name} (hidden) must stay")
    return text.format(name=name)


def _field_text(neuron, name: str) -> str:
    if name == "value":
        return translate("LockTree", "input value")
    if name == "bias":
        return translate("LockTree", "bias")
    if name == "activation":
        return translate("LockTree", "activation ({activation})").format(
            activation=word(neuron.activation)
        )
    return word(name)


def _walk(root: QTreeWidgetItem):
    for i in range(root.childCount()):
        child = root.child(i)
        yield child
        yield from _walk(child)
