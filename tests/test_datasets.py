"""Datasets: built-in sets, CSV loading, the file form, splitting and accuracy."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from neurosim.core.datasets import (
    BUILTIN_NAMES,
    Dataset,
    DatasetError,
    accuracy,
    builtin,
    dataset_from_dict,
    dataset_to_dict,
    load_csv,
)

TRUTH = {"and": [0, 0, 0, 1], "or": [0, 1, 1, 1], "nand": [1, 1, 1, 0], "xor": [0, 1, 1, 0]}
POINT_SETS = ("circle", "xor2d", "gauss", "spiral")


# ------------------------------------------------------------------ built-ins


@pytest.mark.parametrize("name", list(TRUTH))
def test_truth_tables(name):
    ds = builtin(name, n=50, noise=3.0, seed=9)  # n and noise are ignored
    assert ds.inputs.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert ds.targets[:, 0].tolist() == TRUTH[name]
    assert (ds.input_names, ds.target_names, ds.task) == (("x1", "x2"), ("y",), "classification")


@pytest.mark.parametrize("name", POINT_SETS)
def test_point_sets_shape_labels_and_range(name):
    ds = builtin(name, n=301, noise=0.0, seed=3)
    assert ds.inputs.shape == (301, 2) and ds.targets.shape == (301, 1)
    assert ds.inputs.dtype == np.float64 and ds.task == "classification"
    assert set(np.unique(ds.targets)) == {0.0, 1.0}
    # Noise 0 keeps the sets inside [-1, 1]², except the tails of the Gaussian blobs.
    assert np.abs(ds.inputs).max() <= (1.5 if name == "gauss" else 1.0)
    assert 100 <= ds.targets.sum() <= 201  # both classes well represented


@pytest.mark.parametrize("name", BUILTIN_NAMES)
def test_builtins_are_seeded(name):
    a, b = builtin(name, n=40, seed=5), builtin(name, n=40, seed=5)
    assert np.array_equal(a.inputs, b.inputs) and np.array_equal(a.targets, b.targets)
    if name not in TRUTH:
        c = builtin(name, n=40, seed=6)
        assert not np.array_equal(a.inputs, c.inputs)


def test_circle_labels_follow_radius_at_noise_zero():
    ds = builtin("circle", n=500, noise=0.0, seed=1)
    r = np.hypot(ds.inputs[:, 0], ds.inputs[:, 1])
    inner = ds.targets[:, 0] == 1.0
    assert r[inner].max() <= 0.5 and r[~inner].min() >= 0.7


def test_xor2d_labels_follow_quadrants_at_noise_zero():
    ds = builtin("xor2d", n=500, noise=0.0, seed=2)
    expected = (ds.inputs[:, 0] * ds.inputs[:, 1] > 0).astype(float)
    assert np.array_equal(ds.targets[:, 0], expected)


def test_gauss_blobs_sit_on_opposite_diagonals():
    ds = builtin("gauss", n=400, noise=0.0, seed=0)
    ones = ds.targets[:, 0] == 1.0
    assert np.allclose(ds.inputs[ones].mean(axis=0), [0.5, 0.5], atol=0.05)
    assert np.allclose(ds.inputs[~ones].mean(axis=0), [-0.5, -0.5], atol=0.05)


def test_spiral_arms_are_rotations_of_each_other():
    ds = builtin("spiral", n=400, noise=0.0, seed=0)
    x, y = ds.inputs[:, 0], ds.inputs[:, 1]
    r = np.hypot(x, y)
    angle = np.arctan2(x, y)  # the arms use (r·sin θ, r·cos θ)
    theta = 1.75 * 2 * np.pi * r + np.pi * (1 - ds.targets[:, 0])
    assert np.allclose(np.cos(angle - theta), 1.0)


def test_sine_is_regression_on_the_sine_curve():
    clean = builtin("sine", n=100, noise=0.0, seed=4)
    assert clean.task == "regression" and clean.input_names == ("x",)
    assert np.allclose(clean.targets, np.sin(np.pi * clean.inputs))
    assert np.abs(clean.inputs).max() <= 1.0
    noisy = builtin("sine", n=2000, noise=0.3, seed=4)
    assert np.std(noisy.targets - np.sin(np.pi * noisy.inputs)) == pytest.approx(0.3, rel=0.1)


def test_noise_jitters_points():
    clean, noisy = builtin("circle", n=200, noise=0.0), builtin("circle", n=200, noise=0.5)
    assert np.abs(noisy.inputs).max() > 1.2 > np.abs(clean.inputs).max()


@pytest.mark.parametrize(
    "kwargs, word",
    [
        ({"name": "moons"}, "moons"),
        ({"name": "circle", "n": 0}, "n"),
        ({"name": "circle", "n": 100_001}, "n"),
        ({"name": "circle", "n": 2.5}, "n"),
        ({"name": "circle", "noise": -0.1}, "noise"),
        ({"name": "circle", "noise": 11}, "noise"),
        ({"name": "circle", "noise": float("nan")}, "noise"),
        ({"name": "circle", "seed": -1}, "seed"),
    ],
)
def test_builtin_rejects_bad_arguments(kwargs, word):
    with pytest.raises(DatasetError, match=word):
        builtin(**kwargs)


def test_dataset_arrays_are_read_only_copies():
    x = np.zeros((2, 1))
    ds = Dataset("d", x, np.ones((2, 1)), ("a",), ("b",), "regression")
    x[0, 0] = 5.0
    assert ds.inputs[0, 0] == 0.0
    with pytest.raises(ValueError):
        ds.inputs[0, 0] = 1.0


def test_dataset_validates_its_shape():
    with pytest.raises(DatasetError, match="2 column"):
        Dataset("d", np.zeros((3, 1)), np.zeros((3, 1)), ("a", "b"), ("c",), "regression")
    with pytest.raises(DatasetError, match="3 input rows but 2"):
        Dataset("d", np.zeros((3, 1)), np.zeros((2, 1)), ("a",), ("c",), "regression")
    with pytest.raises(DatasetError, match="task"):
        Dataset("d", np.zeros((1, 1)), np.zeros((1, 1)), ("a",), ("c",), "ranking")


# ------------------------------------------------------------------ split, names, accuracy


def test_split_is_deterministic_and_partitions_rows():
    ds = builtin("gauss", n=100)
    train, test = ds.split(0.25, seed=7)
    again_train, again_test = ds.split(0.25, seed=7)
    assert (len(train), len(test)) == (75, 25)
    assert np.array_equal(train.inputs, again_train.inputs)
    assert np.array_equal(test.inputs, again_test.inputs)
    rows = np.vstack((train.inputs, test.inputs))
    assert np.array_equal(np.sort(rows, axis=0), np.sort(ds.inputs, axis=0))
    other_train, _ = ds.split(0.25, seed=8)
    assert not np.array_equal(train.inputs, other_train.inputs)
    assert train.recipe is None and dataset_to_dict(test)["name"] == "gauss (test)"


def test_split_edges():
    xor = builtin("xor")
    assert [len(p) for p in xor.split(0.0, 0)] == [4, 0]
    assert [len(p) for p in xor.split(0.01, 0)] == [3, 1]  # a positive fraction gets a row
    assert [len(p) for p in xor.split(0.99, 0)] == [1, 3]  # training always keeps one
    with pytest.raises(DatasetError, match="below 1"):
        xor.split(1.0, 0)


def test_with_names_renames_or_refuses():
    ds = builtin("circle", n=10).with_names(["n1", "n2"], ["n9"])
    assert (ds.input_names, ds.target_names) == (("n1", "n2"), ("n9",))
    with pytest.raises(DatasetError, match="2 input column.*3 input neuron"):
        ds.with_names(["a", "b", "c"], ["d"])
    with pytest.raises(DatasetError, match="more than once"):
        ds.with_names(["a", "a"], ["d"])


def test_accuracy():
    t = np.array([[0.0], [1.0], [1.0], [0.0]])
    assert accuracy(np.array([[0.1], [0.9], [0.6], [0.7]]), t) == 0.75
    assert accuracy(np.array([0.1, 0.9, 0.6, 0.2]), t[:, 0]) == 1.0
    assert accuracy(np.array([[0.5], [0.9], [0.9], [0.2]]), t) == 1.0  # 0.5 counts as 0
    two = np.array([[1.0, 0.0], [0.0, 1.0]])
    assert accuracy(np.array([[0.9, 0.1], [0.9, 0.9]]), two) == 0.5  # all outputs must be right
    assert accuracy(np.array([[-0.3], [0.4]]), np.array([[0.0], [1.0]]), threshold=0.0) == 1.0
    assert np.isnan(accuracy(np.zeros((0, 1)), np.zeros((0, 1))))
    with pytest.raises(ValueError, match="shape"):
        accuracy(np.zeros((3, 1)), np.zeros((3, 2)))


# ------------------------------------------------------------------ CSV


def write(tmp_path, text, name="data.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_csv_picks_named_columns(tmp_path):
    path = write(tmp_path, "note, b ,a,out\nfirst,1,2,0\n\nsecond,3,4.5,1\n")
    ds = load_csv(path, ["a", "b"], ["out"])
    assert ds.inputs.tolist() == [[2.0, 1.0], [4.5, 3.0]]
    assert ds.targets.tolist() == [[0.0], [1.0]]
    assert (ds.name, ds.task, ds.input_names) == ("data", "classification", ("a", "b"))
    assert load_csv(write(tmp_path, "a,y\n1,0.3\n"), ["a"], ["y"]).task == "regression"


def test_load_csv_missing_column_is_named(tmp_path):
    path = write(tmp_path, "x1,x2,y\n1,2,3\n")
    with pytest.raises(DatasetError, match=r"data\.csv: no column 'n3'.*'x1', 'x2', 'y'"):
        load_csv(path, ["x1", "n3"], ["y"])


def test_load_csv_bad_number_names_line_and_column(tmp_path):
    path = write(tmp_path, "x,y\n1,2\n3,abc\n")
    with pytest.raises(DatasetError, match=r"line 3, column 'y': expected a number, got 'abc'"):
        load_csv(path, ["x"], ["y"])


@pytest.mark.parametrize("bad", ["nan", "inf", "-Infinity"])
def test_load_csv_rejects_non_finite(tmp_path, bad):
    path = write(tmp_path, f"x,y\n1,2\n\n{bad},1\n")
    with pytest.raises(DatasetError, match=rf"line 4, column 'x': '{bad}' is not a finite"):
        load_csv(path, ["x"], ["y"])


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "empty"),
        ("x,y\n", "no data rows"),
        ("x,y\n1\n", "line 2: column 'y' is missing"),
        ("x,x,y\n1,2,3\n", "more than once"),
    ],
)
def test_load_csv_structural_errors(tmp_path, text, message):
    with pytest.raises(DatasetError, match=message):
        load_csv(write(tmp_path, text), ["x"], ["y"])


def test_load_csv_unreadable_files(tmp_path):
    with pytest.raises(DatasetError, match="nope.csv: cannot read"):
        load_csv(tmp_path / "nope.csv", ["x"], ["y"])
    (tmp_path / "bin.csv").write_bytes(b"x,y\n\xff\xfe,1\n")
    with pytest.raises(DatasetError, match="UTF-8"):
        load_csv(tmp_path / "bin.csv", ["x"], ["y"])


def test_load_csv_accepts_excel_bom(tmp_path):
    (tmp_path / "bom.csv").write_bytes("x,y\r\n1,0\r\n".encode("utf-8-sig"))
    assert load_csv(tmp_path / "bom.csv", ["x"], ["y"]).inputs.tolist() == [[1.0]]


# ------------------------------------------------------------------ dict form


def test_builtin_round_trips_as_recipe():
    ds = builtin("spiral", n=50, noise=0.2, seed=3).with_names(["a", "b"], ["c"])
    d = dataset_to_dict(ds)
    assert d == {
        "builtin": "spiral",
        "n": 50,
        "noise": 0.2,
        "seed": 3,
        "inputs": ["a", "b"],
        "outputs": ["c"],
    }
    back = dataset_from_dict(json.loads(json.dumps(d)))
    assert np.array_equal(back.inputs, ds.inputs) and back.input_names == ("a", "b")
    assert dataset_to_dict(back) == d


def test_explicit_rows_round_trip_exactly(tmp_path):
    ds = load_csv(write(tmp_path, "p,q,r\n0.1,1e-300,0.7\n-2,3,1.5\n"), ["p", "q"], ["r"])
    d = dataset_to_dict(ds)
    assert d == {
        "name": "data",
        "inputs": ["p", "q"],
        "outputs": ["r"],
        "task": "regression",
        "rows": [[0.1, 1e-300, 0.7], [-2.0, 3.0, 1.5]],
    }
    text = json.dumps(d)
    back = dataset_from_dict(json.loads(text))
    assert json.dumps(dataset_to_dict(back)) == text
    assert np.array_equal(back.inputs, ds.inputs) and np.array_equal(back.targets, ds.targets)


def test_dict_task_is_inferred_when_absent():
    ds = dataset_from_dict({"inputs": ["a"], "outputs": ["b"], "rows": [[1, 0], [2, 1]]})
    assert ds.task == "classification" and ds.name == "dataset"


GOOD = {"inputs": ["a"], "outputs": ["b"], "rows": [[1, 0], [2, 1]]}


@pytest.mark.parametrize(
    "d, message",
    [
        ([1, 2], r"net\.data: expected an object"),
        (
            {**GOOD, "rows": [[1, 0], [2, 1], [3, 4], [5, "a"]]},
            r"net\.data\.rows\[3\]\[1\]: expected a number, got 'a'",
        ),
        (
            {**GOOD, "rows": [[1, 0], [True, 1]]},
            r"rows\[1\]\[0\]: expected a number, got a boolean \(true\)",
        ),
        ({**GOOD, "rows": [[1, float("nan")]]}, r"rows\[0\]\[1\]: expected a finite number"),
        ({**GOOD, "rows": [[1, 0], [1, 2, 3]]}, r"rows\[1\]: expected a list of 2 numbers"),
        ({**GOOD, "rows": []}, r"rows: expected a non-empty list"),
        ({**GOOD, "inputs": ["a", 3]}, r"inputs\[1\]: expected a neuron id"),
        ({**GOOD, "inputs": "a"}, r"net\.data\.inputs: expected a list"),
        ({**GOOD, "task": "ranking"}, r"net\.data\.task: expected one of"),
        ({**GOOD, "name": 5}, r"net\.data\.name: expected text"),
        ({**GOOD, "rowz": []}, r"unknown key 'rowz'"),
        ({"inputs": ["a"], "outputs": ["b"]}, r"missing 'rows'"),
        ({"builtin": "moons"}, r"net\.data\.builtin: unknown built-in dataset 'moons'"),
        ({"builtin": "circle", "n": "200"}, r"net\.data\.n: expected a whole number"),
        ({"builtin": "circle", "noise": 20}, r"net\.data\.noise: expected a number from 0 to 10"),
        ({"builtin": "circle", "seed": 1.5}, r"net\.data\.seed"),
        (
            {"builtin": "circle", "inputs": ["a"], "outputs": ["y"]},
            r"net\.data: dataset 'circle' has 2 input column",
        ),
        ({"builtin": "xor", "rows": []}, r"unknown key 'rows'"),
    ],
)
def test_dataset_from_dict_names_every_problem(d, message):
    with pytest.raises(DatasetError, match=message):
        dataset_from_dict(d, where="net.data")


def test_recipe_defaults():
    ds = dataset_from_dict({"builtin": "circle"})
    assert np.array_equal(ds.inputs, builtin("circle").inputs)
    assert ds.input_names == ("x1", "x2")


def test_core_modules_do_not_load_qt():
    code = (
        "import sys, neurosim.core.datasets, neurosim.core.losses, neurosim.core.optimizers; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
