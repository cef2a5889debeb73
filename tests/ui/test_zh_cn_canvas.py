"""The canvas, the inspector, the explanation and Compare With in Simplified Chinese
(issue 19): no English left where a user reads (menus, pages, tooltips, painted words),
and a few translations checked word for word.

Texts that come from ``neurosim/core`` (activation names, formulas and descriptions, the
sources' names, the equation) are translated by their own module, not here: they are set
aside by :func:`from_core`.
"""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
from __future__ import annotations

import warnings

import pytest
from i18n_sweep import english_left, english_words
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMenu
from shell_helpers import make_window

from neurosim.core import fileformat
from neurosim.core.activations import REGISTRY
from neurosim.core.model import Network
from neurosim.core.sources import SOURCE_KINDS
from neurosim.paths import resource_path
from neurosim.ui.canvas.menus import build_context_menu
from neurosim.ui.canvas.paint_record import PaintRecord
from neurosim.ui.number_box import NumberBox
from neurosim.ui.plots.activation_panel import ActivationPanel
from neurosim.ui.side.chooser import CompareChooser
from neurosim.ui.widgets import ValueSlider

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def from_core() -> set[str]:
    """Texts the core makes (another module translates them)."""
    texts: set[str] = set()
    for act in REGISTRY.values():
        texts |= {act.title, act.formula, act.description, f"{act.formula}\n{act.description}"}
        for spec in act.params:
            texts |= {spec.description, spec.description.partition(":")[0]}
    for kind in SOURCE_KINDS.values():
        texts.add(kind.title)
        texts |= {spec.description for spec in kind.fields}
    return texts


def left(widget, *also: str) -> list[tuple[str, str]]:
    """English left under ``widget``, texts from the core (and ``also``) set aside, and the
    parts other modules translate (and test): the value sliders, number boxes, plots."""
    core = from_core() | set(also)
    others = {
        found
        for kind in (ValueSlider, NumberBox, ActivationPanel)
        for part in widget.findChildren(kind)
        for found in english_left(part)
    }
    return [
        (w, text)
        for w, text in english_left(widget)
        if text not in core and (w, text) not in others
    ]


def english(text: str, network) -> list[str]:
    """English words of ``text`` once the neurons' labels and ids (the file's words) are
    taken out."""
    for neuron in sorted(network, key=lambda n: -len(n.label)):
        text = text.replace(neuron.label, " ")
    return [w for w in english_words(text) if w not in network.neurons]


def xor_window(qtbot, settings):
    net = fileformat.load(resource_path("examples", "03b-xor-hidden-layer.nsim.json"))
    return make_window(qtbot, settings, net)


def menu_texts(menu: QMenu) -> list[str]:
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        found.append(action.text())
        sub = action.menu()
        if isinstance(sub, QMenu):
            found.append(sub.title())
    return found


def test_inspector_pages_in_chinese(qtbot, settings, dialogs, zh_cn):
    window = xor_window(qtbot, settings)
    panel, canvas = window.inspector, window.canvas
    assert left(panel.hint) == []
    canvas.select(["h_or"])
    assert panel.currentWidget() is panel.neuron_page
    page = panel.neuron_page
    assert page.header.text().startswith("隐藏神经元 ")
    assert page.kind_label.text() == "隐藏"
    assert left(page, page.equation.text(), page.formula.text()) == []
    canvas.select(["x1"])
    assert page.header.text().startswith("输入神经元 ")
    assert left(page, page.equation.text()) == []
    editor = page.source_editor  # a sine: its fields' labels and units
    editor.kind.setCurrentIndex(editor.kind.findData("sine"))
    editor.kind.activated.emit(editor.kind.currentIndex())
    assert editor.form.labelForField(editor.fields["amplitude"]).text() == "振幅"
    assert editor.fields["period"].text().endswith(" 步")
    assert left(page, page.equation.text()) == []
    canvas.select(synapse_keys=[next(iter(window.document.network.synapses))])
    assert panel.currentWidget() is panel.synapse_page
    assert panel.synapse_page.header.text().startswith("突触 ")
    assert left(panel.synapse_page) == []
    canvas.select(["x1", "h_or", "h_nand"], [next(iter(window.document.network.synapses))])
    multi = panel.multi_page
    assert panel.currentWidget() is multi
    assert multi.header.text() == "已选中 3 个神经元和 1 个突触"
    assert left(multi) == []
    canvas.select(["h_or", "h_nand"])
    assert multi.header.text() == "已选中 2 个神经元"
    assert "全部 2 个选中的隐藏/输出神经元" in multi.note.text()


def test_canvas_menus_hints_and_painted_words_in_chinese(qtbot, settings, dialogs, zh_cn):
    window = xor_window(qtbot, settings)
    canvas = window.canvas
    empty = build_context_menu(canvas, canvas.mapToScene(canvas.viewport().rect().topLeft()))
    assert menu_texts(empty)[:3] == [
        "在此添加输入神经元",
        "在此添加隐藏神经元",
        "在此添加输出神经元",
    ]
    for item_id in ("h_or", "x1"):
        canvas.select()
        menu = build_context_menu(canvas, canvas.network_scene.neurons[item_id].scenePos())
        texts = menu_texts(menu)
        assert [t for t in texts if english_words(t) and t not in from_core()] == []
    assert "编辑数值…" in texts  # x1 is an input
    canvas.select(["h_or", "h_nand"])
    menu = build_context_menu(canvas, canvas.network_scene.neurons["h_or"].scenePos())
    assert menu_texts(menu)[:2] == ["删除 2 项", "编辑 2 个神经元的偏置…"]
    key = next(iter(window.document.network.synapses))
    synapse = canvas.network_scene.synapses[key]
    canvas.select()
    menu = build_context_menu(canvas, synapse.label_pos)
    assert menu_texts(menu) == ["删除", "编辑权重…"]
    # tooltips of the items, the legend's painted words, a badge, the status bar's hints
    for item in [*canvas.network_scene.neurons.values(), synapse]:
        assert english(item.toolTip(), window.document.network) == [], item.toolTip()
    assert (canvas.legend.fired_text, canvas.legend.silent_text) == ("激发", "静默")
    canvas.legend.grab()
    canvas.set_badges({"h_or": "✕ dead"})
    badge = next(
        c for c in canvas.network_scene.neurons["h_or"].childItems() if hasattr(c, "shown_text")
    )
    assert badge.shown_text == "✕ 死亡" and badge.toolTip().startswith("死亡 ReLU：")
    canvas.set_tool("hidden")
    assert window.statusBar().currentMessage() == "在空白处单击添加隐藏神经元 · Esc 返回选择"
    canvas.set_tool(None)
    assert english_words(window.statusBar().currentMessage()) == []
    canvas.auto_layout()
    canvas.auto_layout()
    assert window.statusBar().currentMessage() == "网络已经排好布局"
    # hovering a neuron's body, typing a bias in place
    body = canvas.network_scene.neurons["h_nand"]
    canvas.hover.update(canvas.mapFromScene(body.scenePos()), False, False)
    assert (
        window.statusBar().currentMessage() == "拖动可移动 h_nand · 双击可编辑其偏置 · Alt+滚轮微调"
    )
    canvas.edit_neuron("h_nand")
    assert canvas.editing.editor is not None and canvas.editing.editor.what == "h_nand 的偏置"
    assert window.statusBar().currentMessage().endswith("：输入一个数 · Enter 应用 · Esc 取消")
    canvas.editing.close()


def test_an_overflowed_face_says_so_in_chinese(qtbot, settings, dialogs, zh_cn):
    net = Network({"title": "Overflow"})
    net.add_neuron("input", "x1", position=(0, 0), value=1e200)
    net.add_neuron("hidden", "h1", position=(150, 0), activation="linear")
    net.add_synapse("x1", "h1", 1e200)  # z = 1e400: inf
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # (the overflow test hears none)
        window = make_window(qtbot, settings, net)
        canvas = window.canvas
        record = canvas.network_scene.style.record = PaintRecord()
        canvas.viewport().grab()
        assert record.neurons["h1"].value == "溢出"
        canvas.select(synapse_keys=[("x1", "h1")])
        contribution = window.inspector.synapse_page.contribution.text()
    assert "溢出：超过了" in contribution


def test_explain_mode_in_chinese(qtbot, settings, dialogs, zh_cn):
    window = xor_window(qtbot, settings)
    window.clock.pause()
    mode = window.explain
    assert mode.action.text() == "讲解前向传播(&X)"
    mode.start()
    assert mode.active
    seen = set()
    for _ in mode.beats:
        seen.add(mode.overlay.caption)
        net = window.document.network
        assert english(mode.overlay.caption, net) == [], mode.overlay.caption
        assert english_words(mode.point._caption) == []
        mode.forward()
    assert "输入" in seen
    assert mode.bar.count.text() == f"第 {len(mode.beats)} / {len(mode.beats)} 步"
    assert left(mode.bar) == []
    assert [mode.bar.pace.itemText(i) for i in range(3)] == ["慢", "中", "快"]
    assert mode.action.text() == "结束讲解(&X)"
    mode.end()


def test_compare_chooser_and_columns_in_chinese(qtbot, settings, dialogs, zh_cn):
    window = xor_window(qtbot, settings)
    chooser = CompareChooser(window)
    qtbot.addWidget(chooser)
    assert chooser.windowTitle() == "并排比较"
    # its words (the list holds the gallery's titles, which the gallery translates)
    for part in [*chooser.findChildren(QLabel), *chooser.findChildren(QDialogButtonBox)]:
        assert left(part) == []
    assert chooser.file_button.text() == "文件(&F)…"
    ui = window.compare
    assert ui.action.text() == "并排比较(&W)…"
    assert ui.open_path(resource_path("examples", "06b-dense-tanh.nsim.json"))
    area = window.centralWidget()
    titles = {c.header.text() for c in (ui.current.left, ui.current.right)}
    # the window's edit actions ride on its canvas: the window's part, tested with it
    window_actions = {f for f in english_left(window.canvas) if f[0].startswith("action")}
    assert [f for f in left(area, *titles) if f not in window_actions] == []
    ui.link_action.setChecked(True)
    assert ui.link_label.text() == "输入已按名称联动（2 个）：改变一边，另一边随之改变"
    painted = []
    for column in (ui.current.left, ui.current.right):
        column.telling.grab()
        painted += column.telling.painted
    assert [t for t in painted if english_words(t)] == []
    assert {"传到各层的梯度", "活跃隐藏神经元比例"} <= set(painted)  # XOR: gradients; 06b: share
    assert ui.close(ask=False)
