"""Live plots driven by a simulation clock: activation, traces, raster, sparsity, surface.

:class:`~neurosim.ui.plots.live.LivePlots` makes the set the main window shows.
"""
