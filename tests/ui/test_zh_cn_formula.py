"""The New Activation dialog in Simplified Chinese: no English left but formulas and names,
and the formula's errors said in Chinese, still marked at their column."""

from __future__ import annotations

from i18n_sweep import english_left
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from neurosim.core.builders import layered_network
from neurosim.ui.formula.dialog import NewActivationDialog
from neurosim.ui.formula.listing import CUSTOM, list_formulas
from neurosim.ui.inspector.parts import activation_combo


def formula_texts(dialog: NewActivationDialog) -> set[str]:
    """Texts that are formulas or names in any language (what the user typed, functions)."""
    return {
        dialog.caret.text(),
        dialog.functions.text(),
        dialog.derivative.text(),
        dialog.params.placeholderText(),
    }


def test_the_dialog_speaks_chinese(qtbot, zh_cn):
    dialog = NewActivationDialog(layered_network([2, 2, 1], "tanh", seed=0))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # (a window an earlier test closed may still be the active one)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.windowTitle() == "新建激活函数"
    assert dialog.ok.text() == "加入网络"
    assert dialog.name_error.text() == "请为激活函数命名"
    dialog.formula.selectAll()
    qtbot.keyClicks(dialog.formula, "z * (1 +")
    assert dialog.formula_error.text() == "第 9 列：公式提前结束：缺少数字、z、参数或 ("
    assert dialog.caret.text().split("\n")[1] == " " * 8 + "^"
    left = [(w, t) for w, t in english_left(dialog) if t not in formula_texts(dialog)]
    assert left == []
    dialog.formula.selectAll()
    qtbot.keyClicks(dialog.formula, "z * expp(z)")
    assert dialog.formula_error.text() == "第 5 列：未知函数“expp”"
    assert dialog.hint.text() == "提示：是不是想写 exp？"
    titles = [dialog.library.item(i).text() for i in range(dialog.library.count())]
    assert "高斯函数" in titles and "弯曲恒等函数" in titles
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_inspector_offers_custom_in_chinese(qtbot, zh_cn):
    combo = activation_combo(None)
    qtbot.addWidget(combo)
    list_formulas(combo, layered_network([2, 1], "tanh"))
    assert combo.itemData(combo.count() - 1) == CUSTOM
    assert combo.itemText(combo.count() - 1) == "自定义…"
