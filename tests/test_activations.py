"""The activation registry: values, derivatives, stability, dtypes, parameters, errors."""

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neurosim.core.activations import (
    ACTIVATION_NAMES,
    REGISTRY,
    Activation,
    ActivationError,
    FiringRule,
    ParamSpec,
    get_activation,
    is_relu_family,
)

NAMES = tuple(REGISTRY)
LN3 = math.log(3.0)
PHI1 = 0.5 * math.erfc(-1.0 / math.sqrt(2.0))  # Φ(1)


def act(name: str) -> Activation:
    return get_activation(name)


def f1(name: str, z: float, **params: float) -> float:
    return float(act(name).f(np.array([z]), params)[0])


def df1(name: str, z: float, **params: float) -> float:
    return float(act(name).df(np.array([z]), params)[0])


def _logistic(z: float) -> float:
    """1 / (1 + e^−z), without overflowing e^−z."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    return math.exp(z) / (1.0 + math.exp(z))


#: name -> (its parameters, y = f(z, **parameters)): each activation written out from its
#: textbook formula with Python's math module, independently of the numpy kernels
REFERENCE = {
    "step": (("threshold",), lambda z, threshold: 1.0 if z >= threshold else 0.0),
    "linear": (("slope",), lambda z, slope: slope * z),
    "sigmoid": ((), _logistic),
    "tanh": ((), math.tanh),
    "relu": ((), lambda z: max(z, 0.0)),
    "leaky_relu": (("alpha",), lambda z, alpha: z if z > 0 else alpha * z),
    "elu": (("alpha",), lambda z, alpha: z if z > 0 else alpha * math.expm1(z)),
    "softplus": ((), lambda z: max(z, 0.0) + math.log1p(math.exp(-abs(z)))),  # ln(1 + e^z)
    "gelu": ((), lambda z: z * 0.5 * math.erfc(-z / math.sqrt(2.0))),  # z·Φ(z)
    "silu": ((), lambda z: z * _logistic(z)),
}


# --- the registry as data -----------------------------------------------------------------


def test_registry_is_one_list_under_its_names() -> None:
    assert ACTIVATION_NAMES == tuple(REGISTRY)
    assert all(REGISTRY[n].name == n for n in NAMES)
    assert set(REGISTRY) == set(REFERENCE)  # a new activation needs its formula below


@pytest.mark.parametrize("name", NAMES)
def test_values_match_the_formula_everywhere(name: str) -> None:
    """f at 1,000 points of [−30, 30] and its parameters at their minimum, default, maximum
    and three random values in between: the kernel's value is the formula's."""
    a = act(name)
    names, formula = REFERENCE[name]
    assert tuple(p.name for p in a.params) == names
    rng = np.random.default_rng(11)
    z = np.concatenate([np.linspace(-30.0, 30.0, 601), rng.uniform(-30.0, 30.0, 399)])
    settings = _param_corners(a) + [_random_params(a, rng) for _ in range(3)]
    for params in settings:
        got = a.f(z, params)
        want = np.array([formula(v, **params) for v in z])
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-300, err_msg=str(params))


def test_parameter_defaults_lie_in_their_ranges() -> None:
    for a in REGISTRY.values():
        for p in a.params:
            assert isinstance(p, ParamSpec) and p.description
            assert p.minimum <= p.default <= p.maximum and p.minimum < p.maximum, a.name
            for end in (p.minimum, p.maximum):  # the ends are allowed, a step beyond is not
                assert a.validate_params({p.name: end}) == {p.name: end}
            for beyond in (
                np.nextafter(p.minimum, -np.inf),
                np.nextafter(p.maximum, np.inf),
            ):
                with pytest.raises(ActivationError, match="out of range"):
                    a.validate_params({p.name: float(beyond)})
        defaults = {p.name: p.default for p in a.params}
        assert a.defaults() == a.validate_params({}) == defaults


def test_every_activation_has_ui_text() -> None:
    for a in REGISTRY.values():
        assert a.title and a.formula and a.description
        assert "\n" not in a.description
        assert a.y_range[0] < a.y_range[1]


def test_relu_family() -> None:
    assert [n for n in NAMES if is_relu_family(n)] == ["relu", "leaky_relu", "elu"]
    assert not is_relu_family("nonsense")


def test_unknown_activation_message() -> None:
    with pytest.raises(ActivationError) as info:
        get_activation("sigmod")
    assert str(info.value) == (
        "unknown activation 'sigmod'; known: step, linear, sigmoid, tanh, relu, "
        "leaky_relu, elu, softplus, gelu, silu"
    )
    assert isinstance(info.value, ValueError)


# --- values -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, z, params, want",
    [
        ("step", 0.0, {}, 1.0),
        ("step", -1e-12, {}, 0.0),
        ("step", 0.49, {"threshold": 0.5}, 0.0),
        ("step", 0.5, {"threshold": 0.5}, 1.0),
        ("step", -3.0, {"threshold": -3.0}, 1.0),
        ("linear", 2.0, {}, 2.0),
        ("linear", 2.0, {"slope": -3.0}, -6.0),
        ("sigmoid", 0.0, {}, 0.5),
        ("sigmoid", LN3, {}, 0.75),
        ("sigmoid", -LN3, {}, 0.25),
        ("sigmoid", -30.0, {}, 1.0 / (1.0 + math.exp(30.0))),
        ("tanh", math.atanh(0.5), {}, 0.5),
        ("tanh", -2.0, {}, math.tanh(-2.0)),
        ("relu", -2.0, {}, 0.0),
        ("relu", 3.0, {}, 3.0),
        ("leaky_relu", -2.0, {}, -0.02),
        ("leaky_relu", -2.0, {"alpha": 0.5}, -1.0),
        ("leaky_relu", 3.0, {"alpha": 0.5}, 3.0),
        ("elu", 2.0, {}, 2.0),
        ("elu", -math.log(2.0), {}, -0.5),
        ("elu", -math.log(2.0), {"alpha": 4.0}, -2.0),
        ("elu", -1e-10, {}, math.expm1(-1e-10)),
        ("softplus", 0.0, {}, math.log(2.0)),
        ("softplus", LN3, {}, math.log(4.0)),
        ("softplus", -30.0, {}, math.log1p(math.exp(-30.0))),
        ("softplus", 40.0, {}, 40.0),
        ("gelu", 0.0, {}, 0.0),
        ("gelu", 1.0, {}, PHI1),
        ("gelu", -1.0, {}, -(1.0 - PHI1)),
        ("gelu", -10.0, {}, -10.0 * 0.5 * math.erfc(10.0 / math.sqrt(2.0))),
        ("silu", LN3, {}, 0.75 * LN3),
        ("silu", -30.0, {}, -30.0 / (1.0 + math.exp(30.0))),
    ],
)
def test_values_at_known_points(name: str, z: float, params: dict, want: float) -> None:
    assert f1(name, z, **params) == pytest.approx(want, rel=1e-13, abs=1e-300)


@pytest.mark.parametrize(
    "name, params, want",
    [
        ("step", {}, 0.0),
        ("linear", {"slope": -2.5}, -2.5),
        ("sigmoid", {}, 0.25),
        ("tanh", {}, 1.0),
        ("relu", {}, 0.0),
        ("leaky_relu", {}, 0.01),
        ("leaky_relu", {"alpha": 0.3}, 0.3),
        ("elu", {}, 1.0),
        ("elu", {"alpha": 2.5}, 2.5),
        ("softplus", {}, 0.5),
        ("gelu", {}, 0.5),
        ("silu", {}, 0.5),
    ],
)
def test_derivative_at_zero_is_the_left_one(name: str, params: dict, want: float) -> None:
    assert df1(name, 0.0, **params) == pytest.approx(want, rel=1e-15)


@pytest.mark.parametrize(
    "name, z, want",
    [
        ("tanh", 20.0, 1.0 / math.cosh(20.0) ** 2),  # 1 − tanh² would give 0 here
        ("sigmoid", 35.0, math.exp(-35.0) / (1.0 + math.exp(-35.0)) ** 2),
        ("elu", -30.0, math.exp(-30.0)),
        (
            "gelu",
            -8.0,
            0.5 * math.erfc(8.0 / math.sqrt(2.0))
            - 8.0 * math.exp(-32.0) / math.sqrt(2.0 * math.pi),
        ),
    ],
)
def test_derivatives_keep_precision_in_the_tails(name: str, z: float, want: float) -> None:
    assert df1(name, z) == pytest.approx(want, rel=1e-12)


def _random_params(a: Activation, rng: np.random.Generator) -> dict[str, float]:
    return {p.name: float(rng.uniform(p.minimum, p.maximum)) for p in a.params}


@pytest.mark.parametrize("name", [n for n in NAMES if n != "step"])
def test_derivative_matches_central_differences(name: str) -> None:
    rng = np.random.default_rng(7)
    a = act(name)
    for _ in range(5):
        params = _random_params(a, rng)
        z = rng.normal(0.0, 4.0, 400)
        z = z[np.abs(z) > 1e-3]  # keep away from the kink of relu/leaky_relu/elu
        h = 1e-6
        numeric = (a.f(z + h, params) - a.f(z - h, params)) / (2.0 * h)
        np.testing.assert_allclose(a.df(z, params), numeric, rtol=1e-6, atol=1e-8)


def test_step_derivative_is_zero_everywhere() -> None:
    z = np.array([-5.0, -0.0, 0.0, 0.3, 5.0])
    assert np.all(act("step").df(z, {"threshold": 0.3}) == 0.0)


# --- firing -------------------------------------------------------------------------------


def test_fired_rules() -> None:
    z = np.array([-1.0, 0.0, 0.2, 0.5, 2.0])
    assert act("step").fired(z, {"threshold": 0.5}).tolist() == [False, False, False, True, True]
    assert act("step").fired(z, {}).tolist() == [False, True, True, True, True]
    for n in NAMES:
        if n == "step":
            continue
        got = act(n).fired(z, act(n).defaults())
        assert got.dtype == bool and got.tolist() == [False, False, True, True, True]


def test_firing_threshold() -> None:
    assert act("step").firing_threshold({"threshold": -2.5}) == -2.5
    assert act("step").firing_threshold({}) == 0.0
    others = [n for n in NAMES if n != "step"]
    assert all(act(n).firing_threshold(act(n).defaults()) == 0.0 for n in others)


def test_firing_rule_is_data_of_each_entry() -> None:
    assert act("step").firing == FiringRule(inclusive=True, param="threshold")
    assert all(act(n).firing == FiringRule() for n in NAMES[1:])
    for a in REGISTRY.values():
        assert a.firing.param is None or a.firing.param in a.defaults(), a.name


def test_firing_text() -> None:
    assert act("step").firing_text({"threshold": 0.3}) == "z ≥ 0.3"
    assert act("step").firing_text({"threshold": -2.5}, named=True) == "z ≥ θ = -2.5"
    assert act("step").firing_text() == "z ≥ 0"
    for n in NAMES[1:]:
        assert act(n).firing_text(act(n).defaults()) == "z > 0"
        assert act(n).firing_text(named=True) == "z > 0"


def test_a_rule_may_only_read_a_parameter_the_activation_has() -> None:
    sigmoid, rule = act("sigmoid"), FiringRule(param="theta")
    with pytest.raises(ActivationError, match="'theta', which is not one of its parameters"):
        Activation("odd", "Odd", "y = z", "", (), (0.0, 1.0), sigmoid._f, sigmoid._df, rule)


# --- stability and dtypes -----------------------------------------------------------------


def _param_corners(a: Activation) -> list[dict[str, float]]:
    corners = [a.defaults()]
    corners += [{p.name: p.minimum} for p in a.params] + [{p.name: p.maximum} for p in a.params]
    return corners


@pytest.mark.parametrize("name", NAMES)
def test_extreme_inputs_are_finite_and_warning_free(name: str) -> None:
    a = act(name)
    z = np.array([-1e300, -1e6, -745.0, -40.0, -1e-300, 0.0, 1e-300, 40.0, 745.0, 1e6, 1e300])
    for params in _param_corners(a):
        with np.errstate(all="raise"):
            y, d, fired = a.f(z, params), a.df(z, params), a.fired(z, params)
        assert np.all(np.isfinite(y)) and np.all(np.isfinite(d))
        assert fired.dtype == bool


@pytest.mark.parametrize("name", NAMES)
def test_float32_in_float32_out(name: str) -> None:
    a = act(name)
    z = np.array([[-3e38, -1e6, -90.0, -1.0], [0.0, 1.0, 90.0, 3e38]], dtype=np.float32)
    columns = {p.name: np.full(4, p.default) for p in a.params}  # float64 per-column arrays
    with np.errstate(all="raise"):
        for params in (a.defaults(), columns):
            y, d = a.f(z, params), a.df(z, params)
            assert y.dtype == np.float32 and d.dtype == np.float32
            assert y.shape == d.shape == z.shape
            assert np.all(np.isfinite(y)) and np.all(np.isfinite(d))
    np.testing.assert_allclose(y, a.f(z.astype(np.float64), params), rtol=2e-6, atol=1e-30)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", NAMES)
def test_f_into_writes_the_numbers_of_f(name: str, dtype: type) -> None:
    """In place (relu, tanh, sigmoid, linear) or not: the same bits, over neuron rows with
    parameters per row (the engine's big-batch layout), warning-free at the extremes."""
    a = act(name)
    edges = [-1e30, -1e6, -90.0, -70.5, -1.0, -0.0, 0.0, 1e-3, 1.0, 70.5, 90.0, 1e30]
    z = np.array([edges, np.random.default_rng(4).normal(0.0, 5.0, len(edges))], dtype=dtype)
    params = {p.name: np.array([[p.minimum], [p.maximum]]) for p in a.params}
    y = z.copy()
    with np.errstate(all="raise"):
        a.f_into(y, params)
        np.testing.assert_array_equal(y, a.f(z, params))
    assert y.dtype == dtype
    nan = np.array([[np.nan, 1.0]], dtype=dtype)
    a.f_into(nan, {p.name: p.default for p in a.params})
    assert np.isnan(nan[0, 0]) == np.isnan(a.f(np.array([np.nan]))[0])


def test_integer_input_is_computed_in_float64() -> None:
    assert act("sigmoid").f(np.array([0, 1])).dtype == np.float64


@pytest.mark.parametrize("name", ["step", "linear", "leaky_relu", "elu"])
def test_per_column_params_broadcast(name: str) -> None:
    a = act(name)
    (p,) = a.params
    values = np.array([p.minimum, p.default, 0.5 * (p.default + p.maximum)])
    z = np.random.default_rng(3).normal(0.0, 3.0, (6, 3))
    z[0] = values if name == "step" else 0.0  # exercise the threshold and the kink
    batch = {p.name: values}
    for method in ("f", "df", "fired"):
        got = getattr(a, method)(z, batch)
        assert got.shape == z.shape
        for j, v in enumerate(values):
            want = getattr(a, method)(z[:, j], {p.name: float(v)})
            np.testing.assert_array_equal(got[:, j], want)


# --- parameter validation -----------------------------------------------------------------


def test_validate_fills_defaults_and_returns_floats() -> None:
    assert act("elu").validate_params({}) == {"alpha": 1.0}
    got = act("step").validate_params({"threshold": np.float32(0.5)})
    assert got == {"threshold": 0.5} and type(got["threshold"]) is float
    assert type(act("linear").validate_params({"slope": 3})["slope"]) is float
    assert act("sigmoid").validate_params({}) == {}


@pytest.mark.parametrize(
    "name, params, message",
    [
        ("leaky_relu", {"alpha": 2.5}, "params.alpha: 2.5 is out of range [0, 1] for leaky_relu"),
        ("elu", {"alpha": -0.5}, "params.alpha: -0.5 is out of range [0, 10] for elu"),
        ("step", {"threshold": -11}, "params.threshold: -11 is out of range [-10, 10] for step"),
        ("linear", {"slope": True}, "params.slope: expected a number, got a boolean (true)"),
        ("linear", {"slope": "2"}, "params.slope: expected a number, got str '2'"),
        ("linear", {"slope": None}, "params.slope: expected a number, got nothing (missing)"),
        ("elu", {"alpha": float("nan")}, "params.alpha: nan is not a finite number"),
        ("step", {"threshold": float("-inf")}, "params.threshold: -inf is not a finite number"),
        (
            "leaky_relu",
            {"beta": 0.1},
            "params.beta: unknown parameter for leaky_relu (its parameters: alpha)",
        ),
        (
            "sigmoid",
            {"alpha": 1.0},
            "params.alpha: unknown parameter for sigmoid (its parameters: none)",
        ),
        (
            "relu",
            [("alpha", 1.0)],
            "params: expected a mapping of parameter names to numbers, got list",
        ),
    ],
)
def test_validate_rejects_with_readable_message(name, params, message) -> None:
    with pytest.raises(ActivationError, match=f"^{re.escape(message)}$"):
        act(name).validate_params(params)


def test_validate_message_names_the_place() -> None:
    message = "n3.params.alpha: 1.5 is out of range [0, 1] for leaky_relu"
    with pytest.raises(ActivationError, match=f"^{re.escape(message)}$"):
        act("leaky_relu").validate_params({"alpha": 1.5}, where="n3.params")


def test_validate_accepts_range_ends() -> None:
    assert act("leaky_relu").validate_params({"alpha": 0}) == {"alpha": 0.0}
    assert act("elu").validate_params({"alpha": 10.0}) == {"alpha": 10.0}


# --- properties ---------------------------------------------------------------------------

finite_z = st.floats(min_value=-1e300, max_value=1e300, allow_nan=False)
# Hypothesis also draws subnormal z (and tiny parameters); their products rightly underflow,
# which numpy ignores by default. Overflow, invalid and divide-by-zero must still never happen.
NO_WARNINGS_BUT_UNDERFLOW = {"all": "raise", "under": "ignore"}
MONOTONE = ("step", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus")


@settings(max_examples=200, deadline=None)
@given(st.lists(finite_z, min_size=1, max_size=50))
def test_outputs_stay_in_the_display_range(zs: list[float]) -> None:
    z = np.array(zs)
    for a in REGISTRY.values():
        with np.errstate(**NO_WARNINGS_BUT_UNDERFLOW):
            y = a.f(z, a.defaults())
        lo, hi = a.y_range
        assert np.all((y >= lo) & (y <= hi)), a.name


@settings(max_examples=200, deadline=None)
@given(
    st.lists(finite_z, min_size=2, max_size=50),
    st.floats(0.0, 1.0),
    st.floats(0.0, 10.0),
    st.floats(0.0, 10.0),
)
def test_monotone_activations_never_decrease(zs, leaky_alpha, elu_alpha, slope) -> None:
    z = np.sort(np.array(zs))
    params = {
        "leaky_relu": {"alpha": leaky_alpha},
        "elu": {"alpha": elu_alpha},
        "linear": {"slope": slope},
    }
    for name in MONOTONE + ("linear",):
        a = act(name)
        with np.errstate(**NO_WARNINGS_BUT_UNDERFLOW):
            y = a.f(z, params.get(name, {}))
            d = a.df(z, params.get(name, {}))
        slack = 1e-15 * np.abs(y[:-1])  # one rounding step
        assert np.all(np.diff(y) >= -slack), name
        assert np.all(d >= 0.0), name


@settings(max_examples=200, deadline=None)
@given(finite_z, st.floats(-10.0, 10.0))
def test_step_fires_exactly_when_it_outputs_one(z: float, threshold: float) -> None:
    a = act("step")
    params = {"threshold": threshold}
    fired = bool(a.fired(np.array([z]), params)[0])
    assert fired == (f1("step", z, **params) == 1.0) == (z >= a.firing_threshold(params))
