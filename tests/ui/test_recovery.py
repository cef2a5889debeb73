"""Recovery files: autosave while modified, restore after a killed process, clean up on quit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from exercise_helpers import ROOT
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from shell_helpers import make_window

from neurosim.core import fileformat
from neurosim.core.builders import layered_network
from neurosim.core.model import Network
from neurosim.ui import leftovers, recovery
from neurosim.ui.commands import AddNeuron, SetNeuronField, SetWeight

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _network() -> Network:
    net = Network({"title": "Start"})
    net.add_neuron("input", "x1", position=(0, 0), value=1.0)
    net.add_neuron("output", "y", position=(180, 0), activation="sigmoid")
    net.add_synapse("x1", "y", 0.5)
    return net


def _files(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))


def test_a_snapshot_gives_the_text_fileformat_dumps_writes():
    net = layered_network([3, 5, 2], "tanh", seed=3)
    net.meta["note"] = {"nested": ["ünïcode", 1.5]}
    net.extra["exercise"] = {"instructions": "x", "goals": []}
    assert fileformat.dumps_dict(recovery.snapshot(net)) == fileformat.dumps(net)


def test_autosaves_while_modified_and_a_save_removes_it(
    qtbot,
    settings,
    dialogs,  # noqa: F811
    tmp_path,
):
    folder = tmp_path / "recovery"
    window = make_window(qtbot, settings, _network())
    doc = window.document
    saver = recovery.Recovery(doc, folder, interval_ms=60_000, parent=window)
    assert not saver.autosave() and _files(folder) == []  # nothing unsaved yet
    with qtbot.waitSignal(saver.written, timeout=5000):
        doc.push(AddNeuron(doc.network, "hidden", (90.0, 0.0)))  # structural: written soon
    saved = fileformat.load(saver.network_path)
    assert "h1" in saved.neurons
    side = json.loads(saver.sidecar_path.read_text(encoding="utf-8"))
    assert side["original_path"] is None and side["network_file"] == saver.network_path.name
    doc.push(SetWeight(doc.network, ("x1", "y"), 2.0))  # not structural: waits for the timer
    qtbot.wait(20)
    assert fileformat.load(saver.network_path).synapses[("x1", "y")].weight == 0.5
    with qtbot.waitSignal(saver.written, timeout=5000):
        assert saver.autosave()  # what the 30 s timer calls
    assert fileformat.load(saver.network_path).synapses[("x1", "y")].weight == 2.0
    assert not saver.autosave()  # unchanged since: nothing to write
    window.save_to(tmp_path / "mine.nsim.json")
    saver.flush()
    assert _files(folder) == []
    doc.push(SetNeuronField(doc.network, "x1", "value", 0.25))
    saver.autosave()
    saver.flush()
    assert len(_files(folder)) == 2
    doc.undo_stack.undo()  # back to the saved state: nothing to recover
    saver.flush()
    assert _files(folder) == []
    saver.close()
    assert list(folder.iterdir()) == []  # the lock is gone too


def test_the_timer_writes_without_being_asked(qtbot, settings, dialogs, tmp_path):  # noqa: F811
    window = make_window(qtbot, settings, _network())
    doc = window.document
    saver = recovery.Recovery(doc, tmp_path, interval_ms=100, parent=window)
    doc.push(SetWeight(doc.network, ("x1", "y"), -1.0))
    with qtbot.waitSignal(saver.written, timeout=5000):
        pass
    assert fileformat.load(saver.network_path).synapses[("x1", "y")].weight == -1.0
    saver.close()
    doc.undo_stack.setClean()


def test_a_running_session_is_not_offered_and_a_dead_one_is(
    qtbot,
    settings,
    dialogs,  # noqa: F811
    tmp_path,
):
    window = make_window(qtbot, settings, _network())
    doc = window.document
    saver = recovery.Recovery(doc, tmp_path, parent=window)
    doc.push(SetWeight(doc.network, ("x1", "y"), 4.0))
    saver.autosave()
    saver.flush()
    assert leftovers.leftovers(tmp_path) == []  # its lock is held: still running
    saver._lock.unlock()  # as if the process had died (its lock file stale)
    found = leftovers.leftovers(tmp_path)
    assert [f.network_path for f in found] == [saver.network_path]
    assert found[0].title == doc.title
    doc.undo_stack.setClean()


def test_restore_dialog_restores_as_modified_with_the_original_path(
    qtbot,
    settings,  # noqa: F811
    dialogs,
    tmp_path,
):  # noqa: F811
    folder = tmp_path / "recovery"
    folder.mkdir()
    net = _network()
    net.set_weight(("x1", "y"), 7.5)
    fileformat.save(net, folder / "123-old.nsim.json")
    original = tmp_path / "lesson.nsim.json"
    digest = fileformat.save(_network(), original)  # the file the edits were made to
    (folder / "123-old.recovery.json").write_text(
        json.dumps(
            {
                "original_path": str(original),
                "original_digest": digest,
                "title": "lesson.nsim.json",
                "saved_at": time.time(),
                "network_file": "123-old.nsim.json",
            }
        ),
        encoding="utf-8",
    )
    window = make_window(qtbot, settings, autosave=True, recovery_folder=folder)

    def click_restore() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click_restore)
            return
        assert "lesson.nsim.json" in box.text()
        next(b for b in box.buttons() if b.text() == "Restore").click()

    QTimer.singleShot(20, click_restore)
    assert window.offer_restore()
    doc = window.document
    assert doc.network.synapses[("x1", "y")].weight == 7.5
    assert doc.modified and doc.path == original
    assert window.isWindowModified()
    names = _files(folder)
    assert "123-old.nsim.json" not in names  # the old set is gone…
    assert len(names) == 2  # …and this session holds the work now
    window.recovery.close()
    assert _files(folder) == []
    doc.undo_stack.setClean()


def test_discard_deletes_and_closing_the_dialog_keeps(qtbot, settings, dialogs, tmp_path):  # noqa: F811
    fileformat.save(_network(), tmp_path / "9-a.nsim.json")
    (tmp_path / "9-a.recovery.json").write_text(
        json.dumps(
            {
                "original_path": None,
                "title": "Untitled",
                "saved_at": 1.0,
                "network_file": "9-a.nsim.json",
            }
        ),
        encoding="utf-8",
    )
    window = make_window(qtbot, settings, autosave=True, recovery_folder=tmp_path)
    saver = window.recovery
    assert not saver.offer_restore(window.open_network, window, ask=lambda _w, _l, _r: "later")
    assert len(_files(tmp_path)) == 2
    assert not saver.offer_restore(window.open_network, window, ask=lambda _w, _l, _r: "discard")
    assert _files(tmp_path) == []
    saver.close()
    (tmp_path / "9-b.recovery.json").write_text("{not json", encoding="utf-8")
    assert leftovers.leftovers(tmp_path) == [] and _files(tmp_path) == []


# --------------------------------------------------------------- a real process
CHILD = textwrap.dedent("""
    import json, os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox
    from neurosim.ui import app as ns_app
    from neurosim.ui.commands import AddNeuron, SetWeight

    qapp = ns_app.application()
    mode = sys.argv[2]

    def window():
        from neurosim.ui.mainwindow import MainWindow
        found = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)]
        return found[0] if found else None

    def later(f, ms=50):
        QTimer.singleShot(ms, f)

    def edit():  # phase 1: the student's edits, then wait to be killed
        w = window()
        if w is None or w.document.path is None:
            return later(edit)
        doc = w.document
        doc.push(SetWeight(doc.network, ("x1", "y"), 3.25))
        doc.push(AddNeuron(doc.network, "hidden", (90.0, 0.0)))
        print("edited", flush=True)

    def answer():  # phase 2: press Restore, report, quit cleanly
        box = qapp.activeModalWidget()
        if box is None or box.objectName() != "restore_dialog":
            return later(answer)
        next(b for b in box.buttons() if b.text() == "Restore").click()
        later(report, 300)

    def report():
        doc = window().document
        print(json.dumps({"weight": doc.network.synapses[("x1", "y")].weight,
                          "neurons": sorted(doc.network.neurons), "modified": doc.modified,
                          "path": str(doc.path),
                          "files": sorted(os.listdir(os.environ["NEUROSIM_RECOVERY_DIR"]))}),
              flush=True)
        later(discard_on_close, 100)
        window().close()

    def discard_on_close():  # the "unsaved changes" question: Discard
        box = qapp.activeModalWidget()
        if box is None:
            return later(discard_on_close)
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole:
                button.click()

    later(edit if mode == "edit" else answer)
    sys.exit(ns_app.run_gui(sys.argv[1]))
""")


def _child(tmp_path, path, mode: str) -> subprocess.Popen:
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NEUROSIM_AUTOSAVE_MS": "200",
        "NEUROSIM_RECOVERY_DIR": str(tmp_path / "recovery"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.Popen(
        [sys.executable, str(script), str(path), mode],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(condition, seconds: float = 30.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.05)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_process_restores_the_autosaved_edits_and_a_clean_quit_cleans_up(tmp_path):
    path = tmp_path / "student.nsim.json"
    fileformat.save(_network(), path)
    folder = tmp_path / "recovery"
    first = _child(tmp_path, path, "edit")
    try:

        def autosaved() -> bool:
            for file in folder.glob("*.nsim.json") if folder.exists() else ():
                try:
                    net = fileformat.load(file)
                except (fileformat.FileFormatError, OSError):
                    continue
                if "h1" in net.neurons and net.synapses[("x1", "y")].weight == 3.25:
                    return any(folder.glob("*.recovery.json"))
            return False

        _wait_for(autosaved)
    finally:
        first.send_signal(signal.SIGKILL)
        out, err = first.communicate(timeout=30)
    assert "edited" in out, err
    assert first.returncode == -signal.SIGKILL
    assert fileformat.load(path).synapses[("x1", "y")].weight == 0.5  # never saved

    second = _child(tmp_path, path, "restore")
    try:
        out, err = second.communicate(timeout=60)
    finally:
        second.kill()
    assert second.returncode == 0, err
    report = json.loads(out.strip().splitlines()[-1])
    assert report["weight"] == 3.25 and "h1" in report["neurons"]
    assert report["modified"] and report["path"] == str(path)
    assert len([f for f in report["files"] if not f.endswith(".lock")]) == 2
    assert [p.name for p in folder.iterdir()] == []  # the clean quit removed everything
