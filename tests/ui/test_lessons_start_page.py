"""The start page: cards with cached thumbnails, New/Open, exercises, the first start."""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
from __future__ import annotations

import pytest
from lessons_helpers import EXAMPLES, example_path, lesson_shown, lessons  # noqa: F401 - fixture
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage

from neurosim.core import fileformat
from neurosim.core.lesson import examples
from neurosim.core.localized_text import english
from neurosim.core.shipped import without_exercise_prefix
from neurosim.paths import resource_path
from neurosim.ui.app import colour_count
from neurosim.ui.lessons.lessons_ui import SHOW_AT_START_KEY
from neurosim.ui.lessons.thumbnails import render, thumbnail

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_start_page_shows_every_example_and_the_exercises(lessons, qtbot):
    window, ui = lessons
    page = ui.show_start_page()
    qtbot.waitExposed(page)
    assert [c.info.path for c in page.cards] == [e.path for e in EXAMPLES]
    card = page.card_for("03b-xor-hidden-layer")
    assert card.title.text() == "03b  Why XOR needs a hidden layer"
    assert card.description.text() == EXAMPLES[4].description != ""
    titles = [page.exercises.item(i).text() for i in range(page.exercises.count())]
    shipped = examples(resource_path("exercises"))
    assert titles == [without_exercise_prefix(e.title) for e in shipped]
    assert "AND with one neuron" in titles  # under "Exercises", without "Exercise:" again
    assert ui.show_start_page() is page  # one page at a time
    page.reject()


def test_clicking_a_card_opens_its_example_and_closes_the_page(lessons, qtbot):
    window, ui = lessons
    page = ui.show_start_page()
    qtbot.waitExposed(page)
    card = page.card_for("04-linear-collapse")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert lesson_shown(window) == example_path("04-linear-collapse").resolve()
    assert window.canvas.selected_neuron_ids() == ["y_deep"]  # its view applied
    assert not page.isVisible()
    qtbot.waitUntil(lambda: ui.start_page is None)


def test_new_and_exercises_open_from_the_page(lessons, qtbot):
    window, ui = lessons
    page = ui.show_start_page()
    page.new_button.click()
    assert len(window.document.network.neurons) == 0 and not page.isVisible()
    page = ui.show_start_page()
    item = page.exercises.item(0)
    page.exercises.itemActivated.emit(item)
    assert lesson_shown(window).parent == resource_path("exercises").resolve()
    assert window.document.title.endswith(" — exercise")
    assert not page.isVisible()


def test_thumbnails_are_drawn_once_and_cached_by_the_files_hash(lessons, tmp_path):
    window, ui = lessons
    page = ui.show_start_page()
    page.finish_pictures()
    cached = sorted(ui.cache_dir.glob("*.png"))
    assert len(cached) == len(EXAMPLES)
    image = QImage(str(cached[0]))
    assert image.size() == QSize(320, 190) and colour_count(image) > 8  # a real picture
    stamps = [p.stat().st_mtime_ns for p in cached]
    page.reject()
    ui.show_start_page().finish_pictures()  # again: read back, not redrawn
    assert [p.stat().st_mtime_ns for p in sorted(ui.cache_dir.glob("*.png"))] == stamps
    # an edited file gets a picture of its own
    mine = tmp_path / "mine.nsim.json"
    mine.write_text(example_path("01-threshold").read_text(encoding="utf-8"), encoding="utf-8")
    thumbnail(mine, ui.cache_dir)
    assert len(list(ui.cache_dir.glob("*.png"))) == len(EXAMPLES)  # same bytes, same key
    mine.write_text(
        mine.read_text(encoding="utf-8").replace('"weight": 0.8', '"weight": 0.5'), encoding="utf-8"
    )
    thumbnail(mine, ui.cache_dir)
    assert len(list(ui.cache_dir.glob("*.png"))) == len(EXAMPLES) + 1


def test_a_thumbnail_shows_the_network(qapp):
    network = fileformat.load(example_path("03b-xor-hidden-layer"))
    image = render(network, QSize(320, 190))
    assert colour_count(image) > 8
    assert render(fileformat.load(example_path("01-threshold"))).size() == QSize(320, 190)


def test_the_start_page_shows_at_the_first_start_and_until_its_box_is_cleared(
    lessons, qtbot, settings
):
    window, ui = lessons
    assert SHOW_AT_START_KEY not in settings.allKeys()  # the first start: the default
    assert ui.show_start_page_at_launch()
    page = ui.start_page
    qtbot.waitExposed(page)
    assert english(window.document.network.meta["title"]) == "One neuron, two inputs"  # behind
    assert page.show_at_start.isChecked()  # the first start does not turn it off
    page.reject()
    qtbot.waitUntil(lambda: ui.start_page is None)
    # only the box is remembered (no "seen" flag nothing reads any more)
    assert [k for k in settings.allKeys() if k.startswith("lessons/")] == []
    assert ui.show_start_page_at_launch()  # the next start shows it again
    page = ui.start_page
    qtbot.mouseClick(page.show_at_start, Qt.MouseButton.LeftButton)  # the user says no
    assert not page.show_at_start.isChecked()
    page.reject()
    qtbot.waitUntil(lambda: ui.start_page is None)
    assert not ui.show_start_page_at_launch()  # respected from then on
    page = ui.show_start_page()  # Help ▸ Start Page: ticked again, shown at every start
    assert not page.show_at_start.isChecked()
    qtbot.mouseClick(page.show_at_start, Qt.MouseButton.LeftButton)
    page.reject()
    qtbot.waitUntil(lambda: ui.start_page is None)
    assert ui.show_start_page_at_launch()
    ui.start_page.reject()


def test_help_menu_has_the_start_page(lessons):
    window, ui = lessons
    help_menu = window.menuBar().actions()[-1].menu()
    assert help_menu.actions()[0] is ui.start_page_action
