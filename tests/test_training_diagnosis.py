"""Why a run cannot learn: symmetry, step neurons and divergence, in words (no Qt)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from neurosim.core.builders import layered_network
from neurosim.core.datasets import builtin
from neurosim.core.model import Network
from neurosim.core.training import Trainer, TrainingDiverged, init_weights
from neurosim.core.training_diagnosis import (
    diverged,
    divergence_message,
    start_problems,
    symmetric_groups,
)


def _equal_weights(net: Network, w: float = 0.5) -> Network:
    net.set_parameters({key: w for key in net.synapses}, {n.id: 0.0 for n in net if not n.is_input})
    return net


def test_equal_weights_are_found_and_really_stay_copies_when_trained():
    net = _equal_weights(layered_network([2, 3, 1], "tanh"))
    hidden = [n.id for n in net.of_kind("hidden")]
    assert symmetric_groups(net) == [hidden]
    (problem,) = start_problems(net)
    assert problem.kind == "symmetry" and problem.fix == "initialise"
    assert all(h in problem.text for h in hidden) and "Initialise weights" in problem.text
    # the claim the text makes: training keeps them identical
    trainer = Trainer(net, builtin("xor"), lr=0.5)
    for _ in range(50):
        trainer.step_epoch()
    trainer.write_back()
    incoming = {h: sorted(s.weight for s in net.incoming(h)) for h in hidden}
    assert incoming[hidden[0]] == incoming[hidden[1]] == incoming[hidden[2]]
    assert symmetric_groups(net) == [hidden]


def test_initialised_weights_break_the_symmetry():
    net = _equal_weights(layered_network([2, 3, 1], "tanh"))
    init_weights(net, 0)
    assert symmetric_groups(net) == [] and start_problems(net) == []


def test_equal_incoming_but_different_outgoing_weights_are_not_symmetric():
    net = _equal_weights(layered_network([2, 2, 1], "tanh"))
    h1 = net.of_kind("hidden")[0].id
    out = net.of_kind("output")[0].id
    net.set_weight((h1, out), -0.7)
    assert symmetric_groups(net) == []


def test_step_hidden_neurons_are_explained_even_when_the_output_still_learns():
    net = layered_network([2, 3, 1], "step", output_activation="sigmoid")
    problems = start_problems(net)
    assert [p.kind for p in problems] == ["step"]
    text = problems[0].text
    assert "step′(z) is 0 everywhere" in text and "only the weights after can learn" in text
    # and it is true: the weights into the step neurons never move
    trainer = Trainer(net, builtin("xor"), lr=0.5)
    before = trainer.params.copy()
    trainer.step_epoch()
    into_hidden = [
        trainer.weight_index[key]
        for key in trainer.weight_index
        if net.neurons[key[1]].kind == "hidden"
    ]
    assert np.array_equal(trainer.params[into_hidden], before[into_hidden])


@pytest.mark.parametrize(
    ("initial", "loss", "expected"),
    [
        (0.3, 0.2, False),
        (0.3, 250.0, False),
        (0.3, 400.0, True),
        (0.3, math.inf, True),
        (0.3, math.nan, True),
        (math.nan, 5.0, False),
    ],
)
def test_diverged_means_non_finite_or_a_thousand_times_the_start(initial, loss, expected):
    assert diverged(initial, loss) is expected


def test_divergence_message_says_so_and_suggests_a_smaller_rate():
    text = divergence_message(7, math.inf, 0.25, 5.0)
    assert "diverged at epoch 7" in text and "no longer a number" in text
    assert text.startswith("training diverged at epoch 7 — try a smaller learning rate (e.g. 0.5)")
    assert "grew from 0.25 to 1e+03" in divergence_message(3, 1000.0, 0.25, 5.0)


def test_a_run_that_overflows_raises_training_diverged():
    net = layered_network([2, 4, 1], "relu", output_activation="linear")
    trainer = Trainer(net, builtin("xor"), lr=1e3)
    with pytest.raises(TrainingDiverged, match="diverged"):
        for _ in range(200):
            trainer.step_epoch()
