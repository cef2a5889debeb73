"""The inspector's input page embeds the signal-source editor; choosing a source is a command."""

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window


def test_input_page_shows_the_source_editor_and_edits_the_source(window, qtbot):
    net = window.document.network
    x = next(n.id for n in net if n.is_input)
    y = next(n.id for n in net if not n.is_input)
    window.canvas.select([x])
    page = window.inspector.neuron_page
    editor = page.source_editor
    assert page.form.isRowVisible(editor) and editor.neuron_id == x
    index = editor.kind.findData("sine")
    editor.kind.setCurrentIndex(index)
    editor.kind.activated.emit(index)  # what a user's pick in the list sends
    assert net.neurons[x].source is not None and net.neurons[x].source["kind"] == "sine"
    assert window.document.undo_stack.canUndo()
    window.document.undo_stack.undo()
    assert net.neurons[x].source is None
    window.canvas.select([y])
    assert not page.form.isRowVisible(editor)
