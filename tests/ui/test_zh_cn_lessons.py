"""The lecture parts in Simplified Chinese: start page, examples, exercises, notes,
presentation mode and its settings, the exercise panel and the authoring dialog.

What the files say (example titles and descriptions, notes, exercise titles, goal titles,
instructions) is the files' own text, in whatever language they carry: each test takes
those strings out of the texts it checks (:func:`english_outside`), so only the fixed
text around them must be Chinese. The goals' ✓/✗ lines are written by the core's checks
(``neurosim.core.exercise``), outside these folders: they count as the files' text here.
"""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
from __future__ import annotations

from collections.abc import Iterable
from html import escape

import pytest
from exercise_helpers import EXERCISES
from i18n_sweep import english_left, english_words
from lessons_helpers import example_path, lessons  # noqa: F401 - fixture
from PySide6.QtWidgets import QWidget

from neurosim.ui.core_text import localized
from neurosim.ui.exercises.exercise_ui import SOLVED_MESSAGE
from neurosim.ui.exercises.lock_notes import lock_notes
from neurosim.ui.exercises.target_table import TableError
from neurosim.ui.i18n import translate
from neurosim.ui.lessons.exercises_dialog import instructions_of
from neurosim.ui.lessons.presentation_settings import PresentationSettings
from neurosim.ui.number_box import NumberBox

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def english_outside(root: QWidget, content: Iterable[str]) -> list[tuple[str, str]]:
    """``english_left(root)`` with the files' own strings (``content``) taken out of each
    text first: what is left is the fixed UI text, which must hold no English."""
    pieces = sorted({c for c in content if c}, key=len, reverse=True)
    left = []
    for where, text in english_left(root):
        for piece in pieces:
            text = text.replace(piece, " ")
        if english_words(text):
            left.append((where, text))
    return left


def number_box_lines(root: QWidget) -> list[str]:
    """The line a NumberBox adds to its tooltip (what may be typed): number_box.py's text,
    outside these folders."""
    return [line for box in root.findChildren(NumberBox) for line in box.toolTip().splitlines()[1:]]


def info_texts(infos) -> list[str]:
    return [localized(t) for info in infos for t in (info.title, info.description, info.problem)]


def exercise_texts(window, ui) -> list[str]:
    """What an open exercise shows from its file and from the core's checks."""
    controller = ui.controller
    texts = [localized(window.document.network.meta.get("title", ""))]
    texts += [localized(g.title) for g in controller.exercise.goals]
    for result in controller.results + controller.lock_results:
        texts += [result.label, result.detail]
    return texts + [escape(t) for t in texts]


def test_the_start_page_is_chinese(zh_cn, lessons, qtbot):
    window, ui = lessons
    page = ui.show_start_page()
    qtbot.addWidget(page)
    command = "neurosim check"  # a command to type: the same in every language
    assert english_outside(page, [*info_texts(ui.gallery.items), command]) == []
    assert page.windowTitle() == "起始页 — NeuroSim"
    assert page.new_button.text() == "新建空白网络"
    assert page.show_at_start.text() == "启动 NeuroSim 时显示此页"
    page.reject()


def test_the_examples_menu_and_the_exercises_dialog_are_chinese(zh_cn, lessons, qtbot):
    window, ui = lessons
    gallery = ui.gallery
    assert english_outside(gallery.menu, info_texts(gallery.items)) == []
    assert gallery.menu.title() == "示例(&X)"
    assert gallery.next_action.text() == "下一个示例(&N)"
    assert ui.exercises_action.text() == "练习(&X)…"
    assert ui.start_page_action.text() == "起始页(&S)"
    dialog = ui.show_exercises()
    assert english_left(dialog) == []
    assert dialog.windowTitle() == "练习 — NeuroSim"
    assert dialog.open_button.text() == "打开(&O)"
    assert instructions_of(example_path("03b-xor-hidden-layer")) == "<p>此文件没有练习部分。</p>"
    dialog.reject()


def test_the_notes_panel_is_chinese(zh_cn, lessons):
    window, ui = lessons
    assert window.open_file(example_path("03b-xor-hidden-layer"))
    lesson = ui.lesson
    assert lesson is not None and ui.notes.has_notes
    assert english_outside(ui.notes_dock, [localized(lesson.title)]) == []
    assert ui.notes_dock.windowTitle() == "注意要点"
    if lesson.view.train is not None:
        assert ui.notes.hint.text().startswith(f"建议训练：{lesson.view.train.epochs} 轮 · ")
    ui.notes.set_lesson(None)
    assert ui.notes.empty.text().startswith("此网络没有说明。")


def test_an_open_exercise_is_chinese(zh_cn, lessons, qtbot):
    window, ui = lessons
    assert window.open_file(EXERCISES / "and-gate.nsim.json")
    qtbot.wait(1)
    exercises = window.exercises
    panel = exercises.panel
    assert exercises.controller.exercise is not None and panel.rows
    content = exercise_texts(window, exercises)
    assert english_outside(exercises.dock, content) == []
    assert exercises.dock.windowTitle() == "练习"
    done, total = exercises.controller.passed_count
    assert panel.banner.text() == f"{total} 项检查中已通过 {done} 项"
    hints = len(exercises.controller.exercise.hints)
    assert hints and panel.hint_button.text() == f"显示提示 1/{hints}"
    for _ in range(hints):
        panel.show_next_hint()
    assert panel.hint_button.text() == f"{hints} 条提示已全部显示"
    assert "提示 1：" in panel.instructions.toPlainText()
    # the status bar's word when the last goal is met (the window shows it, translated)
    assert translate("ExerciseUI", SOLVED_MESSAGE).startswith("练习已完成 ✓")
    assert english_outside(exercises.dock, content) == []


def test_the_locks_speak_chinese(zh_cn, lessons, qtbot):
    window, ui = lessons
    assert window.open_file(EXERCISES / "and-gate.nsim.json")
    qtbot.wait(1)
    controller = window.exercises.controller
    neurons, synapses, _partial = lock_notes(controller.policy, window.document.network)
    ids = [n.id for n in window.document.network] + [n.label for n in window.document.network]
    for text in [*neurons.values(), *synapses.values()]:
        plain = text
        for nid in sorted(filter(None, ids), key=len, reverse=True):
            plain = plain.replace(nid, " ")
        assert english_words(plain) == [], text
    assert any(t.startswith("被练习锁定：") for t in [*neurons.values(), *synapses.values()])


def test_the_authoring_dialog_is_chinese(zh_cn, lessons, qtbot):
    window, ui = lessons
    assert window.open_file(EXERCISES / "and-gate.nsim.json")
    qtbot.wait(1)
    dialog = window.exercises.authoring()
    content = exercise_texts(window, window.exercises) + number_box_lines(dialog)
    assert english_outside(dialog, content) == []
    assert dialog.windowTitle() == "练习编写"
    assert [dialog.tabs.tabText(i) for i in range(4)] == ["说明", "目标", "锁定", "提示"]
    assert dialog.allowed["step"].text() == "阶跃"
    # the lock tree's rows: neuron ids and labels are names, the rest is Chinese
    network = window.document.network
    names = sorted({n.id for n in network} | {n.label for n in network if n.label}, key=len)
    tree = dialog.locks
    tree.only_selection.setChecked(False)
    rows = []
    stack = [tree.tree.invisibleRootItem()]
    while stack:
        item = stack.pop()
        for i in range(item.childCount()):
            stack.append(item.child(i))
            rows.append(item.child(i).text(0))
    assert rows
    for text in rows:
        plain = text
        for name in reversed(names):
            plain = plain.replace(name, " ")
        assert english_words(plain) == [], text
    # the truth table takes the firing words in Chinese and writes the English ones
    table = dialog.table
    table.table.setRowCount(0)
    table.add_row({}, {table.outputs[0]: "fired"})
    assert table.table.item(0, len(table.inputs)).text() == "激发"
    table.table.item(0, len(table.inputs)).setText("未激发")
    assert table.goal_dict()["rows"][0]["expect"] == {table.outputs[0]: "not fired"}
    table.table.item(0, len(table.inputs)).setText("也许")
    with pytest.raises(TableError, match="真值表第 1 行"):
        table.goal_dict()
    dialog.close()


def test_presentation_mode_and_its_settings_are_chinese(zh_cn, lessons, qtbot):
    window, ui = lessons
    p = ui.presentation
    assert p.toggle_action.text() == "演示模式(&P)"
    assert p.settings_action.text() == "演示设置(&S)…"
    assert p.leave_action.text() == "退出演示模式"
    p.enter()
    qtbot.waitUntil(window.isFullScreen)
    bar = p._saved.title_bar
    assert bar is not None and bar.windowTitle() == "标题"
    assert english_outside(bar, [bar.full_title]) == []
    p.leave()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    dialog = PresentationSettings(p, window)
    qtbot.addWidget(dialog)
    assert english_outside(dialog, number_box_lines(dialog)) == []
    assert dialog.windowTitle() == "演示设置"
    assert dialog.boxes["notes"].text() == "显示“注意要点”"
