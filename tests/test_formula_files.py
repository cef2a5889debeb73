"""Formula activations in network files (version 2): installed on load, evaluated and trained
through their exact derivative, saved back; bad or hostile formulas refused with one message."""

from __future__ import annotations

import copy
import json
import math

import numpy as np
import pytest

from neurosim.cli import main
from neurosim.core import fileformat
from neurosim.core.activations import REGISTRY
from neurosim.core.custom_activations import INSTALLED, uninstall
from neurosim.core.datasets import builtin
from neurosim.core.training import Trainer
from neurosim.core.validate import FileFormatError

H = 1e-6


def network_dict(name: str, formula: str = "z * tanh(softplus(z))", **entry) -> dict:
    """A 2-3-1 XOR network whose hidden neurons use the formula activation ``name``."""
    hidden = [{"id": f"h{i}", "kind": "hidden", "activation": {"name": name}} for i in (1, 2, 3)]
    weights = [0.8, -0.5, -0.6, 0.9, 0.3, 0.4]
    synapses = [
        {"source": x, "target": f"h{i}", "weight": weights[2 * (i - 1) + k]}
        for i in (1, 2, 3)
        for k, x in enumerate(("x1", "x2"))
    ] + [
        {"source": f"h{i}", "target": "y", "weight": w} for i, w in ((1, 0.5), (2, -0.4), (3, 0.3))
    ]
    return {
        "format": "neurosim-network",
        "version": 2,
        "meta": {"title": f"XOR with {name}"},
        "activations": {name: {"title": name.title(), "formula": formula, **entry}},
        "neurons": [
            {"id": "x1", "kind": "input", "value": 1.0},
            {"id": "x2", "kind": "input"},
            *hidden,
            {"id": "y", "kind": "output", "activation": {"name": "sigmoid"}},
        ],
        "synapses": synapses,
    }


@pytest.fixture
def fresh_names():
    """Names a test installs are taken out again, so later tests see the built-ins only."""
    before = set(INSTALLED)
    yield
    for name in set(INSTALLED) - before:
        uninstall(name)


def write(tmp_path, d: dict, name: str = "net.nsim.json"):
    path = tmp_path / name
    path.write_text(json.dumps(d), encoding="utf-8")
    return path


def test_a_file_with_mish_evaluates_trains_and_saves(tmp_path, capsys, fresh_names):
    path = write(tmp_path, network_dict("mish_a"))
    assert main(["eval", str(path)]) == 0
    h1 = json.loads(capsys.readouterr().out)["neurons"]["h1"]
    assert h1["y"] == pytest.approx(0.8 * math.tanh(math.log1p(math.exp(0.8))), abs=1e-15)
    out = tmp_path / "trained.nsim.json"
    args = ["train", str(path), "--data", "builtin:xor", "--epochs", "400", "--lr", "0.5"]
    assert main([*args, "--optimizer", "adam", "--out", str(out)]) == 0
    assert "accuracy 100.0%" in capsys.readouterr().out
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["version"] == 2
    assert saved["activations"]["mish_a"]["formula"] == "z * tanh(softplus(z))"
    again = fileformat.load(out)  # a classmate opens it (same session: same definition)
    assert again.neurons["h1"].activation == "mish_a"


def test_version_1_files_read_and_write_as_before(tmp_path):
    d = network_dict("unused")
    d["version"] = 1
    del d["activations"]
    for n in d["neurons"]:
        if n["kind"] == "hidden":
            n["activation"] = {"name": "tanh"}
    net = fileformat.load(write(tmp_path, d))
    assert json.loads(fileformat.dumps(net))["version"] == 1


def test_gradients_through_a_formula_match_finite_differences(tmp_path, fresh_names):
    net = fileformat.load(
        write(tmp_path, network_dict("swish_b", "z * sigmoid(beta * z)", params={"beta": 1.7}))
    )
    trainer = Trainer(net, builtin("xor"))
    exact = trainer.gradient()
    for key, i in trainer.weight_index.items():
        w = net.synapses[key].weight
        losses = []
        for step in (H, -H):
            net.set_weight(key, w + step)
            losses.append(Trainer(net, builtin("xor")).measure().loss)
        net.set_weight(key, w)
        assert exact[i] == pytest.approx((losses[0] - losses[1]) / (2 * H), rel=1e-5, abs=1e-8)


@pytest.mark.parametrize(
    ("formula", "message"),
    [
        ("__import__('os').system('touch x')", "activations.evil: formula: unexpected character"),
        ("().__class__.__bases__", "activations.evil: formula: unexpected character '.'"),
        ("exp(exp(exp(exp(z))))", "nests 4 exponentials"),
        ("z" + "+z" * 5_000_000, "characters long; at most 400"),
        ("open(z)", "unknown function 'open' at column 1"),
    ],
)
def test_hostile_formulas_are_refused_with_one_line(tmp_path, capsys, formula, message):
    path = write(tmp_path, network_dict("evil", formula))
    assert main(["eval", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and message in err
    assert "evil" not in REGISTRY and not (tmp_path / "x").exists()


def test_names_keep_one_meaning(tmp_path, fresh_names):
    with pytest.raises(FileFormatError, match="'relu' is a built-in activation"):
        fileformat.load(write(tmp_path, network_dict("relu", "max(0, z)")))
    fileformat.load(write(tmp_path, network_dict("bump_c", "exp(-z^2)")))
    other = network_dict("bump_c", "exp(-z^2 / 2)")
    with pytest.raises(FileFormatError, match="already defined in this session as y = exp"):
        fileformat.load(write(tmp_path, other, "other.nsim.json"))
    bad = copy.deepcopy(network_dict("d_d"))
    bad["activations"]["d_d"]["fires"] = "always"
    with pytest.raises(FileFormatError, match="'fires' must be one of"):
        fileformat.load(write(tmp_path, bad, "bad.nsim.json"))


def test_an_unbounded_formula_overflows_in_words_not_nan(tmp_path, capsys, fresh_names):
    d = network_dict("grow_e", "exp(z)")
    d["neurons"][0]["value"] = 1.0
    d["synapses"][0]["weight"] = 800.0
    assert main(["eval", str(write(tmp_path, d))]) == 2
    assert "overflowed" in capsys.readouterr().err
    assert np.isfinite(REGISTRY["grow_e"].f(np.array([1.0]))).all()


def test_formula_networks_export_to_numpy_and_torch_exactly(tmp_path, fresh_names):
    import importlib.util

    from neurosim.core.engine import Engine
    from neurosim.core.export import export_code

    d = network_dict(
        "selu_f",
        "lambda * where(z > 0, z, alpha * (exp(z) - 1))",
        params={"lambda": 1.0507, "alpha": 1.6733},
    )
    d["activations"]["bump_f"] = {"formula": "exp(-z^2) + erf(z) / 2 + max(0, min(1, z))"}
    d["neurons"][3]["activation"] = {"name": "bump_f"}
    d["neurons"][4]["activation"] = {"name": "selu_f", "params": {"alpha": 1.2}}
    net = fileformat.load(write(tmp_path, d))
    x = np.random.default_rng(4).normal(scale=2.0, size=(30, 2))
    expected = Engine(net).evaluate(x)
    targets = ["numpy"] + (["torch"] if importlib.util.find_spec("torch") else [])
    for target in targets:
        path = tmp_path / f"formula_{target}.py"
        path.write_text(export_code(net, target), encoding="utf-8")
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if target == "numpy":
            y = module.forward(x)[1]
        else:
            import torch

            with torch.no_grad():
                y = module.Network()(torch.tensor(x))[1].numpy()
        np.testing.assert_allclose(y, expected.y, rtol=0, atol=1e-12, err_msg=target)
