"""Formula activations from Python: neurosim.define_activation, and the network's own
section (Network.define_activation / forget_activation), announced and saved."""

from __future__ import annotations

import json

import numpy as np
import pytest

import neurosim
from neurosim.core import fileformat
from neurosim.core.activations import REGISTRY
from neurosim.core.exercise.reading import exercise_of
from neurosim.core.formula.library import shipped
from neurosim.core.lesson import lesson_of
from neurosim.core.model import Network, NetworkError


def test_define_activation_gives_an_activation_neurons_use_and_files_carry(tmp_path):
    act = neurosim.define_activation("bent_t", "(sqrt(z^2 + 1) - 1) / 2 + k * z", k=1.0)
    z = np.linspace(-3, 3, 7)
    np.testing.assert_allclose(act.f(z), (np.sqrt(z**2 + 1) - 1) / 2 + z, rtol=1e-15)
    np.testing.assert_allclose(act.df(z, {"k": 2.0}), z / (2 * np.sqrt(z**2 + 1)) + 2.0)
    assert act.title == "bent_t" and [p.name for p in act.params] == ["k"]
    net = neurosim.layered([2, 2, 1], "bent_t", seed=3)
    net.save(tmp_path / "bent.nsim.json")  # the section is written though net never listed it
    saved = json.loads((tmp_path / "bent.nsim.json").read_text(encoding="utf-8"))
    assert saved["version"] == 2 and saved["activations"]["bent_t"]["params"] == {"k": 1.0}
    again = neurosim.load(tmp_path / "bent.nsim.json")
    np.testing.assert_array_equal(
        again.evaluate({"x1": 0.5}).y["y1"], net.evaluate({"x1": 0.5}).y["y1"]
    )
    # the same definition again is fine; another formula under the name is refused
    assert neurosim.define_activation("bent_t", "(sqrt(z^2 + 1) - 1) / 2 + k * z", k=1.0) is act
    with pytest.raises(neurosim.FormulaError, match="already defined in this session"):
        neurosim.define_activation("bent_t", "z")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("relu", "max(0, z)", "'relu' is a built-in activation"),
        ("bad_t", "z * expp(z)", "unknown function 'expp' at column 5; did you mean exp?"),
        ("bad_t", "2 * 3", "does not use z"),
        ("bad name", "z", "must be letters, digits and _"),
    ],
)
def test_define_activation_refuses_with_the_reason(name, text, message):
    with pytest.raises(neurosim.FormulaError, match=message.replace("?", r"\?")) as caught:
        neurosim.define_activation(name, text)
    assert isinstance(caught.value, ValueError)
    assert name == "relu" or name not in REGISTRY


def test_the_network_defines_and_forgets_with_one_announcement_each():
    net = Network()
    net.add_neuron("input", "x1")
    net.add_neuron("output", "y")
    heard: list[str] = []
    net.activations_changed.connect(heard.append)
    mish = next(fa for fa in shipped() if fa.name == "mish")
    assert net.define_activation(mish) is True and net.formula_activations == ["mish"]
    assert net.define_activation(mish) is False and heard == ["mish"]  # the same: no news
    net.set_activation("y", "mish")
    with pytest.raises(NetworkError, match="y still use the activation 'mish'"):
        net.forget_activation("mish")
    net.set_activation("y", "tanh")
    net.forget_activation("mish", uninstalled=True)
    assert heard == ["mish", "mish"] and "mish" not in REGISTRY
    assert json.loads(fileformat.dumps(net))["version"] == 1 and "activations" not in net.extra


def test_a_lesson_and_an_exercise_may_name_the_formulas_their_file_defines(tmp_path):
    net = neurosim.layered([2, 2, 1], "tanh", seed=0)
    d = fileformat.to_dict(net)
    d["version"] = 2
    d["activations"] = {"bump_l": {"formula": "exp(-z^2)"}}
    d["view"] = {"compare": ["relu", "bump_l"]}
    goal = {"type": "activations", "allowed": ["tanh", "bump_l"]}
    d["exercise"] = {"instructions": "<p>Use a bump.</p>", "goals": [goal]}
    path = tmp_path / "bump.nsim.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    loaded = neurosim.load(path)
    assert lesson_of(loaded).view.compare == ("relu", "bump_l")
    assert exercise_of(loaded).goals[0].allowed == ("tanh", "bump_l")
    assert neurosim.check(path, path).solved  # every neuron uses an allowed one
