"""`neurosim screenshot` and `neurosim --selftest`: an offscreen render that is not blank."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from neurosim.cli import main
from neurosim.paths import resource_path
from neurosim.ui.app import colour_count, default_network, run_selftest

EXAMPLE = str(resource_path("examples", "single_neuron.nsim.json"))
ROOT = Path(__file__).resolve().parents[2]


def test_default_example_is_the_single_neuron():
    net = default_network()
    assert net.meta["title"] == "One neuron, two inputs"
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
