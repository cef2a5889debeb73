"""The inspector: the numbers of what is selected on the canvas, editable.

- :mod:`.panel`: :class:`~.panel.InspectorPanel`, the dock's widget; picks the page that
  fits the selection.
- :mod:`.pages`: the pages for one neuron and one synapse.
- :mod:`.parts`: their small parts (scaled labels, the activation combo, lock marks).
- :mod:`.source_editor`: an input's signal source (kind, parameters, a preview).
"""
