"""The live plots, the transport bar and the training panels in Simplified Chinese.

Besides what ``english_left`` reads (widgets, plot titles and axis labels) the texts drawn
inside the plots are read too: legends, the texts at points and regions, the colour bar's
label. Texts made by ``neurosim.core`` (activation and data set names, training messages)
are translated where they are shown by another part; they are taken out of the texts here.
"""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from i18n_sweep import MARKUP, english_left, english_words
from lessons_helpers import example_path
from PySide6.QtGui import QFontMetricsF
from shell_helpers import make_window

from neurosim.core.activations import REGISTRY
from neurosim.core.losses import LOSS_DESCRIPTIONS
from neurosim.core.training_options import LEARNING_RATE
from neurosim.ui.plots.style import fitted_title, font

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def drawn_texts(root) -> list[tuple[str, str]]:
    """(where, text) of the texts inside every pyqtgraph view under ``root``."""
    found = []
    for view in root.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.TextItem) and item.isVisible():
                found.append(("text item", item.textItem.toPlainText()))
            elif isinstance(item, pg.LabelItem):
                found.append(("label", item.text or ""))
            elif isinstance(item, pg.AxisItem) and item.isVisible():
                found.append(("axis", item.labelText or ""))
    return found


def core_words(window) -> list[str]:
    """Texts the core makes that the plots and panels show as they are (translated by
    another part): activation titles, data set names and tasks, training messages."""
    session = window.training.session
    words = [act.title for act in REGISTRY.values()]
    words += [*LOSS_DESCRIPTIONS.values(), LEARNING_RATE.description]
    for data in (session.source, session.train_set, window.training.panel.data.lesson):
        if data is not None:
            words += [data.name, data.task]
    words += [session.message, *(p.text for p in session.problems)]
    return sorted((w for w in words if w), key=len, reverse=True)


def english_in(texts, core: list[str]) -> list[tuple[str, str]]:
    left = []
    for where, text in texts:
        plain = MARKUP.sub(" ", text)
        for word in core:
            plain = plain.replace(word, " ")
        if english_words(plain):
            left.append((where, text))
    return sorted(set(left))


#: widgets of other parts of the window (translated there) that the panels hold
OTHER_PARTS = ("NumberBox",)


def without_core(found: list[tuple[str, str]], core: list[str]) -> list[tuple[str, str]]:
    """``english_left``'s findings less the core's texts and the other parts' widgets."""
    mine = [(where, text) for where, text in found if not where.startswith(OTHER_PARTS)]
    return english_in(mine, core)


def show_everything(qtbot, window) -> None:
    live = window.live_plots
    for dock in [*live.docks.values(), *window.training.docks.values()]:
        dock.show()
    live.clock.step(5)
    window.training.panel.step_action.trigger()
    for panel in [*live.panels, window.training.plots]:
        qtbot.waitUntil(lambda p=panel: p.isVisible())
        panel.schedule()
        panel.flush()


@pytest.mark.parametrize("example", ["06b-dense-tanh", "07a-dying-relu", "05a-vanishing-sigmoid"])
def test_plots_and_training_panels_are_chinese(zh_cn, qtbot, settings, dialogs, example):
    window = make_window(qtbot, settings)
    assert window.open_file(example_path(example))
    show_everything(qtbot, window)
    live, training = window.live_plots, window.training
    core = core_words(window)
    parts = [
        live.transport,
        *live.panels,
        *live.docks.values(),
        live.status_label,
        training.panel,
        training.plots,
        *training.docks.values(),
        training.menu,
    ]
    for part in parts:
        assert without_core(english_left(part), core) == [], type(part).__name__
        assert english_in(drawn_texts(part), core) == [], type(part).__name__
    # the context menus of the plots
    for panel in [*live.panels, training.plots]:
        menu = panel.build_menu()
        assert english_left(menu) == [], type(panel).__name__


def test_exact_translations(zh_cn, qtbot, settings, dialogs):
    window = make_window(qtbot, settings)
    assert window.open_file(example_path("06b-dense-tanh"))
    show_everything(qtbot, window)
    live, training = window.live_plots, window.training
    assert live.docks["surface"].windowTitle() == "决策面"
    assert live.docks["raster"].windowTitle() == "激发光栅图"
    assert training.docks["plots"].windowTitle() == "训练曲线"
    assert training.menu.title() == "训练(&R)"
    assert live.transport.run_action.text() == "运行"
    assert live.transport.speed.suffix() == " 步/秒"
    assert live.status_label.text().startswith("稀疏性：")
    assert live.sparsity.plot.getAxis("bottom").labelText == "步 t"
    assert live.sparsity.shown_title == "稀疏性"
    assert live.sparsity.file_stem == "sparsity"  # export file names stay English
    assert training.panel.train_action.text() == "训练"
    assert training.panel.settings_box.title() == "设置"
    assert "第 1 轮" in training.panel.status.text()
    assert window.document.undo_stack.undoText() == "训练 1 轮"
    tabs = training.plots.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["损失", "准确率", "梯度"]


def test_compare_dialog_is_chinese(zh_cn, qtbot, settings, dialogs):
    window = make_window(qtbot, settings)
    assert window.open_file(example_path("07a-dying-relu"))
    dialog = window.training.compare()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "比较激活函数"
    core = core_words(window)
    assert without_core(english_left(dialog), core) == []
    assert english_in(drawn_texts(dialog), core) == []
    table = dialog.table
    headers = [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
    assert headers[0] == "激活函数" and headers[1] == "达到 95 %\n准确率轮数"
    assert "%n" not in dialog.setup.text() and "个训练行" in dialog.setup.text()
    dialog.close()


def test_a_chinese_title_wraps_between_characters(qapp):
    """Chinese has no spaces: a title too wide for a narrow plot breaks between characters
    (closing punctuation stays with its character) instead of losing its end to "…"."""
    metrics = QFontMetricsF(font(1.0, factor=1.1))
    title = "当前隐藏输出"
    one = metrics.horizontalAdvance(title)
    wrapped = fitted_title(title, metrics, one * 0.6)
    assert wrapped.replace("<br>", "") == title and "…" not in wrapped
    rows = fitted_title("激发（z > 0），当前输入", metrics, metrics.horizontalAdvance("激发（z >"))
    assert not any(row.startswith(("，", "）")) for row in rows.split("<br>"))
    assert fitted_title("Hidden outputs now", metrics, 1000) == "Hidden outputs now"
