"""The "reach the loss by training, within N epochs" check of a dataset goal with ``train``.

The saved weights cannot show how they were reached: a slow activation trained for 3,000
epochs fits as well as a fast one trained for 300. So this check trains a copy itself:
the submission's structure and activations, the exercise's own starting weights (where
the submission has the same synapses and neurons), the goal's settings, and counts the
epochs to the loss. Full-batch runs of lesson-sized networks take milliseconds; the result
is cached by everything that decides it, so checking after every edit stays cheap.
"""

from __future__ import annotations

from collections import OrderedDict

from neurosim.core.exercise.section import DatasetGoal
from neurosim.core.model import Network
from neurosim.core.text_marks import QT_TRANSLATE_NOOP, fill
from neurosim.core.training import Trainer, TrainingError

CACHE_SIZE = 64
# (id(goal), fingerprint) -> (goal, result): the goal is kept so its id is not reused
_cache: OrderedDict[tuple, tuple[DatasetGoal, tuple[bool, str]]] = OrderedDict()

__all__ = ["epochs_label", "trained_result"]


def epochs_label(goal: DatasetGoal) -> str:
    assert goal.train is not None and goal.max_loss is not None
    template = QT_TRANSLATE_NOOP(
        "Checks",
        "{loss} loss ≤ {limit:g} within {epochs} epochs of training from the starting weights",
    )
    return fill(template, loss=goal.loss, limit=goal.max_loss, epochs=goal.train.epochs)


def trained_result(goal: DatasetGoal, network: Network, start: Network | None) -> tuple[bool, str]:
    """(passed, detail): does training reach ``goal.max_loss`` within ``goal.train.epochs``?

    ``start`` is the exercise network: its weights and biases are where training starts
    (None: the submission's own, for a caller without the exercise)."""
    net = _starting_copy(network, start)
    key = (id(goal), _fingerprint(net))
    if key in _cache:
        _cache.move_to_end(key)
        return _cache[key][1]
    result = _train(goal, net)
    _cache[key] = (goal, result)
    if len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return result


def _starting_copy(network: Network, start: Network | None) -> Network:
    net = network.copy()
    if start is not None:
        weights = {k: s.weight for k, s in start.synapses.items() if k in net.synapses}
        biases = {
            n.id: n.bias
            for n in start
            if not n.is_input and n.id in net.neurons and not net.neurons[n.id].is_input
        }
        net.set_parameters(weights, biases)
    return net


def _train(goal: DatasetGoal, net: Network) -> tuple[bool, str]:
    t, target = goal.train, goal.max_loss
    assert t is not None and target is not None
    try:
        trainer = Trainer(
            net, goal.dataset, goal.loss, t.optimizer, t.lr, t.batch_size, t.seed, compiled=False
        )
        loss = trainer.measure().loss
        epoch = 0
        while loss > target and epoch < t.epochs:
            loss = trainer.step_epoch().loss
            epoch += 1
    except TrainingError as exc:
        return False, fill(QT_TRANSLATE_NOOP("Checks", "training it fails: {problem}"), problem=exc)
    if loss <= target:
        template = (
            QT_TRANSLATE_NOOP("Checks", "training reaches {loss:.4g} in {epochs} epoch")
            if epoch == 1
            else QT_TRANSLATE_NOOP("Checks", "training reaches {loss:.4g} in {epochs} epochs")
        )
        return True, fill(template, loss=loss, epochs=epoch)
    template = QT_TRANSLATE_NOOP(
        "Checks",
        "after {epochs} epochs of training the loss is still {loss:.4g}: "
        "too slow (training longer does not count)",
    )
    return False, fill(template, epochs=t.epochs, loss=loss)


def _fingerprint(net: Network) -> tuple:
    """Everything that decides the training run (not the input values or positions)."""
    neurons = tuple(
        (n.id, n.kind, n.activation, tuple(sorted(n.params.items())), n.bias, n.frozen)
        for n in net
        if not n.is_input
    )
    inputs = tuple(n.id for n in net if n.is_input)
    synapses = tuple(sorted((k, s.weight, s.frozen) for k, s in net.synapses.items()))
    return inputs, neurons, synapses
