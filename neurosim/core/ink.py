"""Ink on the screen (issue 16 §2): strokes, the laser's fading trail, the eraser's hit test.

Pure geometry and state, in the overlay's pixel coordinates, without Qt: the overlay
(:mod:`neurosim.ui.ink`) feeds it pointer positions and paints what it holds. Nothing here
touches a network: annotations are not part of the document and not part of undo.

Several strokes can be under way at once (two fingers on a touch screen): each pointer has
a key (``"mouse"``, ``"tablet"``, ``"touch3"``) and :meth:`Ink.extend` / :meth:`Ink.end`
name it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum

from neurosim.core.text_marks import QT_TRANSLATE_NOOP


class Tool(Enum):
    """What a drag does while drawing is on; ``key`` is its key on the keyboard."""

    LASER = (QT_TRANSLATE_NOOP("Ink", "Laser pointer"), "L")
    PEN = (QT_TRANSLATE_NOOP("Ink", "Pen"), "P")
    HIGHLIGHTER = (QT_TRANSLATE_NOOP("Ink", "Highlighter"), "M")
    ERASER = (QT_TRANSLATE_NOOP("Ink", "Eraser"), "E")

    def __init__(self, title: str, key: str) -> None:
        self.title = title
        self.key = key


@dataclass(frozen=True)
class InkColour:
    """A colour of the pen and highlighter: ``rgb`` 0-255, ``key`` 1, 2, 3 on the keyboard."""

    name: str
    rgb: tuple[int, int, int]
    key: str


#: Okabe & Ito's colour-blind-safe palette, the three that differ most for every common
#: colour vision (vermillion, blue, yellow) and stay visible on the light and dark themes
COLOURS: tuple[InkColour, ...] = (
    InkColour(QT_TRANSLATE_NOOP("Ink", "Red"), (230, 60, 20), "1"),
    InkColour(QT_TRANSLATE_NOOP("Ink", "Blue"), (30, 120, 230), "2"),
    InkColour(QT_TRANSLATE_NOOP("Ink", "Yellow"), (240, 215, 40), "3"),
)

PEN_WIDTH = 4.0  # px at full pressure (a mouse presses at 0.5: this width at its 1.0 scale)
HIGHLIGHTER_WIDTH = 22.0
HIGHLIGHTER_ALPHA = 0.38  # the network shows through
ERASER_RADIUS = 12.0
LASER_FADE = 0.7  # s: a trail point is gone this long after the pointer passed
MIN_STEP = 1.5  # px: closer pointer samples add nothing to a stroke


def pressure_scale(pressure: float | None) -> float:
    """Width factor for a pointer's pressure (None: a mouse, which has none): 0.35-1.6."""
    if pressure is None:
        return 1.0
    p = min(1.0, max(0.0, pressure))
    return 0.35 + 1.25 * p


@dataclass
class Stroke:
    """A pen or highlighter line: points ``(x, y, width)`` in pixels, one colour."""

    tool: Tool
    colour: InkColour
    points: list[tuple[float, float, float]] = field(default_factory=list)

    @property
    def base_width(self) -> float:
        return HIGHLIGHTER_WIDTH if self.tool is Tool.HIGHLIGHTER else PEN_WIDTH

    def add(self, x: float, y: float, pressure: float | None = None) -> bool:
        """Add a point (True) unless it is within :data:`MIN_STEP` of the last one."""
        width = self.base_width
        if self.tool is Tool.PEN:  # a highlighter keeps its width: it marks a region
            width *= pressure_scale(pressure)
        if self.points:
            last = self.points[-1]
            if math.hypot(x - last[0], y - last[1]) < MIN_STEP:
                return False
        self.points.append((float(x), float(y), width))
        return True

    @property
    def max_width(self) -> float:
        return max((p[2] for p in self.points), default=self.base_width)

    def bounds(self) -> tuple[float, float, float, float]:
        """``(left, top, right, bottom)`` including the line's width."""
        half = self.max_width / 2 + 1
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        return min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half

    def touches(self, x: float, y: float, radius: float) -> bool:
        """Whether a disc at ``(x, y)`` of ``radius`` touches the painted line."""
        pts = self.points
        if len(pts) == 1:
            return math.hypot(x - pts[0][0], y - pts[0][1]) <= radius + pts[0][2] / 2
        for (ax, ay, aw), (bx, by, bw) in zip(pts, pts[1:], strict=False):
            if segment_distance(x, y, ax, ay, bx, by) <= radius + max(aw, bw) / 2:
                return True
        return False


def segment_distance(px: float, py: float, ax: float, ay: float, bx: float, by: float) -> float:
    """The distance from point p to the segment a-b."""
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


class Ink:
    """The annotations: finished ``strokes``, strokes under way, the current tool and colour."""

    def __init__(self) -> None:
        self.strokes: list[Stroke] = []
        self.active: dict[str, Stroke] = {}  # pointer key -> its stroke under way
        self.tool = Tool.PEN
        self.colour = COLOURS[0]

    @property
    def empty(self) -> bool:
        return not self.strokes and not self.active

    def all_strokes(self) -> list[Stroke]:
        """Finished strokes, then those under way (the painting order)."""
        return [*self.strokes, *self.active.values()]

    def set_colour(self, key: str) -> bool:
        """The colour whose key is ``key`` ("1", "2", "3"); False if there is none."""
        for colour in COLOURS:
            if colour.key == key:
                self.colour = colour
                return True
        return False

    def begin(self, pointer: str, x: float, y: float, pressure: float | None = None) -> Stroke:
        """Start a stroke of the current tool (pen or highlighter) for ``pointer``."""
        if self.tool not in (Tool.PEN, Tool.HIGHLIGHTER):
            raise ValueError(f"{self.tool.title} draws no stroke")
        stroke = Stroke(self.tool, self.colour)
        stroke.add(x, y, pressure)
        self.active[pointer] = stroke
        return stroke

    def extend(self, pointer: str, x: float, y: float, pressure: float | None = None) -> bool:
        """Continue ``pointer``'s stroke; True if it grew (False: none, or too close)."""
        stroke = self.active.get(pointer)
        return stroke is not None and stroke.add(x, y, pressure)

    def end(self, pointer: str) -> Stroke | None:
        """Finish ``pointer``'s stroke (it joins ``strokes``) and return it."""
        stroke = self.active.pop(pointer, None)
        if stroke is not None:
            self.strokes.append(stroke)
        return stroke

    def erase_at(self, x: float, y: float, radius: float = ERASER_RADIUS) -> list[Stroke]:
        """Remove the finished strokes the eraser's disc touches; return them."""
        hit = [s for s in self.strokes if s.touches(x, y, radius)]
        if hit:
            self.strokes = [s for s in self.strokes if s not in hit]
        return hit

    def clear(self) -> bool:
        """Remove every stroke; True if there was any."""
        had = not self.empty
        self.strokes.clear()
        self.active.clear()
        return had


class LaserTrail:
    """Where the laser pointer was in the last :data:`LASER_FADE` seconds.

    ``add(x, y, t)`` as the pointer moves; ``visible(t)`` gives the points still shown
    with their opacity (1 where the pointer is now, falling to 0 as a point ages).
    """

    def __init__(self, fade: float = LASER_FADE) -> None:
        self.fade = fade
        self.points: list[tuple[float, float, float]] = []  # x, y, time

    def add(self, x: float, y: float, t: float) -> None:
        self.points.append((float(x), float(y), float(t)))
        self.prune(t)

    def prune(self, t: float) -> None:
        """Forget the points that have faded out by time ``t``."""
        # (less a hair: a point exactly ``fade`` old is gone, whatever the rounding)
        self.points = [p for p in self.points if t - p[2] < self.fade - 1e-9]

    def visible(self, t: float) -> list[tuple[float, float, float]]:
        """``(x, y, opacity)`` of each point still shown at time ``t``, oldest first."""
        self.prune(t)
        return [(x, y, 1.0 - (t - when) / self.fade) for x, y, when in self.points]

    @property
    def alive(self) -> bool:
        return bool(self.points)

    def clear(self) -> None:
        self.points.clear()
