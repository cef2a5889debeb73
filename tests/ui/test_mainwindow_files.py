"""File handling of the main window: open, save, the modified marker, asking to save."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from neurosim.core import fileformat
from neurosim.ui.commands import SetNeuronField, SetWeight
from neurosim.ui.files import with_suffix
from neurosim.ui.mainwindow import MainWindow

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window, new_window
Button = QMessageBox.StandardButton


def edit_weight(window: MainWindow, weight: float = 0.9) -> None:
    window.document.push(SetWeight(window.document.network, ("x1", "y1"), weight))


def test_title_shows_the_file_name_and_follows_the_undo_stack(window, tmp_path):
    assert window.windowTitle() == "One neuron, two inputs[*] — NeuroSim"
    assert not window.isWindowModified()
    edit_weight(window)
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert not window.isWindowModified()
    window.document.undo_stack.redo()
    assert window.save_to(tmp_path / "net.nsim.json")
    assert window.windowTitle() == "net.nsim.json[*] — NeuroSim"
    assert not window.isWindowModified()
    window.document.undo_stack.undo()  # back before the save: modified again
    assert window.isWindowModified()


def test_a_bad_file_shows_the_loaders_message_and_changes_nothing(window, dialogs, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "neurosim-network", "version": 1, "neurons": [{"id": "a"}], "synapses": []}'
    )
    edit_weight(window)
    network, title = window.document.network, window.windowTitle()
    assert not window.open_file(bad)
    assert dialogs.kinds() == ["critical"]
    assert dialogs.texts("critical") == ["bad.json: neurons[0]: missing 'kind'"]
    assert window.document.network is network
    assert window.document.undo_stack.count() == 1 and window.isWindowModified()
    assert window.windowTitle() == title
    assert window.recent_files() == []


def test_save_and_open_round_trip(window, tmp_path, qtbot):
    edit_weight(window, -1.25)
    path = tmp_path / "round.nsim.json"
    assert window.save_to(path)
    assert path.read_text(encoding="utf-8") == fileformat.dumps(window.document.network)
    window.new_file()
    assert window.document.network.neurons == {}
    assert window.open_file(path)
    net = window.document.network
    assert net.synapses[("x1", "y1")].weight == -1.25
    assert window.document.path == path and not window.isWindowModified()
    assert window.recent_files()[0] == str(path.resolve())


def test_undo_all_the_way_returns_to_the_saved_bytes(window, tmp_path):
    path = tmp_path / "saved.nsim.json"
    assert window.save_to(path)
    saved = path.read_bytes()
    doc = window.document
    edit_weight(window, 2.0)
    doc.push(SetNeuronField(doc.network, "y1", "bias", 1.5))
    doc.push(SetNeuronField(doc.network, "x2", "value", -1.0))
    doc.push(SetNeuronField(doc.network, "y1", "label", "out"))
    assert fileformat.dumps(doc.network).encode() != saved
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert fileformat.dumps(doc.network).encode("utf-8") == saved
    assert not window.isWindowModified()


def test_save_as_dialog_offers_nsim_json_and_adds_the_suffix(window, dialogs, tmp_path):
    dialogs.save_path = str(tmp_path / "lecture")
    assert window.save()  # no file yet: Save asks for a name
    kind, file_filter, suggested = dialogs.calls[0]
    assert kind == "save_dialog" and file_filter.startswith("NeuroSim networks (*.nsim.json)")
    assert suggested.endswith("one_neuron_two_inputs.nsim.json")
    assert (tmp_path / "lecture.nsim.json").is_file()
    assert window.document.path == tmp_path / "lecture.nsim.json"


@pytest.mark.parametrize(
    "typed, saved",
    [
        ("a", "a.nsim.json"),
        ("a.nsim", "a.nsim.json"),
        ("a.json", "a.json"),
        ("a.NSIM.JSON", "a.NSIM.JSON"),
        ("a.txt", "a.txt.nsim.json"),
    ],
)
def test_save_as_suffix(typed, saved):
    assert with_suffix(typed) == saved


def test_open_dialog_offers_any_json_file(window, dialogs, monkeypatch, tmp_path):
    asked = []

    def get_open(_parent, _caption, _directory="", file_filter="", *args, **kwargs):
        asked.append(file_filter)
        return str(tmp_path / "plain.json"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
    fileformat.save(
        fileformat.loads(fileformat.dumps(window.document.network)), tmp_path / "plain.json"
    )  # our format, without the .nsim part
    assert window.open_dialog()
    assert asked[0].split(";;")[0].endswith("(*.json)")
    assert window.document.path == tmp_path / "plain.json"


def test_a_failed_save_says_why_and_stays_modified(window, dialogs, tmp_path):
    edit_weight(window)
    assert not window.save_to(tmp_path / "no-such-folder" / "x.nsim.json")
    assert dialogs.kinds() == ["critical"]
    assert "No such file or directory" in dialogs.texts("critical")[0]
    assert window.isWindowModified() and window.document.path is None


def test_closing_with_unsaved_changes_asks(window, dialogs, tmp_path, qtbot):
    edit_weight(window)
    dialogs.answer = Button.Cancel
    assert not window.close()
    assert window.isVisible() and dialogs.kinds() == ["warning"]
    dialogs.answer = Button.Save
    dialogs.save_path = str(tmp_path / "kept.nsim.json")
    assert window.close()
    assert dialogs.kinds() == ["warning", "warning", "save_dialog"]
    assert fileformat.load(tmp_path / "kept.nsim.json").synapses[("x1", "y1")].weight == 0.9


def test_closing_an_unchanged_document_does_not_ask(window, dialogs):
    assert window.close()
    assert dialogs.calls == []


def test_new_and_open_ask_first_and_cancel_keeps_everything(window, dialogs, tmp_path):
    other = tmp_path / "other.nsim.json"
    fileformat.save(window.document.network, other)
    edit_weight(window)
    network = window.document.network
    dialogs.answer = Button.Cancel
    assert not window.new_file()
    assert not window.open_file(other)
    assert window.document.network is network and window.isWindowModified()
    dialogs.answer = Button.Discard
    assert window.open_file(other)
    assert window.document.network is not network and not window.isWindowModified()
    assert dialogs.kinds() == ["warning", "warning", "warning"]


def test_open_dialog_accepts_any_json(window, dialogs, tmp_path):
    path = tmp_path / "plain.json"
    fileformat.save(window.document.network, path)
    dialogs.open_path = str(path)
    window.acts.open.trigger()
    assert window.document.path == path


def test_recent_files_keep_ten_newest_first_and_persist(window, new_window, settings, tmp_path):
    for i in range(12):
        path = tmp_path / f"n{i}.nsim.json"
        window.save_to(path)
    recent = window.recent_files()
    assert len(recent) == 10 and Path(recent[0]).name == "n11.nsim.json"
    window.fill_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions() if a.text()]
    assert texts[0] == "&1 n11.nsim.json" and texts[-1] == "&Clear Recent Files"
    settings.sync()
    again = new_window()
    assert again.recent_files() == recent
    window.recent_menu.actions()[1].trigger()  # "2 n10.nsim.json"
    assert window.document.path == tmp_path / "n10.nsim.json"


def test_a_missing_recent_file_is_reported_and_dropped(window, dialogs, tmp_path):
    path = tmp_path / "gone.nsim.json"
    window.save_to(path)
    path.unlink()
    window.fill_recent_menu()
    window.recent_menu.actions()[0].trigger()
    assert dialogs.kinds() == ["critical"] and "gone.nsim.json" in dialogs.texts("critical")[0]
    assert window.recent_files() == []
