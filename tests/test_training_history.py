"""Training epochs kept for scrubbing back (issue 16 §4), without Qt."""

from __future__ import annotations

import numpy as np
import pytest

from neurosim.core.builders import layered_network
from neurosim.core.datasets import builtin
from neurosim.core.engine import Engine
from neurosim.core.training import Trainer
from neurosim.core.training_history import TrainingHistory
from neurosim.ui.training.curves import TrainingCurves


def _run(epochs: int, history: TrainingHistory | None = None, batch: int | None = None):
    net = layered_network([2, 4, 1], "tanh", seed=3)
    trainer = Trainer(net, builtin("xor"), lr=0.5, batch_size=batch, compiled=False)
    history = history if history is not None else TrainingHistory()
    history.record_trainer(0, trainer, {"loss": trainer.measure().loss})
    kept = [trainer.parameters()]
    for _ in range(epochs):
        record = trainer.step_epoch()
        history.record_trainer(record.epoch, trainer, {"loss": record.loss})
        kept.append(trainer.parameters())
    return net, trainer, history, kept


def test_each_epoch_keeps_the_parameters_after_it_and_its_loss() -> None:
    net, trainer, history, kept = _run(12, batch=2)
    assert [s.epoch for s in history.ring] == list(range(13))
    for snap, (weights, biases) in zip(history.ring, kept, strict=True):
        assert snap.parameters.weight_dict() == weights
        assert snap.parameters.bias_dict() == biases
    assert history.ring[-1].figures["loss"] == trainer.history[-1].loss
    # epoch 0 is the network before any update (it has not been written back)
    assert history.ring[0].parameters.weight_dict() == {
        k: s.weight for k, s in net.synapses.items()
    }


def test_applying_an_epoch_shows_exactly_that_epochs_network() -> None:
    net, trainer, history, kept = _run(8)
    history.ring[5].parameters.apply(net)
    trained = net.copy()
    weights, biases = kept[5]
    trained.set_parameters(weights, biases)
    ours, theirs = Engine(net).evaluate(), Engine(trained).evaluate()
    assert np.array_equal(ours.y, theirs.y)
    assert {k: s.weight for k, s in net.synapses.items()} == weights


def test_branching_keeps_the_epochs_up_to_it_and_numbering_goes_on() -> None:
    net, trainer, history, _ = _run(10)
    history.branch_at(4)
    assert [s.epoch for s in history.ring] == [0, 1, 2, 3, 4]
    history.ring[4].parameters.apply(net)
    again = Trainer(net, builtin("xor"), lr=0.5, compiled=False)  # a new trainer: read afresh
    record = again.step_epoch()
    history.record_trainer(5, again, {"loss": record.loss})
    assert history.ring[-1].parameters.weight_dict() == again.parameters()[0]
    with pytest.raises(ValueError, match="not after"):
        history.record_trainer(5, again)
    with pytest.raises(ValueError, match="not in the history"):
        history.branch_at(40)


def test_the_history_is_bounded_and_finds_epochs_after_the_oldest_went() -> None:
    _, _, history, _ = _run(30, TrainingHistory(capacity=10))
    assert len(history.ring) == 10
    assert history.ring[0].epoch == 21
    assert history.index_of(21) == 0 and history.index_of(30) == 9
    assert history.index_of(20) is None and history.index_of(31) is None
    history.clear()
    assert len(history.ring) == 0 and history.index_of(0) is None


def test_the_curves_truncate_to_an_epoch_and_grow_on_from_it() -> None:
    net = layered_network([2, 3, 1], "tanh", seed=1)
    trainer = Trainer(net, builtin("xor"), lr=0.5, compiled=False)
    curves = TrainingCurves()
    curves.start(trainer.measure(), (0.5, 0.25))
    for _ in range(300):  # past the first growth of the arrays
        curves.append(trainer.step_epoch(), (0.1, 0.75))
    curves.truncate(40)
    assert len(curves) == 41 and curves.epochs == 40
    assert list(curves.epoch) == list(range(41))
    curves.append(trainer.step_epoch(), None)  # no test rows this time
    assert curves.epochs == 41 and np.isnan(curves.test_loss[-1])
    with pytest.raises(ValueError):
        curves.truncate(99)
