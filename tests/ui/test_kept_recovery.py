"""Kept lesson changes are never lost (issue 13): the changed lesson copies kept in memory
for the session are in the recovery folder too, so a crash or SIGTERM leaves them for the
next start, whose "restore unsaved work?" offer lists them and brings them back as copies;
quitting asks once, naming each lesson, and Discard really discards them."""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
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
from lessons_helpers import example_path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from shell_helpers import Button, make_window

from neurosim.core import fileformat
from neurosim.paths import resource_path
from neurosim.ui import leftovers
from neurosim.ui.commands import SetWeight

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

XOR, COLLAPSE = "03b-xor-hidden-layer", "04-linear-collapse"
XOR_TITLE = "03b Why XOR needs a hidden layer — from the gallery"
EDGE = ("x1", "h_or")  # weight 1.0 in 03b as shipped


@pytest.fixture
def shipped_bytes():
    """Every shipped lesson's bytes before the test; checked unchanged after it."""
    files = [*resource_path("examples").glob("*.json"), *resource_path("exercises").glob("*.json")]
    before = {path: path.read_bytes() for path in files}
    yield before
    assert {path: path.read_bytes() for path in files} == before


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "recovery"


def autosaving(qtbot, settings, folder):
    return make_window(qtbot, settings, autosave=True, recovery_folder=folder)


def edit(window, key=EDGE, value: float = 2.5) -> None:
    doc = window.document
    assert doc.push(SetWeight(doc.network, key, value))


def first_key(window):
    return next(iter(window.document.network.synapses))


def sidecars(folder) -> dict[str, dict]:
    """The recovery sidecars in ``folder`` by file name, read."""
    return {
        p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.recovery.json")
    }


def kept_files(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "~kept-" in p.name)


def settle(window) -> None:
    """Let the 'soon' autosave run and wait for the worker."""
    QApplication.processEvents()
    window.recovery.flush()


# ---------------------------------------------------------------- in the folder
def test_a_kept_copy_is_written_when_kept_and_removed_when_opened_again(
    qtbot, settings, dialogs, folder, shipped_bytes
):
    window = autosaving(qtbot, settings, folder)
    window.open_file(example_path(XOR))
    edit(window)
    window.open_file(example_path(COLLAPSE))  # leaves 03b: kept, no question
    settle(window)
    assert dialogs.calls == []
    [(name, side)] = sidecars(folder).items()  # 04 is unchanged: only the kept copy
    assert "~kept-" in name and side["kept"] is True
    assert side["original_path"] is None and side["title"] == XOR_TITLE
    assert side["lesson"] == str(example_path(XOR).resolve())
    kept = fileformat.load(folder / side["network_file"])
    assert kept.synapses[EDGE].weight == 2.5
    window.open_file(example_path(XOR))  # back: the open document holds the changes now
    settle(window)
    assert window.document.network.synapses[EDGE].weight == 2.5
    assert kept_files(folder) == []
    [side] = sidecars(folder).values()
    assert "kept" not in side and side["lesson"] == str(example_path(XOR).resolve())
    dialogs.answer = Button.Discard
    window.revert_action.trigger()  # Revert to Original: nothing left to recover
    settle(window)
    assert sidecars(folder) == {}
    window.recovery.close()


def test_a_crash_keeps_them_and_the_restore_offer_lists_them(
    qtbot, settings, dialogs, folder, shipped_bytes
):
    window = autosaving(qtbot, settings, folder)
    window.open_file(example_path(XOR))
    edit(window)
    window.open_file(example_path(COLLAPSE))
    key = first_key(window)
    edit(window, key, 0.75)  # the open document is changed too
    assert window.recovery.autosave()  # what the 30 s timer does
    settle(window)
    window.recovery._lock.unlock()  # as if the process had died
    found = leftovers.leftovers(folder)
    assert sorted(item.kept for item in found) == [False, True]
    offered = leftovers.newest_session(found)
    assert not offered.kept and [c.title for c in offered.companions] == [XOR_TITLE]

    again = autosaving(qtbot, settings, folder)  # the next start

    def click_restore() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click_restore)
            return
        assert f"• {XOR_TITLE}" in box.text()
        assert "04" in box.text()
        next(b for b in box.buttons() if b.text() == "Restore").click()

    QTimer.singleShot(20, click_restore)
    assert again.offer_restore()
    doc = again.document
    assert doc.origin.path == example_path(COLLAPSE).resolve() and doc.path is None
    assert doc.modified and doc.network.synapses[key].weight == 0.75
    assert again.lesson_copies.titles() == [XOR_TITLE]
    assert "1 more lesson" in again.statusBar().currentMessage()
    settle(again)
    names = {p.name.split("~")[0].split(".")[0] for p in folder.glob("*.json")}
    assert names == {again.recovery.session}  # the old session's files are gone
    again.open_file(example_path(XOR))  # the kept copy, as before the end
    doc = again.document
    assert doc.title == XOR_TITLE and doc.modified and doc.path is None
    assert doc.network.synapses[EDGE].weight == 2.5
    again.recovery.close()
    assert list(folder.iterdir()) == []


def test_sigterm_with_only_kept_copies_keeps_them_and_discard_drops_all(
    qtbot, settings, dialogs, folder, shipped_bytes, monkeypatch
):
    window = autosaving(qtbot, settings, folder)
    for name in (XOR, COLLAPSE):
        window.open_file(example_path(name))
        edit(window, first_key(window), 0.25)
    window.new_file()  # both kept; the open document is new and unchanged
    settle(window)
    assert len(kept_files(folder)) == 4
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))  # the test runs on
    window.terminate()  # what SIGTERM does: no question, nothing open to keep but these
    assert not window.isVisible() and dialogs.calls == []
    assert len(kept_files(folder)) == 4 and not list(folder.glob("*.lock"))
    again = autosaving(qtbot, settings, folder)
    asked = []

    def later(_parent, leftover, _requested):
        asked.append([leftover.title, *(c.title for c in leftover.companions)])
        return "later"

    assert not again.recovery.offer_restore(again.open_network, again, ask=later)
    assert len(asked[0]) == 2 and XOR_TITLE in asked[0]  # both offered, one question
    assert again.recovery.offer_restore(again.open_network, again, ask=lambda *a: "restore")
    doc = again.document
    assert doc.origin is not None and doc.modified and doc.title == asked[0][0]
    assert again.lesson_copies.titles() == asked[0][1:]
    settle(again)
    assert len(kept_files(folder)) == 2  # the other one, under the new session's name
    again.recovery.close(keep=True)
    doc.undo_stack.setClean()
    third = autosaving(qtbot, settings, folder)
    assert not third.recovery.offer_restore(third.open_network, third, ask=lambda *a: "discard")
    assert third.lesson_copies.titles() == [] and sidecars(folder) == {}
    third.recovery.close()


def test_a_kept_copy_killed_before_its_sidecar_is_offered_as_untitled(
    qtbot, settings, dialogs, folder, shipped_bytes
):
    window = autosaving(qtbot, settings, folder)
    window.open_file(example_path(XOR))
    edit(window)
    window.new_file()
    settle(window)
    [sidecar] = folder.glob("*~kept-*.recovery.json")
    sidecar.unlink()  # killed between the network file and its sidecar
    assert leftovers.leftovers(folder) == []  # that session still runs
    window.recovery._lock.unlock()  # as if the process had died
    [found] = leftovers.leftovers(folder)
    assert found.kept and found.title == "Untitled" and found.lesson_path is None
    again = autosaving(qtbot, settings, folder)
    assert again.recovery.offer_restore(again.open_network, again, ask=lambda *a: "restore")
    doc = again.document
    assert doc.path is None and doc.origin is None and doc.modified  # nothing to point at
    assert doc.network.synapses[EDGE].weight == 2.5
    again.recovery.close()
    assert list(folder.iterdir()) == []


# ------------------------------------------------------------------- quitting
def test_quitting_asks_once_naming_each_lesson_and_discard_discards(
    qtbot, settings, dialogs, folder, shipped_bytes
):
    window = autosaving(qtbot, settings, folder)
    for name in (XOR, COLLAPSE, "01-threshold"):
        window.open_file(example_path(name))
        edit(window, first_key(window), 0.25)  # the last one stays open, changed
    titles = [*window.lesson_copies.titles(), window.document.title]
    assert len(set(titles)) == 3
    dialogs.answer = Button.Cancel
    window.close()
    assert window.isVisible() and dialogs.kinds() == ["warning"]  # one question, not two
    text = dialogs.texts("warning")[0]
    assert all(f"• {title}" in text for title in titles)
    assert len(window.lesson_copies) == 2 and window.document.modified  # Cancel: all kept
    settle(window)
    assert len(kept_files(folder)) == 4
    dialogs.answer = Button.Discard
    window.close()
    assert not window.isVisible() and dialogs.kinds() == ["warning", "warning"]
    assert len(window.lesson_copies) == 0
    settle(window)
    assert kept_files(folder) == []  # gone from the recovery folder too
    window.recovery.close()
    assert list(folder.iterdir()) == []


# --------------------------------------------------------------- a real process
CHILD = textwrap.dedent("""
    import json, os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox
    from neurosim.paths import resource_path
    from neurosim.ui import app as ns_app
    from neurosim.ui.commands import SetWeight

    qapp = ns_app.application()
    mode = sys.argv[1]
    XOR = resource_path("examples", "03b-xor-hidden-layer.nsim.json")
    COLLAPSE = resource_path("examples", "04-linear-collapse.nsim.json")

    def window():
        from neurosim.ui.mainwindow import MainWindow
        found = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)]
        return found[0] if found else None

    def later(f, ms=50):
        QTimer.singleShot(ms, f)

    def set_first(doc, value):
        doc.push(SetWeight(doc.network, next(iter(doc.network.synapses)), value))

    def edit():  # phase 1: change 03b, page on to 04, change it, wait for the end
        w = window()
        if w is None or w.document.origin is None:
            return later(edit)
        doc = w.document
        doc.push(SetWeight(doc.network, ("x1", "h_or"), 2.5))
        w.open_file(COLLAPSE)
        set_first(w.document, 0.75)
        print("edited", flush=True)

    def answer():  # phase 2: press Restore, look at both lessons, quit
        box = qapp.activeModalWidget()
        if box is None or box.objectName() != "restore_dialog":
            return later(answer)
        text = box.text()
        next(b for b in box.buttons() if b.text() == "Restore").click()
        later(lambda: report(text), 300)

    def report(text):
        w = window()
        doc = w.document
        seen = {"asked": text, "open": doc.title, "modified": doc.modified,
                "kept": w.lesson_copies.titles(),
                "collapse": doc.network.synapses[next(iter(doc.network.synapses))].weight}
        w.open_file(XOR)
        seen["xor"] = w.document.network.synapses[("x1", "h_or")].weight
        seen["xor_path"] = str(w.document.path)
        print(json.dumps(seen), flush=True)
        later(discard_on_close, 100)
        w.close()

    def discard_on_close():  # "Changed lessons": Discard
        box = qapp.activeModalWidget()
        if box is None:
            return later(discard_on_close)
        print("closing:", json.dumps(box.text()), flush=True)
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole:
                button.click()

    if mode == "edit":
        later(edit)
        sys.exit(ns_app.run_gui(str(XOR)))
    later(answer)
    sys.exit(ns_app.run_gui(None))
""")


def _child(tmp_path, mode: str) -> subprocess.Popen:
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NEUROSIM_AUTOSAVE_MS": "60000",  # only what keeping a copy writes at once
        "NEUROSIM_RECOVERY_DIR": str(tmp_path / "recovery"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.Popen(
        [sys.executable, str(script), mode],
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


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_a_killed_or_terminated_app_gives_the_kept_lesson_back(tmp_path, how, shipped_bytes):
    sig = getattr(signal, how, None)
    if sig is None:
        pytest.skip(f"needs {how}")
    folder = tmp_path / "recovery"
    first = _child(tmp_path, "edit")
    try:
        assert first.stdout is not None
        line = first.stdout.readline()
        assert line.strip() == "edited", first.stderr.read() if first.stderr else ""

        def kept_written() -> bool:  # a kill must not come before the copy was written
            return any(s.get("kept") for s in sidecars(folder).values())

        _wait_for(kept_written)
        first.send_signal(sig)
        out, err = first.communicate(timeout=60)
    finally:
        first.kill()
    if how == "SIGTERM":
        assert first.returncode == 0, err  # closed like a quit, asking nothing
    else:
        assert first.returncode == -signal.SIGKILL
    assert not [p for p in folder.glob("*.lock")] or how == "SIGKILL"

    second = _child(tmp_path, "restore")
    try:
        out, err = second.communicate(timeout=90)
    finally:
        second.kill()
    assert second.returncode == 0, err
    lines = out.strip().splitlines()
    seen = json.loads(next(line for line in lines if line.startswith("{")))
    assert XOR_TITLE in seen["asked"]  # the offer names the kept lesson
    if how == "SIGTERM":  # the open document's edit was written when the session ended
        assert f"• {XOR_TITLE}" in seen["asked"]  # listed beside the open document
        assert seen["open"].startswith("04") and seen["collapse"] == 0.75
        assert seen["modified"] and seen["kept"] == [XOR_TITLE]
    else:  # killed before the open document's autosave: the kept copy is what there is
        assert seen["open"] == XOR_TITLE and seen["kept"] == []
    assert seen["xor"] == 2.5 and seen["xor_path"] == "None"  # a copy, never the shipped file
    closing = json.loads(lines[-1].removeprefix("closing: "))
    assert XOR_TITLE in closing  # quitting names it
    assert list(folder.iterdir()) == []  # the clean quit removed everything
