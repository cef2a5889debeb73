"""``neurosim check``: reports, JSON, exit codes, and the exercises shipped in resources/."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from neurosim.cli import main
from neurosim.core.activations import ACTIVATION_NAMES
from neurosim.core.exercise.reading import exercise_of
from neurosim.core.fileformat import dumps, load, save
from neurosim.core.localized_text import english
from neurosim.core.model import Network

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = sorted((ROOT / "resources" / "exercises").glob("*.nsim.json"))
SOLUTIONS = ROOT / "tests" / "data" / "solutions"
NAMES = [p.name for p in EXERCISES]


def check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def and_exercise(tmp_path: Path, bias: float = 0.0) -> tuple[Path, Network]:
    net = Network({"title": "AND"})
    net.add_neuron("input", "x1")
    net.add_neuron("input", "x2")
    net.add_neuron("output", "y", activation="step", bias=bias)
    net.add_synapse("x1", "y", 1.0)
    net.add_synapse("x2", "y", 1.0)
    net.extra["exercise"] = {
        "instructions": "AND",
        "goals": [
            {
                "type": "table",
                "title": "Truth table",
                "tolerance": 0.1,
                "rows": [
                    {"inputs": {"x1": a, "x2": b}, "expect": {"y": a & b}}
                    for a in (0, 1)
                    for b in (0, 1)
                ],
            },
            {"type": "max_hidden", "count": 0},
        ],
        "locked": {"synapses": [["x1", "y"], ["x2", "y"]]},
    }
    path = tmp_path / "and.nsim.json"
    save(net, path)
    return path, net


def submission(tmp_path: Path, net: Network, name: str = "student.nsim.json") -> Path:
    path = tmp_path / name
    save(net, path)
    return path


# ------------------------------------------------------------------ reports and exit codes


def test_solved_submission_exits_0_with_a_tick_per_row(tmp_path, capsys):
    ex, net = and_exercise(tmp_path)
    net.set_bias("y", -1.5)
    code, out, err = check(capsys, ex, submission(tmp_path, net))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].endswith("student.nsim.json — AND")
    assert lines[1] == "Goal 1 — Truth table:"
    assert lines[2] == "  ✓ x1=0, x2=0 → y = 0 ± 0.1: got y = 0"
    assert lines[6] == "Goal 2:"
    assert lines[7] == "  ✓ no hidden neurons: the network has 0 hidden neurons"
    assert lines[8:] == ["Locked parts:", "  ✓ all 2 unchanged", "SOLVED ✓"]


def test_unsolved_submission_exits_1_and_lists_what_failed(tmp_path, capsys):
    ex, net = and_exercise(tmp_path)
    net.set_bias("y", -0.5)  # OR
    net.set_weight(("x2", "y"), 1.25)  # a locked weight, still OR
    code, out, _ = check(capsys, ex, submission(tmp_path, net))
    assert code == 1
    assert "  ✗ x1=0, x2=1 → y = 0 ± 0.1: got y = 1" in out.splitlines()
    assert "  ✓ x1=1, x2=1 → y = 1 ± 0.1: got y = 1" in out.splitlines()
    assert (
        "Locked parts:\n  ✗ weight x2 → y stays 1: "
        "locked by the exercise: the weight x2 → y was 1, now 1.25\n"
    ) in out
    assert out.splitlines()[-1] == "NOT SOLVED ✗ — 3 of 7 checks failed"


def test_json_output_shape(tmp_path, capsys):
    ex, net = and_exercise(tmp_path)
    code, out, _ = check(capsys, ex, submission(tmp_path, net), "--json")
    assert code == 1
    data = json.loads(out)
    assert set(data) == {"solved", "results"} and data["solved"] is False
    assert len(data["results"]) == 4 + 1 + 2
    for r in data["results"]:
        assert set(r) == {"goal", "type", "row", "label", "passed", "detail"}
        assert isinstance(r["passed"], bool) and isinstance(r["label"], str)
    assert [(r["goal"], r["row"], r["type"]) for r in data["results"]] == [
        (0, 0, "table"),
        (0, 1, "table"),
        (0, 2, "table"),
        (0, 3, "table"),
        (1, None, "max_hidden"),
        (None, None, "locked"),
        (None, None, "locked"),
    ]
    assert data["results"][0] == {
        "goal": 0,
        "type": "table",
        "row": 0,
        "label": "x1=0, x2=0 → y = 0 ± 0.1",
        "passed": False,
        "detail": "got y = 1",
    }
    net.set_bias("y", -1.5)
    code, out, _ = check(capsys, ex, submission(tmp_path, net), "--json")
    assert code == 0 and json.loads(out)["solved"] is True


def test_ascii_terminal_gets_plain_marks(tmp_path, capsys, monkeypatch):
    ex, net = and_exercise(tmp_path)
    path = submission(tmp_path, net)
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="ascii"))
    assert main(["check", str(ex), str(path)]) == 1
    sys.stdout.flush()
    text = buffer.getvalue().decode("ascii")
    assert "  [FAIL] x1=0, x2=0 -> y = 0 +/- 0.1: got y = 1" in text
    assert "  [ok] x1=1, x2=1 -> y = 1 +/- 0.1: got y = 1" in text
    assert "NOT SOLVED [FAIL] - 3 of 7 checks failed" in text


def test_bad_input_exits_2_with_one_error_line(tmp_path, capsys):
    ex, net = and_exercise(tmp_path)
    good = submission(tmp_path, net)
    plain = tmp_path / "plain.nsim.json"
    save(Network(), plain)
    broken = tmp_path / "broken.nsim.json"
    broken.write_text("{not json", encoding="utf-8")
    bad_section = tmp_path / "bad.nsim.json"
    net.extra["exercise"] = {**net.extra["exercise"], "locked": {"synapses": [["x1", "x2"]]}}
    save(net, bad_section)
    cases = [
        ((tmp_path / "missing.json", good), "missing.json: cannot read the file"),
        ((broken, good), "broken.nsim.json: malformed JSON at line 1"),
        ((plain, good), "plain.nsim.json: this network file has no 'exercise' section"),
        (
            (bad_section, good),
            "bad.nsim.json: exercise.locked.synapses[0]: there is no synapse x1 → x2",
        ),
        ((ex, broken), "broken.nsim.json: malformed JSON"),
        ((ex, tmp_path / "gone.json"), "gone.json: cannot read the file"),
    ]
    for args, message in cases:
        code, out, err = check(capsys, *args)
        assert code == 2 and out == ""
        assert err.startswith("error: ") and message in err, err
        assert err.count("\n") == 1
    assert main(["check", str(ex)]) == 2
    assert "the following arguments are required: SUBMISSION.json" in capsys.readouterr().err


def test_real_process_grades_a_folder_entry(tmp_path):
    ex, net = and_exercise(tmp_path)
    net.set_bias("y", -1.5)
    solved = submission(tmp_path, net, "solved.nsim.json")
    net.set_bias("y", 0.0)
    unsolved = submission(tmp_path, net, "unsolved.nsim.json")
    codes = []
    for path in (solved, unsolved, tmp_path / "nothing.json"):
        proc = subprocess.run(
            [sys.executable, "-m", "neurosim", "check", str(ex), str(path), "--json"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            cwd=ROOT,
        )
        codes.append(proc.returncode)
        if proc.returncode != 2:
            assert json.loads(proc.stdout)["solved"] is (proc.returncode == 0)
        else:
            assert proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr
    assert codes == [0, 1, 2]


# ------------------------------------------------------------------ shipped exercises


def test_at_least_six_exercises_ship_each_with_a_solution():
    assert len(EXERCISES) >= 6
    assert sorted(p.name for p in SOLUTIONS.glob("*.nsim.json")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_exercise_file_is_complete(name):
    path = ROOT / "resources" / "exercises" / name
    net = load(path)
    assert english(net.meta["title"]).strip() and english(net.meta["description"]).strip()
    exercise = exercise_of(net)
    assert exercise is not None and len(english(exercise.instructions)) > 80
    assert 1 <= len(exercise.hints) <= 3
    assert exercise.locked  # every shipped exercise protects something
    assert dumps(net) == path.read_text(encoding="utf-8")  # saved by NeuroSim, byte for byte


@pytest.mark.parametrize("name", NAMES)
def test_exercise_as_shipped_is_not_solved(name, capsys):
    path = ROOT / "resources" / "exercises" / name
    code, out, _ = check(capsys, path, path)
    assert code == 1 and "✗" in out


@pytest.mark.parametrize("name", NAMES)
def test_solution_is_solved(name, capsys):
    code, out, _ = check(capsys, ROOT / "resources" / "exercises" / name, SOLUTIONS / name)
    assert code == 0, out
    assert "✗" not in out


def tamper(solution: Network, exercise_net: Network) -> None:
    """Change one locked part of a solution, leaving its goals as they were where possible."""
    locks = exercise_of(exercise_net).locked
    if locks.synapses:
        key = locks.synapses[0]
        solution.set_weight(key, solution.synapses[key].weight + 1.0)
    elif locks.params:
        nid, name = locks.params[0]
        neuron = solution.neurons[nid]
        if name == "bias":
            solution.set_bias(nid, neuron.bias + 1.0)
        elif name == "value":
            solution.set_value(nid, neuron.value + 1.0)
        elif name == "activation":
            other = next(a for a in ACTIVATION_NAMES if a != neuron.activation)
            solution.set_activation(nid, other)
        else:
            solution.set_param(nid, name, neuron.params[name] + 0.5)
    else:
        solution.remove_neuron(locks.neurons[-1])


@pytest.mark.parametrize("name", NAMES)
def test_tampered_solution_fails_on_the_locked_part(name, tmp_path, capsys):
    ex_path = ROOT / "resources" / "exercises" / name
    solution = load(SOLUTIONS / name)
    tamper(solution, load(ex_path))
    code, out, _ = check(capsys, ex_path, submission(tmp_path, solution), "--json")
    assert code == 1
    locked = [r for r in json.loads(out)["results"] if r["type"] == "locked" and not r["passed"]]
    assert locked  # (a swapped activation also drops its locked threshold: two failures)
    assert all(r["detail"].startswith("locked by the exercise: ") for r in locked)


def test_fastest_activation_is_reachable_by_training_only_with_the_right_choice():
    from neurosim.core import training
    from neurosim.core.exercise.grading import grade
    from neurosim.core.training_setup import embedded_dataset

    path = ROOT / "resources" / "exercises" / "fastest-activation.nsim.json"
    exercise_net = load(path)
    solved = {}
    for activation in ("sigmoid", "tanh", "relu"):
        net = load(path)
        for h in ("h1", "h2", "h3", "h4"):
            net.set_activation(h, activation)
        trainer = training.Trainer(net, embedded_dataset(net), "mse", "sgd", 0.1)
        for _ in range(300):
            trainer.step_epoch()
        trainer.write_back()
        solved[activation] = grade(exercise_net, net).solved
    assert solved == {"sigmoid": False, "tanh": True, "relu": False}
