"""Crash safety: SIGKILL during editing (autosave) and during saving loses nothing whole.

* During a save: a child process saves a large network over and over, alternating two
  versions A and B, and is killed at random moments. After every kill the file holds
  exactly A or exactly B, byte for byte. A kill in the middle of a write leaves the atomic
  writer's temporary file (``.NAME.xxxxxxxx.tmp``) beside it; the next save or open of
  that file removes such leftovers once they are a minute old.
* During editing: the real app (``run_gui``) edits without pause and autosaves every
  50 ms; it is killed at random moments, often in the middle of an autosave. After every
  kill the recovery file loads and holds the edits of the last autosave that finished, or
  a later one; a restart offers it (``tests/ui/test_recovery.py``'s restore child answers
  Restore), and after a clean quit the recovery folder is empty — no locks or half-written
  autosaves of the killed sessions pile up.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from exercise_helpers import ROOT
from shell_helpers import make_window
from test_recovery import _child as restore_child

from neurosim.core import fileformat
from neurosim.core.builders import layered_network
from neurosim.core.model import Network
from neurosim.ui import leftovers

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = [
    pytest.mark.qt_log_ignore("propagateSizeHints"),
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]

SAVE_KILLS, SAVE_KILLS_SLOW = 12, 60
EDIT_KILLS, EDIT_KILLS_SLOW = 3, 20
AGE = 120  # seconds: makes a leftover temporary file "stale" (older than a minute)

SAVER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from neurosim.core import fileformat

    target, a, b, mode = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
    if mode == "save":  # File > Save: make the text, then write it atomically
        versions = [fileformat.load(a), fileformat.load(b)]
        write = lambda v: fileformat.save(v, target)
    else:  # the atomic writer alone, so that every kill lands in a write
        versions = [a.read_bytes(), b.read_bytes()]
        write = lambda v: fileformat.write_atomic(target, v)
    print("ready", flush=True)
    i = 0
    while True:
        write(versions[i % 2])
        i += 1
""")

EDITOR = textwrap.dedent("""
    import sys
    import threading
    from PySide6.QtCore import QTimer
    from neurosim.ui import app as ns_app
    from neurosim.ui.commands import AddNeuron, SetWeight

    qapp = ns_app.application()
    k = 0
    said = threading.Lock()

    def say(line):  # whole lines: the UI thread and the autosave worker both report
        with said:
            sys.stdout.write(line + "\\n")
            sys.stdout.flush()

    def window():
        from neurosim.ui.mainwindow import MainWindow
        found = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)]
        return found[0] if found else None

    def start():
        w = window()
        if w is None or getattr(w, "recovery", None) is None or w.document.path is None:
            return QTimer.singleShot(20, start)
        rec = w.recovery
        write = rec._write

        def announced(*args):  # on the worker thread, once both files are written
            write(*args)
            data = args[-2]  # (network path, sidecar path, data, side)
            weight = next(s["weight"] for s in data["synapses"]
                          if (s["source"], s["target"]) == ("x1", "y"))
            say(f"written {weight:g}")

        rec._write = announced
        say("ready")
        edit()

    def edit():  # an edit every 5 ms, a new neuron now and then (autosaved at once)
        global k
        doc = window().document
        k += 1
        doc.push(SetWeight(doc.network, ("x1", "y"), float(k)))
        if k % 9 == 0:
            doc.push(AddNeuron(doc.network, "hidden", (float(k), 300.0)))
        say(f"edit {k}")
        QTimer.singleShot(5, edit)

    QTimer.singleShot(0, start)
    sys.exit(ns_app.run_gui(sys.argv[1]))
""")


def _network(seed: int, sizes=(10, 100, 100, 10)) -> Network:
    """By default about 1 MB of file: 220 neurons, 12,000 synapses."""
    net = layered_network(list(sizes), "tanh", seed=seed)
    net.meta["title"] = f"version {seed}"
    return net


def _temps(path) -> list:
    """The atomic writer's temporary files beside ``path`` (or in the folder ``path``)."""
    folder, name = (path, "") if path.is_dir() else (path.parent, path.name)
    return sorted(
        p for p in folder.iterdir() if p.name.startswith(f".{name}") and p.name.endswith(".tmp")
    )


def _age(paths) -> None:
    old = time.time() - AGE
    for p in paths:
        os.utime(p, (old, old))


def _spawn(script: str, args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_after_ready(
    child: subprocess.Popen, delay: float, after: str | None = None
) -> tuple[str, str]:
    """Wait for the child's "ready" line (and then for a line starting with ``after``, if
    given), let it run ``delay`` s, SIGKILL it; its output. Waiting for a line rather than a
    time keeps the test meaningful on a busy machine, where a child may be slow to start."""
    first = child.stdout.readline()
    if first.strip() != "ready":
        child.kill()
        out, err = child.communicate(timeout=30)
        raise AssertionError(f"the child did not start: {first}{out}\n{err}")
    seen = []
    while after is not None:
        line = child.stdout.readline()
        seen.append(line)
        if not line or line.startswith(after):
            break
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, err
    return "".join(seen) + out, err


# ------------------------------------------------------------------ kill a save
def kill_saves(tmp_path, kills: int, seed: int, reliability_stats, label: str) -> None:
    rng = random.Random(seed)
    a, b = tmp_path / "a.nsim.json", tmp_path / "b.nsim.json"
    fileformat.save(_network(1), a)
    fileformat.save(_network(2), b)
    versions = {a.read_bytes(): "A", b.read_bytes(): "B"}
    target = tmp_path / "work" / "student.nsim.json"
    target.parent.mkdir()
    fileformat.save(_network(1), target)
    seen, mid_write = {"A": 0, "B": 0}, 0
    for i in range(kills):
        before = set(_temps(target))
        mode = "write" if i % 2 else "save"
        child = _spawn(SAVER, [str(target), str(a), str(b), mode], {})
        _kill_after_ready(child, rng.uniform(0.0, 0.6))
        data = target.read_bytes()
        assert data in versions, (
            f"kill {i} ({mode}): the file is neither A nor B ({len(data)} bytes)"
        )
        seen[versions[data]] += 1
        fileformat.load(target)  # and it opens
        left = set(_temps(target)) - before
        assert len(left) <= 1, f"one kill left {len(left)} temporary files"
        mid_write += len(left)
    temps = _temps(target)
    assert len(temps) == mid_write, "temporary files appeared or vanished by themselves"
    reliability_stats[label] = {
        "kills": kills,
        "final_A": seen["A"],
        "final_B": seen["B"],
        "killed_mid_write": mid_write,
    }
    print(f"{label}: {reliability_stats[label]}")
    # The next save removes the leftovers once they are a minute old, and only them.
    _age(temps)
    young = target.parent / f".{target.name}.abcd1234.tmp"  # another process saving now
    young.write_bytes(b"{")
    unrelated = [
        target.parent / f".{target.name}.notours.tmp",
        target.parent / ".other.nsim.json.abcd1234.tmp",
    ]
    for p in unrelated:
        p.write_bytes(b"")
    _age(unrelated)
    fileformat.save(_network(3), target)
    assert _temps(target) == sorted([young, unrelated[0]])
    assert all(p.exists() for p in unrelated)


def test_a_save_killed_at_random_moments_leaves_a_or_b(tmp_path, reliability_stats):
    kill_saves(tmp_path, SAVE_KILLS, 8, reliability_stats, "SIGKILL during save")


@pytest.mark.slow
def test_a_save_killed_many_times(tmp_path, reliability_stats):
    kill_saves(tmp_path, SAVE_KILLS_SLOW, 9, reliability_stats, "SIGKILL during save (slow)")


def test_opening_a_file_removes_its_stale_temporary_files(
    qtbot,
    settings,
    dialogs,  # noqa: F811
    tmp_path,
):
    path = tmp_path / "mine.nsim.json"
    fileformat.save(_network(1, (2, 3, 1)), path)
    stale, fresh = (tmp_path / f".{path.name}.{tag}.tmp" for tag in ("a1b2c3d4", "zz99yy88"))
    for p in (stale, fresh):
        p.write_bytes(b"half a fi")
    _age([stale])
    window = make_window(qtbot, settings)
    assert window.open_file(path)
    assert not stale.exists() and fresh.exists()


# --------------------------------------------------------------- kill an edit
def kill_edits(tmp_path, kills: int, seed: int, reliability_stats, label: str) -> None:
    rng = random.Random(seed)
    path = tmp_path / "student.nsim.json"
    net = _network(4, (6, 30, 30, 6))  # 1,260 synapses: an autosave takes a moment
    net.add_neuron("output", "y", position=(900.0, 0.0), activation="sigmoid")
    net.add_synapse("x1", "y", 0.5)
    fileformat.save(net, path)
    folder = tmp_path / "recovery"
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "NEUROSIM_AUTOSAVE_MS": "50",
        "NEUROSIM_RECOVERY_DIR": str(folder),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    offered, mid_write = [], 0
    for i in range(kills):
        before = set(_temps(folder)) if folder.exists() else set()
        child = _spawn(EDITOR, [str(path)], env)
        # the first one dies at once: before its first autosave, only its lock exists
        if i == 0:
            out, _err = _kill_after_ready(child, 0.0)
        else:  # at a random moment after its first autosave (maybe in the middle of one)
            out, _err = _kill_after_ready(child, rng.uniform(0.0, 1.2), after="written")
        edits = [float(line.split()[1]) for line in out.splitlines() if line.startswith("edit")]
        written = [
            float(line.split()[1]) for line in out.splitlines() if line.startswith("written")
        ]
        found = leftovers.leftovers(folder)
        assert len(found) <= 1, f"kill {i}: {len(found)} sessions offered"
        if written:
            assert found, f"kill {i}: autosaved {written[-1]} but nothing is offered"
        mid_write += len(set(_temps(folder)) - before)
        if not found:
            continue
        weight = fileformat.load(found[0].network_path).synapses[("x1", "y")].weight
        low = written[-1] if written else 0.0
        assert low <= weight <= max(edits), (
            f"kill {i}: recovered {weight}, last autosave {written[-1:]}, last edit {edits[-1:]}"
        )
        assert weight in edits, f"kill {i}: recovered a weight never set ({weight})"
        offered.append(weight)
        if i < kills - 1:
            found[0].discard()  # the student pressed Discard at the next start
    reliability_stats[label] = {
        "kills": kills,
        "offered": len(offered),
        "killed_mid_autosave": mid_write,
    }
    print(f"{label}: {reliability_stats[label]}, recovered weights {offered}")
    assert offered, "no kill came after an autosave"
    # A restart offers the last one; Restore, then a clean quit leaves an empty folder.
    _age(_temps(folder))
    second = restore_child(tmp_path, path, "restore")
    try:
        out, err = second.communicate(timeout=60)
    finally:
        second.kill()
    assert second.returncode == 0, err
    report = fileformat.parse_json(out.strip().splitlines()[-1])
    assert report["weight"] == offered[-1] and report["modified"]
    assert report["path"] == str(path)
    assert sorted(p.name for p in folder.iterdir()) == []


def test_the_app_killed_while_editing_offers_the_last_autosave(tmp_path, reliability_stats):
    kill_edits(tmp_path, EDIT_KILLS, 5, reliability_stats, "SIGKILL while editing")


@pytest.mark.slow
def test_the_app_killed_while_editing_many_times(tmp_path, reliability_stats):
    kill_edits(tmp_path, EDIT_KILLS_SLOW, 6, reliability_stats, "SIGKILL while editing (slow)")


DEAD_SESSION = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QLockFile
    folder, session, write = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
    lock = QLockFile(os.path.join(folder, session + ".lock"))
    assert lock.tryLock(0)
    if write:  # the first autosave's network file, then death before its sidecar
        from neurosim.core import fileformat
        from neurosim.core.builders import layered_network
        fileformat.save(layered_network([2, 3, 1], "relu", seed=1),
                        os.path.join(folder, session + ".nsim.json"))
    os._exit(0)  # no unlock: as if killed
""")


def test_sessions_killed_before_their_first_sidecar(tmp_path):
    """A network file without its sidecar is still offered; a lone lock is removed."""
    for session, write in (("111-a", "1"), ("222-b", "0")):
        subprocess.run(
            [sys.executable, "-c", DEAD_SESSION, str(tmp_path), session, write],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=True,
            timeout=60,
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "111-a.lock",
        "111-a.nsim.json",
        "222-b.lock",
    ]
    found = leftovers.leftovers(tmp_path)
    assert [f.network_path.name for f in found] == ["111-a.nsim.json"]
    assert found[0].original_path is None and found[0].title == "Untitled"
    assert len(fileformat.load(found[0].network_path).neurons) == 6
    assert not (tmp_path / "222-b.lock").exists()
    found[0].discard()
    assert list(tmp_path.iterdir()) == []
