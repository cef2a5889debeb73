"""`neurosim screenshot` and `neurosim --selftest`: an offscreen render that is not blank."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from neurosim.cli import main
from neurosim.core.localized_text import english
from neurosim.paths import resource_path
from neurosim.ui.app import colour_count, default_network, run_selftest

EXAMPLE = str(resource_path("examples", "single_neuron.nsim.json"))
ROOT = Path(__file__).resolve().parents[2]


def test_default_example_is_the_single_neuron():
    net = default_network()
    assert english(net.meta["title"]) == "One neuron, two inputs"
    assert {n.id: n.kind for n in net} == {"x1": "input", "x2": "input", "y1": "output"}
    assert net.neurons["y1"].activation == "sigmoid" and net.neurons["y1"].bias == -0.2
    assert {k: s.weight for k, s in net.synapses.items()} == {("x1", "y1"): 0.7, ("x2", "y1"): -0.3}
    assert (net.neurons["x1"].value, net.neurons["x2"].value) == (1.0, 0.5)


def test_screenshot_renders_a_picture(qapp, tmp_path, capsys):
    out = tmp_path / "shot.png"
    assert main(["screenshot", EXAMPLE, "-o", str(out), "--size", "1100x760"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1100, 760)
    assert colour_count(image) >= 16  # text, neurons, synapses, panels: not a blank frame


@pytest.mark.parametrize(
    "args, message",
    [
        (["missing.json"], "missing.json: cannot read the file"),
        ([EXAMPLE, "--size", "huge"], "expected WIDTHxHEIGHT"),
        ([EXAMPLE, "--size", "10x10"], "each side must be"),
        ([EXAMPLE, "-o", "/no/such/folder/out.png"], "there is no folder /no/such/folder"),
        ([EXAMPLE, "-o", "{tmp}/out.jpg"], "must be a .png file"),
    ],
)
def test_bad_input_exits_2_with_one_error_line(qapp, tmp_path, capsys, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "-o" not in args:
        args += ["-o", str(tmp_path / "out.png")]
    assert main(["screenshot", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and message in err


def test_unwritable_output_exits_2(qapp, tmp_path, capsys):
    target = tmp_path / "taken.png"
    target.mkdir()  # a folder where the file should go
    assert main(["screenshot", EXAMPLE, "-o", str(target)]) == 2
    assert "is a folder, not a file name" in capsys.readouterr().err


def test_screenshot_command_runs_headless(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    out = tmp_path / "cli.png"
    done = subprocess.run(
        [sys.executable, "-m", "neurosim", "screenshot", EXAMPLE, "-o", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert colour_count(QImage(str(out))) >= 16


def test_selftest_passes_and_prints_the_png(qapp, capsys):
    assert run_selftest() == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.suffix == ".png" and colour_count(QImage(str(path))) >= 16


# --------------------------------------------------- deterministic, canvas-only, presentation
RUNNING = str(resource_path("examples", "06a-sparse-relu.nsim.json"))  # its clock starts running


def shot(tmp_path, name: str, *options: str, net: str = RUNNING) -> QImage:
    out = tmp_path / f"{name}.png"
    assert main(["screenshot", net, "-o", str(out), *options]) == 0
    return QImage(str(out))


def headless_shot(out: Path, *options: str) -> bytes:
    """``neurosim screenshot`` as a user runs it: a process of its own."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-m", "neurosim", "screenshot", RUNNING, "-o", str(out), *options],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


def test_two_runs_give_the_same_png_and_time_moves_the_clock(tmp_path):
    """An example whose clock starts running is pictured at t = 0, every run alike;
    ``--time 30`` shows step 30 (its inputs are drawn anew every step)."""
    first = headless_shot(tmp_path / "a.png")
    assert headless_shot(tmp_path / "b.png") == first
    assert headless_shot(tmp_path / "t30.png", "--time", "30") != first


def test_canvas_only_is_the_network_at_the_requested_size(qapp, tmp_path):
    whole = shot(tmp_path, "whole", "--size", "1000x700")
    canvas = shot(tmp_path, "canvas", "--size", "1000x700", "--canvas-only")
    assert (canvas.width(), canvas.height()) == (1000, 700)
    assert colour_count(canvas) >= 16  # neurons, synapses, the colour key
    # no menu bar or toolbar text along the top: a strip of the canvas's ground
    top = {canvas.pixel(x, y) for x in range(0, 1000, 3) for y in range(4, 30)}
    assert len(top) <= 3
    assert len({whole.pixel(x, y) for x in range(0, 1000, 3) for y in range(4, 30)}) > 3


def test_presentation_is_pictured_in_presentation_mode(qapp, tmp_path, monkeypatch):
    from neurosim.ui import screenshot as screenshot_module

    seen = []
    real_take = screenshot_module.take

    def take(window, options, check):
        image = real_take(window, options, check)
        presentation = window.lessons.presentation
        seen.append((presentation.active, window.size().toTuple(), presentation.scale))
        return image

    monkeypatch.setattr("neurosim.ui.app.take", take)
    image = shot(tmp_path, "slide", "--size", "1280x720", "--presentation")
    assert (image.width(), image.height()) == (1280, 720)
    assert seen == [(True, (1280, 720), seen[0][2])] and seen[0][2] > 1  # larger, not full screen
    assert image != shot(tmp_path, "normal", "--size", "1280x720")


@pytest.mark.parametrize(
    "args, message",
    [(["--time", "-1"], "is not a step from 0"), (["--time", "soon"], "not a whole number")],
)
def test_bad_time_is_one_error_line(qapp, tmp_path, capsys, args, message):
    assert main(["screenshot", EXAMPLE, "-o", str(tmp_path / "o.png"), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and message in err
