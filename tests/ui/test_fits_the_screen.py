"""The window fits any screen (issue 14): a 1024×600 netbook, and QT_SCALE_FACTOR=2.

Each case runs the real app in a child process whose offscreen screen has the given size
(the offscreen platform's ``configfile``), since a screen is fixed when Qt starts.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from screen_child import run_on_screen as on_screen

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDockWidget
    from neurosim.ui import app as ns_app

    qapp = ns_app.application()
    from neurosim.ui.mainwindow import MainWindow

    def settle():
        for _ in range(10):
            qapp.processEvents()

    def box(size):
        return [size.width(), size.height()]

    settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.open_network(ns_app.default_network())
    window.show()
    settle()
    report = {
        "available": box(window.screen().availableGeometry().size()),
        "opened": box(window.frameGeometry().size()),
        "minimum": box(window.minimumSizeHint()),
    }
    for dock in window.findChildren(QDockWidget):  # every panel of View ▸ Panels
        if not dock.toggleViewAction().isChecked():
            dock.toggleViewAction().trigger()
            settle()
    report["all_panels"] = box(window.frameGeometry().size())
    report["all_panels_minimum"] = box(window.minimumSizeHint())
    report["shown"] = sorted(d.objectName() for d in window.findChildren(QDockWidget)
                             if not d.isHidden())
    window.resize(3000, 2000)  # as if saved on a big monitor
    window.save_settings()
    window.document.undo_stack.setClean()
    window.close()
    again = MainWindow(settings=QSettings(sys.argv[1], QSettings.Format.IniFormat))
    again.open_network(ns_app.default_network())
    again.show()
    settle()
    report["restored"] = box(again.frameGeometry().size())
    again.document.undo_stack.setClean()
    again.close()
    print(json.dumps(report))
""")


def run_on_screen(tmp_path, width: int, height: int, scale: float | None = None) -> dict:
    args = [str(tmp_path / "settings.ini")]
    return on_screen(tmp_path, CHILD, args, width, height, scale=scale)


def fits(size: list[int], room: list[int]) -> bool:
    return size[0] <= room[0] and size[1] <= room[1]


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(1024, 600, None), (2048, 1200, 2)],  # a netbook; a 2x screen of the same logical size
    ids=["netbook", "scale-2"],
)
def test_the_window_fits_the_screen_with_every_panel_open(tmp_path, width, height, scale):
    report = run_on_screen(tmp_path, width, height, scale)
    room = report["available"]
    assert room == [1024, 600]  # logical pixels either way
    assert fits(report["opened"], room), report  # before: always 1280×800
    assert fits(report["minimum"], [800, 560]), report  # before: 832 wide
    assert len(report["shown"]) == 12  # every panel is open: tabbed, not squeezed out
    assert fits(report["all_panels"], room), report  # before: 1193 wide and more
    assert fits(report["all_panels_minimum"], room), report
    assert fits(report["restored"], room), report
