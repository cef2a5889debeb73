"""The timeline (scrubbing back in time) in Simplified Chinese: the bar, its labels and
tips, the resume question and the reason an edit in the past is refused."""

from __future__ import annotations

import pytest
from i18n_sweep import english_left
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from shell_helpers import make_window
from training_helpers import tanh_net

from neurosim.ui.commands import SetWeight

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_timeline_speaks_chinese(qtbot, settings, dialogs, zh_cn):
    window = make_window(qtbot, settings, tanh_net())
    bar, controller = window.scrub.bar, window.scrub.controller
    session = window.training.session
    session.set_settings(stop_after=12, epochs_per_frame=6)
    window.training.panel.train_action.trigger()
    qtbot.waitUntil(lambda: not session.running, timeout=20_000)
    assert bar.label.text() == "第 12 轮（现在）"
    assert english_left(bar) == []
    controller.go_to(5)
    assert bar.label.text().startswith("第 5 轮，共 12 轮 · 损失 ")
    assert (bar.steps_action.text(), bar.epochs_action.text()) == ("时间步", "训练轮")
    assert bar.now_action.text() == "现在"
    assert english_left(bar) == []
    reasons: list[str] = []
    window.document.refused.connect(reasons.append)
    key = next(iter(window.document.network.synapses))
    window.document.push(SetWeight(window.document.network, key, 0.5))
    assert reasons == [
        "窗口显示的是过去的第 5 轮：按“现在”（Ctrl+End）回来后才能编辑，或按“训练”并选择“在此分支”"
    ]
    seen: list[tuple[str, list]] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        seen.append((box.text(), english_left(box)))
        box.reject()

    QTimer.singleShot(20, look)
    window.training.panel.step_action.trigger()  # asks: branch or return (cancelled)
    assert seen == [("窗口显示的是过去的第 5 轮。", [])]
    assert controller.index == 5
    controller.set_track("steps")
    assert controller.index is None and bar.label.text().startswith("第 ")
    assert english_left(bar) == []
