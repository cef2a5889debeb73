"""The background warm-up's costly moments wait for a GUI's go-ahead (``when_idle``): the
load waits for it, and the collector stays off after the load until the GUI turns it on."""

from __future__ import annotations

import gc

import pytest

from neurosim.core import jit_warmup


@pytest.fixture
def steps(monkeypatch):
    """What happened, in order, while ``_work`` ran with a recording hand-over."""
    seen: list[str] = []
    handed: list = []

    def handover(call) -> None:
        seen.append("handed")
        handed.append(call)
        if len(handed) == 1:
            call()  # the go-ahead at once (a GUI gives it when the user is idle)

    def load() -> None:
        seen.append(f"load, collector {'on' if gc.isenabled() else 'off'}")

    monkeypatch.setattr(jit_warmup, "_handover", [handover])
    monkeypatch.setattr(jit_warmup, "_worth_a_child", lambda: False)
    monkeypatch.setattr(jit_warmup, "_load_here", load)
    was_on = gc.isenabled()
    gc.enable()
    yield seen, handed
    if was_on:
        gc.enable()


def test_the_load_waits_for_the_go_ahead_and_the_collector_for_the_gui(steps) -> None:
    seen, handed = steps
    jit_warmup._work(0.0)
    assert seen == ["handed", "load, collector off", "handed"]
    assert not gc.isenabled()  # the garbage of the load waits for the GUI's idle moment
    handed[1]()
    assert gc.isenabled()


def test_the_collector_comes_back_on_even_if_nobody_calls(steps, monkeypatch) -> None:
    monkeypatch.setattr(jit_warmup, "HANDOVER_LIMIT_S", 0.05)
    jit_warmup._work(0.0)
    assert not gc.isenabled()
    import time

    deadline = time.monotonic() + 5
    while not gc.isenabled() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert gc.isenabled()


def test_a_gone_receiver_does_not_leave_the_collector_off(monkeypatch) -> None:
    def gone(_call) -> None:
        raise RuntimeError("Internal C++ object already deleted.")

    monkeypatch.setattr(jit_warmup, "_handover", [gone])
    monkeypatch.setattr(jit_warmup, "_worth_a_child", lambda: False)
    monkeypatch.setattr(jit_warmup, "_load_here", lambda: None)
    gc.enable()
    jit_warmup._work(0.0)
    assert gc.isenabled()
