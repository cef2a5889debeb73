"""The activation registry: each activation's function, derivative, parameters and firing rule.

The UI's combo box and plots, the file format and the docs all read :data:`REGISTRY`.
The functions and derivatives themselves are in :mod:`neurosim.core.activation_kernels`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from neurosim.core import activation_kernels as kernels
from neurosim.core.activation_kernels import InPlaceKernel, Kernel, KernelParams
from neurosim.core.numbers import NotANumber, NotFinite, finite_number
from neurosim.core.text_marks import QT_TRANSLATE_NOOP
from neurosim.core.validate import shown

SILENT_EPS = 1e-9  # |y| below this counts as a silent (zero) output in displays
_INF = math.inf

Params = Mapping[str, "float | np.ndarray"]


class ActivationError(ValueError):
    """An unknown activation or a bad parameter; the message is meant for the user."""


@dataclass(frozen=True)
class ParamSpec:
    """One numeric parameter of an activation, with its default and allowed range."""

    name: str
    default: float
    minimum: float
    maximum: float
    description: str


# --- the registry -------------------------------------------------------------------------


@dataclass(frozen=True)
class FiringRule:
    """When a neuron counts as fired: z > θ, or z ≥ θ when ``inclusive``.

    θ is the activation parameter named ``param`` (step's threshold), else the fixed
    ``theta``. ``symbol`` names θ in texts such as "z ≥ θ = 0.3".
    """

    inclusive: bool = False
    param: str | None = None
    theta: float = 0.0
    symbol: str = "θ"

    @property
    def relation(self) -> str:
        return "≥" if self.inclusive else ">"

    def threshold(self, params: Params) -> float | np.ndarray:
        """θ from a complete parameter mapping (every parameter present)."""
        return self.theta if self.param is None else params[self.param]

    def fired(self, z: np.ndarray, params: Params) -> np.ndarray:
        """Bool array: whether each z fires, for a complete parameter mapping."""
        theta = self.threshold(params)
        return z >= theta if self.inclusive else z > theta

    def text(self, theta: float, named: bool = False) -> str:
        """The rule as a student reads it: ``z ≥ 0.3``, ``z > 0``; ``named`` spells out a
        parameter θ (``z ≥ θ = 0.3``)."""
        if named and self.param is not None:
            return f"z {self.relation} {self.symbol} = {theta:g}"
        return f"z {self.relation} {theta:g}"


#: the rule of every activation without a threshold: it fires for positive net input
FIRES_ABOVE_ZERO = FiringRule()


@dataclass(frozen=True)
class Activation:
    """One activation function: y = f(z), its derivative, parameters and firing rule."""

    name: str
    title: str
    formula: str
    description: str
    params: tuple[ParamSpec, ...]
    y_range: tuple[float, float]  # display hint for the default parameters
    _f: Kernel = field(repr=False, compare=False)
    _df: Kernel = field(repr=False, compare=False)
    firing: FiringRule = FIRES_ABOVE_ZERO
    # f written over z, where a kernel has that form (big batches skip a copy per call)
    _f_in: InPlaceKernel | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = [p.name for p in self.params]
        if self.firing.param is not None and self.firing.param not in names:
            raise ActivationError(
                f"{self.name}: the firing rule reads {self.firing.param!r}, "
                f"which is not one of its parameters ({', '.join(names) or 'none'})"
            )

    def _prepare(self, z: np.ndarray, params: Params | None) -> tuple[np.ndarray, KernelParams]:
        z = np.asarray(z)
        if z.dtype != np.float32 and z.dtype != np.float64:
            z = z.astype(np.float64)
        p: KernelParams = {}
        for spec in self.params:
            v = spec.default if params is None else params.get(spec.name, spec.default)
            # Python numbers adapt to z's dtype; arrays are cast so float32 stays float32.
            p[spec.name] = v if type(v) in (float, int) else np.asarray(v, dtype=z.dtype)
        return z, p

    def f(self, z: np.ndarray, params: Params | None = None) -> np.ndarray:
        """y = f(z); missing parameters take their defaults."""
        return self._f(*self._prepare(z, params))

    def f_into(self, z: np.ndarray, params: Params | None = None) -> None:
        """y = f(z) written over ``z`` (a float32 or float64 array): the numbers of
        :meth:`f`, in place where the activation has such a kernel."""
        _, p = self._prepare(z, params)
        if self._f_in is not None:
            self._f_in(z, p)
        else:
            z[...] = self._f(z, p)

    def df(self, z: np.ndarray, params: Params | None = None) -> np.ndarray:
        """f′(z); at a kink, the left-hand slope (as PyTorch)."""
        return self._df(*self._prepare(z, params))

    def fired(self, z: np.ndarray, params: Params | None = None) -> np.ndarray:
        """Bool array by :attr:`firing`: z ≥ threshold for step, z > 0 for the others."""
        return self.firing.fired(*self._prepare(z, params))

    def firing_threshold(self, params: Params | None = None) -> float | np.ndarray:
        """θ of :attr:`firing`, the z where firing starts: the threshold for step, else 0.0.

        A float for scalar parameters; an array if given per-column thresholds.
        """
        v = self.firing.threshold({**self.defaults(), **(params or {})})
        return float(v) if np.ndim(v) == 0 else np.asarray(v, dtype=float)

    def firing_text(self, params: Params | None = None, named: bool = False) -> str:
        """The firing rule with its θ for these parameters: "z ≥ 0.3", "z > 0"."""
        return self.firing.text(float(self.firing_threshold(params)), named)

    def defaults(self) -> dict[str, float]:
        return {s.name: s.default for s in self.params}

    def validate_params(
        self, params: Mapping[str, object], where: str = "params"
    ) -> dict[str, float]:
        """Fill defaults and check every value; raise ActivationError naming the bad one."""
        if not isinstance(params, Mapping):
            raise ActivationError(
                f"{where}: expected a mapping of parameter names to numbers, "
                f"got {type(params).__name__}"
            )
        known = {s.name: s for s in self.params}
        for key in params:
            if key not in known:
                names = ", ".join(known) if known else "none"
                raise ActivationError(
                    f"{where}.{key}: unknown parameter for {self.name} (its parameters: {names})"
                )
        out = self.defaults()
        for key, value in params.items():
            out[key] = _check_value(value, known[key], self.name, f"{where}.{key}")
        return out


def _fmt(x: float) -> str:
    return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x)


def _typed(value: object) -> str:
    return f"{type(value).__name__} {shown(value)}"


def _check_value(value: object, spec: ParamSpec, act_name: str, where: str) -> float:
    try:
        x = finite_number(value)
    except NotANumber:
        raise ActivationError(
            f"{where}: expected a number, got "
            + (shown(value) if value is None or isinstance(value, bool) else _typed(value))
        ) from None
    except NotFinite as exc:  # infinite, NaN, or too large for a float ("the number is …")
        raise ActivationError(f"{where}: {exc}") from None
    if not spec.minimum <= x <= spec.maximum:
        raise ActivationError(
            f"{where}: {_fmt(x)} is out of range [{_fmt(spec.minimum)}, {_fmt(spec.maximum)}] "
            f"for {act_name}"
        )
    return x


def _alpha(default: float, maximum: float, what: str) -> ParamSpec:
    return ParamSpec("alpha", default, 0.0, maximum, what)


_ALL = (
    Activation(
        "step",
        QT_TRANSLATE_NOOP("Activations", "Step (Heaviside)"),
        QT_TRANSLATE_NOOP("Activations", "y = 1 if z ≥ θ, else 0"),
        QT_TRANSLATE_NOOP(
            "Activations",
            "Outputs 1 once z reaches the threshold θ, else 0: the classic perceptron; "
            "its slope is 0 everywhere, so gradient descent cannot train it",
        ),
        (
            ParamSpec(
                "threshold",
                0.0,
                -10.0,
                10.0,
                QT_TRANSLATE_NOOP("Activations", "θ: the net input where firing starts"),
            ),
        ),
        (0.0, 1.0),
        kernels.step,
        kernels.step_d,
        FiringRule(inclusive=True, param="threshold"),
    ),
    Activation(
        "linear",
        QT_TRANSLATE_NOOP("Activations", "Linear"),
        "y = a·z",
        QT_TRANSLATE_NOOP(
            "Activations",
            "Passes z through scaled by a; a network of linear neurons is still linear, "
            "so it cannot bend a decision boundary",
        ),
        (
            ParamSpec(
                "slope",
                1.0,
                -10.0,
                10.0,
                QT_TRANSLATE_NOOP("Activations", "a: how steeply y follows z"),
            ),
        ),
        (-_INF, _INF),
        kernels.linear,
        kernels.linear_d,
        _f_in=kernels.linear_in_place,
    ),
    Activation(
        "sigmoid",
        QT_TRANSLATE_NOOP("Activations", "Sigmoid (logistic)"),
        "y = σ(z) = 1 / (1 + e⁻ᶻ)",
        QT_TRANSLATE_NOOP(
            "Activations", "Squashes z into (0, 1); saturates at both tails so gradients vanish"
        ),
        (),
        (0.0, 1.0),
        kernels.sigmoid,
        kernels.sigmoid_d,
        _f_in=kernels.sigmoid_in_place,
    ),
    Activation(
        "tanh",
        QT_TRANSLATE_NOOP("Activations", "Tanh"),
        "y = tanh z = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)",
        QT_TRANSLATE_NOOP(
            "Activations",
            "Squashes z into (−1, 1) centred on 0, which helps the next layer learn; "
            "still saturates at both tails",
        ),
        (),
        (-1.0, 1.0),
        lambda z, p: np.tanh(z),
        kernels.tanh_d,
        _f_in=kernels.tanh_in_place,
    ),
    Activation(
        "relu",
        QT_TRANSLATE_NOOP("Activations", "ReLU"),
        "y = max(0, z)",
        QT_TRANSLATE_NOOP(
            "Activations",
            "Passes positive z and blocks negative z; cheap and never saturates for z > 0, "
            "but a neuron stuck below 0 stops learning (dying ReLU)",
        ),
        (),
        (0.0, _INF),
        lambda z, p: np.maximum(z, 0.0),
        kernels.relu_d,
        _f_in=kernels.relu_in_place,
    ),
    Activation(
        "leaky_relu",
        QT_TRANSLATE_NOOP("Activations", "Leaky ReLU"),
        QT_TRANSLATE_NOOP("Activations", "y = z if z > 0, else α·z"),
        QT_TRANSLATE_NOOP(
            "Activations",
            "Like ReLU, but lets a small slope α through for z < 0, "
            "so its gradient never dies completely",
        ),
        (_alpha(0.01, 1.0, QT_TRANSLATE_NOOP("Activations", "α: slope for negative z")),),
        (-_INF, _INF),
        kernels.leaky,
        kernels.leaky_d,
    ),
    Activation(
        "elu",
        QT_TRANSLATE_NOOP("Activations", "ELU"),
        QT_TRANSLATE_NOOP("Activations", "y = z if z > 0, else α·(eᶻ − 1)"),
        QT_TRANSLATE_NOOP(
            "Activations",
            "Identity for z > 0, a smooth curve down to −α for z < 0; "
            "keeps mean outputs nearer 0 than ReLU",
        ),
        (
            _alpha(
                1.0,
                10.0,
                QT_TRANSLATE_NOOP("Activations", "α: the value −α that y approaches as z → −∞"),
            ),
        ),
        (-1.0, _INF),
        kernels.elu,
        kernels.elu_d,
    ),
    Activation(
        "softplus",
        QT_TRANSLATE_NOOP("Activations", "Softplus"),
        "y = ln(1 + eᶻ)",
        QT_TRANSLATE_NOOP(
            "Activations", "A smooth ReLU: always positive, and its slope is exactly the sigmoid"
        ),
        (),
        (0.0, _INF),
        kernels.softplus,
        kernels.sigmoid,
    ),
    Activation(
        "gelu",
        QT_TRANSLATE_NOOP("Activations", "GELU"),
        "y = z·Φ(z),  Φ(z) = ½·[1 + erf(z/√2)]",
        QT_TRANSLATE_NOOP(
            "Activations",
            "Weights z by Φ(z), the chance a standard normal falls below z; "
            "a smooth ReLU that dips slightly below 0, used in transformers",
        ),
        (),
        (-0.17, _INF),
        kernels.gelu,
        kernels.gelu_d,
    ),
    Activation(
        "silu",
        QT_TRANSLATE_NOOP("Activations", "SiLU (swish)"),
        "y = z·σ(z)",
        QT_TRANSLATE_NOOP(
            "Activations",
            "z times its own sigmoid: a smooth ReLU that dips below 0 and is not monotone",
        ),
        (),
        (-0.279, _INF),
        kernels.silu,
        kernels.silu_d,
    ),
)

REGISTRY: dict[str, Activation] = {a.name: a for a in _ALL}
ACTIVATION_NAMES: tuple[str, ...] = tuple(REGISTRY)
_RELU_FAMILY = frozenset({"relu", "leaky_relu", "elu"})


def get_activation(name: str) -> Activation:
    """The registered activation called ``name``; ActivationError lists the known ones."""
    try:
        return REGISTRY[name]
    except (KeyError, TypeError):
        raise ActivationError(
            f"unknown activation {name!r}; known: {', '.join(ACTIVATION_NAMES)}"
        ) from None


def is_relu_family(name: str) -> bool:
    """True for relu, leaky_relu and elu (piecewise, identity for z > 0)."""
    return name in _RELU_FAMILY
