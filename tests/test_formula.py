"""Formula activations (core): the grammar, its errors with columns, exact derivatives
against finite differences, the shipped library against independent references, stability at
±1e6, and refusals of formulas that try to run code, are huge or overflow by construction."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neurosim.core.formula import FormulaError, formula
from neurosim.core.formula.library import activation_from_dict, load_activation, shipped
from neurosim.core.formula.nodes import Bin, Call, Name, Neg, Num
from neurosim.core.formula.parser import parse
from neurosim.core.formula.text import to_text

SELU_L, SELU_A = 1.0507009873554805, 1.6732632423543772
#: each shipped activation written independently with the math module, at default parameters
REFERENCES = {
    "swish": lambda z: z / (1.0 + math.exp(-z)) if z > -700 else 0.0,
    "mish": lambda z: z * math.tanh(math.log1p(math.exp(z))) if z < 700 else z,
    "hard_sigmoid": lambda z: max(0.0, min(1.0, 0.2 * z + 0.5)),
    "hard_tanh": lambda z: max(-1.0, min(1.0, z)),
    "sine": math.sin,
    "gaussian": lambda z: math.exp(-z * z),
    "bent_identity": lambda z: (math.sqrt(z * z + 1.0) - 1.0) / 2.0 + z,
    "selu": lambda z: SELU_L * (z if z > 0 else SELU_A * math.expm1(z)),
}
POINTS = np.concatenate([np.linspace(-6, 6, 241), [-40.0, -12.5, 12.5, 40.0]])
KINKS = {"hard_sigmoid": (-2.5, 2.5), "hard_tanh": (-1.0, 1.0), "selu": (0.0,)}


def numeric_slope(f, z: np.ndarray, params: dict, h: float = 1e-6) -> np.ndarray:
    return (f(z + h, params) - f(z - h, params)) / (2 * h)


def test_the_library_is_complete_and_matches_independent_references():
    library = {a.name: a for a in shipped()}
    assert set(library) == set(REFERENCES)
    for name, reference in REFERENCES.items():
        act = library[name]
        got = act.formula.f(POINTS, act.formula.params)
        want = np.array([reference(float(z)) for z in POINTS])
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-14, err_msg=name)


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_each_exact_derivative_matches_finite_differences(name):
    act = next(a for a in shipped() if a.name == name)
    f = act.formula
    away = np.array([z for z in POINTS if all(abs(z - k) > 1e-3 for k in KINKS.get(name, ()))])
    np.testing.assert_allclose(
        f.df(away, f.params), numeric_slope(f.f, away, f.params), rtol=1e-6, atol=1e-7
    )


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_every_shipped_formula_is_quiet_and_finite_at_a_million(name):
    act = next(a for a in shipped() if a.name == name)
    z = np.array([-1e6, -1e3, -1.0, 0.0, 1.0, 1e3, 1e6])
    with np.errstate(all="raise"):  # no warnings escape
        y, dy = act.formula.f(z, act.formula.params), act.formula.df(z, act.formula.params)
    assert np.isfinite(y).all() and np.isfinite(dy).all()


def test_softplus_written_out_is_evaluated_stably():
    for text in ("log(1 + exp(z))", "log(exp(z) + 1)", "log1p(exp(z))"):
        f = formula(text)
        y = f([-1e6, 0.0, 1e6])
        assert y[0] == 0.0 and y[1] == pytest.approx(math.log(2)) and y[2] == 1e6
        assert f.derivative_text == "sigmoid(z)"


def test_a_genuinely_unbounded_formula_gives_inf_not_a_warning():
    f = formula("exp(z)")
    with np.errstate(all="raise"):
        assert f([1000.0])[0] == math.inf


def test_parameters_defaults_and_overrides():
    swish = formula("z * sigmoid(beta * z)", {"beta": 1.0})
    assert swish(2.0)[()] == pytest.approx(2.0 / (1.0 + math.exp(-2.0)))
    assert swish(2.0, beta=10.0)[()] == pytest.approx(2.0, rel=1e-8)
    per_column = swish.f(np.ones((3, 2)), {"beta": np.array([0.0, 1.0])})
    np.testing.assert_allclose(per_column[0], [0.5, 1 / (1 + math.exp(-1))])
    assert swish.f(np.zeros(2, np.float32), swish.params).dtype == np.float32


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("z * expp(z)", "unknown function 'expp' at column 5; did you mean exp?"),
        ("__import__('os')", 'unexpected character "\'" at column 12'),
        ("().__class__", "unexpected character '.' at column 3"),
        ("z.real", "unexpected character '.' at column 2"),
        ("os.system('ls')", "unexpected character '.' at column 3"),
        ("zz + 1", "unknown name 'zz' at column 1; did you mean z?"),
        ("z +", "found the end of the formula at column 4"),
        ("max(z)", "max takes 2 arguments, not 1 at column 1"),
        ("where(z, 1, 0)", "where's first argument is a comparison"),
        ("z > 0", "unexpected '>' at column 3"),
        ("exp(exp(exp(exp(z))))", "nests 4 exponentials; at most 2"),
        ("2 ^ 3", "does not use z"),
        ("", "the formula is empty"),
        ("z" + " + z" * 200, "characters long; at most 400"),
        ("(" * 40 + "z" + ")" * 40, "nests deeper than 30 levels"),
        ("1e999 * z", "the number 1e999 is too large"),
        ("exp", "exp is a function: write exp(…)"),
    ],
)
def test_refusals_say_what_and_where(text, message):
    with pytest.raises(FormulaError) as caught:
        formula(text)
    assert message in str(caught.value)


def test_a_ten_megabyte_formula_is_refused_before_it_is_read():
    with pytest.raises(FormulaError, match="at most 400"):
        formula("z+" * 5_000_000 + "z")


def test_synonyms_people_type():
    assert parse("2×z − z÷2 ** 2") == parse("2*z - z/2^2")
    assert formula("if(z ≥ 0, z, 0.1·z)")(-1.0)[()] == pytest.approx(-0.1)


def test_activation_files_are_checked_field_by_field(tmp_path):
    good = json.loads(next(iter(sorted((p for p in _library_files()), key=str))).read_text())
    assert activation_from_dict(good).name
    for change, message in [
        ({"formula": "z * expp(z)"}, "formula: unknown function 'expp' at column 5"),
        ({"fires": "always"}, "'fires' must be one of"),
        ({"name": "no spaces"}, "must be letters, digits and _"),
        ({"params": {"z": 1}}, "cannot name a parameter"),
        ({"params": {"beta": "1"}}, "default must be a finite number"),
        ({"extra": 1}, "unknown field 'extra'"),
        ({"format": "python"}, "not a neurosim-activation file"),
    ]:
        with pytest.raises(FormulaError, match=re.escape(message)):
            activation_from_dict({**good, **change}, "f.json")
    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps({**good, "description": "x" * 20_000}))
    with pytest.raises(FormulaError, match="at most 16,384 bytes"):
        load_activation(huge)


def _library_files():
    from neurosim.paths import resource_path

    return resource_path("activations").glob("*.json")


# ------------------------------------------------------------------ random formulas
LEAVES = st.one_of(st.just(Name("z")), st.floats(0.5, 3.0).map(lambda v: Num(round(v, 3))))
SAFE_UNARY = ("sin", "cos", "tanh", "sigmoid", "softplus", "erf", "abs")


def _extend(children):
    return st.one_of(
        st.tuples(st.sampled_from("+-*"), children, children).map(lambda t: Bin(*t)),
        st.tuples(st.sampled_from(SAFE_UNARY), children).map(lambda t: Call(t[0], (t[1],))),
        children.map(Neg),
        children.map(lambda c: Bin("^", c, Num(2.0))),
        st.tuples(children, children).map(lambda t: Call("max", t)),
    )


TREES = st.recursive(LEAVES, _extend, max_leaves=8)


@settings(max_examples=150, deadline=None)
@given(TREES)
def test_random_formulas_print_back_and_differentiate_exactly(tree):
    text = to_text(tree)
    assert parse(text) == tree
    if "z" not in text:
        return
    f = formula(text)
    z = np.linspace(-2.0, 2.0, 37) + 0.0123  # off the grid of likely kinks
    exact, numeric = f.df(z, {}), numeric_slope(f.f, z, {})
    smooth = np.abs(numeric_slope(f.df, z, {}, 1e-4)) < 1e4  # skip points next to a kink
    np.testing.assert_allclose(exact[smooth], numeric[smooth], rtol=1e-5, atol=1e-5)
