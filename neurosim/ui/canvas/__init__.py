"""The network canvas: neurons and synapses drawn live and edited in place.

Public: :class:`CanvasView` (embed it in a window). It hands each event to a tool that
owns its state: :mod:`.navigation` (zoom, fit; the pan tool), :mod:`.gestures` (connect,
drag a value), :mod:`.editing` (the in-place editor, wheel nudges), :mod:`.hover`,
:mod:`.selection` (and delete, copy, paste), :mod:`.adding` (the add-neuron tool),
:mod:`.menus`. The picture: :mod:`.scene` maps ids to :mod:`.neuron_item` and
:mod:`.synapse_item` items; :mod:`.synapse_layer` repaints every synapse change.
"""

from neurosim.ui.canvas.view import CanvasView

__all__ = ["CanvasView"]
