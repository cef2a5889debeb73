"""The training settings a person can choose, with their ranges: one registry.

The Train panel's boxes, the ``view.train`` section of a lesson file, the JSON schema and
``neurosim train`` all read their limits here, so a learning rate that one of them accepts
the others accept too (before, the panel capped it at 10, lesson files at 100 and the CLI
not at all). The :class:`~neurosim.core.training.Trainer` itself takes any positive rate:
tests and experiments may push it on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass

from neurosim.core.numbers import NotANumber, NotFinite, finite_number
from neurosim.core.text_marks import QT_TRANSLATE_NOOP


class OptionError(ValueError):
    """A setting outside its range; the message names the setting and the range."""


@dataclass(frozen=True)
class TrainingOption:
    """One setting: its key (as lesson files spell it), range, default and meaning."""

    name: str
    title: str
    minimum: float
    maximum: float
    default: float
    description: str
    whole: bool = False

    def range_text(self) -> str:
        """ "from 1e-06 to 10" (what messages and tooltips say)."""
        return f"from {_figure(self.minimum)} to {_figure(self.maximum)}"

    def check(self, value: object) -> float:
        """``value`` as a float when it is a number within the range; else OptionError
        saying "the learning rate must be a number from 1e-06 to 10, got 100"."""
        kind = "a whole number" if self.whole else "a number"
        want = f"the {self.title} must be {kind} {self.range_text()}"
        try:
            x = finite_number(value)
        except (NotANumber, NotFinite):
            raise OptionError(f"{want}, got {_shown(value)}") from None
        if not self.minimum <= x <= self.maximum or (self.whole and not x.is_integer()):
            raise OptionError(f"{want}, got {_shown(value)}")
        return x


def _figure(x: float) -> str:
    return str(x) if isinstance(x, int) else f"{x:g}"


def _shown(value: object) -> str:
    text = f"{value:g}" if isinstance(value, float) else repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


LEARNING_RATE = TrainingOption(
    "lr",
    "learning rate",
    1e-6,
    10.0,
    0.1,
    QT_TRANSLATE_NOOP(
        "TrainingOptions",
        "the size of each step; too big and training diverges, too small and it crawls",
    ),
)
EPOCHS = TrainingOption(
    "epochs",
    "number of epochs",
    1,
    10_000_000,
    100,
    QT_TRANSLATE_NOOP("TrainingOptions", "passes over the training rows"),
    True,
)
BATCH_SIZE = TrainingOption(
    "batch_size",
    "batch size",
    1,
    10**9,
    1,
    QT_TRANSLATE_NOOP("TrainingOptions", "rows per gradient step (or the whole set)"),
    True,
)
SEED = TrainingOption(
    "seed",
    "seed",
    0,
    2**63 - 1,
    0,
    QT_TRANSLATE_NOOP("TrainingOptions", "draws the weights, the row order and the test split"),
    True,
)

#: every setting by its key
OPTIONS: dict[str, TrainingOption] = {
    option.name: option for option in (LEARNING_RATE, EPOCHS, BATCH_SIZE, SEED)
}
