"""The activation registry: each activation's function, derivative, parameters and firing rule.

The UI's combo box and plots, the file format and the docs all read :data:`REGISTRY`.
Kernels are pure numpy, broadcast per-column parameter arrays against z of shape
(batch, k), keep float32 as float32, and raise no numpy warnings for any finite z (even
under ``np.errstate(all="raise")``, unless z or a parameter is itself nearly subnormal):
exponentials are cut to exact zeros before they could overflow or underflow.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from neurosim.core.numbers import NotANumber, NotFinite, finite_number
from neurosim.core.special import normal_cdf, normal_pdf
from neurosim.core.validate import shown

SILENT_EPS = 1e-9  # |y| below this counts as a silent (zero) output in displays
_INF = math.inf

Params = Mapping[str, "float | np.ndarray"]
# The parameters as a kernel gets them: Python numbers, or arrays cast to z's dtype.
KernelParams = dict[str, "float | np.ndarray"]
Kernel = Callable[[np.ndarray, KernelParams], np.ndarray]


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


# --- numerically stable pieces ----------------------------------------------------------


def _cap(z: np.ndarray) -> float:
    # Largest a for which exp(-a), times a modest factor, is still a normal float.
    return 70.0 if z.dtype == np.float32 else 600.0


def _decay(a: np.ndarray, cap: float) -> np.ndarray:
    """exp(-a) for a >= 0, exactly 0 beyond cap (instead of underflowing)."""
    # Multiplying by the mask is branch-free; np.where on a random mask is ~5x slower.
    return np.exp(-np.minimum(a, cap)) * (a <= cap)


def _sigmoid(z: np.ndarray, p: KernelParams | None = None) -> np.ndarray:
    # σ(z) = e^min(z,0) / (1 + e^−|z|): no exponent is ever positive, both tails stay exact.
    cap = _cap(z)
    return _decay(np.maximum(-z, 0.0), cap) / (1.0 + _decay(np.abs(z), cap))


def _logistic(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(σ(z), σ(−z)), each accurate in its own tail (1 − σ(z) would not be)."""
    cap = _cap(z)
    r = 1.0 / (1.0 + _decay(np.abs(z), cap))
    return _decay(np.maximum(-z, 0.0), cap) * r, _decay(np.maximum(z, 0.0), cap) * r


# --- kernels: k(z, p) with z a float array and p the parameters cast to z's dtype --------


def _step(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return (z >= p["threshold"]).astype(z.dtype)


def _step_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return np.zeros(np.broadcast_shapes(z.shape, np.shape(p["threshold"])), z.dtype)


def _linear(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return p["slope"] * z


def _linear_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return np.full(np.broadcast_shapes(z.shape, np.shape(p["slope"])), p["slope"], z.dtype)


def _sigmoid_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    s, t = _logistic(z)
    return s * t


def _tanh_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    # 1 − tanh² loses all digits in the tails; 4·e/(1+e)² with e = exp(−2|z|) does not.
    cap = _cap(z)
    e = _decay(2.0 * np.minimum(np.abs(z), cap), cap)
    r = 1.0 / (1.0 + e)
    return 4.0 * e * r * r


def _relu_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return (z > 0).astype(z.dtype)  # left derivative at 0, as PyTorch


def _leaky(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return np.maximum(z, p["alpha"] * z)  # equals "z if z > 0 else α·z" because 0 <= α <= 1


def _leaky_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    pos = (z > 0).astype(z.dtype)
    return pos + p["alpha"] * (1.0 - pos)  # exactly 1 or α


def _elu(z: np.ndarray, p: KernelParams) -> np.ndarray:
    # expm1 keeps digits near 0; below −40, eᶻ − 1 is −1 to double precision anyway.
    return np.maximum(z, 0.0) + p["alpha"] * np.expm1(np.clip(z, -40.0, 0.0))


def _elu_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    pos = (z > 0).astype(z.dtype)
    ez = _decay(np.maximum(-z, 0.0), _cap(z))  # e^z for z <= 0
    return pos + p["alpha"] * (ez * (1.0 - pos))


def _softplus(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return np.maximum(z, 0.0) + np.log1p(_decay(np.abs(z), _cap(z)))


def _gelu(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return z * normal_cdf(z)


def _gelu_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return normal_cdf(z) + z * normal_pdf(z)


def _silu(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return z * _sigmoid(z)


def _silu_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    s, t = _logistic(z)
    return s * (1.0 + z * t)  # σ + z·σ·(1 − σ), with 1 − σ taken as σ(−z)


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
        "Step (Heaviside)",
        "y = 1 if z ≥ θ, else 0",
        "Outputs 1 once z reaches the threshold θ, else 0: the classic perceptron; "
        "its slope is 0 everywhere, so gradient descent cannot train it",
        (ParamSpec("threshold", 0.0, -10.0, 10.0, "θ: the net input where firing starts"),),
        (0.0, 1.0),
        _step,
        _step_d,
        FiringRule(inclusive=True, param="threshold"),
    ),
    Activation(
        "linear",
        "Linear",
        "y = a·z",
        "Passes z through scaled by a; a network of linear neurons is still linear, "
        "so it cannot bend a decision boundary",
        (ParamSpec("slope", 1.0, -10.0, 10.0, "a: how steeply y follows z"),),
        (-_INF, _INF),
        _linear,
        _linear_d,
    ),
    Activation(
        "sigmoid",
        "Sigmoid (logistic)",
        "y = σ(z) = 1 / (1 + e⁻ᶻ)",
        "Squashes z into (0, 1); saturates at both tails so gradients vanish",
        (),
        (0.0, 1.0),
        _sigmoid,
        _sigmoid_d,
    ),
    Activation(
        "tanh",
        "Tanh",
        "y = tanh z = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)",
        "Squashes z into (−1, 1) centred on 0, which helps the next layer learn; "
        "still saturates at both tails",
        (),
        (-1.0, 1.0),
        lambda z, p: np.tanh(z),
        _tanh_d,
    ),
    Activation(
        "relu",
        "ReLU",
        "y = max(0, z)",
        "Passes positive z and blocks negative z; cheap and never saturates for z > 0, "
        "but a neuron stuck below 0 stops learning (dying ReLU)",
        (),
        (0.0, _INF),
        lambda z, p: np.maximum(z, 0.0),
        _relu_d,
    ),
    Activation(
        "leaky_relu",
        "Leaky ReLU",
        "y = z if z > 0, else α·z",
        "Like ReLU, but lets a small slope α through for z < 0, "
        "so its gradient never dies completely",
        (_alpha(0.01, 1.0, "α: slope for negative z"),),
        (-_INF, _INF),
        _leaky,
        _leaky_d,
    ),
    Activation(
        "elu",
        "ELU",
        "y = z if z > 0, else α·(eᶻ − 1)",
        "Identity for z > 0, a smooth curve down to −α for z < 0; "
        "keeps mean outputs nearer 0 than ReLU",
        (_alpha(1.0, 10.0, "α: the value −α that y approaches as z → −∞"),),
        (-1.0, _INF),
        _elu,
        _elu_d,
    ),
    Activation(
        "softplus",
        "Softplus",
        "y = ln(1 + eᶻ)",
        "A smooth ReLU: always positive, and its slope is exactly the sigmoid",
        (),
        (0.0, _INF),
        _softplus,
        _sigmoid,
    ),
    Activation(
        "gelu",
        "GELU",
        "y = z·Φ(z),  Φ(z) = ½·[1 + erf(z/√2)]",
        "Weights z by Φ(z), the chance a standard normal falls below z; "
        "a smooth ReLU that dips slightly below 0, used in transformers",
        (),
        (-0.17, _INF),
        _gelu,
        _gelu_d,
    ),
    Activation(
        "silu",
        "SiLU (swish)",
        "y = z·σ(z)",
        "z times its own sigmoid: a smooth ReLU that dips below 0 and is not monotone",
        (),
        (-0.279, _INF),
        _silu,
        _silu_d,
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
