"""The lessons that train: the starting loss their notes quote is the epoch-0 loss the Train
panel now plots, and a run at the suggested settings is never stopped as diverging (07a's
loss jumps from 0.9 to above 4 on purpose)."""

from __future__ import annotations

import pytest

from neurosim.core.fileformat import load
from neurosim.core.lesson import lesson_of
from neurosim.core.localized_text import english
from neurosim.core.training import Trainer, embedded_dataset
from neurosim.core.training_diagnosis import diverged
from neurosim.paths import resource_path

# example -> (the starting loss its notes quote, half its last digit)
QUOTED = {
    "05a-vanishing-sigmoid": (0.77, 0.005),
    "05b-vanishing-relu": (1.24, 0.005),
    "07a-dying-relu": (0.9, 0.05),
}


@pytest.mark.parametrize("name", sorted(QUOTED))
def test_the_notes_starting_loss_is_epoch_0_and_the_run_is_not_cut_short(name):
    network = load(resource_path("examples", f"{name}.nsim.json"))
    lesson = lesson_of(network)
    quoted, half_digit = QUOTED[name]
    assert f"from {quoted:g}" in english(lesson.notes)
    t = lesson.view.train
    assert t is not None
    trainer = Trainer(network, embedded_dataset(network), t.loss, t.optimizer, t.lr, t.batch_size)
    start = trainer.measure().loss
    assert abs(start - quoted) <= half_digit  # what the loss curve shows at epoch 0
    losses = [trainer.step_epoch().loss for _ in range(t.epochs)]
    assert not any(diverged(start, loss) for loss in losses)
