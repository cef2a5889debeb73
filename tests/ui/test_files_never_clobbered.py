"""Files are never clobbered (issue 14): recovery remembers absolute paths and what the file
held, a restore never saves over a file that changed or went, the command line's file is
offered beside the work, two windows on one file notice each other, the GUI's writes are
atomic, and SIGTERM closes like a quit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from exercise_helpers import ROOT
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from shell_helpers import make_window

from neurosim.core import fileformat
from neurosim.core.model import Network
from neurosim.ui import files, image_files, leftovers
from neurosim.ui.commands import AddNeuron, SetWeight
from neurosim.ui.lessons.thumbnails import thumbnail

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _network(weight: float = 0.5) -> Network:
    net = Network({"title": "Start"})
    net.add_neuron("input", "x1", position=(0, 0), value=1.0)
    net.add_neuron("output", "y", position=(180, 0), activation="sigmoid")
    net.add_synapse("x1", "y", weight)
    return net


def _crashed_session(qtbot, settings, folder: Path, original: Path, weight: float) -> None:
    """A window that opened ``original`` (by a relative path, from the current folder),
    changed a weight and autosaved, then ended without cleaning up."""
    window = make_window(qtbot, settings, autosave=True, recovery_folder=folder)
    assert window.open_file(os.path.relpath(original))
    doc = window.document
    doc.push(SetWeight(doc.network, ("x1", "y"), weight))
    # ends as a killed session would: its files stay, its lock is free
    window.recovery.close(keep=True)
    doc.undo_stack.setClean()


def _sidecar(folder: Path) -> dict:
    [side] = folder.glob("*.recovery.json")
    return json.loads(side.read_text(encoding="utf-8"))


# ------------------------------------------------------------------- recovery
def test_recovery_stores_the_absolute_path_and_what_the_file_held(
    qtbot, settings, dialogs, tmp_path, monkeypatch
):
    a = tmp_path / "A"
    (a / "work").mkdir(parents=True)
    original = a / "work" / "a.nsim.json"
    digest = fileformat.save(_network(), original)
    monkeypatch.chdir(a)
    _crashed_session(qtbot, settings, tmp_path / "recovery", original, 3.25)
    side = _sidecar(tmp_path / "recovery")
    assert side["original_path"] == str(original.resolve())  # before: "work/a.nsim.json"
    assert side["original_digest"] == digest


@pytest.mark.parametrize("fate", ["changed", "gone"])
def test_a_restore_never_saves_over_a_file_that_changed_or_went(
    qtbot, settings, dialogs, tmp_path, monkeypatch, fate
):
    a, b = tmp_path / "A", tmp_path / "B"
    for folder in (a, b):
        (folder / "work").mkdir(parents=True)
    original = a / "work" / "a.nsim.json"
    fileformat.save(_network(), original)
    unrelated = b / "work" / "a.nsim.json"  # the same relative name, someone else's work
    fileformat.save(_network(9.0), unrelated)
    before = unrelated.read_bytes()
    monkeypatch.chdir(a)
    folder = tmp_path / "recovery"
    _crashed_session(qtbot, settings, folder, original, 3.25)
    if fate == "changed":
        fileformat.save(_network(-1.0), original)  # saved meanwhile by another window
    else:
        original.unlink()
    changed = original.read_bytes() if fate == "changed" else None
    monkeypatch.chdir(b)  # the restore starts from another folder
    window = make_window(
        qtbot, QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat),
        autosave=True, recovery_folder=folder,
    )  # fmt: skip
    asked: list[tuple] = []
    assert window.recovery.offer_restore(
        window.open_network, window, ask=lambda *args: asked.append(args) or "restore"
    )
    doc = window.document
    assert doc.network.synapses[("x1", "y")].weight == 3.25 and doc.modified
    assert doc.path is None  # nothing to save over without asking
    assert asked[0][1].original_state() == fate
    dialogs.save_path = ""  # the Save As dialog is cancelled
    window.suggested_path = original
    assert not window.save()
    assert [kind for kind in dialogs.kinds()] == ["save_dialog"]  # Save asked for a name
    assert dialogs.calls[0][2] == str(original)  # starting at the old one
    assert unrelated.read_bytes() == before  # before: overwritten with the restored work
    if changed is not None:
        assert original.read_bytes() == changed
    doc.undo_stack.setClean()


def test_the_file_on_the_command_line_is_offered_beside_the_work(
    qtbot, settings, dialogs, tmp_path
):
    folder = tmp_path / "recovery"
    original = tmp_path / "lesson.nsim.json"
    fileformat.save(_network(), original)
    _crashed_session(qtbot, settings, folder, original, 7.5)
    requested = tmp_path / "other.nsim.json"
    fileformat.save(_network(2.0), requested)
    window = make_window(qtbot, settings, autosave=True, recovery_folder=folder)
    seen: list[str] = []

    def click_open() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click_open)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text().startswith("Open “other")).click()

    QTimer.singleShot(20, click_open)
    assert not window.offer_restore(requested)  # before: the file was silently ignored
    assert "lesson.nsim.json" in seen[0] and "other.nsim.json" in seen[0]
    assert len(leftovers.leftovers(folder)) == 1  # the work waits for the next start
    assert window.open_file(requested)
    assert window.document.network.synapses[("x1", "y")].weight == 2.0


# ------------------------------------------------------------ two windows, one file
def _two_windows(qtbot, tmp_path) -> tuple:
    path = tmp_path / "shared.nsim.json"
    fileformat.save(_network(), path)
    windows = []
    for name in ("a", "b"):
        ini = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
        window = make_window(qtbot, ini)
        assert window.open_file(path)
        windows.append(window)
    return path, *windows


def test_a_change_made_elsewhere_is_told_and_reload_shows_it(qtbot, dialogs, tmp_path, monkeypatch):
    path, a, b = _two_windows(qtbot, tmp_path)
    asked: list[tuple] = []
    monkeypatch.setattr(files, "ask_outside_change", lambda *args: asked.append(args) or "reload")
    b.document.push(AddNeuron(b.document.network, "hidden", (90.0, 0.0)))
    assert b.save()
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)  # the watcher told window A
    assert asked[0][1:] == ("shared.nsim.json", False, False)
    qtbot.waitUntil(lambda: "h1" in a.document.network.neurons)  # reloaded: B's version
    assert not a.document.modified and a.document.path == path
    assert len(asked) == 1  # B's own window was not asked about its own save


def test_save_never_overwrites_another_windows_save(qtbot, dialogs, tmp_path, monkeypatch):
    path, a, b = _two_windows(qtbot, tmp_path)
    asked: list[tuple] = []
    monkeypatch.setattr(files, "ask_outside_change", lambda *args: asked.append(args) or "keep")
    b.document.push(AddNeuron(b.document.network, "hidden", (90.0, 0.0)))  # h1
    assert b.save()
    a.document.push(SetWeight(a.document.network, ("x1", "y"), -4.0))
    mine = tmp_path / "mine.nsim.json"
    dialogs.save_path = str(mine)
    assert a.save()  # at once: before the watcher's news arrives
    assert asked and asked[0][3] is True  # asked, as a save
    assert "h1" in fileformat.load(path).neurons  # B's neuron is still there
    assert fileformat.load(mine).synapses[("x1", "y")].weight == -4.0  # A's work too
    assert a.document.path == mine and not a.document.modified


# ------------------------------------------------------------------ atomic writes
def test_thumbnails_are_written_atomically(qtbot, tmp_path, monkeypatch):
    written: list[Path] = []
    real = image_files.write_atomic

    def recorded(path, data):
        written.append(Path(path))
        real(path, data)

    monkeypatch.setattr(image_files, "write_atomic", recorded)
    source = tmp_path / "net.nsim.json"
    fileformat.save(_network(), source)
    assert not thumbnail(source, tmp_path / "cache").isNull()
    assert [p.parent for p in written] == [tmp_path / "cache"]  # before: QImage.save
    assert not list((tmp_path / "cache").glob("*.tmp"))


# --------------------------------------------------------------------- SIGTERM
CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from neurosim.ui import app as ns_app
    from neurosim.ui.commands import SetWeight

    qapp = ns_app.application()

    def window():
        from neurosim.ui.mainwindow import MainWindow
        found = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)]
        return found[0] if found else None

    def ready():
        w = window()
        if w is None or w.document.path is None:
            return QTimer.singleShot(50, ready)
        if sys.argv[2] == "edit":
            doc = w.document
            doc.push(SetWeight(doc.network, ("x1", "y"), 3.25))
        print("ready", flush=True)

    QTimer.singleShot(50, ready)
    code = ns_app.run_gui(sys.argv[1])
    print("quit", code, flush=True)
    sys.exit(code)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="needs SIGTERM")
@pytest.mark.parametrize("mode", ["clean", "edit"])
def test_sigterm_closes_like_a_quit(tmp_path, mode):
    path = tmp_path / "student.nsim.json"
    fileformat.save(_network(), path)
    folder = tmp_path / "recovery"
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NEUROSIM_AUTOSAVE_MS": "60000",  # no autosave but the one SIGTERM makes
        "NEUROSIM_RECOVERY_DIR": str(folder),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
    }
    child = subprocess.Popen(
        [sys.executable, str(script), str(path), mode],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "ready", child.stderr.read() if child.stderr else ""
        time.sleep(0.2)  # the edit's own turn of the event loop
        child.send_signal(signal.SIGTERM)
        out, err = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 0, err  # before: killed by the signal (-15)
    assert "quit 0" in out
    names = sorted(p.name for p in folder.iterdir())
    assert not [n for n in names if n.endswith(".lock")]  # no stale lock
    found = leftovers.leftovers(folder)
    if mode == "clean":
        assert names == [] and found == []  # no needless recovery offer
    else:  # the unsaved edit waits for the next start, with its file's path
        assert len(found) == 1 and found[0].original_path == path.resolve()
        assert fileformat.load(found[0].network_path).synapses[("x1", "y")].weight == 3.25
        assert fileformat.load(path).synapses[("x1", "y")].weight == 0.5  # never saved
