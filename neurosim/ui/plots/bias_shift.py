"""One slider that adds the same number to every hidden neuron's bias, live.

The sparsity lesson (slides 17–18) pushes 06a's ReLU layer into the brain's 1–4 % band:
lowering every hidden bias together silences neuron after neuron while the plot and the
status bar follow. Dragging the slider is one undo step
(:class:`~neurosim.ui.group_edits.SetFieldOfMany` with a merge token); each arrow key
step is one.

The slider shows the shift from the biases it last started from. Any other change of the
hidden biases (Undo, training, an edit in the inspector) makes the present biases the new
start: the slider returns to 0 and never claims a shift the network does not have.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSlider, QWidget

from neurosim.ui.document import Document
from neurosim.ui.group_edits import SetFieldOfMany
from neurosim.ui.i18n import translate

#: the slider's ends (bias units) and its resolution (steps per unit)
REACH, STEPS_PER_UNIT = 2.0, 100
TIP = QT_TRANSLATE_NOOP(
    "BiasShift",
    "Adds one number to the bias of every hidden neuron, live while you drag (one undo "
    "step per drag). Lower the biases and watch the share of active neurons fall towards "
    "the brain's 1–4 %.",
)


def shift_text(offset: float) -> str:
    """ "+0.25", "−0.80", "0.00" (a true minus sign, as the canvas writes it)."""
    text = f"{offset:+.2f}" if round(offset, 2) else "0.00"
    return text.replace("-", "−")


class BiasShift(QWidget):
    """ "Shift all hidden biases" slider with its readout (see the module docstring)."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.title = QLabel(translate("BiasShift", "Shift hidden biases"), self)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        reach = round(REACH * STEPS_PER_UNIT)
        self.slider.setRange(-reach, reach)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(STEPS_PER_UNIT // 10)
        self.slider.setMinimumWidth(80)  # 400 steps: a sliver would jump 0.2 per pixel
        self.readout = QLabel(shift_text(0.0), self)
        self.readout.setMinimumWidth(self.readout.fontMetrics().horizontalAdvance("−0.000"))
        self.readout.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for widget in (self, self.slider, self.readout, self.title):
            widget.setToolTip(translate("BiasShift", TIP))
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(6, 2, 6, 4)
        self.grid.setColumnStretch(1, 1)
        self.title.setMinimumWidth(1)  # a narrow panel puts it above the slider instead
        self._one_row: bool | None = None
        self._arrange(True)
        self._token: object | None = None
        self._base: dict[str, float] = {}
        self._expected: dict[str, float] = {}
        self.slider.sliderPressed.connect(self._on_pressed)
        self.slider.sliderReleased.connect(self._on_released)
        self.slider.valueChanged.connect(self._on_moved)
        document.evaluated.connect(self._on_evaluated)  # a method: gone with the widget
        document.network_replaced.connect(self._follow)
        self._follow()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        wide = (
            self.title.sizeHint().width()
            + self.slider.minimumWidth()
            + self.readout.minimumWidth()
            + 40
        )
        self._arrange(self.width() >= wide)

    def _arrange(self, one_row: bool) -> None:
        """Title, slider and readout in one row, or the title above them (narrow panel)."""
        if one_row == self._one_row:
            return
        self._one_row = one_row
        for widget in (self.title, self.slider, self.readout):
            self.grid.removeWidget(widget)
        if one_row:
            self.grid.addWidget(self.title, 0, 0)
            self.grid.addWidget(self.slider, 0, 1)
            self.grid.addWidget(self.readout, 0, 2)
        else:
            self.grid.addWidget(self.title, 0, 0, 1, 3)
            self.grid.addWidget(self.slider, 1, 0, 1, 2)
            self.grid.addWidget(self.readout, 1, 2)

    def offset(self) -> float:
        return self.slider.value() / STEPS_PER_UNIT

    def _hidden_biases(self) -> dict[str, float]:
        return {n.id: n.bias for n in self.document.network.of_kind("hidden")}

    def _on_evaluated(self, _evaluation: object) -> None:
        self._follow()

    def _follow(self) -> None:
        """Start again from the present biases when something else changed them."""
        biases = self._hidden_biases()
        self.setEnabled(bool(biases))
        if biases != self._expected:
            self._restart(biases)

    def _restart(self, biases: dict[str, float]) -> None:
        self._base = self._expected = biases
        with QSignalBlocker(self.slider):
            self.slider.setValue(0)
        self.readout.setText(shift_text(0.0))

    def _on_pressed(self) -> None:
        self._follow()
        self._token = object()

    def _on_released(self) -> None:
        self._token = None

    def _on_moved(self, _position: int) -> None:
        network = self.document.network
        if set(self._base) != {n.id for n in network.of_kind("hidden")}:
            self._restart(self._hidden_biases())  # neurons came or went: start afresh
            return
        offset = self.offset()
        self.readout.setText(shift_text(offset))
        values = {nid: round(b + offset, 10) + 0.0 for nid, b in self._base.items()}
        token = self._token if self.slider.isSliderDown() else None
        command = SetFieldOfMany(
            network,
            "bias",
            values,
            # no count: "Shift 1 hidden biases" would need plural forms in English
            text=translate("BiasShift", "Shift hidden biases by {offset}").format(
                offset=shift_text(offset)
            ),
            merge_token=token,
        )
        self._expected = values  # before the push: the evaluation it asks for agrees
        if not self.document.push(command):  # refused (a lock, said in the status bar)
            self._restart(self._hidden_biases())
