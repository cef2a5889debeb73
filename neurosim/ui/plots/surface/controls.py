"""The decision surface's controls: which two inputs span the plane, which neuron is
coloured, and the axis ranges.

Signals:
    changed(): a choice or a range changed.
    fit_requested(): the Fit button was pressed.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from neurosim.core.model import Network, Neuron
from neurosim.core.sources import value_range
from neurosim.ui.i18n import translate
from neurosim.ui.number_box import NumberBox

SIDE_WIDTH = 230  # the column beside the plot


class SurfaceControls(QWidget):
    changed = Signal()
    fit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 6, 6, 6)
        self.x_combo, self.y_combo, self.out_combo = (QComboBox(self) for _ in range(3))
        self.x_combo.setToolTip(translate("SurfaceControls", "The input along the horizontal axis"))
        self.y_combo.setToolTip(translate("SurfaceControls", "The input along the vertical axis"))
        self.out_combo.setToolTip(
            translate("SurfaceControls", "The neuron whose output is coloured")
        )
        self.range_boxes = [self._spin(v) for v in (-0.5, 1.5, -0.5, 1.5)]
        self.fit_button = QPushButton(translate("SurfaceControls", "Fit"), self)
        self.fit_button.setToolTip(
            translate("SurfaceControls", "Choose ranges that cover the inputs' values and sources")
        )
        to = translate("SurfaceControls", "to", "a range: from lo to hi")
        start = translate("SurfaceControls", "from", "a range: from lo to hi")
        texts = {
            "x axis": translate("SurfaceControls", "x axis"),
            "y axis": translate("SurfaceControls", "y axis"),
            "colour": translate("SurfaceControls", "colour"),
            "to x": to,
            "to y": to,
            "from x": start,
            "from y": start,
        }
        self._labels = {key: QLabel(text, self) for key, text in texts.items()}
        self._side: bool | None = None
        self._one = False  # one input: no y axis
        self.arrange(side=True)
        for combo in (self.x_combo, self.y_combo, self.out_combo):
            combo.activated.connect(self._on_choice)
        for box in self.range_boxes:
            box.valueChanged.connect(lambda _v: self.changed.emit())
        self.fit_button.clicked.connect(self.fit_requested)

    def _spin(self, value: float) -> NumberBox:
        return NumberBox(self, minimum=-1e4, maximum=1e4, value=value, step=0.25)

    # ------------------------------------------------------------------ layout
    def arrange(self, side: bool) -> bool:
        """A column beside the plot (``side``) or three rows above it; True if it changed."""
        if side == self._side:
            return False
        self._side = side
        grid = self.layout()
        while grid.count():
            grid.takeAt(0)
        for r in range(grid.rowCount()):
            grid.setRowStretch(r, 0)
        for c in range(grid.columnCount()):
            grid.setColumnStretch(c, 0)
        lab = self._labels
        axes = (
            ("x axis", self.x_combo, "from x", *self.range_boxes[:2], "to x"),
            ("y axis", self.y_combo, "from y", *self.range_boxes[2:], "to y"),
        )
        if side:  # per axis: label and combo, then lo "to" hi; then colour and Fit
            for i, (name, combo, _from, lo, hi, to) in enumerate(axes):
                grid.addWidget(lab[name], 2 * i, 0)
                grid.addWidget(combo, 2 * i, 1, 1, 3)
                grid.addWidget(lo, 2 * i + 1, 1)
                grid.addWidget(lab[to], 2 * i + 1, 2)
                grid.addWidget(hi, 2 * i + 1, 3)
            grid.addWidget(lab["colour"], 4, 0)
            grid.addWidget(self.out_combo, 4, 1, 1, 3)
            grid.addWidget(self.fit_button, 5, 1, 1, 3)
            grid.setRowStretch(6, 1)
            stretch = {1: 1, 3: 1}
            self.setMaximumWidth(SIDE_WIDTH)
        else:  # one line per axis: label, combo, from lo to hi; then colour and Fit
            for i, (name, combo, frm, lo, hi, to) in enumerate(axes):
                for col, widget in enumerate((lab[name], combo, lab[frm], lo, lab[to], hi)):
                    grid.addWidget(widget, i, col)
            grid.addWidget(lab["colour"], 2, 0)
            grid.addWidget(self.out_combo, 2, 1)
            grid.addWidget(self.fit_button, 2, 3, 1, 3)
            stretch = {1: 2, 3: 1, 5: 1}
            self.setMaximumWidth(16777215)
        for column, factor in stretch.items():
            grid.setColumnStretch(column, factor)
        lab["from x"].setVisible(not side)
        lab["from y"].setVisible(not side and not self._one)
        return True

    def set_one_input(self, one: bool) -> None:
        """With one input there is no y axis to choose: its row goes."""
        self._one = one
        lab = self._labels
        for widget in (self.y_combo, *self.range_boxes[2:], lab["y axis"], lab["to y"]):
            widget.setVisible(not one)
        lab["from y"].setVisible(not one and not self._side)
        lab["colour"].setText(
            translate("SurfaceControls", "output")
            if one
            else translate("SurfaceControls", "colour")
        )
        self.out_combo.setToolTip(
            translate("SurfaceControls", "The neuron whose output is drawn")
            if one
            else translate("SurfaceControls", "The neuron whose output is coloured")
        )

    # ----------------------------------------------------------------- choices
    def chosen(self) -> tuple[str | None, str | None, str | None]:
        """(x input, y input, coloured neuron) ids."""
        return (
            self.x_combo.currentData(),
            self.y_combo.currentData(),
            self.out_combo.currentData(),
        )

    def choose(
        self, x_id: str | None = None, y_id: str | None = None, neuron_id: str | None = None
    ) -> None:
        for combo, nid in ((self.x_combo, x_id), (self.y_combo, y_id), (self.out_combo, neuron_id)):
            if nid is not None:
                i = combo.findData(nid)
                if i < 0:
                    raise ValueError(f"'{nid}' cannot be chosen here")
                combo.setCurrentIndex(i)
        self.changed.emit()

    def ranges(self) -> tuple[tuple[float, float], tuple[float, float]]:
        v = [b.value() for b in self.range_boxes]
        return (v[0], v[1]), (v[2], v[3])

    def set_ranges(self, x_range: tuple[float, float], y_range: tuple[float, float]) -> None:
        for box, value in zip(self.range_boxes, (*x_range, *y_range), strict=True):
            with QSignalBlocker(box):
                box.setValue(value)
        self.changed.emit()

    def fit(self, network: Network) -> None:
        """Ranges covering 0…1, each input's value and its source's values, with a margin."""
        spans = []
        for nid in self.chosen()[:2]:
            neuron = network.neurons.get(nid or "")
            values = [0.0, 1.0]
            if neuron is not None:
                values.append(neuron.value)
                found = value_range(neuron.source) if neuron.source else None
                values.extend(found or ())
            lo, hi = min(values), max(values)
            margin = 0.25 * (hi - lo)
            spans.append((round(lo - margin, 2), round(hi + margin, 2)))
        self.set_ranges(spans[0], spans[1])

    def fill(self, network: Network) -> tuple[int, int]:
        """List the network's neurons, keeping the choices that still exist.

        Returns (number of inputs, number of hidden and output neurons).
        """
        inputs = network.of_kind("input")
        others = network.of_kind("output") + network.of_kind("hidden")
        old = self.chosen()
        combos = (self.x_combo, self.y_combo, self.out_combo)
        for combo, neurons in zip(combos, (inputs, inputs, others), strict=True):
            with QSignalBlocker(combo):
                combo.clear()
                for n in neurons:
                    combo.addItem(neuron_name(n), n.id)
        ids = [n.id for n in inputs] + [None, None]
        defaults = (ids[0], ids[1], others[0].id if others else None)
        for combo, before, default in zip(combos, old, defaults, strict=True):
            i = combo.findData(before) if before is not None else -1
            with QSignalBlocker(combo):
                combo.setCurrentIndex(i if i >= 0 else max(combo.findData(default), 0))
        if self.x_combo.currentData() == self.y_combo.currentData() and len(inputs) > 1:
            with QSignalBlocker(self.y_combo):
                self.y_combo.setCurrentIndex(1 if self.x_combo.currentIndex() == 0 else 0)
        return len(inputs), len(others)

    def _on_choice(self, _index: int = 0) -> None:
        combo = self.sender()
        if self.x_combo.currentData() == self.y_combo.currentData():
            other = self.y_combo if combo is self.x_combo else self.x_combo
            with QSignalBlocker(other):  # keep two different inputs: the other one moves
                other.setCurrentIndex((other.currentIndex() + 1) % other.count())
        self.changed.emit()


def neuron_name(neuron: Neuron) -> str:
    """ "label (id)", or just the id when the label is the id."""
    return neuron.id if neuron.label in ("", neuron.id) else f"{neuron.label} ({neuron.id})"
