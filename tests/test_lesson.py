"""neurosim.core.lesson: the notes and view sections, their errors, and the gallery listing."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from neurosim.core import fileformat
from neurosim.core.lesson import (
    PANELS,
    Decision,
    TrainSettings,
    View,
    examples,
    lesson_of,
    notes_html,
    view_from_dict,
    view_to_dict,
)
from neurosim.core.model import Network
from neurosim.core.validate import FileFormatError
from neurosim.paths import resource_path


def network(**extra: object) -> Network:
    net = Network({"title": "T", "description": "D"})
    net.add_neuron("input", "x1")
    net.add_neuron("input", "x2")
    net.add_neuron("hidden", "h1")
    net.add_neuron("output", "y1")
    net.extra = dict(extra)
    return net


FULL = {
    "panels": ["decision", "train"],
    "selected": "h1",
    "clock_running": True,
    "decision": {"output": "y1", "x": "x2", "y": "x1", "range": [-1.0, 2.0, -3.0, 4.0]},
    "compare": ["relu", "tanh"],
    "train": {
        "epochs": 50,
        "lr": 0.5,
        "optimizer": "adam",
        "loss": "bce",
        "batch_size": 8,
        "seed": 3,
    },
}


def test_absent_sections_give_defaults() -> None:
    lesson = lesson_of(network())
    assert (lesson.title, lesson.description, lesson.notes) == ("T", "D", "")
    assert lesson.view == View()
    assert lesson.view.panels == () and lesson.view.decision is None and lesson.view.train is None
    assert lesson_of(Network()).title == ""


def test_a_full_view_is_read_and_written_back_unchanged() -> None:
    view = lesson_of(network(notes="<p>Hi</p>", view=copy.deepcopy(FULL))).view
    assert view == View(
        ("decision", "train"),
        "h1",
        True,
        Decision("y1", "x2", "x1", (-1.0, 2.0, -3.0, 4.0)),
        ("relu", "tanh"),
        TrainSettings(50, 0.5, "adam", "bce", 8, 3),
    )
    assert view_to_dict(view) == FULL
    assert view_from_dict(view_to_dict(View())) == View()


def test_notes_and_view_survive_a_file_round_trip() -> None:
    net = network(notes="<b>look</b>", view=copy.deepcopy(FULL))
    net.add_synapse("x1", "y1", 1.0)
    text = fileformat.dumps(net)
    again = fileformat.loads(text)
    assert lesson_of(again) == lesson_of(net)
    assert fileformat.dumps(again) == text


def test_decision_defaults_to_the_first_output_and_inputs() -> None:
    view = lesson_of(network(view={"decision": {}})).view
    assert view.decision == Decision("y1", "x1", "x2", None)


@pytest.mark.parametrize(
    "view, message",
    [
        ([], "view: expected an object, got []"),
        (
            {"panel": []},
            "view: unknown key 'panel'; known: panels, selected, clock_running, "
            "decision, compare, train",
        ),
        (
            {"panels": ["train", "loss", "foo"]},
            "view.panels[2]: unknown panel 'foo'; known: " + ", ".join(PANELS),
        ),
        ({"panels": "train"}, "view.panels: expected a list, got 'train'"),
        ({"panels": ["loss", "loss"]}, "view.panels[1]: 'loss' is listed twice"),
        ({"selected": "h9"}, "view.selected: there is no neuron 'h9'"),
        ({"selected": 3}, "view.selected: expected a neuron id or null, got 3"),
        ({"clock_running": "yes"}, "view.clock_running: expected true or false, got 'yes'"),
        ({"compare": ["relu", "swish"]}, "view.compare[1]: unknown activation 'swish'; known: "),
        ({"decision": {"output": "y9"}}, "view.decision.output: there is no neuron 'y9'"),
        (
            {"decision": {"output": "x1"}},
            "view.decision.output: 'x1' is not a hidden or output neuron",
        ),
        ({"decision": {"x": "h1"}}, "view.decision.x: 'h1' is not an input neuron"),
        ({"decision": {"x": "x2"}}, "view.decision.y: must be another input than x ('x2')"),
        (
            {"decision": {"range": [0, 1, 2]}},
            "view.decision.range: expected [xmin, xmax, ymin, ymax], got [0, 1, 2]",
        ),
        (
            {"decision": {"range": [1, 1, 0, 2]}},
            "view.decision.range: xmin must be below xmax, got 1 and 1",
        ),
        (
            {"decision": {"range": [0, 1, 0, "2"]}},
            "view.decision.range[3]: expected a number, got '2'",
        ),
        (
            {"decision": {"colour": "red"}},
            "view.decision: unknown key 'colour'; known: output, x, y, range",
        ),
        ({"train": {"lr": 0}}, "view.train.lr: expected a number from 1e-06 to 10, got 0"),
        # one range with the Train panel and `neurosim train` (training_options)
        ({"train": {"lr": 100}}, "view.train.lr: expected a number from 1e-06 to 10, got 100"),
        (
            {"train": {"epochs": 1.5}},
            "view.train.epochs: expected a whole number from 1 to 10000000, got 1.5",
        ),
        (
            {"train": {"optimizer": "rmsprop"}},
            "view.train.optimizer: expected one of sgd, momentum, adam, got 'rmsprop'",
        ),
        (
            {"train": {"batch_size": 0}},
            "view.train.batch_size: expected a whole number from 1 to 1000000000, got 0",
        ),
    ],
)
def test_view_errors_say_what_and_where(view: object, message: str) -> None:
    with pytest.raises(FileFormatError) as info:
        lesson_of(network(view=view))
    assert str(info.value).startswith(message)


def test_a_decision_needs_two_inputs_when_it_names_none() -> None:
    net = Network()
    net.add_neuron("input", "x")
    net.add_neuron("output", "y")
    net.extra["view"] = {"decision": {"output": "y"}}
    with pytest.raises(
        FileFormatError,
        match=r"^view.decision: missing 'y', and the network "
        r"has no second input neuron",
    ):
        lesson_of(net)


@pytest.mark.parametrize(
    "notes, message",
    [
        (5, "notes: expected a string, got 5"),
        (
            "<p>ok</p><script>x</script>",
            "notes: the tag <script> is not allowed; allowed: b, i, ul, li, p, br, code",
        ),
        ('<p style="color:red">x</p>', "notes: write tags without attributes"),
        ("x" * 20_001, "notes: at most 20000 characters"),
    ],
)
def test_notes_errors(notes: object, message: str) -> None:
    with pytest.raises(FileFormatError) as info:
        lesson_of(network(notes=notes))
    assert str(info.value).startswith(message)


def test_allowed_notes_pass_unchanged() -> None:
    text = "<p>A <b>b</b> <i>i</i> <code>z</code><br/></p><ul><li>one</li></ul> 1 &lt; 2"
    assert lesson_of(network(notes=text)).notes == text
    assert notes_html(text) == text.replace("<br/>", "<br>")  # the sanitiser's own form


def test_plain_notes_become_escaped_paragraphs() -> None:
    assert notes_html("z < 0 & y\nsilent\n\nNext") == "<p>z &lt; 0 &amp; y<br>silent</p><p>Next</p>"
    assert notes_html("") == ""


def _write(folder: Path, name: str, meta: object = None, text: str | None = None) -> None:
    if text is None:
        text = json.dumps(
            {
                "format": "neurosim-network",
                "version": 1,
                "meta": meta or {},
                "neurons": [],
                "synapses": [],
            }
        )
    (folder / name).write_text(text, "utf-8")


def test_examples_sort_by_number_then_letter_unnumbered_first(tmp_path: Path) -> None:
    _write(tmp_path, "10-last.nsim.json", {"title": "Last", "description": "a\n  b"})
    _write(tmp_path, "2-second.nsim.json", {"title": "Second"})
    _write(tmp_path, "02b-third.nsim.json")
    _write(tmp_path, "02a-first_of_two.nsim.json", {"title": "  "})
    _write(tmp_path, "start.nsim.json", {"title": "Start"})
    _write(tmp_path, "broken-file.nsim.json", text="{nope")
    _write(tmp_path, "notes.json", {"title": "not an example"})
    infos = examples(tmp_path)
    assert [i.name for i in infos] == [
        "broken-file",
        "start",
        "2-second",
        "02a-first_of_two",
        "02b-third",
        "10-last",
    ]
    assert [i.number for i in infos] == ["", "", "2", "02a", "02b", "10"]
    assert [i.title for i in infos] == [
        "Broken file",
        "Start",
        "Second",
        "First of two",
        "Third",
        "Last",
    ]
    assert infos[-1].description == "a b"
    assert infos[0].problem.startswith("malformed JSON at line 1")
    assert all(i.problem is None for i in infos[1:])
    assert infos[1].path == tmp_path / "start.nsim.json"


def test_examples_default_to_the_resources_folder() -> None:
    infos = examples()
    assert infos and all(i.path.parent == resource_path("examples") for i in infos)
