"""The Train panel: data, settings, Train / Pause / Step / Reset, figures and problems.

Every button is a QAction (``train_action`` …) so the same actions, with their shortcuts,
can sit in a menu too. The panel never trains by itself: it drives a
:class:`~neurosim.ui.training.session.TrainingSession`.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.losses import LOSS_DESCRIPTIONS, LOSS_NAMES
from neurosim.core.optimizers import OPTIMIZER_NAMES
from neurosim.core.training_options import LEARNING_RATE
from neurosim.ui.core_text import core_text
from neurosim.ui.i18n import translate
from neurosim.ui.icons import media_icon
from neurosim.ui.number_box import NumberBox
from neurosim.ui.theme import Palette, Theme
from neurosim.ui.training.dataset_box import DatasetBox
from neurosim.ui.training.problems_box import ProblemsBox
from neurosim.ui.training.session import TrainingSession
from neurosim.ui.training.step_fix import StepFix

OPTIMIZER_TIPS = {
    "sgd": QT_TRANSLATE_NOOP("TrainPanel", "plain gradient descent: w ← w − lr·g"),
    "momentum": QT_TRANSLATE_NOOP(
        "TrainPanel", "momentum (μ = 0.9): keeps rolling in the direction it has been going"
    ),
    "adam": QT_TRANSLATE_NOOP(
        "TrainPanel", "Adam: a step per weight scaled by its recent gradients (try lr 0.01)"
    ),
}


class TrainPanel(QWidget):
    """The Train panel of ``session``; its problem box takes the ``theme``'s alert colours
    (None: a light theme of its own)."""

    def __init__(
        self, session: TrainingSession, parent: QWidget | None = None, *, theme: Theme | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.theme = theme if theme is not None else Theme(parent=self)
        self.data = DatasetBox(session.document, self)
        self._build_settings()
        self._build_actions()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.step_fix = StepFix(session, self)  # offered with the step message
        self.problems = ProblemsBox(session, {"initialise": self.fix_action}, self.theme, self)
        self._apply_theme(self.theme.palette)
        self.theme.changed.connect(self._apply_theme)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        # The controls first: in a short dock they are what must stay in view.
        for widget in (
            self.buttons,
            self.stop_row,
            self.status,
            self.message,
            self.step_fix,
            self.problems,
            self.data,
            self.settings_box,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._rate = _Rate()
        self.data.chosen.connect(self._on_data_chosen)
        session.state_changed.connect(self._on_state)
        session.progressed.connect(self._show_figures)
        session.curves_cleared.connect(self._show_figures)
        session.data_changed.connect(self._show_figures)
        session.message_changed.connect(self._show_message)
        session.settings_changed.connect(self.sync_from_settings)  # a lesson's, an exercise's
        self._on_data_chosen()
        self._on_state()
        self._show_message(session.message)

    def _apply_theme(self, palette: Palette) -> None:
        self.message.setStyleSheet(palette.alert.label_style())
        ink = palette.role(QPalette.ColorRole.ButtonText)
        self._train_icon, self._pause_icon = media_icon("train", ink), media_icon("pause", ink)
        self.train_action.setIcon(self._pause_icon if self.session.running else self._train_icon)
        self.step_action.setIcon(media_icon("step", ink))
        self.reset_action.setIcon(media_icon("reset", ink))

    # ------------------------------------------------------------- building
    def _build_settings(self) -> None:
        box = self.settings_box = QGroupBox(translate("TrainPanel", "Settings"), self)
        form = QFormLayout(box)
        s = self.session.settings
        self.test_split = _spin(
            QSpinBox(box),
            0,
            90,
            round(s.test_fraction * 100),
            translate(
                "TrainPanel",
                "Share of the rows held out to test on (never trained on); "
                "sets of fewer than 10 rows are all used for training",
            ),
        )
        self.test_split.setSuffix(" %")
        self.test_split.setSingleStep(5)
        self.loss = QComboBox(box)
        for name in LOSS_NAMES:
            self.loss.addItem(name, name)
            self.loss.setItemData(
                self.loss.count() - 1,
                core_text(LOSS_DESCRIPTIONS[name]),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.loss.setToolTip(
            translate(
                "TrainPanel",
                "What training minimises: mse for any output; bce for sigmoid outputs and 0/1 "
                "targets",
            )
        )
        self.optimizer = QComboBox(box)
        for name in OPTIMIZER_NAMES:
            self.optimizer.addItem(name, name)
            self.optimizer.setItemData(
                self.optimizer.count() - 1,
                translate("TrainPanel", OPTIMIZER_TIPS[name]),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.optimizer.setToolTip(translate("TrainPanel", "How each step uses the gradient"))
        self.lr = NumberBox(
            box,
            minimum=LEARNING_RATE.minimum,
            maximum=LEARNING_RATE.maximum,
            value=s.lr,
            decimals=4,
            tooltip=translate("TrainPanel", "Learning rate: {description}").format(
                description=core_text(LEARNING_RATE.description)
            ),
        )
        self.lr.set_adaptive_steps(True)
        self.batch = _spin(
            QSpinBox(box),
            0,
            100_000,
            s.batch_size,
            translate(
                "TrainPanel", "Rows per gradient step; 0 = the whole training set (full batch)"
            ),
        )
        self.batch.setSpecialValueText(translate("TrainPanel", "full batch"))
        self.seed = _spin(
            QSpinBox(box),
            0,
            999_999,
            s.seed,
            translate(
                "TrainPanel",
                "Seed for Initialise weights, the order of the rows in each epoch and the test "
                "split",
            ),
        )
        self.per_frame = _spin(
            QSpinBox(box),
            1,
            100,
            s.epochs_per_frame,
            translate(
                "TrainPanel",
                "Epochs per frame (60 frames a second at most; a frame never "
                "takes more than ~12 ms of training)",
            ),
        )
        for widget in (
            self.test_split,
            self.loss,
            self.optimizer,
            self.lr,
            self.batch,
            self.seed,
            self.per_frame,
        ):
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        for label, widget in (
            (translate("TrainPanel", "Test split"), self.test_split),
            (translate("TrainPanel", "Loss"), self.loss),
            (translate("TrainPanel", "Optimiser"), self.optimizer),
            (translate("TrainPanel", "Learning rate"), self.lr),
            (translate("TrainPanel", "Batch size"), self.batch),
            (translate("TrainPanel", "Training seed"), self.seed),
            (translate("TrainPanel", "Epochs per frame"), self.per_frame),
        ):
            form.addRow(label, widget)
        self.test_split.valueChanged.connect(
            lambda v: self.session.set_settings(test_fraction=v / 100)
        )
        self.loss.activated.connect(
            lambda _i: self.session.set_settings(loss=self.loss.currentData())
        )
        self.optimizer.activated.connect(
            lambda _i: self.session.set_settings(optimizer=self.optimizer.currentData())
        )
        self.lr.valueChanged.connect(lambda v: self.session.set_settings(lr=v))
        self.batch.valueChanged.connect(lambda v: self.session.set_settings(batch_size=v))
        self.seed.valueChanged.connect(lambda v: self.session.set_settings(seed=v))
        self.per_frame.valueChanged.connect(lambda v: self.session.set_settings(epochs_per_frame=v))

    def _build_actions(self) -> None:
        session = self.session
        self.train_action = self._action(
            translate("TrainPanel", "Train"),
            "Ctrl+T",
            session.toggle,
            translate(
                "TrainPanel",
                "Train the network on the chosen data (until paused, or for the epochs set in "
                "Stop after); the network and plots update as it learns",
            ),
        )
        self.train_action.setProperty("shortcut_name", translate("TrainPanel", "Train / Pause"))
        self.step_action = self._action(
            translate("TrainPanel", "Step"),
            "Ctrl+Shift+T",
            session.step,
            translate("TrainPanel", "Train one epoch (one pass over the training rows)"),
        )
        self.reset_action = self._action(
            translate("TrainPanel", "Reset"),
            "Ctrl+Shift+R",
            session.reset,
            translate(
                "TrainPanel", "Back to the weights from when training started; clears the curves"
            ),
        )
        self.init_action = self._action(
            translate("TrainPanel", "Initialise weights"),
            "Ctrl+Shift+I",
            session.initialise,
            translate(
                "TrainPanel",
                "Fresh random weights from the seed (Xavier; He for ReLUs), biases 0 — one undo "
                "step",
            ),
        )
        # The same command, offered where a problem says what would fix it.
        self.fix_action = QAction(translate("TrainPanel", "Initialise weights"), self)
        self.fix_action.setToolTip(self.init_action.toolTip())
        self.fix_action.triggered.connect(lambda _c=False: session.initialise())
        self.compare_action = self._action(
            translate("TrainPanel", "Compare activations…"),
            "Ctrl+Shift+K",
            None,
            translate(
                "TrainPanel", "Train this architecture once per activation and compare the runs"
            ),
        )
        self.buttons = QWidget(self)
        grid = QGridLayout(self.buttons)
        grid.setContentsMargins(0, 0, 0, 0)
        places = (
            (self.train_action, 0, 0, 1),
            (self.step_action, 0, 1, 1),
            (self.reset_action, 0, 2, 1),
            (self.init_action, 1, 0, 1),
            (self.compare_action, 1, 1, 2),
        )
        self.button_for: dict[QAction, QToolButton] = {}
        for action, row, col, span in places:
            button = QToolButton(self.buttons)
            button.setDefaultAction(action)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            grid.addWidget(button, row, col, 1, span)
            self.button_for[action] = button
        for button in self.button_for.values():
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button_for[self.train_action].setStyleSheet(
            "QToolButton { font-weight: bold; padding: 3px; }"
        )
        self._build_stop_after()

    def _build_stop_after(self) -> None:
        """Stop after N epochs: a lesson's "train for 300 epochs" is one click."""
        self.stop_row = QWidget(self)
        form = QFormLayout(self.stop_row)
        form.setContentsMargins(0, 0, 0, 0)
        self.stop_after = _spin(
            QSpinBox(self.stop_row),
            0,
            1_000_000,
            self.session.settings.stop_after,
            translate(
                "TrainPanel",
                "Train pauses after this many epochs (Train again: as many more); "
                "'until paused' (0) trains until you press Pause",
            ),
        )
        self.stop_after.setSpecialValueText(translate("TrainPanel", "until paused"))
        self.stop_after.setSuffix(translate("TrainPanel", " epochs", "a spin box's unit"))
        self.stop_after.setSingleStep(50)
        self.stop_after.valueChanged.connect(lambda v: self.session.set_settings(stop_after=v))
        form.addRow(translate("TrainPanel", "Stop after"), self.stop_after)

    def _action(self, text: str, keys: str, slot, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({key})")
        action.setStatusTip(tip)
        if slot is not None:
            action.triggered.connect(lambda _c=False: slot())
        self.addAction(action)
        return action

    # ------------------------------------------------------------- updates
    def _on_data_chosen(self) -> None:
        self.session.set_dataset(self.data.dataset, self.data.problem)

    def _on_state(self) -> None:
        running = self.session.running
        self.train_action.setText(
            translate("TrainPanel", "Pause") if running else translate("TrainPanel", "Train")
        )
        self.train_action.setIcon(self._pause_icon if running else self._train_icon)
        self.train_action.setStatusTip(
            translate("TrainPanel", "Pause training")
            if running
            else translate("TrainPanel", "Start training")
        )
        self._rate.restart()
        self._show_figures()

    def _show_message(self, text: str) -> None:
        text = core_text(self.session.message) if text else ""  # the core's text, translated
        self.message.setText(text[:1].upper() + text[1:] if text else "")
        self.message.setVisible(bool(text))

    def _show_figures(self) -> None:
        s, c = self.session, self.session.curves
        parts = []
        if s.train_set is not None:
            parts.append(
                translate("TrainPanel", "training rows: {train}, test rows: {test}").format(
                    train=len(s.train_set), test=len(s.test_set)
                )
                if s.test_set
                else translate("TrainPanel", "training rows: {train}, no test rows").format(
                    train=len(s.train_set)
                )
            )
        if len(c):
            parts += self._epoch_lines(c)
        self.status.setText("<br>".join(parts))

    def _epoch_lines(self, c) -> list[str]:
        """The epoch (of the goal), the speed, the loss and the accuracy (test in brackets)."""
        s = self.session
        rate = self._rate.update(c.epochs)
        epoch = (
            translate("TrainPanel", "Epoch {epoch} of {goal}").format(epoch=c.epochs, goal=s.goal)
            if s.goal is not None
            else translate("TrainPanel", "Epoch {epoch}").format(epoch=c.epochs)
        )
        line = f"<big><b>{epoch}</b></big>"
        if rate:
            line += " · " + translate("TrainPanel", "{rate} epochs/s").format(rate=f"{rate:.0f}")
        train_loss = _num(c.last("train_loss"))
        loss = (
            translate("TrainPanel", "loss {train} (test {test})").format(
                train=train_loss, test=_num(c.last("test_loss"))
            )
            if c.has_test()
            else translate("TrainPanel", "loss {train}").format(train=train_loss)
        )
        lines = [line, loss]
        acc = c.last("train_accuracy")
        if not math.isnan(acc):
            test = c.last("test_accuracy") if c.has_test() else math.nan
            lines.append(
                translate("TrainPanel", "accuracy {train} (test {test})").format(
                    train=f"{acc:.1%}", test=f"{test:.1%}"
                )
                if not math.isnan(test)
                else translate("TrainPanel", "accuracy {train}").format(train=f"{acc:.1%}")
            )
        return lines

    def sync_from_settings(self) -> None:
        """Copy the session's settings into the widgets (without echoing them back)."""
        s = self.session.settings
        for widget, value in (
            (self.test_split, round(s.test_fraction * 100)),
            (self.lr, s.lr),
            (self.batch, s.batch_size),
            (self.seed, s.seed),
            (self.per_frame, s.epochs_per_frame),
            (self.stop_after, s.stop_after),
        ):
            with QSignalBlocker(widget):
                widget.setValue(value)
        for combo, value in ((self.loss, s.loss), (self.optimizer, s.optimizer)):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(combo.findData(value))


class _Rate:
    """Epochs per second over the last second or so of a run."""

    def __init__(self) -> None:
        self._start: float | None = None  # time.monotonic() at the first update of a run
        self._mark = (0.0, 0)
        self.rate = 0.0

    def restart(self) -> None:
        self._start = None
        self.rate = 0.0

    def update(self, epochs: int) -> float:
        now = time.monotonic()
        if self._start is None:
            self._start = now
            self._mark = (0.0, epochs)
            return self.rate
        ms = (now - self._start) * 1000
        if ms - self._mark[0] >= 500:
            self.rate = (epochs - self._mark[1]) * 1000 / (ms - self._mark[0])
            self._mark = (ms, epochs)
        return self.rate


def _num(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:.4g}"


def _spin(box, lo, hi, value, tip):
    box.setRange(lo, hi)
    box.setValue(value)
    box.setKeyboardTracking(False)
    box.setToolTip(tip)
    return box
