"""The network canvas: neurons and synapses drawn live and edited in place.

Public: :class:`CanvasView` (embed it in a window); the rest is its machinery.
"""

from neurosim.ui.canvas.view import CanvasView

__all__ = ["CanvasView"]
