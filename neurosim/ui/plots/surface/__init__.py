"""The decision surface: one neuron's output over the plane of two inputs.

- :mod:`.panel`: :class:`~.panel.DecisionSurfacePanel`, the plot with its firing line.
- :mod:`.grid`: the numbers behind it (grid size, one batch through the engine), no drawing.
- :mod:`.controls`: which inputs span the plane, which neuron, the axis ranges.
- :mod:`.folding`: where the controls go (beside, above, folded away).
- :mod:`.points`: data rows drawn over the surface; :mod:`.key`: their legend entries.
"""
