"""The warm-up's hand-over runs on the GUI thread, and only once the window has been still."""

from __future__ import annotations

import threading

from neurosim.ui import idle_collect
from neurosim.ui.idle_collect import IdleCollector


def test_a_call_handed_from_a_thread_runs_on_the_gui_thread_when_still(qtbot, monkeypatch):
    monkeypatch.setattr(idle_collect, "QUIET_MS", 300)
    collector = IdleCollector(None)
    ran: list[threading.Thread] = []
    collector.activity()
    worker = threading.Thread(target=collector.hand_over, args=(lambda: ran.append(
        threading.current_thread()),))  # fmt: skip
    worker.start()
    worker.join()
    qtbot.wait(120)
    assert ran == []  # an edit just now: not yet
    qtbot.waitUntil(lambda: bool(ran), timeout=3000)
    assert ran == [threading.main_thread()]


def test_edits_keep_postponing_it(qtbot, monkeypatch):
    monkeypatch.setattr(idle_collect, "QUIET_MS", 400)
    monkeypatch.setattr(idle_collect, "PATIENCE_MS", 60_000)
    collector = IdleCollector(None)
    ran: list[int] = []
    collector.hand_over(lambda: ran.append(1))
    for _ in range(8):  # an edit every 100 ms for 0.8 s: never still for 400 ms
        collector.activity()
        qtbot.wait(100)
        assert ran == []
    qtbot.waitUntil(lambda: ran == [1], timeout=3000)


def test_the_main_window_reports_its_edits(qtbot, monkeypatch):
    from neurosim.ui.mainwindow import MainWindow

    seen: list[int] = []
    monkeypatch.setattr(IdleCollector, "activity", lambda self: seen.append(1))
    window = MainWindow()
    qtbot.addWidget(window)
    window.document.evaluate_now()
    assert seen
