"""The core's text and the files' text in Simplified Chinese (issue 19), English otherwise.

The core marks its text (neurosim/core/text_marks.py) and stays English for the command
line; the window translates it where it shows it (neurosim/ui/core_text.py). A lesson file
gives its title, notes and instructions per language; the window shows its language's.
"""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
from __future__ import annotations

from exercise_helpers import exercise_window
from i18n_sweep import english_left, english_words
from lessons_helpers import example_path, lessons  # noqa: F401 - fixture

from neurosim.core.activations import REGISTRY
from neurosim.core.builders import layered_network
from neurosim.core.exercise.reading import exercise_of
from neurosim.core.localized_text import in_language
from neurosim.core.training_diagnosis import divergence_message, start_problems
from neurosim.ui.core_text import activation_title, core_text, gallery, param_description
from neurosim.ui.inspector.parts import activation_combo, lock_reason
from neurosim.ui.lessons.gallery import menu_text

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

XOR = "03b-xor-hidden-layer"


def symmetric_network():
    net = layered_network([2, 3, 1], "step", seed=0)
    for s in net.synapses.values():
        net.set_weight((s.source, s.target), 0.5)
    for n in net.of_kind("hidden"):
        net.set_bias(n.id, 0.0)
    return net


# ------------------------------------------------------------------ the core's text
def test_activations_are_named_in_chinese(zh_cn, qtbot) -> None:
    assert activation_title(REGISTRY["step"]) == "阶跃 (Heaviside)"
    assert activation_title(REGISTRY["linear"]) == "线性"
    assert param_description(REGISTRY["step"].params[0]).startswith("θ: ")  # its label: θ
    combo = activation_combo(None)
    qtbot.addWidget(combo)
    assert combo.itemText(0) == "阶跃 (Heaviside)" and combo.itemData(0) == "step"
    tips = [combo.itemData(i, 3) for i in range(combo.count())]  # Qt.ToolTipRole
    assert all("y =" in tip for tip in tips)
    left = [(where, text) for where, text in english_left(combo) if where != "QComboBox tooltip"]
    assert left == []  # (the combo's own tooltip is the inspector's text)
    assert REGISTRY["step"].title == "Step (Heaviside)"  # the core (and the CLI) stay English


def test_activations_stay_english_in_english(qtbot) -> None:
    combo = activation_combo(None)
    qtbot.addWidget(combo)
    assert combo.itemText(0) == "Step (Heaviside)"


def test_why_it_cannot_learn_in_chinese(zh_cn) -> None:
    problems = start_problems(symmetric_network())
    kinds = [p.kind for p in problems]
    assert kinds == ["symmetry", "step"]
    english = [str(p.text) for p in problems]
    assert english[0].startswith("h1, h2 and h3 start with the same weights and bias")
    assert english[1].startswith("h1, h2, h3 and y1 use the step activation")
    chinese = [core_text(p.text) for p in problems]
    assert chinese[0].startswith("h1, h2 和 h3 的初始权重和偏置完全相同")
    assert chinese[1].startswith("h1, h2, h3 和 y1 使用阶跃激活函数")
    text = divergence_message(7, 5e3, 0.25, 0.5)
    assert str(text).startswith("training diverged at epoch 7 — try a smaller learning rate")
    assert core_text(text) == (
        "训练在第 7 轮发散——请尝试更小的学习率（例如 0.05）：损失从 0.25 增长到 5e+03，"
        "每一步都比上一步更远地冲过最小值"
    )


def test_the_diagnosis_reads_as_before_in_english() -> None:
    problems = start_problems(symmetric_network())
    assert core_text(problems[0].text) == problems[0].text  # untranslated: the English
    assert core_text(None) == "" and core_text("plain") == "plain"


# ------------------------------------------------------------------ the files' text
def test_the_gallery_and_notes_in_chinese(zh_cn, lessons, qtbot) -> None:
    window, ui = lessons
    assert {i.name: i.title for i in gallery()}[XOR] == "为什么 XOR 需要隐藏层"
    ui.gallery.menu.aboutToShow.emit()
    texts = [a.text() for a in ui.gallery.menu.actions()]
    assert "03b  为什么 XOR 需要隐藏层" in texts
    assert window.open_file(example_path(XOR))
    qtbot.waitUntil(ui.notes_dock.isVisible)
    assert ui.notes.title.text() == "为什么 XOR 需要隐藏层"
    assert ui.notes.plain_text().startswith("XOR 在恰好一个输入为 1 时激发。")
    assert english_left(ui.notes.browser) == []
    assert window.document.title == "03b 为什么 XOR 需要隐藏层 — 来自示例库"
    assert "来自示例库" in window.windowTitle()


def test_the_gallery_and_notes_in_english(lessons, qtbot) -> None:
    window, ui = lessons
    ui.gallery.menu.aboutToShow.emit()
    assert menu_text(ui.gallery.items[4]) == "03b  Why XOR needs a hidden layer"
    assert window.open_file(example_path(XOR))
    qtbot.waitUntil(ui.notes_dock.isVisible)
    assert ui.notes.title.text() == "Why XOR needs a hidden layer"
    assert ui.notes.plain_text().startswith("XOR fires when exactly one input is 1.")
    assert window.document.title == "03b Why XOR needs a hidden layer — from the gallery"


def test_an_exercise_in_chinese(zh_cn, qtbot, settings, dialogs) -> None:
    window, ui = exercise_window(qtbot, settings, "and-gate.nsim.json")
    panel = ui.panel
    assert panel.instructions.toPlainText().startswith("用一个神经元实现 AND")
    network = window.document.network
    first_hint = in_language(network.extra["exercise"]["hints"][0], "zh_CN")
    panel.show_next_hint()
    assert panel.hint_texts() == [first_hint]
    assert "真值表" in panel._heading(0)  # noqa: SLF001 - the goal's own title, in Chinese
    assert window.document.title == "用一个神经元实现 AND — 练习"
    # the goals' checks in Chinese: x1=0, x2=0 → y = 0 ± 0.1 / 得到 y = 1
    rows = [row.text.text() for row in panel.rows[:-1]]
    assert "得到 y = 1" in rows[0] and "最多 0 个隐藏神经元" not in rows[-1]
    assert "没有隐藏神经元" in rows[-1] and "网络有 0 个隐藏神经元" in rows[-1]
    assert all(not english_words(row.split("<br>")[1]) for row in rows)
    reason = lock_reason(window.document, "activation", "y")  # locked: part of the task
    assert reason == "已被练习锁定：y 的激活函数是任务的一部分"
    assert core_text(reason) == reason


def test_the_checks_stay_english_for_the_command_line(qtbot, settings, dialogs) -> None:
    window, ui = exercise_window(qtbot, settings, "and-gate.nsim.json")
    assert "got y = 1" in ui.panel.rows[0].text.text()
    assert lock_reason(window.document, "activation", "y") == (
        "locked by the exercise: the activation of y is part of the task"
    )


def test_the_live_equation_and_sources_in_chinese(zh_cn) -> None:
    import numpy as np

    from neurosim.core import fileformat
    from neurosim.core.engine import Engine
    from neurosim.core.explain import equation
    from neurosim.core.sources import SOURCE_KINDS

    net = fileformat.load(example_path("01-threshold"))  # a step neuron: 11 fires
    engine = Engine(net)
    text = equation(net, engine.evaluate(np.array([[1.0, 1.0]])), "y")
    assert str(text).endswith("= 1.000 (fired)")  # the English, as `neurosim eval` would say it
    assert core_text(text).endswith("= 1.000（激发）") and core_text(text).startswith("z = ")
    assert core_text(equation(net, engine.evaluate(np.array([[1.0, 1.0]])), "x1")) == (
        "x1 = 1.00（输入值）"
    )
    engine.detach()
    assert core_text(SOURCE_KINDS["sine"].title) == "正弦波"
    assert core_text(SOURCE_KINDS["sine"].fields[1].description) == "每个周期的步数"


def test_the_lesson_data_and_what_data_a_network_needs_in_chinese(zh_cn) -> None:
    from neurosim.core import fileformat
    from neurosim.core.dataset_fit import lesson_dataset, shape_needed

    xor = lesson_dataset(fileformat.load(example_path(XOR)))
    assert xor is not None and xor.name == "XOR truth table"
    assert core_text(xor.name) == "XOR 真值表"
    exercise = fileformat.load(
        example_path("03a-logic-gates").parents[1] / "exercises" / "and-gate.nsim.json"
    )
    data = lesson_dataset(exercise)
    assert data is not None and data.name == "Exercise: Truth table"
    assert core_text(data.name) == "练习：真值表"  # the goal's own title, in Chinese
    wide = layered_network([3, 2, 1], "relu", seed=0)
    english = shape_needed(wide)
    assert english.startswith("this network has 3 inputs and 1 output, so it needs data with 3")
    assert core_text(english).startswith(
        "这个网络有 3 个输入和 1 个输出，所以需要包含 3 个输入列（x1, x2, x3）和 1 个目标列（y1）"
    )


def test_a_refused_synapse_says_why_in_chinese(zh_cn) -> None:
    from neurosim.core.text_marks import message_of

    net = layered_network([2, 2, 1], "relu", seed=0)
    refused = net.connection_problem("y1", "h1")
    assert refused is not None and str(refused).startswith("connecting y1 → h1 would create")
    assert core_text(message_of(refused)).startswith("连接 y1 → h1 会形成环路 ")
    self_loop = net.connection_problem("h1", "h1")
    assert core_text(message_of(self_loop)) == "神经元不能连接到自己（h1 → h1）"


def test_ink_tools_and_losses_in_chinese(zh_cn) -> None:
    from neurosim.core.ink import COLOURS, Tool
    from neurosim.core.losses import LOSS_DESCRIPTIONS

    assert [core_text(t.title) for t in Tool] == ["激光笔", "笔", "荧光笔", "橡皮擦"]
    assert [core_text(c.name) for c in COLOURS] == ["红色", "蓝色", "黄色"]
    assert core_text(LOSS_DESCRIPTIONS["mse"]).startswith("均方误差")
    assert Tool.PEN.title == "Pen"  # the core keeps its English


def test_authoring_in_chinese_edits_only_the_chinese(zh_cn, qtbot, settings, dialogs) -> None:
    window, ui = exercise_window(qtbot, settings, "and-gate.nsim.json")
    before = exercise_of(window.document.network)
    dialog = ui.authoring()
    assert dialog.title.text() == "练习：用一个神经元实现 AND"
    assert dialog.instructions.html() == before.instructions["zh_CN"]
    dialog.title.setText("练习：与门")
    hints = dialog.hints.toPlainText().splitlines()
    dialog.hints.setPlainText("\n".join([hints[0] + "！", *hints[1:]]))
    network = dialog.exercise_network()
    assert network.meta["title"] == {"en": "Exercise: AND with one neuron", "zh_CN": "练习：与门"}
    after = exercise_of(network)
    assert after.instructions == before.instructions  # unchanged: both languages kept
    assert after.hints[0] == {"en": before.hints[0]["en"], "zh_CN": hints[0] + "！"}
    assert after.hints[1:] == before.hints[1:]
    assert after.goals[0].title == before.goals[0].title == {"en": "Truth table", "zh_CN": "真值表"}
    dialog.close()


def test_data_that_does_not_fit_says_why_in_chinese(zh_cn) -> None:
    from neurosim.core.datasets import builtin
    from neurosim.core.text_marks import message_of
    from neurosim.core.training import Trainer, TrainingError

    net = layered_network([2, 2, 1], "relu", seed=0)  # a ReLU output
    try:
        Trainer(net, builtin("xor", 4, 0.0, 0).with_names(["x1", "x2"], ["y1"]), loss="bce")
    except TrainingError as exc:
        english, chinese = str(exc), core_text(message_of(exc))
    assert english.startswith("the bce loss needs outputs between 0 and 1, but output 'y1'")
    assert chinese.startswith("bce 损失要求输出在 0 和 1 之间，但输出 'y1' 使用的是 relu")
