"""Shared figures for the reliability suite: each test adds what it measured, and the
session summary prints them (the numbers quoted in docs/reliability.md come from here)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

#: figure name -> {"cases": int, "max_calls": int, …} for fuzzers, or free-form figures
#: (counts, not times: the times are for ``benchmarks/reliability.py``)
STATS: dict[str, dict[str, float]] = {}


@pytest.fixture(scope="session")
def reliability_stats() -> dict[str, dict[str, float]]:
    return STATS


def _rss_mb() -> float:
    text = Path("/proc/self/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", text).group(1)) / 1024


@pytest.fixture
def rss_mb():
    """A function giving this process's resident set size in MB (VmRSS, Linux only)."""
    if not Path("/proc/self/status").exists():
        pytest.skip("needs /proc/self/status (Linux) to read the resident set size")
    return _rss_mb


def pytest_terminal_summary(terminalreporter) -> None:
    if not STATS:
        return
    terminalreporter.section("reliability figures")
    for name, figures in sorted(STATS.items()):
        parts = [f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()]
        terminalreporter.write_line(f"{name}: {', '.join(parts)}")
    cases = sum(int(f.get("cases", 0)) for f in STATS.values())
    if cases:
        costliest = max(int(f.get("max_calls", 0)) for f in STATS.values())
        terminalreporter.write_line(
            f"total fuzz cases: {cases}, costliest case: {costliest:,} calls"
        )


# The GUI half of the suite reuses the main-window fixtures and canvas gestures of tests/ui
# (``shell_helpers``, ``canvas_helpers``); put that folder on the import path once.
_UI_TESTS = str(Path(__file__).resolve().parent.parent / "ui")
if _UI_TESTS not in sys.path:
    sys.path.append(_UI_TESTS)


@pytest.fixture
def error_hook(monkeypatch):
    """The app's exception hook (``neurosim.ui.errors``) installed, recording instead of
    showing its dialog: an error escaping a Qt slot or paint event lands in ``reports``.
    Use it with ``@pytest.mark.qt_no_exception_capture`` so pytest-qt leaves the hook be."""
    from neurosim.ui import errors  # Qt: only the GUI half of the suite asks for it

    monkeypatch.setattr(errors, "show_dialogs", False)
    monkeypatch.setattr(errors, "reports", [])
    monkeypatch.setattr(errors, "listeners", [])
    saved = sys.excepthook
    errors.install()
    yield errors
    errors.uninstall()
    sys.excepthook = saved
