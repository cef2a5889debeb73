"""The signal-source editor for an input neuron: kind, parameters and a preview of the wave.

Every change is one ``SetNeuronField(network, id, "source", dict)`` pushed on the document
(saved with the file, undoable); dragging a spin box's value merges into one undo step.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.numbers import parse_typed
from neurosim.core.sources import (
    SOURCE_KINDS,
    FieldSpec,
    as_source,
    default_source,
    source_from_dict,
    source_to_dict,
    values_at,
)
from neurosim.core.validate import FileFormatError
from neurosim.ui.commands import SetNeuronField
from neurosim.ui.core_text import core_text
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.number_box import NumberBox
from neurosim.ui.plots.style import PALETTE, colour_axis
from neurosim.ui.theme import Palette, Theme

UI_LIMIT = 1e6  # spin box range for unbounded parameters
PREVIEW_STEPS = 200
_STEPS = {"period": 10.0, "phase": 15.0, "hold": 5, "seed": 1, "column": 1}
#: the row label of each field of a source (shown translated)
_NAMES = {
    "value": QT_TRANSLATE_NOOP("SourceEditor", "Value"),
    "amplitude": QT_TRANSLATE_NOOP("SourceEditor", "Amplitude"),
    "period": QT_TRANSLATE_NOOP("SourceEditor", "Period"),
    "phase": QT_TRANSLATE_NOOP("SourceEditor", "Phase"),
    "offset": QT_TRANSLATE_NOOP("SourceEditor", "Offset"),
    "duty": QT_TRANSLATE_NOOP("SourceEditor", "Duty"),
    "min": QT_TRANSLATE_NOOP("SourceEditor", "Minimum"),
    "max": QT_TRANSLATE_NOOP("SourceEditor", "Maximum"),
    "mean": QT_TRANSLATE_NOOP("SourceEditor", "Mean"),
    "std": QT_TRANSLATE_NOOP("SourceEditor", "Spread (std)"),
    "seed": QT_TRANSLATE_NOOP("SourceEditor", "Seed"),
    "column": QT_TRANSLATE_NOOP("SourceEditor", "Column"),
    "hold": QT_TRANSLATE_NOOP("SourceEditor", "Hold"),
}
#: the unit after a field's number (shown translated)
_TIPS = {
    "period": QT_TRANSLATE_NOOP("SourceEditor", "steps"),
    "phase": "°",
    "hold": QT_TRANSLATE_NOOP("SourceEditor", "steps"),
}


def field_label(name: str) -> str:
    """The row label of a source's field in the window's language."""
    known = _NAMES.get(name)
    return translate("SourceEditor", known) if known else name.capitalize()


class SourceEditor(QWidget):
    """Edits the source of one input neuron; ``set_neuron`` switches to another.

    ``theme`` colours the preview and the error text (None: a light theme of its own).
    """

    def __init__(
        self,
        document: Document,
        neuron_id: str | None = None,
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.theme = theme if theme is not None else Theme(parent=self)
        self.neuron_id: str | None = None
        self.fields: dict[str, QAbstractSpinBox] = {}
        self._kind_shown: str | None = None
        self.kind = QComboBox(self)
        for name, kind in SOURCE_KINDS.items():
            self.kind.addItem(core_text(kind.title), name)
        self.kind.setToolTip(
            translate("SourceEditor", "Where this input's value comes from while the clock runs")
        )
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.rows: QLineEdit | None = None  # made with the fields of a sequence
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.preview = pg.PlotWidget(enableMenu=False)
        self.preview.setFixedHeight(80)
        self.preview.setMenuEnabled(False)
        self.preview.hideButtons()
        self.preview.setMouseEnabled(False, False)
        self.preview.getAxis("left").setWidth(34)
        self.preview.setToolTip(
            translate("SourceEditor", "The first steps of this signal (t counts steps)")
        )
        self.preview_curve = self.preview.plot(pen=pg.mkPen(PALETTE[0], width=2))
        self._apply_theme(self.theme.palette)
        self.theme.changed.connect(self._apply_theme)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QFormLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addRow(translate("SourceEditor", "Signal"), self.kind)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        layout.addWidget(self.preview)
        layout.addStretch(1)
        self.kind.activated.connect(self._on_kind_chosen)
        document.neuron_changed.connect(self._on_neuron_changed)
        document.network_replaced.connect(self.refresh)
        self.set_neuron(neuron_id)

    def _apply_theme(self, palette: Palette) -> None:
        self.error.setStyleSheet(f"color: {palette.error}")
        self.preview.setBackground(palette.plot.ground)
        for name in ("left", "bottom"):
            colour_axis(self.preview.getAxis(name), palette.plot)

    # ---------------------------------------------------------------- public
    def set_neuron(self, neuron_id: str | None) -> None:
        """Edit this input neuron's source (None or a non-input: the editor is disabled)."""
        self.neuron_id = neuron_id
        self.refresh()

    def source(self) -> dict[str, Any] | None:
        neuron = self._neuron()
        return None if neuron is None else neuron.source

    def refresh(self) -> None:
        """Show the neuron's source (signals blocked: showing is not editing)."""
        neuron = self._neuron()
        self.setEnabled(neuron is not None)
        data = (neuron.source if neuron is not None else None) or {"kind": "manual"}
        src = source_from_dict(data)
        with QSignalBlocker(self.kind):
            self.kind.setCurrentIndex(self.kind.findData(src.kind))
        if src.kind != self._kind_shown:
            self._build_fields(src.kind)
        for name, box in self.fields.items():
            with QSignalBlocker(box):
                box.setValue(src.params[name])
        if self.rows is not None and not self.rows.hasFocus():
            self.rows.setText("; ".join(" ".join(f"{v:g}" for v in r) for r in src["rows"]))
        self.error.hide()
        self._show_preview(src)

    # ---------------------------------------------------------------- building
    def _build_fields(self, kind: str) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)  # deletes the row's widgets
        self.fields.clear()
        self.rows = None
        if kind == "sequence":
            self.rows = QLineEdit(self)
            self.rows.setToolTip(
                translate(
                    "SourceEditor",
                    "Table rows separated by ';', entries by spaces or commas, "
                    "e.g. 0 0; 0 1; 1 0; 1 1 (a truth table)",
                )
            )
            self.rows.editingFinished.connect(self._on_rows_edited)
            self.form.addRow(translate("SourceEditor", "Rows"), self.rows)
        for spec in SOURCE_KINDS[kind].fields:
            box = self._box(spec)
            self.fields[spec.name] = box
            self.form.addRow(field_label(spec.name), box)
        self._kind_shown = kind
        hints = {
            "manual": translate("SourceEditor", "The value is set by hand (slider or canvas)."),
            "sequence": translate(
                "SourceEditor",
                "Each row is held for ‘hold’ steps; this input takes "
                "the entry in ‘column’ (0 = first).",
            ),
        }
        self.hint.setText(hints.get(kind, ""))
        self.hint.setVisible(bool(self.hint.text()))
        self.preview.setVisible(kind != "manual")

    def _box(self, spec: FieldSpec) -> QAbstractSpinBox:
        box: QAbstractSpinBox
        if spec.integer:
            box = QSpinBox(self)
            box.setRange(int(spec.minimum), int(min(spec.maximum, 2**31 - 1)))
        else:
            box = NumberBox(self)
            box.setDecimals(1 if spec.name in ("period", "phase") else 3)
            low = max(spec.minimum, -UI_LIMIT)
            box.setRange(low + (0.001 if spec.open_min else 0.0), min(spec.maximum, UI_LIMIT))
        box.setSingleStep(_STEPS.get(spec.name, 0.1))
        box.setToolTip(core_text(spec.description))
        if spec.name in _TIPS:
            box.setSuffix(" " + translate("SourceEditor", _TIPS[spec.name]))
        box.setKeyboardTracking(False)
        box.valueChanged.connect(lambda value, name=spec.name: self._on_field_edited(name, value))
        return box

    # ----------------------------------------------------------------- editing
    def _on_kind_chosen(self, _index: int) -> None:
        kind = self.kind.currentData()
        if kind == "manual":
            self._push(None, None)
            return
        keep = dict(self.source() or {})
        if kind == "sequence" and "column" not in keep:
            # The n-th input reads the n-th column: a truth table works at once.
            inputs = [n.id for n in self.document.network.of_kind("input")]
            position = inputs.index(self.neuron_id) if self.neuron_id in inputs else 0
            keep["column"] = min(position, len(default_source("sequence")["rows"][0]) - 1)
        self._push(default_source(kind, keep=keep), None)

    def _on_field_edited(self, name: str, value: float) -> None:
        data = dict(self.source() or default_source(self.kind.currentData()))
        data[name] = value
        self._push(data, (self, name))  # one undo step per run of edits to one field

    def _on_rows_edited(self) -> None:
        if self.rows is None:
            return
        text = self.rows.text()
        try:
            rows = [
                [parse_typed(v) for v in part.replace(",", " ").split()]  # no 1_000, no NaN
                for part in text.split(";")
                if part.strip()
            ]
        except ValueError:
            self._show_error(
                translate("SourceEditor", "Rows: every entry must be a number ({text})").format(
                    text=repr(text)
                )
            )
            return
        data = dict(self.source() or default_source("sequence"))
        data["rows"] = rows
        self._push(data, None)

    def _push(self, data: dict[str, Any] | None, token: object | None) -> None:
        if self.neuron_id is None:
            return
        if data is not None:
            try:
                data = source_to_dict(source_from_dict(data, "source"))
            except FileFormatError as exc:
                self._show_error(str(exc))
                return
        if data == self.source():
            return
        network = self.document.network
        self.document.push(
            SetNeuronField(network, self.neuron_id, "source", data, merge_token=token)
        )

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _show_preview(self, src) -> None:
        source = as_source(src)
        if source is None:
            return
        steps = PREVIEW_STEPS
        if "period" in source.params:
            steps = int(min(max(2.2 * source["period"], 20), 2000))
        elif source.kind == "sequence":
            steps = min(len(source["rows"]) * source["hold"] * 2, 2000)
        t = np.arange(steps + 1)
        # Values hold for a whole step: draw them as steps, not slopes between points.
        self.preview_curve.setData(np.append(t, t[-1] + 1), values_at(source, t), stepMode="center")

    # ----------------------------------------------------------------- model
    def _neuron(self):
        neuron = self.document.network.neurons.get(self.neuron_id or "")
        return neuron if neuron is not None and neuron.is_input else None

    def _on_neuron_changed(self, neuron_id: str, field: str) -> None:
        if neuron_id == self.neuron_id and field == "source":
            self.refresh()
