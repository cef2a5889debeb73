"""The source editor: edits are undoable commands, saved with the file, refused when invalid."""

from __future__ import annotations

import numpy as np
import pytest
from plots_helpers import make, xor_network

from neurosim.core import fileformat
from neurosim.core.sources import values_at
from neurosim.ui.commands import SetNeuronField
from neurosim.ui.inspector.source_editor import SourceEditor

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _editor(qtbot, neuron_id="x1", sources=False):
    document, clock = make(xor_network(sources=sources))
    editor = SourceEditor(document, neuron_id)
    qtbot.addWidget(editor)
    return document, clock, editor


def _choose(editor: SourceEditor, kind: str) -> None:
    editor.kind.setCurrentIndex(editor.kind.findData(kind))
    editor.kind.activated.emit(editor.kind.currentIndex())


def test_choosing_a_kind_pushes_one_undoable_command(qtbot) -> None:
    document, _, editor = _editor(qtbot)
    assert editor.kind.currentData() == "manual" and not editor.fields
    _choose(editor, "sine")
    net = document.network
    assert net.neurons["x1"].source == {
        "kind": "sine",
        "amplitude": 1.0,
        "period": 100.0,
        "phase": 0.0,
        "offset": 0.0,
    }
    assert set(editor.fields) == {"amplitude", "period", "phase", "offset"}
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert net.neurons["x1"].source is None
    assert editor.kind.currentData() == "manual"  # the editor follows the model


def test_spin_box_edits_merge_into_one_step_and_follow_undo(qtbot) -> None:
    document, _, editor = _editor(qtbot)
    _choose(editor, "square")
    for period in (110.0, 120.0, 130.0):
        editor.fields["period"].setValue(period)
    assert document.network.neurons["x1"].source["period"] == 130.0
    assert document.undo_stack.count() == 2  # the kind, then one step for the period edits
    editor.fields["duty"].setValue(0.25)
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert editor.fields["period"].value() == 100.0


def test_sequence_takes_its_column_from_the_input_and_rows_from_text(qtbot, tmp_path) -> None:
    document, clock, editor = _editor(qtbot, "x2")
    _choose(editor, "sequence")
    source = document.network.neurons["x2"].source
    assert source["column"] == 1 and source["rows"][3] == [1.0, 1.0]
    editor.rows.setText("0 1; 1, 1; 0 0")
    editor.rows.editingFinished.emit()
    assert document.network.neurons["x2"].source["rows"] == [[0, 1], [1, 1], [0, 0]]
    # Paused at t = 0, the input takes its new source's value at once.
    qtbot.waitUntil(lambda: clock.simulation.trace("x2")[1].tolist() == [1.0])
    assert document.network.neurons["x2"].value == 1.0
    fileformat.save(document.network, tmp_path / "n.json")
    again = fileformat.load(tmp_path / "n.json")
    assert again.neurons["x2"].source == document.network.neurons["x2"].source
    clock.step(60)  # the clock plays the new source
    t, x2 = clock.simulation.trace("x2")
    np.testing.assert_array_equal(x2, values_at(again.neurons["x2"].source, t))


def test_invalid_rows_are_refused_with_a_message(qtbot) -> None:
    document, _, editor = _editor(qtbot, "x2")
    _choose(editor, "sequence")
    count = document.undo_stack.count()
    editor.rows.setText("0 1; 1")
    editor.rows.editingFinished.emit()
    assert not editor.error.isHidden()
    assert "rows[1]: expected 2 entries" in editor.error.text()
    editor.rows.setText("0 x")
    editor.rows.editingFinished.emit()
    assert "must be a number" in editor.error.text()
    for text in ("1_000 0", "nan 1", "\u0661 0"):  # read as 1000, NaN and 1 before (issue 14)
        editor.error.hide()
        editor.rows.setText(text)
        editor.rows.editingFinished.emit()
        assert "must be a number" in editor.error.text(), text
    assert document.undo_stack.count() == count


def test_preview_shows_the_wave(qtbot) -> None:
    document, _, editor = _editor(qtbot, sources=True)
    t, y = editor.preview_curve.getData()  # drawn as steps: each value holds for a step
    np.testing.assert_array_equal(y[::2], values_at(document.network.neurons["x1"].source, t[::2]))
    _choose(editor, "triangle")
    t, y = editor.preview_curve.getData()
    assert t[-1] == 221 and y.max() == 1.0 and y.min() == 0.0  # 2.2 periods of 100 steps


def test_switching_neurons_and_non_inputs(qtbot) -> None:
    document, _, editor = _editor(qtbot, sources=True)
    editor.set_neuron("h1")
    assert not editor.isEnabled()
    editor.set_neuron("x2")
    assert editor.isEnabled() and editor.kind.currentData() == "sequence"
    assert editor.fields["column"].value() == 1
    document.push(
        SetNeuronField(document.network, "x2", "source", {"kind": "constant", "value": 0.5})
    )
    assert editor.fields["value"].value() == 0.5


def test_manual_removes_the_source(qtbot) -> None:
    document, _, editor = _editor(qtbot, sources=True)
    _choose(editor, "manual")
    assert document.network.neurons["x1"].source is None
    assert "source" not in fileformat.dumps(document.network).split('"x1"')[1].split("\n")[0]


def test_editor_survives_a_new_network(qtbot) -> None:
    document, _, editor = _editor(qtbot, sources=True)
    old = document.network
    document.replace(xor_network(sources=False))
    assert editor.kind.currentData() == "manual"
    old.set_source("x1", {"kind": "constant", "value": 0.5})  # the old network is not shown
    assert editor.kind.currentData() == "manual"
    _choose(editor, "constant")
    assert document.network.neurons["x1"].source["kind"] == "constant"


@pytest.mark.parametrize(
    "kind",
    ["constant", "sine", "square", "triangle", "sawtooth", "uniform", "gaussian", "sequence"],
)
def test_every_kind_and_each_of_its_fields_can_be_edited(qtbot, tmp_path, kind) -> None:
    """Each source kind from the editor, every parameter changed, survives a save and load
    and drives the clock exactly (noise included: its seed makes it reproducible)."""
    document, clock, editor = _editor(qtbot)
    _choose(editor, kind)
    for name, box in editor.fields.items():
        if name == "column":
            continue  # the truth table has two columns; x1 reads the first
        box.setValue(box.value() + 3 * box.singleStep())
    source = document.network.neurons["x1"].source
    assert source["kind"] == kind
    for name, box in editor.fields.items():
        assert source[name] == pytest.approx(box.value())
    document.save(tmp_path / "s.json")
    loaded = fileformat.load(tmp_path / "s.json")
    assert loaded.neurons["x1"].source == source
    clock.reset()
    clock.step(30)
    times, x1 = clock.simulation.trace("x1")
    np.testing.assert_array_equal(x1, values_at(source, times))
