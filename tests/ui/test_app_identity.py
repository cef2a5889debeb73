"""The app's identity on the desktop (desktop file name, icon) and what --selftest checks."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon

from neurosim.ui import app as app_module
from neurosim.ui.app import SELFTEST_STEPS, SelftestError, app_icon, application, run_selftest

pytest_plugins = ["shell_fixtures"]

ROOT = Path(__file__).resolve().parents[2]


def test_desktop_file_name_matches_the_shipped_desktop_file(qapp) -> None:
    desktop = ROOT / "packaging" / "linux" / "neurosim.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(desktop, encoding="utf-8")
    assert application().desktopFileName() == desktop.stem == "neurosim"
    assert parser["Desktop Entry"]["Icon"] == "neurosim"


def test_window_icon_is_the_neurosim_icon(qapp, window) -> None:
    icon = window.windowIcon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(16, 16), (48, 48), (256, 256)} <= sizes  # the shipped PNGs
    image = icon.pixmap(64, 64).toImage()
    assert (image.width(), image.height()) == (64, 64)
    assert image.pixelColor(0, 63).alpha() == 0  # transparent corner
    assert image.pixelColor(44, 36).name() == "#1f4e9c"  # the soma's blue


def test_app_icon_is_null_without_resources(monkeypatch) -> None:
    monkeypatch.setattr(app_module, "_resource", lambda *parts: None)
    assert app_icon().isNull()


def test_selftest_steps_the_clock(qapp, window) -> None:
    app_module._selftest_window(window)
    assert window.live_plots.clock.t == SELFTEST_STEPS


def test_selftest_fails_without_an_icon(qapp, monkeypatch, capsys) -> None:
    monkeypatch.setattr(app_module, "app_icon", QIcon)
    try:
        assert run_selftest() == 1
    finally:
        qapp.setWindowIcon(app_icon())
    assert capsys.readouterr().err == (
        "selftest: FAILED: the window has no icon (resources/icons missing or unreadable)\n"
    )


def test_selftest_window_needs_a_clock_that_steps(qapp, window, monkeypatch) -> None:
    monkeypatch.setattr(window.clock, "step", lambda _n=1: None)
    with pytest.raises(SelftestError, match="the clock took 0 steps, not 5"):
        app_module._selftest_window(window)
