"""neurosim.core.ink without Qt: strokes, pressure, the eraser's hit test, the laser's fade."""

from __future__ import annotations

import math

import pytest

from neurosim.core.ink import (
    COLOURS,
    ERASER_RADIUS,
    HIGHLIGHTER_WIDTH,
    LASER_FADE,
    PEN_WIDTH,
    Ink,
    LaserTrail,
    Stroke,
    Tool,
    pressure_scale,
    segment_distance,
)


def line(ink: Ink, pointer: str, points, pressure=None) -> Stroke:
    ink.begin(pointer, *points[0], pressure)
    for x, y in points[1:]:
        ink.extend(pointer, x, y, pressure)
    stroke = ink.end(pointer)
    assert stroke is not None
    return stroke


def test_a_drag_becomes_one_stroke_of_the_current_tool_and_colour():
    ink = Ink()
    ink.tool = Tool.HIGHLIGHTER
    assert ink.set_colour("3")
    stroke = line(ink, "mouse", [(10, 10), (20, 10), (30, 12)])
    assert ink.strokes == [stroke] and not ink.active
    assert stroke.tool is Tool.HIGHLIGHTER and stroke.colour.name == "Yellow"
    assert [p[:2] for p in stroke.points] == [(10, 10), (20, 10), (30, 12)]
    assert all(p[2] == HIGHLIGHTER_WIDTH for p in stroke.points)
    left, top, right, bottom = stroke.bounds()
    assert left < 10 - HIGHLIGHTER_WIDTH / 2 + 1 and right > 30 + HIGHLIGHTER_WIDTH / 2 - 1
    assert top < 10 - HIGHLIGHTER_WIDTH / 2 + 1 and bottom > 12 + HIGHLIGHTER_WIDTH / 2 - 1


def test_samples_closer_than_a_pixel_and_a_half_add_nothing():
    ink = Ink()
    ink.begin("mouse", 0, 0)
    assert not ink.extend("mouse", 1, 0)
    assert ink.extend("mouse", 3, 0)
    assert not ink.extend("nobody", 50, 50)


def test_pressure_varies_the_pen_but_not_the_highlighter():
    assert pressure_scale(None) == 1.0
    assert pressure_scale(0.0) < pressure_scale(0.5) < pressure_scale(1.0)
    assert pressure_scale(7.0) == pressure_scale(1.0)  # clamped
    ink = Ink()
    light = line(ink, "tablet", [(0, 0), (10, 0)], pressure=0.1)
    heavy = line(ink, "tablet", [(0, 20), (10, 20)], pressure=1.0)
    assert light.points[0][2] < PEN_WIDTH < heavy.points[0][2]
    ink.tool = Tool.HIGHLIGHTER
    marker = line(ink, "tablet", [(0, 40), (10, 40)], pressure=0.1)
    assert marker.points[0][2] == HIGHLIGHTER_WIDTH


def test_two_fingers_draw_two_strokes_at_once():
    ink = Ink()
    ink.begin("touch1", 0, 0)
    ink.begin("touch2", 0, 100)
    ink.extend("touch1", 50, 0)
    ink.extend("touch2", 50, 100)
    assert len(ink.all_strokes()) == 2 and not ink.empty
    ink.end("touch1")
    ink.end("touch2")
    assert [s.points[-1][:2] for s in ink.strokes] == [(50, 0), (50, 100)]


def test_the_laser_and_the_eraser_draw_no_stroke():
    ink = Ink()
    for tool in (Tool.LASER, Tool.ERASER):
        ink.tool = tool
        with pytest.raises(ValueError):
            ink.begin("mouse", 0, 0)


def test_segment_distance():
    assert segment_distance(5, 3, 0, 0, 10, 0) == 3
    assert segment_distance(-4, 3, 0, 0, 10, 0) == 5  # beyond an end: to the end
    assert segment_distance(1, 1, 2, 2, 2, 2) == math.hypot(1, 1)  # a segment of length 0


def test_the_eraser_removes_only_the_strokes_it_touches():
    ink = Ink()
    top = line(ink, "mouse", [(0, 0), (100, 0)])
    bottom = line(ink, "mouse", [(0, 100), (100, 100)])
    dot = line(ink, "mouse", [(300, 300)])
    reach = ERASER_RADIUS + PEN_WIDTH / 2
    assert ink.erase_at(50, 50) == []  # between the lines
    assert ink.erase_at(50, reach + 1) == []
    assert ink.erase_at(50, reach - 1) == [top]
    assert ink.strokes == [bottom, dot]
    assert ink.erase_at(305, 305) == [dot]  # a single point is a dot
    assert ink.strokes == [bottom]


def test_clear_says_whether_there_was_ink():
    ink = Ink()
    assert not ink.clear()
    line(ink, "mouse", [(0, 0), (10, 10)])
    ink.begin("pen", 5, 5)
    assert ink.clear()
    assert ink.empty and ink.strokes == [] and ink.active == {}


def test_colours_have_distinct_keys_and_set_colour_refuses_others():
    assert [c.key for c in COLOURS] == ["1", "2", "3"]
    assert len({c.rgb for c in COLOURS}) == 3
    ink = Ink()
    assert not ink.set_colour("9")
    assert ink.colour is COLOURS[0]
    assert ink.set_colour("2") and ink.colour is COLOURS[1]


def test_tools_have_their_keys():
    assert {t.key for t in Tool} == {"L", "P", "M", "E"}


def test_the_laser_trail_fades_with_time_and_is_gone_after_the_fade():
    trail = LaserTrail()
    trail.add(0, 0, t=10.0)
    trail.add(10, 0, t=10.2)
    shown = trail.visible(10.2)
    assert [p[:2] for p in shown] == [(0, 0), (10, 0)]
    assert shown[0][2] == pytest.approx(1 - 0.2 / LASER_FADE)
    assert shown[1][2] == pytest.approx(1.0)
    later = trail.visible(10.01 + LASER_FADE)  # the oldest has just gone
    assert len(later) == 1
    assert later[0][2] == pytest.approx(1 - (LASER_FADE - 0.19) / LASER_FADE)
    assert trail.alive
    assert trail.visible(10.2 + LASER_FADE) == []
    assert not trail.alive
    assert 0.5 <= LASER_FADE <= 1.0  # the issue: a short trail
