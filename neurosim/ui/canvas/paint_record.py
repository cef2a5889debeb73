"""What the canvas painted: a debug hook for tests that check the screen tells the truth.

Set ``scene.style.record = PaintRecord()`` and every synapse drawn into the scene's
background and every neuron painted writes down what it put on screen: the weight label's
text, its colour, whether the arrow is dashed (frozen) or haloed (selected); a neuron's value
text and its fired ring. Nothing is recorded while ``record`` is None (always, outside tests).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from neurosim.core.model import SynapseKey


@dataclass(frozen=True)
class PaintedSynapse:
    label: str | None  # the weight as written on the arrow; None: no label drawn
    colour: str  # the arrow's colour, "#rrggbb"
    dashed: bool  # drawn frozen
    halo: bool  # drawn selected
    # the label's text size on screen (px; None: not drawn); not compared with ==
    label_px: float | None = field(default=None, compare=False)


@dataclass(frozen=True)
class PaintedNeuron:
    value: str | None  # the output y as written in the body; None: no number drawn
    fired: bool  # the fired ring drawn
    # the name's and bias's text sizes on screen (px; None: not drawn); not compared with ==
    label_px: float | None = field(default=None, compare=False)
    bias_px: float | None = field(default=None, compare=False)


@dataclass
class PaintRecord:
    """The last picture painted of each synapse and neuron, by id."""

    synapses: dict[SynapseKey, PaintedSynapse] = field(default_factory=dict)
    neurons: dict[str, PaintedNeuron] = field(default_factory=dict)

    def clear(self) -> None:
        self.synapses.clear()
        self.neurons.clear()
