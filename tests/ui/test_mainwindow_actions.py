"""Menus, shortcuts, palette, status bar, panels, clipboard and drops of the main window."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from neurosim.core import fileformat
from neurosim.ui.commands import Connect
from neurosim.ui.drops import dropped_files
from neurosim.ui.mainwindow import MIME_TYPE
from neurosim.ui.menus import about_text, key_text, shortcut_name, shortcut_rows

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window, new_window


def menu_texts(window, title: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def key(action) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)


def in_order(items: list[str], wanted: list[str]) -> bool:
    """``wanted`` appear in ``items`` in this order (other parts may add items between)."""
    rest = iter(items)
    return all(any(item == w for item in rest) for w in wanted)


def test_menus_hold_the_actions_with_their_shortcuts(window):
    acts = window.acts
    assert in_order(
        menu_texts(window, "&File"), ["New", "Open…", "Open Recent", "Save", "Save As…", "Quit"]
    )
    edit = menu_texts(window, "&Edit")
    assert in_order(edit, ["Cut", "Copy", "Paste", "Delete", "Select All", "History…"])
    assert edit[0].startswith("Undo") and edit[1].startswith("Redo")
    assert in_order(
        menu_texts(window, "&View"),
        [
            "Zoom In",
            "Zoom Out",
            "Fit to Window",
            "Auto-layout",
            "Show Weights",
            "Show Values",
            "Snap to Grid",
            "Text Size",
            "Panels",
        ],
    )
    assert in_order(menu_texts(window, "&Help"), ["Keyboard Shortcuts", "About NeuroSim"])
    expected = {
        acts.new: "Ctrl+N",
        acts.open: "Ctrl+O",
        acts.save: "Ctrl+S",
        acts.save_as: "Ctrl+Shift+S",
        acts.quit: "Ctrl+Q",
        acts.undo: "Ctrl+Z",
        acts.cut: "Ctrl+X",
        acts.copy: "Ctrl+C",
        acts.paste: "Ctrl+V",
        acts.delete: "Del",
        acts.select_all: "Ctrl+A",
        acts.zoom_in: "Ctrl++",
        acts.zoom_out: "Ctrl+-",
    }
    assert {a.text(): key(a) for a in expected} == {a.text(): k for a, k in expected.items()}
    assert key(acts.redo) in ("Ctrl+Shift+Z", "Ctrl+Y")
    assert [key(a) for a in acts.adders.values()] == ["I", "H", "O"]


def test_palette_tools_are_exclusive_and_set_the_canvas_tool(window, monkeypatch):
    chosen = []
    monkeypatch.setattr(window.canvas, "set_tool", chosen.append)
    tools = window.acts.tools
    assert tools[None].isChecked()
    for kind, letter in (("input", "I"), ("hidden", "H"), ("output", "O")):
        assert f"Shortcut: {letter}" in tools[kind].toolTip()
    tools["hidden"].trigger()
    tools["output"].trigger()
    tools[None].trigger()
    assert chosen == ["hidden", "output", None]
    assert [t.isChecked() for t in tools.values()] == [True, False, False, False]
    assert all(tools[k] in window.palette_bar.actions() for k in tools)


def test_key_h_on_the_canvas_adds_a_hidden_neuron(window, qtbot):
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.waitUntil(lambda: window.canvas.hasFocus())
    qtbot.keyClick(window.canvas, Qt.Key.Key_H)
    assert [n.kind for n in window.document.network].count("hidden") == 1
    assert window.document.undo_stack.count() == 1


def test_shortcut_dialog_lists_every_shortcut(window):
    rows = shortcut_rows(window)
    keys = {(what, keys) for _, what, keys in rows}
    assert ("Save", "Ctrl+S") in keys and ("Keyboard Shortcuts", "F1") in keys
    assert any(what.startswith("Add Hidden") and k == "H" for what, k in keys)
    run = shortcut_name(window.live_plots.transport.run_action)
    assert run.startswith("Run / Pause")  # not "Run" or "Pause", as its text says
    for wanted in (
        (run, "Space"),
        ("Step", "→, ."),
        ("Presentation", "F5"),
        ("Leave Presentation", "Esc"),
        ("Next Example", "Page Down"),
        ("Previous Example", "Page Up"),
        ("Delete", "Delete, Backspace"),
    ):
        assert wanted in keys
    # every action of the window with a key, under the name the dialog gives it, with its keys
    shown: dict[str, list[str]] = {}
    for _, what, listed in rows:
        shown.setdefault(what, []).extend(listed.split(", "))
    actions = [
        a
        for a in window.findChildren(QAction)
        if a.text() and a.shortcuts() and not isinstance(a.parent().window(), QDialog)
    ]  # a dialog's keys: its own
    assert len(actions) >= 30
    for action in actions:
        assert key_text(action.shortcut()) in shown.get(shortcut_name(action), []), action.text()
    assert len(rows) == len(set(rows))  # an action in a menu and on a toolbar is listed once
    gestures = {how for _, _, how in rows}
    for how in (
        "Ctrl+wheel",
        "Alt+wheel over it (Shift: finer)",
        "Tap Space",
        "Middle-drag, or hold Space and drag",
        "Double-click it; Enter applies",
        "Drag from a neuron's rim, or Shift+drag, to another",
        "Esc",
    ):
        assert how in gestures


def test_about_names_the_versions(window, dialogs):
    window.acts.about.trigger()
    text = about_text()
    import numpy
    import pyqtgraph
    import PySide6
    from PySide6.QtCore import qVersion

    from neurosim import __version__

    assert dialogs.texts("about") == [text]
    assert f"NeuroSim {__version__}</h2>" in text and "+unknown" not in __version__
    assert "MIT licence" in text and "LGPL" in text
    for name, value in (
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("pyqtgraph", pyqtgraph.__version__),
        ("numpy", numpy.__version__),
    ):
        assert f"<td>{name}</td><td>&nbsp;{value}</td>" in text


def test_status_bar_shows_refusals_and_canvas_messages(window):
    doc = window.document
    assert not doc.push(Connect(doc.network, "y1", "x1"))
    assert "inputs take no synapses" in window.statusBar().currentMessage()
    window.canvas.status_message.emit("Click empty space to add an input neuron")
    assert window.statusBar().currentMessage() == "Click empty space to add an input neuron"
    assert window.counts_label.text() == "3 neurons, 2 synapses"


def test_view_options_and_panels_persist(window, new_window):
    window.acts.show_weights.setChecked(False)
    window.acts.snap_to_grid.setChecked(True)
    window.set_text_scale(1.6)
    panel = window.add_panel("Plot", QLabel("plot"), "test_plot")
    assert panel.toggleViewAction() in window.menus.panels.actions()
    panel.hide()
    window.close()
    again = new_window()
    assert not again.acts.show_weights.isChecked() and again.acts.snap_to_grid.isChecked()
    assert again.acts.show_values.isChecked()
    assert again.text_scale == 1.6
    later = again.add_panel("Plot", QLabel("plot"), "test_plot")
    assert not later.isVisible()
    again.set_text_scale(1.25)


def test_history_lists_the_undo_steps(window):
    doc = window.document
    doc.push(Connect(doc.network, "x1", "x2")) or None  # refused: not a step
    window.acts.history.trigger()
    assert window.history_dock.isVisible()
    assert window.history_view.stack() is doc.undo_stack
    window.acts.select_all.trigger()
    window.acts.delete.trigger()
    assert window.history_view.model().rowCount() == 2  # "<opened>" + the deletion


def test_copy_and_paste_go_through_the_clipboard(window):
    window.canvas.select(neuron_ids=["x1", "y1"])
    window.acts.copy.trigger()
    mime = QApplication.clipboard().mimeData()
    assert mime.hasFormat(MIME_TYPE)
    payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode())
    assert json.loads(mime.text()) == payload
    assert sorted(n["id"] for n in payload["neurons"]) == ["x1", "y1"]
    window.acts.paste.trigger()
    net = window.document.network
    assert len(net.neurons) == 5 and len(net.synapses) == 3
    window.acts.cut.trigger()  # the pasted copies are selected
    assert len(net.neurons) == 3


def test_pasting_foreign_text_changes_nothing(window):
    QApplication.clipboard().setText("hello")
    window.acts.paste.trigger()
    assert len(window.document.network.neurons) == 3
    assert "no neurons" in window.statusBar().currentMessage()


def test_dropping_a_json_file_opens_it(window, tmp_path):
    path = tmp_path / "dropped.nsim.json"
    net = fileformat.loads(fileformat.dumps(window.document.network))
    net.set_weight(("x1", "y1"), 0.25)
    fileformat.save(net, path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert dropped_files(mime) == [str(path)]
    where, action = QPoint(200, 200), Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, action, mime, buttons, modifiers)
    QApplication.sendEvent(window.canvas.viewport(), enter)  # Qt drops only where entered
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(where), action, mime, buttons, modifiers)
    QApplication.sendEvent(window.canvas.viewport(), drop)
    assert window.document.path == path
    assert window.document.network.synapses[("x1", "y1")].weight == 0.25
