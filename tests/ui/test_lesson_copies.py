"""Shipped lessons are never damaged (issue 13): examples and exercises open as untitled
copies named after their origin, Save asks where to put the copy and never writes into the
installed folder, File ▸ Revert to Original, changed copies kept for the session (paging in
presentation asks nothing), and autosave never points at a shipped file."""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
from __future__ import annotations

import json
from pathlib import Path

import pytest
from lessons_helpers import EXAMPLES, example_path, lessons  # noqa: F401 - fixture
from PySide6.QtCore import QMimeData, QPoint, QPointF, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from shell_helpers import Button, make_window

from neurosim.core import fileformat
from neurosim.core.shipped import is_shipped, origin_of
from neurosim.paths import resource_path
from neurosim.ui import lesson_copies
from neurosim.ui.commands import SetWeight
from neurosim.ui.lessons.gallery import menu_text

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

XOR = "03b-xor-hidden-layer"
XOR_TITLE = "03b Why XOR needs a hidden layer — from the gallery"
EDGE = ("x1", "h_or")  # weight 1.0 in 03b as shipped


@pytest.fixture
def documents(tmp_path, monkeypatch) -> Path:
    """The user's documents folder, in the test's own folder."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    where = QStandardPaths.writableLocation

    def writable(location):
        documents = QStandardPaths.StandardLocation.DocumentsLocation
        return str(folder) if location == documents else where(location)

    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(writable))
    assert lesson_copies.documents_folder() == folder
    return folder


@pytest.fixture
def shipped_bytes():
    """Every shipped lesson's bytes before the test; checked unchanged after it."""
    files = [*resource_path("examples").glob("*.json"), *resource_path("exercises").glob("*.json")]
    before = {path: path.read_bytes() for path in files}
    yield before
    assert {path: path.read_bytes() for path in files} == before


def open_example(ui, name: str = XOR) -> None:
    ui.gallery.menu.aboutToShow.emit()  # File ▸ Examples, as a user picks it
    info = next(i for i in EXAMPLES if i.name == name)
    action = next(a for a in ui.gallery.menu.actions() if a.text() == menu_text(info))
    action.trigger()


def weight(window) -> float:
    return window.document.network.synapses[EDGE].weight


def edit(window, value: float = 2.5) -> None:
    doc = window.document
    assert doc.push(SetWeight(doc.network, EDGE, value))


# ------------------------------------------------------------------- copies
def test_an_example_opens_as_an_untitled_copy_named_after_where_it_came_from(lessons):
    window, ui = lessons
    open_example(ui)
    doc = window.document
    assert doc.path is None and not doc.modified
    assert doc.origin.path == example_path(XOR).resolve()
    assert doc.title == XOR_TITLE
    assert window.windowTitle() == f"{XOR_TITLE}[*] — NeuroSim"
    assert "stays as shipped" in window.statusBar().currentMessage()
    assert window.open_file(resource_path("exercises", "and-gate.nsim.json"))
    assert window.document.title == "AND with one neuron — exercise"


def test_ctrl_s_on_an_example_asks_where_and_never_writes_the_shipped_file(
    lessons, dialogs, documents, shipped_bytes, qtbot
):
    window, ui = lessons
    open_example(ui)
    edit(window)
    dialogs.save_path = ""  # cancelled: nothing written, still changed
    qtbot.keyClick(window.canvas, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.kinds() == ["save_dialog"]
    assert dialogs.calls[0][2] == str(documents / f"{XOR}.nsim.json")  # the default place
    assert window.document.modified and window.document.origin is not None
    mine = documents / "my-xor.nsim.json"
    dialogs.save_path = str(mine)
    qtbot.keyClick(window.canvas, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert fileformat.load(mine).synapses[EDGE].weight == 2.5
    doc = window.document
    assert doc.path == mine and doc.origin is None and not doc.modified  # an ordinary file
    assert window.windowTitle() == "my-xor.nsim.json[*] — NeuroSim"
    assert window.recent_files()[0] == str(mine.resolve())
    edit(window, 3.0)
    qtbot.keyClick(window.canvas, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.kinds() == ["save_dialog", "save_dialog"]  # no dialog the third time
    assert fileformat.load(mine).synapses[EDGE].weight == 3.0


def test_save_as_never_suggests_the_shipped_folder_and_refuses_to_save_there(
    window, dialogs, settings, documents, shipped_bytes
):
    settings.setValue("last_dir", str(resource_path("examples")))  # an older version's
    assert window.new_file()
    dialogs.save_path = str(example_path(XOR))  # the user picks a shipped file anyway
    assert not window.save_as()
    assert Path(dialogs.calls[0][2]).parent == documents
    assert dialogs.kinds() == ["save_dialog", "critical"]
    assert "NeuroSim's own lessons folder" in dialogs.texts("critical")[0]
    dialogs.save_path = str(resource_path("examples", "new-one.nsim.json"))
    assert not window.save_as()
    assert not resource_path("examples", "new-one.nsim.json").exists()


def _open_by_dialog(window, dialogs, path: Path) -> None:
    dialogs.open_path = str(path)
    window.acts.open.trigger()


def _open_by_recent(window, dialogs, path: Path) -> None:
    window.settings.setValue("recent_files", [str(path)])  # listed by an older version
    window.fill_recent_menu()
    window.recent_menu.actions()[0].trigger()


def _open_by_drop(window, dialogs, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    where, action = QPoint(200, 200), Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(
        window.canvas.viewport(), QDragEnterEvent(where, action, mime, buttons, modifiers)
    )
    drop = QDropEvent(QPointF(where), action, mime, buttons, modifiers)
    QApplication.sendEvent(window.canvas.viewport(), drop)


def _open_by_command_line(window, dialogs, path: Path) -> None:
    window.open_file(str(path))  # what app.run_gui does with the file it was given


@pytest.mark.parametrize(
    "how", [_open_by_dialog, _open_by_recent, _open_by_drop, _open_by_command_line]
)
@pytest.mark.parametrize(
    "kind, name", [("examples", f"{XOR}.nsim.json"), ("exercises", "and-gate.nsim.json")]
)
def test_every_way_of_opening_a_shipped_file_opens_a_copy(
    window, dialogs, settings, how, kind, name
):
    path = resource_path(kind, name)
    how(window, dialogs, path)
    doc = window.document
    assert doc.origin is not None and doc.origin.path == path.resolve()
    assert doc.path is None
    assert doc.title.endswith("— from the gallery" if kind == "examples" else "— exercise")
    listed = [str(path)] if how is _open_by_recent else []
    assert window.recent_files() == listed  # a shipped file is never added to the list
    assert not is_shipped(settings.value("last_dir", "/nowhere"))


def test_a_path_outside_the_installed_lessons_is_an_ordinary_file(tmp_path):
    copy = tmp_path / f"{XOR}.nsim.json"
    copy.write_bytes(example_path(XOR).read_bytes())
    assert origin_of(copy) is None and not is_shipped(copy)
    assert is_shipped(example_path(XOR)) and origin_of(example_path(XOR)).kind == "examples"


# ------------------------------------------------------------------- revert
def test_revert_to_original_drops_the_changes_after_asking(lessons, dialogs, shipped_bytes):
    window, ui = lessons
    open_example(ui)
    revert = window.revert_action
    assert not revert.isEnabled()  # nothing to drop yet
    entries = [a.text() for a in window.menus.file.actions()]
    assert entries.index("Revert to &Original") == entries.index("Save &As…") + 1
    edit(window)
    assert revert.isEnabled() and revert.text() == "Revert to &Original"
    dialogs.answer = Button.Cancel
    revert.trigger()
    assert weight(window) == 2.5 and window.document.modified
    assert "Drop your changes to “03b" in dialogs.texts("warning")[0]
    dialogs.answer = Button.Discard
    revert.trigger()
    doc = window.document
    assert weight(window) == 1.0 and not doc.modified and doc.title == XOR_TITLE
    assert not revert.isEnabled()


def test_revert_to_saved_for_an_ordinary_file(window, dialogs, tmp_path):
    path = tmp_path / "mine.nsim.json"
    fileformat.save(window.document.network, path)
    assert window.open_file(path)
    doc = window.document
    assert not window.revert_action.isEnabled()
    assert doc.push(SetWeight(doc.network, ("x1", "y1"), 0.9))
    assert window.revert_action.text() == "Re&vert to Saved"
    window.revert_action.trigger()
    assert dialogs.kinds() == ["warning"]
    assert window.document.network.synapses[("x1", "y1")].weight != 0.9
    assert window.document.path == path and not window.document.modified


# ------------------------------------------------------------ kept for the session
def test_paging_in_presentation_keeps_an_edit_and_never_asks(
    lessons, dialogs, qtbot, shipped_bytes
):
    window, ui = lessons
    open_example(ui)
    qtbot.keyClick(window.canvas, Qt.Key.Key_F5)
    assert ui.presentation.active
    edit(window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageDown)
    assert window.document.origin.path == EXAMPLES[EXAMPLES.index(_info(XOR)) + 1].path.resolve()
    assert QApplication.activeModalWidget() is None
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageUp)
    doc = window.document
    assert doc.origin.path == example_path(XOR).resolve()
    assert weight(window) == 2.5 and doc.modified  # still there
    assert "changes are back" in window.statusBar().currentMessage()
    assert dialogs.calls == [] and QApplication.activeModalWidget() is None
    assert ui.presentation.active
    window.revert_action.trigger()  # Revert drops them (after asking)
    assert weight(window) == 1.0
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageDown)
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageUp)
    assert weight(window) == 1.0 and not window.document.modified


def _info(name: str):
    return next(i for i in EXAMPLES if i.name == name)


def test_the_examples_menu_and_the_exercises_keep_changes_too(lessons, dialogs):
    window, ui = lessons
    open_example(ui)
    edit(window)
    assert window.open_file(resource_path("exercises", "and-gate.nsim.json"))
    message = window.statusBar().currentMessage()
    assert message == f"Changes to “{XOR_TITLE.split(' — ')[0]}” kept until NeuroSim closes"
    assert window.new_file()
    open_example(ui)
    assert weight(window) == 2.5 and dialogs.calls == []


def test_closing_with_kept_lesson_changes_asks_once(lessons, dialogs, qtbot):
    window, ui = lessons
    open_example(ui)
    edit(window)
    open_example(ui, "04-linear-collapse")  # unchanged itself
    dialogs.answer = Button.Cancel
    window.close()
    assert window.isVisible()
    assert dialogs.kinds() == ["warning"]
    assert XOR_TITLE in dialogs.texts("warning")[0]
    dialogs.answer = Button.Discard
    window.close()
    assert not window.isVisible()


def test_a_lesson_copys_autosave_never_points_at_the_shipped_file(
    qtbot, settings, dialogs, tmp_path, shipped_bytes
):
    folder = tmp_path / "recovery"
    window = make_window(qtbot, settings, autosave=True, recovery_folder=folder)
    window.open_file(example_path(XOR))
    edit(window)
    assert window.recovery.autosave()
    window.recovery.flush()
    [sidecar] = folder.glob("*.recovery.json")
    side = json.loads(sidecar.read_text(encoding="utf-8"))
    assert side["original_path"] is None and side["original_digest"] is None
    assert side["lesson"] == str(example_path(XOR).resolve())
    assert side["title"] == XOR_TITLE
    window.recovery.close(keep=True)  # ends as a killed session would
    window.document.undo_stack.setClean()
    again = make_window(qtbot, settings, autosave=True, recovery_folder=folder)  # the next start
    assert again.recovery.offer_restore(again.open_network, again, ask=lambda *a: "restore")
    doc = again.document
    assert doc.path is None and doc.title == XOR_TITLE and doc.modified
    assert doc.network.synapses[EDGE].weight == 2.5
    doc.undo_stack.setClean()


def test_exercise_authoring_never_saves_into_the_shipped_folder(
    qtbot, settings, dialogs, documents, shipped_bytes
):
    window = make_window(qtbot, settings)
    assert window.open_file(resource_path("exercises", "and-gate.nsim.json"))
    dialog = window.exercises.authoring()
    dialogs.save_path = str(resource_path("exercises", "and-gate.nsim.json"))
    assert not dialog.save_as()  # the teacher picked the shipped file in the dialog
    assert dialogs.kinds()[-1] == "save_dialog"
    assert Path(dialogs.calls[-1][2]).parent == documents  # where the dialog started
    assert "NeuroSim's own lessons folder" in dialog.problem.text()
    dialog.close()
