"""The shipped library's titles and descriptions (resources/activations/*.json), marked for
translation: the dialog's list shows them in the user's language (the fields, which go into
the file, keep the library's own text). A library file changed since shows its own text."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

LIBRARY_TEXTS = (
    QT_TRANSLATE_NOOP("ActivationLibrary", "Bent identity"),
    QT_TRANSLATE_NOOP(
        "ActivationLibrary",
        "identity with a gentle bend: never saturates, slope between 0.5 and 1.5",
    ),
    QT_TRANSLATE_NOOP("ActivationLibrary", "Gaussian"),
    QT_TRANSLATE_NOOP(
        "ActivationLibrary", "a bump at 0: the neuron responds only to z near 0 (radial basis)"
    ),
    QT_TRANSLATE_NOOP("ActivationLibrary", "Hard sigmoid"),
    QT_TRANSLATE_NOOP(
        "ActivationLibrary", "a piecewise-linear sigmoid: cheap, and exactly flat beyond |z| = 2.5"
    ),
    QT_TRANSLATE_NOOP("ActivationLibrary", "Hard tanh"),
    QT_TRANSLATE_NOOP(
        "ActivationLibrary", "z clipped to [−1, 1]: the gradient is 1 inside and 0 outside"
    ),
    QT_TRANSLATE_NOOP("ActivationLibrary", "Mish"),
    QT_TRANSLATE_NOOP(
        "ActivationLibrary", "z times tanh of softplus: smooth, non-monotone, a small dip below 0"
    ),
    QT_TRANSLATE_NOOP("ActivationLibrary", "SELU"),
    QT_TRANSLATE_NOOP(
        "ActivationLibrary",
        "scaled ELU whose constants keep activations near mean 0, variance 1 (self-normalising)",
    ),
    QT_TRANSLATE_NOOP("ActivationLibrary", "Sine"),
    QT_TRANSLATE_NOOP("ActivationLibrary", "periodic: used in SIREN networks to represent signals"),
    QT_TRANSLATE_NOOP("ActivationLibrary", "Swish (SiLU-β)"),
    QT_TRANSLATE_NOOP(
        "ActivationLibrary", "z times its own sigmoid; β = 1 is SiLU, large β approaches ReLU"
    ),
)
