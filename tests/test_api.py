"""The Python API: ``import neurosim`` without Qt, documented names, evaluate, train,
datasets, check, and the notebook pictures and tables."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pytest

import neurosim
from neurosim.core.engine import Engine


def test_importing_the_api_and_using_it_loads_no_qt():
    code = (
        "import sys, neurosim\n"
        "net = neurosim.load(neurosim.example('06a-sparse-relu'))\n"
        "net.evaluate(); net._repr_svg_(); neurosim.datasets.get('circle')\n"
        "net2 = neurosim.layered([2, 2, 1]); net2.train('xor', epochs=2)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph')))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_every_public_name_is_there_and_documented():
    for name in neurosim.__all__:
        value = getattr(neurosim, name)
        if callable(value) or inspect.ismodule(value):
            assert inspect.getdoc(value), name
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = neurosim.nope  # noqa: B018


def test_evaluate_matches_the_engine_for_dicts_arrays_and_stored_values():
    net = neurosim.load(neurosim.example("08-choosing-activation"))
    engine = Engine(net)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(7, len(net.input_ids)))
    result = net.evaluate(x)
    expected = engine.evaluate(x[:, [net.input_ids.index(i) for i in engine.input_ids]])
    assert len(result) == 7
    for nid in net.neurons:
        col = expected.index[nid]
        np.testing.assert_array_equal(result.y[nid], expected.y[:, col])
        np.testing.assert_array_equal(result["" + nid]["fired"], expected.fired[:, col])
    stored = net.evaluate()
    assert len(stored) == 1
    first = net.input_ids[0]
    partial = net.evaluate({first: [0.5, -0.5]})
    assert list(partial.y[first]) == [0.5, -0.5]
    for other in net.input_ids[1:]:  # left out: the stored value
        assert list(partial.y[other]) == [net.neurons[other].value] * 2


def test_evaluate_says_what_is_wrong_with_inputs():
    net = neurosim.load(neurosim.example("03b-xor-hidden-layer"))
    with pytest.raises(ValueError, match="no input neuron 'x9'; the inputs are x1, x2"):
        net.evaluate({"x9": 1})
    with pytest.raises(ValueError, match=r"rows of 2 input values \(x1, x2\)"):
        net.evaluate([[1, 2, 3]])
    with pytest.raises(ValueError, match="differ in length"):
        net.evaluate({"x1": [0, 1], "x2": [0, 1, 1]})


def test_train_learns_xor_in_place_and_keeps_the_history():
    net = neurosim.layered([2, 3, 1], "tanh", output="sigmoid", seed=1)
    before = {k: s.weight for k, s in net.synapses.items()}
    history = net.train("xor", epochs=200, lr=0.5, optimizer="adam")
    assert history.epochs == list(range(201))
    assert history.loss[-1] < history.loss[0] / 10
    assert any(net.synapses[k].weight != w for k, w in before.items())
    assert "xor: mse loss" in repr(history) and "<table>" in history._repr_html_()


def test_train_takes_arrays_and_refuses_what_cannot_learn():
    net = neurosim.layered([1, 4, 1], "tanh", output="linear", seed=2)
    x = np.linspace(-1, 1, 30)[:, None]
    history = net.train((x, 0.5 * x[:, 0]), epochs=100, lr=0.1, optimizer="adam")
    assert history.accuracy[-1] is None and history.loss[-1] < 0.01
    with pytest.raises(neurosim.TrainingError, match="unknown dataset 'xorr'"):
        net.train("xorr")
    step_net = neurosim.load(neurosim.example("03b-xor-hidden-layer"))
    with pytest.raises(neurosim.TrainingError, match="step"):
        step_net.train("xor", epochs=1)


def test_datasets_and_examples():
    assert "circle" in neurosim.datasets.NAMES
    circle = neurosim.datasets.get("circle", n=50, seed=3)
    assert circle.inputs.shape == (50, 2)
    with pytest.raises(FileNotFoundError, match="the examples are: 01-threshold"):
        neurosim.example("99-nothing")
    assert neurosim.exercise("and-gate").name == "and-gate.nsim.json"


def test_check_grades_files_and_networks(tmp_path):
    path = neurosim.exercise("and-gate")
    report = neurosim.check(path, neurosim.load(path))
    assert report.solved is False and report.results
    assert json.dumps(report.to_dict())


def test_build_save_and_load_round_trip(tmp_path):
    net = neurosim.new("by hand")
    net.add_neuron("input", "a", value=1.0)
    net.add_neuron("output", "out", activation="relu", bias=0.5)
    net.connect("a", "out", 2.0)
    net.save(tmp_path / "n.nsim.json")
    again = neurosim.load(tmp_path / "n.nsim.json")
    assert again.evaluate().y["out"][0] == 2.5
    with pytest.raises(neurosim.NetworkError):
        net.connect("out", "a")  # into an input


def test_the_network_draws_itself_as_valid_svg_with_its_colours():
    net = neurosim.load(neurosim.example("03b-xor-hidden-layer"))
    net.set_value("x1", 1.0)
    svg = net._repr_svg_()
    root = ET.fromstring(svg)  # well-formed
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f"{ns}line")) == len(net.synapses)
    assert len(root.findall(f"{ns}circle")) + len(root.findall(f"{ns}rect")) == len(net.neurons)
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "OR" in texts and "NAND" in texts
    fired = [c for c in root.iter() if c.get("stroke") == "#ffc20a"]
    assert len(fired) == sum(bool(net.evaluate().fired[n][0]) for n in net.neurons)
    assert "<table>" in net.evaluate()._repr_html_()
    assert neurosim.new()._repr_svg_().startswith("<svg")


def test_a_dense_network_is_drawn_without_weight_labels_that_would_cover_each_other():
    net = neurosim.load(neurosim.example("08-choosing-activation"))
    root = ET.fromstring(net._repr_svg_())
    texts = list(root.iter("{http://www.w3.org/2000/svg}text"))
    assert len(texts) == 2 * len(net.neurons)  # each neuron's output and label only


def test_a_notebook_session_from_lesson_to_exported_code(tmp_path):
    """Load, evaluate a batch, train, export to NumPy (and PyTorch where installed), run the
    exported code and find NeuroSim's numbers."""
    import importlib.util

    from neurosim.core.export import export_code

    net = neurosim.load(neurosim.example("08-choosing-activation"))
    grid = np.random.default_rng(1).uniform(-1, 1, size=(64, 2))
    net.train(None, epochs=20, lr=0.3, optimizer="adam")  # the lesson's own data set
    expected = net.evaluate(grid)
    targets = ["numpy"] + (["torch"] if importlib.util.find_spec("torch") else [])
    for target in targets:
        path = tmp_path / f"net_{target}.py"
        path.write_text(export_code(net, target), encoding="utf-8")
        spec = importlib.util.spec_from_file_location(f"net_{target}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if target == "numpy":
            _z, y, _fired = module.forward(grid)
        else:
            import torch

            with torch.no_grad():
                y = module.Network()(torch.tensor(grid))[1].numpy()
        for nid in net.neurons:
            np.testing.assert_allclose(
                y[:, module.IDS.index(nid)], expected.y[nid], rtol=0, atol=1e-12
            )
