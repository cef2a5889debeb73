"""Export as code: the NumPy script and the PyTorch module compute what the engine computes
(every example, random DAGs with skip connections, every activation), run on their own to
print ``neurosim eval``'s JSON, and train to the same gradients as NeuroSim's backprop."""

from __future__ import annotations

import ast
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from neurosim.cli import main
from neurosim.core import fileformat
from neurosim.core.activations import ACTIVATION_NAMES
from neurosim.core.builders import random_dag
from neurosim.core.datasets import Dataset
from neurosim.core.engine import Engine
from neurosim.core.export import export_code
from neurosim.core.model import Network
from neurosim.core.training import Trainer
from neurosim.paths import resource_path

EXAMPLES = sorted(resource_path("examples").glob("*.json"))
HAS_TORCH = importlib.util.find_spec("torch") is not None
needs_torch = pytest.mark.skipif(
    not HAS_TORCH, reason="torch is not installed (pip install torch, a CPU build will do)"
)


def load_script(text: str, tmp_path: Path, name: str):
    path = tmp_path / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mixed_dag(seed: int) -> Network:
    """A random DAG with skip connections, every activation, and varied parameters."""
    net = random_dag(24, 70, seed=seed, n_inputs=3, n_outputs=2, activations=ACTIVATION_NAMES)
    rng = np.random.default_rng(seed)
    for k, n in enumerate(net.of_kind("hidden")):
        net.set_activation(n.id, ACTIVATION_NAMES[(k + seed) % len(ACTIVATION_NAMES)])
        if n.activation == "leaky_relu":
            net.set_param(n.id, "alpha", float(rng.uniform(0.0, 1.0)))
        elif n.activation == "step":
            net.set_param(n.id, "threshold", float(rng.uniform(-1.0, 1.0)))
        elif n.activation == "linear":
            net.set_param(n.id, "slope", float(rng.uniform(-2.0, 2.0)))
    return net


def engine_figures(net: Network, x: np.ndarray):
    result = Engine(net).evaluate(x)
    return result.z, result.y, result.fired


@pytest.mark.parametrize("seed", range(4))
def test_numpy_script_matches_the_engine_on_random_dags(seed, tmp_path):
    net = mixed_dag(seed)
    assert {n.activation for n in net.of_kind("hidden")} == set(ACTIVATION_NAMES)
    script = load_script(export_code(net, "numpy"), tmp_path, f"dag{seed}")
    x = np.random.default_rng(seed).normal(scale=2.0, size=(50, 3))
    z, y, fired = script.forward(x)
    ez, ey, efired = engine_figures(net, x)
    assert script.IDS == Engine(net).compiled.ids
    np.testing.assert_allclose(y, ey, rtol=0, atol=1e-12)
    np.testing.assert_allclose(z, ez, rtol=0, atol=1e-12)  # NaN for inputs in both
    assert np.array_equal(fired, efired)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.split(".")[0])
def test_numpy_script_prints_what_neurosim_eval_prints(path, tmp_path, capsys):
    net = fileformat.load(path)
    out = tmp_path / "lesson.py"
    assert main(["export", str(path), "--to", "numpy", "-o", str(out)]) == 0
    assert main(["eval", str(path)]) == 0
    expected = json.loads(capsys.readouterr().out)
    run = subprocess.run([sys.executable, str(out)], capture_output=True, text=True, check=True)
    got = json.loads(run.stdout)
    assert list(got["neurons"]) == list(net.neurons)  # the file's order, as eval prints
    assert got["active_fraction"] == expected["active_fraction"]
    for nid, figures in expected["neurons"].items():
        for key, value in figures.items():
            if isinstance(value, float):
                assert got["neurons"][nid][key] == pytest.approx(value, abs=1e-12), (nid, key)
            else:
                assert got["neurons"][nid][key] == value, (nid, key)


def test_script_takes_other_inputs_on_its_command_line(tmp_path, capsys):
    path = resource_path("examples") / "03b-xor-hidden-layer.nsim.json"
    out = tmp_path / "xor.py"
    assert main(["export", str(path), "--to", "numpy", "-o", str(out)]) == 0
    for a, b in [(0, 0), (0, 1), (1, 0), (1, 1)]:
        run = subprocess.run(
            [sys.executable, str(out), str(a), str(b)], capture_output=True, text=True
        )
        xor = json.loads(run.stdout)["neurons"]["xor"]
        assert xor["y"] == float(a != b)
    wrong = subprocess.run([sys.executable, str(out), "1"], capture_output=True, text=True)
    assert wrong.returncode != 0 and "give 2 input values (x1, x2)" in wrong.stderr


def test_script_is_readable_code_with_the_weights_and_neuron_ids(tmp_path):
    net = fileformat.load(resource_path("examples") / "03b-xor-hidden-layer.nsim.json")
    text = export_code(net, "numpy")
    ast.parse(text)
    assert "import neurosim" not in text and "from neurosim" not in text  # self-contained
    assert "# level 1: h_or, h_nand, one" in text
    assert "# from x1" in text and "# biases of h_or, h_nand, one" in text
    assert "def step(z, threshold):" in text
    assert "def sigmoid" not in text  # only the activations it uses
    assert max(len(line) for line in text.splitlines()[2:]) <= 100


def test_odd_ids_and_titles_cannot_break_the_script(tmp_path):
    net = Network({"title": 'a """ title \\ with\nnewline'})
    net.add_neuron("input", "x'1\"", value=0.25)
    net.add_neuron("output", "y\\1 # no", bias=0.5, activation="tanh")
    net.add_synapse("x'1\"", "y\\1 # no", -2.0)
    for target in ("numpy",) + (("torch",) if HAS_TORCH else ()):
        script = load_script(export_code(net, target), tmp_path, f"odd_{target}")
        report = script.report()
        assert report["neurons"]["y\\1 # no"]["y"] == pytest.approx(np.tanh(-2.0 * 0.25 + 0.5))


def test_a_level_nothing_feeds_keeps_its_biases(tmp_path):
    net = Network()
    net.add_neuron("input", "x1", value=1.0)
    net.add_neuron("output", "y1", bias=0.75, activation="relu")  # no synapse at all
    script = load_script(export_code(net, "numpy"), tmp_path, "lonely")
    assert script.report()["neurons"]["y1"]["y"] == 0.75


def test_cli_errors_are_one_line(tmp_path, capsys):
    path = str(resource_path("examples") / "01-threshold.nsim.json")
    assert main(["export", path, "--to", "jax"]) == 2
    assert "invalid choice: 'jax'" in capsys.readouterr().err
    assert main(["export", path, "--to", "torch", "-o", str(tmp_path / "torch.py")]) == 2
    assert "would hide the torch library" in capsys.readouterr().err
    assert not (tmp_path / "torch.py").exists()
    assert main(["export", str(tmp_path / "missing.json"), "--to", "numpy"]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["export", path, "--to", "numpy"]) == 0
    assert capsys.readouterr().out.startswith('"""NeuroSim network')


@needs_torch
@pytest.mark.parametrize("seed", range(3))
def test_torch_module_matches_the_engine_on_random_dags(seed, tmp_path):
    import torch

    net = mixed_dag(seed)
    script = load_script(export_code(net, "torch"), tmp_path, f"tdag{seed}")
    x = np.random.default_rng(seed).normal(scale=2.0, size=(40, 3))
    with torch.no_grad():
        z, y = script.Network()(torch.tensor(x))
    ez, ey, efired = engine_figures(net, x)
    np.testing.assert_allclose(y.numpy(), ey, rtol=0, atol=1e-12)
    np.testing.assert_allclose(z.numpy(), ez, rtol=0, atol=1e-12)
    assert np.array_equal(script.fired(z).numpy(), efired)


@needs_torch
@pytest.mark.parametrize("path", EXAMPLES[:4], ids=lambda p: p.name.split(".")[0])
def test_torch_script_prints_what_neurosim_eval_prints(path, tmp_path, capsys):
    out = tmp_path / "lesson_torch.py"
    assert main(["export", str(path), "--to", "torch", "-o", str(out)]) == 0
    assert main(["eval", str(path)]) == 0
    expected = json.loads(capsys.readouterr().out)
    run = subprocess.run([sys.executable, str(out)], capture_output=True, text=True, check=True)
    got = json.loads(run.stdout)
    assert got["active_fraction"] == expected["active_fraction"]
    for nid, figures in expected["neurons"].items():
        assert got["neurons"][nid]["fired"] == figures["fired"]
        assert got["neurons"][nid]["y"] == pytest.approx(figures["y"], abs=1e-12)


@needs_torch
def test_torch_backward_gives_neurosims_gradients_and_only_for_synapses(tmp_path):
    import torch

    activations = ("tanh", "sigmoid", "gelu", "silu", "softplus", "linear", "elu")
    net = random_dag(20, 60, seed=3, n_inputs=3, n_outputs=2, activations=activations)
    rng = np.random.default_rng(3)
    inputs = [n.id for n in net.of_kind("input")]
    outputs = [n.id for n in net.of_kind("output")]
    ds = Dataset(
        "random",
        rng.normal(size=(16, 3)),
        rng.uniform(size=(16, 2)),
        inputs,
        outputs,
        "regression",
    )
    trainer = Trainer(net, ds, loss="mse")
    expected = trainer.gradient()
    script = load_script(export_code(net, "torch"), tmp_path, "grad")
    model = script.Network().double()
    order = [script.INPUTS.index(i) for i in inputs]
    x = torch.tensor(ds.inputs[:, np.argsort(order)])
    _z, y = model(x)
    cols = [script.IDS.index(o) for o in outputs]
    loss = torch.mean((y[:, cols] - torch.tensor(ds.targets)) ** 2)
    loss.backward()
    ids, levels = script.IDS, Engine(net).compiled.levels

    def level_of(nid: str):
        return next(
            (k, lv) for k, lv in enumerate(levels, 1) if lv.start <= ids.index(nid) < lv.stop
        )

    for (source, target), i in trainer.weight_index.items():
        k, lv = level_of(target)
        grad = getattr(model, f"w{k}").grad[
            ids.index(source) - lv.src_lo, ids.index(target) - lv.start
        ]
        assert grad.item() == pytest.approx(expected[i], rel=1e-9, abs=1e-12)
    for nid, i in trainer.bias_index.items():
        k, lv = level_of(nid)
        grad = getattr(model, f"b{k}").grad[ids.index(nid) - lv.start]
        assert grad.item() == pytest.approx(expected[i], rel=1e-9, abs=1e-12)
    # entries where no synapse is get no gradient: training keeps them at 0
    for k in range(1, len(levels) + 1):
        mask = getattr(model, f"m{k}", None)
        if mask is not None:
            assert float((getattr(model, f"w{k}").grad * (1 - mask)).abs().max()) == 0.0
