"""The main window in Simplified Chinese: its menus, bars and dialogs hold no English.

Each test builds the window (or one of its dialogs) with the zh_CN catalog installed and
looks for English with :func:`english_left`. The menu bar also holds menus and actions that
other parts make in their own folders (training, lessons and exercises, plots, explain,
compare, presentation, scrub, canvas); those are translated and checked there, so here the
menu bar is checked for the menus and actions the window's own modules make
(:func:`own_actions`: actions.py, menus.py, mainwindow.py, files.py, lesson_copies.py,
code_export.py, report_export.py, theme.py, window_layout.py, truth_table/, ink/).
"""

from __future__ import annotations

import re

from i18n_sweep import english_left, english_words
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from neurosim.ui import i18n
from neurosim.ui.app import default_network
from neurosim.ui.commands import AddNeuron, DeleteItems
from neurosim.ui.errors import ErrorDialog, ErrorReport
from neurosim.ui.files import ask_outside_change, outside_change_text
from neurosim.ui.leftovers import Leftover, ask_restore
from neurosim.ui.mainwindow import MainWindow
from neurosim.ui.menus import ShortcutsDialog, shortcut_rows
from neurosim.ui.preferences import PreferencesDialog, restart_message

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings

TOP_MENUS = ("文件(&F)", "编辑(&E)", "视图(&V)", "工具(&T)", "帮助(&H)")


def zh_window(qtbot, settings: QSettings) -> MainWindow:
    """The window made while zh_CN is installed (its text is made in its constructor)."""
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.open_network(default_network())
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def menus(window: MainWindow) -> dict[str, QMenu]:
    """The menu bar's menus by title (with the mnemonic)."""
    return {a.text(): a.menu() for a in window.menuBar().actions() if a.menu() is not None}


def own_actions(window: MainWindow) -> list[QAction]:
    """The menu entries the window's own modules make (see the module docstring)."""
    acts = window.acts
    found = [a for a in vars(acts).values() if isinstance(a, QAction)]
    found += [*acts.tools.values(), *acts.adders.values(), *window.text_size_actions.values()]
    found += [*window.theme.actions.values(), *window.code_export.actions.values()]
    found += [window.revert_action, window.report.action, window.truth_table.action]
    found += [window.ink.action, window.code_export.menu.menuAction()]
    found += [window.recent_menu.menuAction(), *window.recent_menu.actions()]
    for menu in (window.menus.text_size, window.menus.panels):
        found.append(menu.menuAction())
    theme_menu = next(a for a in window.menus.view.actions() if a.text() == "主题(&H)")
    found.append(theme_menu)
    for dock in (window.inspector_dock, window.history_dock, window.truth_table.dock):
        found.append(dock.toggleViewAction())
    return [a for a in found if not a.isSeparator()]


#: code in a text, which stays as written: a call ``forward(x)``, a dotted name ``nn.Module``
CODE = re.compile(r"[\w.]+\([^)]*\)|\w+(?:\.\w+)+")


def english_in(action: QAction) -> list[str]:
    texts = (action.text(), action.toolTip(), action.statusTip(), action.iconText())
    return [t for t in texts if english_words(CODE.sub(" ", t))]


def test_the_menu_bar_is_chinese(zh_cn, qtbot, settings, dialogs) -> None:
    window = zh_window(qtbot, settings)
    bar = menus(window)
    assert all(title in bar for title in TOP_MENUS), list(bar)
    window.recent_menu.aboutToShow.emit()  # Open Recent fills itself when it opens
    shown = [a for menu in bar.values() for a in _walk(menu)]
    own = own_actions(window)
    in_menus = [a for a in own if a in shown]
    assert len(in_menus) > 40, "the window's own entries are in its menus"
    assert {id(a): english_in(a) for a in own if english_in(a)} == {}
    for title in TOP_MENUS:
        assert not english_words(bar[title].title())
    edit = [a.text() for a in bar["编辑(&E)"].actions()]
    assert "首选项(&F)…" in edit and "撤销(&U)" in edit
    file_menu = [a.text() for a in bar["文件(&F)"].actions()]
    assert {"新建(&N)", "打开(&O)…", "保存(&S)", "另存为(&A)…", "退出(&Q)"} <= set(file_menu)
    assert "最近打开(&R)" in file_menu and "导出为代码(&C)" in file_menu


def _walk(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        found.append(action)
        if action.menu() is not None:
            found += _walk(action.menu())
    return found


def test_bars_status_and_history_are_chinese(zh_cn, qtbot, settings, dialogs) -> None:
    window = zh_window(qtbot, settings)
    own = set(own_actions(window))
    palette = [a for a in window.palette_bar.actions() if a in own]
    assert len(palette) >= 8 and [english_in(a) for a in palette if english_in(a)] == []
    assert [a.iconText() for a in palette[:4]] == ["选择", "输入", "隐藏", "输出"]
    # (the status bar's other figures are the live plots', translated in plots/)
    assert not english_words(window.counts_label.text() + window.counts_label.toolTip())
    assert window.counts_label.text() == "3 个神经元，2 个突触"
    undo = window.acts.undo
    assert undo.text() == "撤销(&U)" and undo.iconText() == "撤销"
    doc = window.document
    doc.push(AddNeuron(doc.network, "hidden", (100.0, 0.0)))
    assert undo.text().startswith("撤销(&U) 添加隐藏神经元 ")
    assert undo.toolTip().startswith("撤销：添加隐藏神经元")
    doc.push(DeleteItems(doc.network, ["x1", "x2"], []))
    assert undo.text() == "撤销(&U) 删除 2 项"
    assert not doc.push(DeleteItems(doc.network, [], []))
    assert window.statusBar().currentMessage() == "无法执行：没有选择要删除的内容"
    assert english_left(window.history_dock) == []
    assert window.history_dock.windowTitle() == "历史记录"
    assert window.inspector_dock.windowTitle() == "属性面板"


def test_preferences_store_the_language(zh_cn, qtbot, settings, dialogs, monkeypatch) -> None:
    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)
    window = zh_window(qtbot, settings)
    dialog = PreferencesDialog(window.settings, window)
    qtbot.addWidget(dialog)
    assert english_left(dialog) == [] and dialog.windowTitle() == "首选项"
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["跟随系统", "English", "简体中文"]
    assert dialog.chosen() == "system"  # nothing stored yet
    dialog.language.setCurrentIndex(2)
    dialog.accept()
    assert window.settings.value(i18n.SETTING) == "zh_CN"
    assert i18n.chosen_language(window.settings) == "zh_CN"
    title, text = restart_message()
    assert dialogs.calls == [("information", title, text)] and title == "语言已更改"
    assert "重新启动" in text and not english_words(text.replace("NeuroSim", ""))
    again = PreferencesDialog(window.settings, window)
    qtbot.addWidget(again)
    assert again.chosen() == "zh_CN"
    again.accept()  # unchanged: no notice
    assert len(dialogs.calls) == 1
    again = PreferencesDialog(window.settings, window)
    qtbot.addWidget(again)
    again.language.setCurrentIndex(1)
    again.accept()
    assert i18n.chosen_language(window.settings) == "en" and len(dialogs.calls) == 2


def test_preferences_has_the_standard_keys(zh_cn, qtbot, settings, dialogs) -> None:
    window = zh_window(qtbot, settings)
    action = window.acts.preferences
    assert action.menuRole() == QAction.MenuRole.PreferencesRole
    assert action.shortcuts(), "Preferences needs a key (Ctrl+, where the platform has none)"


def test_dialogs_are_chinese(zh_cn, qtbot, settings, dialogs, monkeypatch) -> None:
    window = zh_window(qtbot, settings)
    error = ErrorDialog(ErrorReport("ZeroDivisionError: division by zero", "Traceback"), window)
    qtbot.addWidget(error)
    # the error's own words (Python's) and its traceback stay as they are
    left = [t for t in english_left(error) if "ZeroDivisionError" not in t[1]]
    assert left == [] and error.windowTitle() == "NeuroSim：意外错误"
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert english_left(dialog) == [] and dialog.windowTitle() == "键盘快捷键"
    rows = shortcut_rows(window)  # menus named as read: "文件", not "文件(F)"
    assert ("文件", "新建") in {row[:2] for row in rows}
    assert ("编辑", "首选项") in {row[:2] for row in rows}
    assert ("编辑", "撤销") in {row[:2] for row in rows}
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.document.undo_stack.resetClean()
    assert not window.maybe_save()
    window.code_export.export_to("numpy", "/proc/not-here/x.py")
    window.report.export_to("/proc/not-here/report.html")
    window.document.undo_stack.setClean()
    assert not window.open_file("/proc/not-here/net.nsim.json")  # (its reason is the core's)
    asked = [(title, text) for _kind, title, text in dialogs.calls]
    titles = [title for title, _text in asked]
    assert titles == ["未保存的更改", "无法导出", "无法导出报告", "无法打开文件"]
    assert "有尚未保存的更改" in asked[0][1]
    title = window.document.title  # the example's own title (translated with the examples)
    assert not english_words(asked[0][1].replace(title, ""))
    assert not english_words(outside_change_text("x", gone=False, saving=True).replace("x", ""))
    window.document.undo_stack.setClean()


def test_truth_table_and_ink_are_chinese(zh_cn, qtbot, settings, dialogs) -> None:
    window = zh_window(qtbot, settings)
    window.truth_table.show()
    assert english_left(window.truth_table.dock) == []
    assert window.truth_table.dock.windowTitle() == "真值表"
    grid = window.truth_table.panel.grid
    fired = {grid.item(r, grid.columnCount() - 1).text() for r in range(grid.rowCount())}
    assert fired <= {"是", "否"} and fired, fired
    window.ink.set_drawing(True)
    palette = window.ink.palette
    assert english_left(palette) == []
    assert palette.status.text() == "✎ 笔 · 红色"
    window.ink.set_drawing(False)


def answer_modal(qtbot, found: list[tuple[str, list, list[str]]], button: int) -> None:
    """When the next modal box shows: record its title, English left and buttons, then
    click its ``button``-th button."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        buttons = box.buttons()
        found.append((box.windowTitle(), english_left(box), [b.text() for b in buttons]))
        buttons[button].click()

    QTimer.singleShot(0, look)


def test_restore_and_outside_change_questions_are_chinese(zh_cn, qtbot, tmp_path) -> None:
    original = tmp_path / "mine.nsim.json"
    original.write_text("{}", encoding="utf-8")
    leftover = Leftover(
        tmp_path / "s.recovery.json", tmp_path / "s.nsim.json", original, "mine", 0.0, "0" * 64
    )
    found: list[tuple[str, list, list[str]]] = []
    answer_modal(qtbot, found, 0)
    ask_restore(None, leftover, requested=tmp_path / "other.nsim.json")
    answer_modal(qtbot, found, 0)
    ask_outside_change(None, "mine.nsim.json", gone=False, saving=True)
    titles = [title for title, _left, _buttons in found]
    assert titles == ["恢复未保存的工作？", "文件已在别处被更改"]
    # file names are what they are: only words outside them count
    left = [(where, text) for _t, lefts, _b in found for where, text in lefts]
    assert [t for _w, t in left if english_words(_names_out(t))] == []
    assert "恢复" in found[0][2] and "保留我的版本（另存为…）" in found[1][2]


def _names_out(text: str) -> str:
    return re.sub(r"\S*(mine|other)\S*", " ", text)
