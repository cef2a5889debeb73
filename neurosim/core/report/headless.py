"""The parts of a report without the window: the file's network, its exercise checked, and
(on request) a training run with the lesson's suggested settings."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from neurosim.core.api.training_run import as_dataset, train
from neurosim.core.exercise.grading import grade
from neurosim.core.exercise.reading import exercise_of
from neurosim.core.lesson import TrainSettings, lesson_of
from neurosim.core.localized_text import english
from neurosim.core.model import Network
from neurosim.core.report.html_report import ReportParts, TrainingPart
from neurosim.core.validate import FileFormatError


def headless_parts(network: Network, source: str | Path, epochs: int = 0) -> ReportParts:
    """Report parts for ``network``; with ``epochs`` > 0 it is trained first (in place) on
    its own dataset or its lesson's truth table, with the lesson's suggested settings."""
    parts = ReportParts(network, str(source), datetime.now())
    if epochs > 0:
        settings = _settings(network)
        dataset = as_dataset(network, None)
        history = train(
            network,
            dataset,
            epochs,
            settings.lr,
            settings.optimizer,
            settings.loss,
            settings.batch_size,
            settings.seed,
        )
        parts.training = TrainingPart(
            dataset.name,
            len(dataset),
            settings.optimizer,
            settings.loss,
            settings.lr,
            history.records,
        )
    exercise = exercise_of(network)
    if exercise is not None:
        parts.exercise = grade(network, network)
        parts.goal_titles = [english(g.title) for g in exercise.goals]
    return parts


def _settings(network: Network) -> TrainSettings:
    try:
        return lesson_of(network).view.train or TrainSettings()
    except FileFormatError:
        return TrainSettings()
