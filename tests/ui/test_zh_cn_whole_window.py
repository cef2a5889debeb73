"""Every lesson's whole window in Simplified Chinese (issue 19): the menus, every dock and
panel (shown at once, none behind a tab), the toolbars, the status bar and the lesson's
own texts — no English word left but names (ReLU, XOR, file types, keys) and the
network's own words (its neurons' labels and ids, which the file names).

The parts are tested one by one beside this (test_zh_cn_*.py); this is the sweep that
finds what falls between them.
"""

from __future__ import annotations

import pytest
from i18n_sweep import english_left, english_words
from PySide6.QtWidgets import QDockWidget
from shell_helpers import make_window

from neurosim.core import fileformat
from neurosim.core.lesson import examples

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

EXAMPLES = examples()


def network_words(network) -> set[str]:
    """The network's own words: its neurons' labels and ids, word by word."""
    words: set[str] = set()
    for neuron in network:
        words |= set(english_words(f"{neuron.label} {neuron.id}"))
    return words


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_the_whole_window_of_every_lesson_is_chinese(qtbot, settings, dialogs, zh_cn, example):
    network = fileformat.load(example.path)
    window = make_window(qtbot, settings, network)
    for dock in window.findChildren(QDockWidget):
        dock.show()
        dock.raise_()
    qtbot.wait(50)  # the panels shown draw their titles and legends
    own = network_words(window.document.network)
    left = [(where, text) for where, text in english_left(window) if set(english_words(text)) - own]
    assert left == [], example.name
