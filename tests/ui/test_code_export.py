"""File ▸ Export as Code in the window: where it is, what it writes, what it refuses."""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtWidgets import QMenu

from neurosim.ui.commands import SetWeight

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window, new_window


def export_menu(window) -> QMenu:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    entries = [a for a in file_menu.actions() if a.menu() is not None]
    menu = next(a.menu() for a in entries if a.text() == "Export as &Code")
    return menu


def test_export_writes_a_script_that_prints_the_window_s_figures(window, dialogs, tmp_path):
    window.document.push(SetWeight(window.document.network, ("x1", "y1"), 0.9))
    dialogs.save_path = str(tmp_path / "my_neuron")  # the dialog adds .py
    menu = export_menu(window)
    numpy_action = next(a for a in menu.actions() if "NumPy" in a.text())
    assert numpy_action.toolTip().startswith("Save the network as a Python script")
    numpy_action.trigger()
    out = tmp_path / "my_neuron.py"
    assert out.exists()
    kind, _filter, suggested = dialogs.calls[-1]
    assert kind == "save_dialog" and suggested.endswith(".py")
    run = subprocess.run([sys.executable, str(out)], capture_output=True, text=True, check=True)
    figures = json.loads(run.stdout)["neurons"]["y1"]
    result = window.document.engine.evaluate()
    assert figures["y"] == result.of("y1")["y"]  # the edited weight, not the file's
    assert f"Exported {out}" in window.statusBar().currentMessage()
    assert not window.document.undo_stack.isClean()  # exporting is not saving


def test_export_refuses_a_name_that_hides_the_library(window, dialogs, tmp_path):
    dialogs.save_path = str(tmp_path / "torch.py")
    torch_action = next(a for a in export_menu(window).actions() if "PyTorch" in a.text())
    torch_action.trigger()
    assert not (tmp_path / "torch.py").exists()
    kind, title, text = dialogs.calls[-1]
    assert (kind, title) == ("critical", "Cannot export")
    assert "would hide the torch library" in text


def test_export_reports_a_folder_it_cannot_write(window, dialogs, tmp_path):
    dialogs.save_path = str(tmp_path / "no_such_folder" / "net.py")
    next(a for a in export_menu(window).actions() if "NumPy" in a.text()).trigger()
    kind, title, text = dialogs.calls[-1]
    assert (kind, title) == ("critical", "Cannot export") and "no_such_folder" in text


def test_cancelled_dialog_writes_nothing(window, dialogs, tmp_path):
    dialogs.save_path = ""
    next(a for a in export_menu(window).actions() if "NumPy" in a.text()).trigger()
    assert [c for c in dialogs.calls if c[0] == "critical"] == []
    assert list(tmp_path.glob("*.py")) == []
