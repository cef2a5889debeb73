"""The GUI monkey: random edits of a real MainWindow, every choice from one seeded Random.

Each ``do_*`` method performs one user action — through the commands, the canvas API, the
inspector's widgets or real mouse and keyboard events on the canvas — checks what it can
say about its own outcome (a refused edit changes nothing; a valid one is made) and returns
a one-line description for the failure message. The invariants that hold after *every*
action are in :mod:`gui_checks`.
"""

from __future__ import annotations

import math
import random

from canvas_helpers import drag, wheel
from gui_monkey_session import SessionActions
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTransform

from neurosim.core import fileformat
from neurosim.core.activations import REGISTRY
from neurosim.core.sources import SOURCE_KINDS, default_source
from neurosim.ui.canvas.gestures import neuron_at
from neurosim.ui.commands import (
    AddNeuron,
    Connect,
    DeleteItems,
    MoveNeurons,
    SetActivation,
    SetNeuronField,
    SetParam,
    SetWeight,
)
from neurosim.ui.formula.listing import CUSTOM

LEFT, NO_MOD = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
SHIFT, ALT = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier
KINDS = ("input", "hidden", "output")
BAD_NUMBERS = (math.nan, math.inf, -math.inf)
#: (action, weight): how often each is drawn
ACTIONS = (
    ("add", 8),
    ("delete", 4),
    ("move", 5),
    ("connect", 9),
    ("weight", 6),
    ("bias", 4),
    ("value", 4),
    ("activation", 3),
    ("param", 3),
    ("label", 2),
    ("source", 2),
    ("copy_paste", 3),
    ("undo", 6),
    ("redo", 4),
    ("history", 1),
    ("select", 5),
    ("view", 2),
    ("clock", 3),
    ("train", 3),
    ("editor", 2),
    ("race", 2),
    ("bad_file", 1),
)


def number(rng: random.Random) -> float:
    """Mostly ordinary values; sometimes 0, small, or big (up to 1e6)."""
    r = rng.random()
    if r < 0.6:
        return round(rng.uniform(-3, 3), rng.choice((1, 2, 3)))
    if r < 0.7:
        return 0.0
    sign = rng.choice((-1, 1))
    return sign * 10 ** rng.uniform(-3, 3) if r < 0.9 else sign * 10 ** rng.uniform(3, 6)


class Monkey(SessionActions):
    def __init__(self, window, qtbot, rng: random.Random, folder, dialogs) -> None:
        self.window, self.qtbot, self.rng = window, qtbot, rng
        self.folder, self.dialogs = folder, dialogs
        self.names = [name for name, _ in ACTIONS]
        self.weights = [w for _, w in ACTIONS]
        self.refused = 0  # edits the document refused (they must change nothing)

    # ------------------------------------------------------------- helpers
    @property
    def doc(self):
        return self.window.document

    @property
    def net(self):
        return self.window.document.network

    @property
    def canvas(self):
        return self.window.canvas

    def choose(self) -> str:
        return self.rng.choices(self.names, self.weights)[0]

    def run(self, name: str) -> str:
        return getattr(self, f"do_{name}")()

    def pick(self, kinds=KINDS) -> str | None:
        ids = [n.id for n in self.net if n.kind in kinds]
        return self.rng.choice(ids) if ids else None

    def pick_synapse(self):
        keys = list(self.net.synapses)
        return self.rng.choice(keys) if keys else None

    def push(self, command) -> bool:
        """Push through the document; a refusal must leave the file and the stack as they were."""
        before, stack = fileformat.dumps(self.net), self.doc.undo_stack
        count, index = stack.count(), stack.index()
        problem = self.doc.locked_reason(command) or command.problem()
        ok = self.doc.push(command)
        assert ok == (problem is None), f"push said {ok}, problem {problem!r}"
        if not ok:
            self.refused += 1
            assert fileformat.dumps(self.net) == before, "a refused edit changed the network"
            assert (stack.count(), stack.index()) == (count, index)
        return ok

    def look_at(self, scene_point: QPointF, zoom: float = 1.0) -> None:
        """Zoom and scroll so ``scene_point`` is in the middle of the canvas."""
        self.canvas.setTransform(QTransform.fromScale(zoom, zoom))
        self.canvas.navigator.update_scene_rect()
        self.canvas.centerOn(scene_point)

    def vp(self, scene_point: QPointF) -> QPoint:
        return self.canvas.mapFromScene(scene_point)

    def item(self, nid: str):
        return self.canvas.network_scene.neurons[nid]

    def body_point(self, nid: str) -> QPointF:
        """Where a press grabs the neuron to move it (an input's name strip)."""
        item, style = self.item(nid), self.canvas.network_scene.style
        if item.kind == "input":
            return item.pos() + QPointF(0, -style.radius + style.header / 2)
        return item.pos()

    def empty_point(self) -> QPointF:
        """A scene point on no neuron and no synapse."""
        scene, rng = self.canvas.network_scene, self.rng
        rect = scene.itemsBoundingRect().adjusted(-200, -200, 200, 200)
        reach = 2.5 * scene.style.outer
        for _ in range(30):
            p = QPointF(
                rng.uniform(rect.left(), rect.right()), rng.uniform(rect.top(), rect.bottom())
            )
            if self.canvas.item_at(p) is None and all(
                math.hypot(p.x() - i.pos().x(), p.y() - i.pos().y()) > reach
                for i in scene.neurons.values()
            ):
                return p
        return QPointF(rect.right() + reach, rect.bottom() + reach)

    # ----------------------------------------------------------- structure
    def do_add(self) -> str:
        rng, kind = self.rng, self.rng.choice(KINDS)
        before = len(self.net.neurons)
        how = rng.choice(("api", "command", "tool", "key"))
        if how == "api":
            p = self.empty_point()
            nid = self.canvas.add_neuron_at(kind, p)
            assert nid in self.net.neurons
        elif how == "command":
            fields = (
                {}
                if kind == "input"
                else {"activation": rng.choice(list(REGISTRY)), "bias": number(rng)}
            )
            if kind == "input":
                fields["value"] = number(rng)
            pos = (rng.uniform(-600, 900), rng.uniform(-500, 500))
            self.push(AddNeuron(self.net, kind, pos, **fields))
        elif how == "tool":
            p = self.empty_point()
            self.window.acts.tools[kind].trigger()
            self.look_at(p)
            self.qtbot.mouseClick(self.canvas.viewport(), LEFT, NO_MOD, self.vp(p))
            if rng.random() < 0.5:
                self.qtbot.keyClick(self.canvas, Qt.Key.Key_Escape)
            else:
                self.window.acts.tools[None].trigger()
            assert self.canvas.tool() is None
        else:
            self.canvas.setFocus()
            self.qtbot.keyClick(
                self.canvas,
                {"input": Qt.Key.Key_I, "hidden": Qt.Key.Key_H, "output": Qt.Key.Key_O}[kind],
            )
        assert len(self.net.neurons) == before + 1, f"{how} did not add one neuron"
        return f"add {kind} ({how})"

    def do_delete(self) -> str:
        rng = self.rng
        ids = rng.sample(list(self.net.neurons), min(len(self.net.neurons), rng.randint(0, 2)))
        keys = rng.sample(list(self.net.synapses), min(len(self.net.synapses), rng.randint(0, 2)))
        self.canvas.select(ids, keys)
        command = DeleteItems(self.net, ids, keys)
        refused = self.doc.locked_reason(command) or command.problem()
        if rng.random() < 0.5:
            self.canvas.setFocus()
            self.qtbot.keyClick(self.canvas, rng.choice((Qt.Key.Key_Delete, Qt.Key.Key_Backspace)))
        else:
            self.canvas.delete_selection()
        left = set(ids) & set(self.net.neurons)
        assert left == (set(ids) if refused else set()), f"{left} left; refused: {refused}"
        return f"delete {ids} {keys}" + (f" (refused: {refused})" if refused else "")

    def do_move(self) -> str:
        nid = self.pick()
        if nid is None:
            return "move (no neuron)"
        rng = self.rng
        if rng.random() < 0.5:
            old = self.net.neurons[nid].position
            big = rng.random() < 0.1
            new = (
                (rng.uniform(-1e5, 1e5), rng.uniform(-1e5, 1e5))
                if big
                else (old[0] + rng.uniform(-200, 200), old[1] + rng.uniform(-200, 200))
            )
            self.push(MoveNeurons(self.net, {nid: (old, new)}))
            return f"move {nid} to {new} (command)"
        start = self.body_point(nid)
        self.look_at(start)
        d = QPoint(rng.randint(-250, 250), rng.randint(-180, 180))
        count = self.doc.undo_stack.count()
        drag(self.qtbot, self.canvas, self.vp(start), self.vp(start) + d, steps=4)
        moved = self.doc.undo_stack.count() > count
        return f"move {nid} by {d.x()},{d.y()} px (drag; moved={moved})"

    def do_connect(self) -> str:
        rng, net = self.rng, self.net
        if len(net.neurons) < 2:
            return "connect (too few neurons)"
        if rng.random() < 0.6:  # a valid pair if there is one
            valid = [
                (s, t)
                for s in net.neurons
                for t in net.neurons
                if net.connection_problem(s, t) is None
            ]
            source, target = rng.choice(valid) if valid else rng.sample(list(net.neurons), 2)
        else:
            source, target = rng.choice(list(net.neurons)), rng.choice(list(net.neurons))
        problem = net.connection_problem(source, target)
        if rng.random() < 0.55:
            made = self.push(Connect(net, source, target, number(rng)))
            assert made == (problem is None) and (not made or (source, target) in net.synapses)
            return f"connect {source} → {target} (command; {problem or 'valid'})"
        pair, refused, new = self._connect_by_mouse(source, target)
        # Neurons may overlap: the gesture connects what is under the mouse, if allowed.
        assert new <= {pair}, f"the drag made {new}, the mouse went {pair}"
        if self._shift_drag and None not in pair:
            assert bool(new) == (refused is None), f"{pair}: {refused} but made {new}"
        return f"connect {source} → {target} (drag {pair}; made {sorted(new)})"

    def _connect_by_mouse(self, source: str, target: str):
        """Drag from the source's rim (or Shift+drag from its middle) onto the target:
        ((neuron under the press, under the release), why that pair may not be connected,
        the synapses made)."""
        a, b = self.item(source).pos(), self.item(target).pos()
        vw = self.canvas.viewport()
        room = 0.7 * min(vw.width(), vw.height())
        zoom = max(0.15, min(1.0, room / max(math.hypot(b.x() - a.x(), b.y() - a.y()), 1.0)))
        self.look_at((a + b) / 2, zoom)
        scene, before = self.canvas.network_scene, set(self.net.synapses)
        self._shift_drag = self.rng.random() < 0.5
        start = (
            a
            if self._shift_drag
            else a + QPointF(self.item(source).half_width - 2 * scene.style.scale, 0)
        )
        ends = [neuron_at(scene, self.canvas.mapToScene(self.vp(p))) for p in (start, b)]
        pair = tuple(e.neuron_id if e is not None else None for e in ends)
        refused = self.net.connection_problem(*pair) if None not in pair else "no neuron"
        drag(
            self.qtbot,
            self.canvas,
            self.vp(start),
            self.vp(b),
            SHIFT if self._shift_drag else NO_MOD,
            steps=5,
        )
        return pair, refused, set(self.net.synapses) - before

    # ------------------------------------------------------------ numbers
    def _inspect(self, neuron_ids=(), keys=()):
        self.canvas.select(neuron_ids, keys)
        return self.window.inspector.currentWidget()

    def _through_slider(self, slider, values: list[float]) -> None:
        """A slider drag: every position one merged edit, one undo step in all."""
        slider.slider.setSliderDown(True)
        for v in values:
            slider.slider.setValue(slider._to_slider(v))
        slider.slider.setSliderDown(False)

    def do_weight(self) -> str:
        key = self.pick_synapse()
        if key is None:
            return "weight (no synapse)"
        rng = self.rng
        how = rng.choice(("command", "command", "bad", "spin", "slider", "nudge"))
        if how == "command":
            self.push(SetWeight(self.net, key, number(rng)))
        elif how == "bad":
            assert not self.push(SetWeight(self.net, key, rng.choice(BAD_NUMBERS)))
        elif how in ("spin", "slider"):
            page = self._inspect(keys=[key])
            assert page is self.window.inspector.synapse_page
            if how == "spin":
                page.weight.spin.setValue(number(rng))
            else:
                self._through_slider(page.weight, [number(rng) for _ in range(3)])
        else:
            mid = (self.item(key[0]).pos() + self.item(key[1]).pos()) / 2
            self.look_at(mid)
            if self.canvas.item_at(mid) is not None:
                wheel(self.canvas, self.vp(mid), rng.choice((-2, -1, 1, 3)), ALT)
        return f"weight {key} ({how})"

    def do_bias(self) -> str:
        nid = self.pick(("hidden", "output"))
        if nid is None:
            return "bias (no neuron)"
        rng = self.rng
        how = rng.choice(("command", "bad", "spin", "slider", "input"))
        if how == "command":
            self.push(SetNeuronField(self.net, nid, "bias", number(rng)))
        elif how == "bad":
            assert not self.push(SetNeuronField(self.net, nid, "bias", rng.choice(BAD_NUMBERS)))
        elif how == "input":  # an input has no bias: refused
            other = self.pick(("input",))
            if other is not None:
                assert not self.push(SetNeuronField(self.net, other, "bias", 1.0))
        else:
            page = self._inspect([nid])
            if how == "spin":
                page.bias.spin.setValue(number(rng))
            else:
                self._through_slider(page.bias, [number(rng) for _ in range(3)])
        return f"bias {nid} ({how})"

    def do_value(self) -> str:
        nid = self.pick(("input",))
        if nid is None:
            return "value (no input)"
        rng = self.rng
        how = rng.choice(("command", "bad", "spin", "drag", "nudge"))
        if how == "command":
            self.push(SetNeuronField(self.net, nid, "value", number(rng)))
        elif how == "bad":
            assert not self.push(SetNeuronField(self.net, nid, "value", rng.choice(BAD_NUMBERS)))
        elif how == "spin":
            self._inspect([nid]).value.spin.setValue(number(rng))
        else:
            item, style = self.item(nid), self.canvas.network_scene.style
            readout = item.pos() + QPointF(-4 * style.scale, style.radius * 0.45)
            self.look_at(readout)
            p = self.vp(readout)
            if how == "drag":
                drag(
                    self.qtbot,
                    self.canvas,
                    p,
                    p + QPoint(0, rng.randint(-120, 120)),
                    SHIFT if rng.random() < 0.3 else NO_MOD,
                    steps=4,
                )
            else:
                wheel(self.canvas, p, rng.choice((-3, -1, 1, 2)), ALT)
        return f"value {nid} ({how})"

    def do_activation(self) -> str:
        rng, ids = self.rng, list(self.net.neurons)
        if not ids:
            return "activation (no neuron)"
        chosen = rng.sample(ids, min(len(ids), rng.randint(1, 3)))
        name = rng.choice(list(REGISTRY))
        how = rng.choice(("command", "combo"))
        if how == "command":
            self.push(SetActivation(self.net, chosen, name))  # refused for inputs only
        else:  # the inspector's combo, by keyboard (as a user picks from it)
            page = self._inspect(chosen)
            combo = getattr(page, "activation", None)
            if combo is not None and combo.isEnabled():
                key, step = rng.choice(((Qt.Key.Key_Down, 1), (Qt.Key.Key_Up, -1)))
                target = combo.currentIndex() + step
                # "Custom…" opens a modal dialog nobody here would answer
                ahead = {combo.itemData(target), combo.itemData(target + step)}  # a separator
                if 0 <= target < combo.count() and CUSTOM not in ahead:
                    self.qtbot.keyClick(combo, key)
        return f"activation {name} on {chosen} ({how})"

    def do_param(self) -> str:
        with_params = [n for n in self.net if not n.is_input and n.params]
        if not with_params:
            return "param (none)"
        rng = self.rng
        neuron = rng.choice(with_params)
        spec = rng.choice(REGISTRY[neuron.activation].params)
        if rng.random() < 0.7:
            if rng.random() < 0.8:
                value = round(rng.uniform(spec.minimum, spec.maximum), 3)
            else:
                value = rng.choice((spec.maximum + 1, spec.minimum - 1, math.nan))
            command = SetParam(self.net, neuron.id, spec.name, value)
            ok = self.push(command)
            if not self.doc.locked_reason(command):
                assert ok == (spec.minimum <= value <= spec.maximum)
            return f"param {neuron.id}.{spec.name} = {value} (command)"
        page = self._inspect([neuron.id])
        slider = page.param_sliders[spec.name]
        slider.spin.setValue(rng.uniform(spec.minimum - 1, spec.maximum + 1))
        return f"param {neuron.id}.{spec.name} (spin)"

    def do_label(self) -> str:
        nid = self.pick()
        if nid is None:
            return "label (no neuron)"
        text = self.rng.choice(
            ("x₁", "", "a very long label for one neuron", "ß∑✓", "<b>bold</b>", nid, "h1", "  ")
        )
        page = self._inspect([nid])
        edit = page.label_edit
        edit.clear()
        if text.isascii():
            self.qtbot.keyClicks(edit, text)
        else:  # QTest types ASCII only (it aborts on "₁"): as if pasted
            edit.insert(text)
        self.qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert self.net.neurons[nid].label == text, "the label was not applied"
        return f"label {nid} = {text!r}"

    def do_source(self) -> str:
        nid = self.pick(("input",))
        if nid is None:
            return "source (no input)"
        kind = self.rng.choice([*SOURCE_KINDS, None])
        self.push(SetNeuronField(self.net, nid, "source", default_source(kind) if kind else None))
        return f"source {nid} = {kind}"
