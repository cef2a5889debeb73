"""The GUI monkey's other half: clipboard, undo, selection, view, clock, training, files.

A mixin for :class:`gui_monkey.Monkey` (it uses its ``window``, ``rng``, ``push``…).
"""

from __future__ import annotations

import json

from canvas_helpers import drag
from gui_checks import masked
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from neurosim.core import fileformat
from neurosim.ui.commands import DeleteItems
from neurosim.ui.mainwindow import DEFAULT_TEXT_SCALE, MIME_TYPE

LEFT, CTRL = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier
NO_MOD, SHIFT = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
DATASETS = ("and", "or", "xor", "circle", "xor2d", "gauss", "spiral", "sine")
TEXT_SCALES = (1.0, 1.25, 1.5, 2.0)
TYPED = (
    "0.75",
    "−1,5",
    " 2e3 ",
    "1e6",
    "-1e-6",
    "abc",
    "",
    "nan",
    "inf",
    "1e400",
    "0x10",
    "١٢",
    "--1",
    "3.0.1",
)
BROKEN_PAYLOADS = (
    {"neurons": [{"id": "x1", "kind": "input", "value": "one"}]},
    {"neurons": [{"id": "x1", "kind": "input"}, {"id": "x1", "kind": "input"}]},
    {
        "neurons": [{"id": "x1", "kind": "input"}],
        "synapses": [{"source": "x1", "target": "gone", "weight": 1.0}],
    },
    {
        "neurons": [
            {
                "id": "h1",
                "kind": "hidden",
                "label": "h",
                "position": [0, 0],
                "bias": float("nan"),
                "activation": {"name": "relu", "params": {}},
            }
        ]
    },
    {"neurons": "many"},
    {"neurons": []},
    {},
)


class SessionActions:
    # ----------------------------------------------------------- clipboard
    def do_copy_paste(self) -> str:
        rng, ids = self.rng, list(self.net.neurons)
        how = rng.choice(("copy", "copy", "cut", "payload", "garbage"))
        chosen = rng.sample(ids, min(len(ids), rng.randint(1, 4))) if ids else []
        self.canvas.select(chosen)
        before = len(self.net.neurons)
        if how in ("copy", "cut"):
            getattr(self.window, how)()
            for _ in range(rng.randint(1, 2)):
                self.window.paste()
            if chosen and how == "copy":
                assert len(self.net.neurons) > before, "nothing was pasted"
        elif how == "payload":  # a damaged payload: refused with a message
            self.canvas.paste(rng.choice(BROKEN_PAYLOADS))
            assert len(self.net.neurons) == before
        else:  # text or half a payload on the clipboard
            mime = QMimeData()
            text = rng.choice(("hello", "{", "[1, 2]", json.dumps({"neurons": 5})))
            if rng.random() < 0.5:
                mime.setData(MIME_TYPE, text.encode())
            mime.setText(text)
            QApplication.clipboard().setMimeData(mime)
            self.window.paste()
            assert len(self.net.neurons) == before
        return f"{how} {chosen}"

    # ---------------------------------------------------------------- undo
    def do_undo(self) -> str:
        n = self.rng.randint(1, 4)
        for _ in range(n):
            self.window.acts.undo.trigger()
        return f"undo ×{n}"

    def do_redo(self) -> str:
        n = self.rng.randint(1, 4)
        for _ in range(n):
            self.window.acts.redo.trigger()
        return f"redo ×{n}"

    def do_history(self) -> str:
        stack = self.doc.undo_stack
        if not self.window.history_view.isEnabled():  # a live run: clicks do nothing
            return "history (waits for the training run)"
        index = self.rng.randint(0, stack.count())
        self.window.history_view.setCurrentIndex(
            self.window.history_view.model().index(index, 0)
        )  # as a click in the History list
        assert stack.index() == index
        return f"history jump to {index}"

    # ----------------------------------------------------------- selection
    def do_select(self) -> str:
        rng = self.rng
        how = rng.choice(("api", "all", "click", "ctrl-click", "band", "escape"))
        if how == "api":
            ids = rng.sample(list(self.net.neurons), min(len(self.net.neurons), rng.randint(0, 3)))
            keys = rng.sample(
                list(self.net.synapses), min(len(self.net.synapses), rng.randint(0, 2))
            )
            self.canvas.select(ids + ["ghost"], keys + [("ghost", "x1")])
            assert set(self.canvas.selected_neuron_ids()) == set(ids)
        elif how == "all":
            self.window.acts.select_all.trigger()
            assert len(self.canvas.selected_neuron_ids()) == len(self.net.neurons)
        elif how in ("click", "ctrl-click"):
            nid = self.pick()
            if nid is not None:
                p = self.body_point(nid)
                self.look_at(p)
                self.qtbot.mouseClick(
                    self.canvas.viewport(),
                    LEFT,
                    CTRL if how == "ctrl-click" else NO_MOD,
                    self.vp(p),
                )
        elif how == "band":
            a = self.empty_point()
            self.look_at(a, 0.5)
            start = self.vp(a)
            end = start + QPoint(rng.randint(-300, 300), rng.randint(-200, 200))
            drag(self.qtbot, self.canvas, start, end, steps=3)
        else:
            self.canvas.setFocus()
            self.qtbot.keyClick(self.canvas, Qt.Key.Key_Escape)
        return f"select ({how}) → {sorted(self.canvas.selected_neuron_ids())}"

    # ---------------------------------------------------------------- view
    def do_view(self) -> str:
        rng, acts = self.rng, self.window.acts
        how = rng.choice(
            (
                "zoom_in",
                "zoom_out",
                "fit",
                "auto_layout",
                "show_weights",
                "show_values",
                "snap_to_grid",
                "text_scale",
            )
        )
        if how == "text_scale":
            self.window.set_text_scale(rng.choice(TEXT_SCALES))
        elif how in ("show_weights", "show_values", "snap_to_grid"):
            getattr(acts, how).toggle()
        else:
            getattr(acts, how).trigger()
        return f"view {how}"

    # --------------------------------------------------------------- clock
    def do_clock(self) -> str:
        clock, rng = self.window.live_plots.clock, self.rng
        how = rng.choice(("step", "step", "run", "reset", "speed"))
        if how == "step":
            clock.step(rng.randint(1, 30))
        elif how == "run":  # the real timer: how many steps depends on the wall clock
            clock.run()
            self.qtbot.wait(rng.randint(20, 120))
            clock.pause()
        elif how == "reset":
            clock.reset()
        else:
            clock.set_speed(rng.choice((1, 30, 240, 10_000)))
        if how in ("step", "run"):  # a lesson may start the clock; Step and Pause stop it
            assert not clock.running
        return f"clock {how} (t={clock.t})"

    # ------------------------------------------------------------ training
    def do_train(self) -> str:
        ui, rng = self.window.training, self.rng
        session, panel = ui.session, ui.panel
        how = rng.choice(("step", "frames", "frames", "reset", "init", "data", "settings"))
        if how == "step":
            panel.step_action.trigger()
        elif how == "frames":  # Train ▶ then a few timer slices, run here (not by the clock)
            if session.train():
                for _ in range(rng.randint(1, 6)):
                    session.frame()
            session.pause()
        elif how == "reset":
            panel.reset_action.trigger()
        elif how == "init":
            panel.init_action.trigger()
        elif how == "data":
            panel.data.choose("builtin", rng.choice(DATASETS))
        else:
            panel.lr.setValue(rng.choice((0.001, 0.1, 1.0, 10.0)))
            panel.batch.setValue(rng.choice((0, 1, 4, 10)))
            panel.optimizer.setCurrentIndex(rng.randrange(panel.optimizer.count()))
            panel.optimizer.activated.emit(panel.optimizer.currentIndex())
        assert not session.running
        return f"train {how} (epochs {session.epochs}, message {session.message!r})"

    # ---------------------------------------------------------- in place
    def do_editor(self) -> str:
        rng = self.rng
        key = self.pick_synapse() if rng.random() < 0.4 else None
        nid = None if key else self.pick()
        if key:
            self.canvas.edit_weight(key)
        elif nid:
            p = self.item(nid).pos()
            self.look_at(p)
            self.qtbot.mouseDClick(self.canvas.viewport(), LEFT, NO_MOD, self.vp(p))
        editor = self.canvas.editor()
        if editor is None:
            return f"editor on {key or nid} (none opened)"
        text = rng.choice(TYPED)
        editor.setText(text)
        self.qtbot.keyClick(editor, Qt.Key.Key_Return)
        if self.canvas.editor() is not None:  # refused: still open, red
            self.qtbot.keyClick(self.canvas.editor(), Qt.Key.Key_Escape)
        assert self.canvas.editor() is None
        return f"editor on {key or nid}: typed {text!r}"

    def do_race(self) -> str:
        """A gesture or an open editor, and meanwhile the neuron goes (undo, delete)."""
        nid, rng = self.pick(), self.rng
        if nid is None:
            return "race (no neuron)"
        item, style = self.item(nid), self.canvas.network_scene.style
        mode = rng.choice(("connect", "move", "value", "editor"))
        if mode == "value" and item.kind != "input":
            mode = "move"
        p = {
            "connect": item.pos(),
            "move": self.body_point(nid),
            "value": item.pos() + QPointF(0, style.radius * 0.45),
            "editor": item.pos(),
        }[mode]
        self.look_at(p)
        viewport, start = self.canvas.viewport(), self.vp(p)
        mods = SHIFT if mode == "connect" else NO_MOD
        if mode == "editor":
            self.canvas.edit_neuron(nid)
        else:
            self.qtbot.mousePress(viewport, LEFT, mods, start)
            self.qtbot.mouseMove(viewport, start + QPoint(30, -20))
        interrupt = rng.choice(("undo", "delete", "redo", "paste"))
        if interrupt == "delete" and nid in self.net.neurons:
            self.push(DeleteItems(self.net, [nid], []))
        elif interrupt == "paste":
            self.window.paste()
        else:
            getattr(self.doc, interrupt)()  # as Edit ▸ Undo/Redo: a live run ends first
        end = start + QPoint(rng.randint(-150, 150), rng.randint(-150, 150))
        if mode == "editor":
            editor = self.canvas.editor()
            if editor is not None:
                editor.setText(rng.choice(("1.5", "-2", "x")))
                self.qtbot.keyClick(editor, Qt.Key.Key_Return)
                if self.canvas.editor() is not None:
                    self.qtbot.keyClick(self.canvas.editor(), Qt.Key.Key_Escape)
            assert self.canvas.editor() is None
        else:
            self.qtbot.mouseMove(viewport, end)
            self.qtbot.mouseRelease(viewport, LEFT, mods, end)
            assert not style.dragging and not self.canvas.gestures.active
        return f"race: {mode} on {nid}, meanwhile {interrupt}"

    # --------------------------------------------------------------- files
    def do_bad_file(self) -> str:
        """Open a damaged file, save where it cannot be written: nothing changes."""
        before, count = fileformat.dumps(self.net), self.doc.undo_stack.count()
        modified, path = self.doc.modified, self.doc.path
        if self.rng.random() < 0.5:
            bad = self.folder / "damaged.nsim.json"
            bad.write_text(
                self.rng.choice(("{", "[]", '{"format": "neurosim-network"}', "")), encoding="utf-8"
            )
            assert not self.window.open_file(bad)
            how = "open damaged"
        else:
            assert not self.window.save_to(self.folder / "no" / "such" / "dir.nsim.json")
            how = "save nowhere"
        assert self.dialogs.kinds()[-1] == "critical", "no error message was shown"
        assert fileformat.dumps(self.net) == before and self.doc.undo_stack.count() == count
        assert (self.doc.modified, self.doc.path) == (modified, path)
        return how

    def save_reopen(self, path) -> str:
        """Save, then open the file again (a fresh undo history). Opening restarts the
        simulation at t = 0, so inputs with a signal source show their value at t = 0."""
        assert self.window.save_to(path), "saving failed"
        assert not self.doc.modified
        text = fileformat.dumps(self.net)
        assert path.read_text(encoding="utf-8") == text, "the file is not what was shown"
        assert self.window.open_file(path)
        assert self.doc.undo_stack.count() == 0, "opening kept the undo history"
        clocked = {n.id for n in self.net if n.is_input and n.source is not None}
        again = fileformat.dumps(self.net)
        assert masked(again, clocked) == masked(text, clocked), f"reopened:\n{again}"
        return f"save and reopen {path.name}"

    def restore_text_scale(self) -> None:
        self.window.set_text_scale(DEFAULT_TEXT_SCALE)
