"""``neurosim train``: a trained file that loads with a lower loss; every bad input exits 2
with one ``error:`` line."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest

from neurosim.cli import main
from neurosim.commands.train import Progress
from neurosim.core.builders import layered_network
from neurosim.core.datasets import builtin
from neurosim.core.fileformat import load, loads, save
from neurosim.core.training import EpochRecord, Trainer


@pytest.fixture
def net_file(tmp_path):
    net = layered_network([2, 4, 1], "tanh", seed=0, output_activation="sigmoid")
    net.set_meta("description", "kept as is")
    net.extra["lesson"] = {"step": 3}
    path = tmp_path / "net.json"
    save(net, path)
    return path


def _loss(path, data) -> float:
    return Trainer(load(path), data).measure().loss


def test_trains_and_writes_a_file_with_lower_loss(net_file, tmp_path, capsys):
    out = tmp_path / "out.json"
    code = main(
        [
            "train",
            str(net_file),
            "--data",
            "builtin:circle?n=100&noise=0.05&seed=2",
            "--epochs",
            "200",
            "--lr",
            "0.5",
            "--batch",
            "10",
            "--out",
            str(out),
        ]
    )
    captured = capsys.readouterr()
    assert code == 0
    data = builtin("circle", 100, 0.05, 2)
    assert _loss(out, data) < 0.5 * _loss(net_file, data)
    trained = load(out)
    assert trained.meta["description"] == "kept as is" and trained.extra == {"lesson": {"step": 3}}
    assert [n.position for n in trained] == [n.position for n in load(net_file)]
    assert captured.out.startswith("trained 200 epochs: loss ") and "accuracy" in captured.out
    progress = captured.err.splitlines()
    assert len(progress) == 10 and progress[-1].startswith("epoch 200/200  loss ")


def test_without_out_the_network_goes_to_stdout(net_file, capsys):
    assert (
        main(
            [
                "train",
                str(net_file),
                "--data",
                "builtin:xor",
                "--epochs",
                "5",
                "--optimizer",
                "adam",
                "--loss",
                "bce",
                "--lr",
                "0.05",
            ]
        )
        == 0
    )
    captured = capsys.readouterr()
    trained = loads(captured.out)
    assert set(trained.synapses) == set(load(net_file).synapses)
    assert captured.err.splitlines()[-1].startswith("trained 5 epochs")


def test_embedded_dataset_and_csv(net_file, tmp_path, capsys):
    data = json.loads(net_file.read_text())
    data["dataset"] = {"builtin": "xor", "inputs": ["x1", "x2"], "outputs": ["y1"]}
    embedded = tmp_path / "embedded.json"
    embedded.write_text(json.dumps(data))
    out = tmp_path / "out.json"
    assert main(["train", str(embedded), "--epochs", "3", "--out", str(out)]) == 0
    assert load(out).extra["dataset"] == data["dataset"]
    csv = tmp_path / "and.csv"
    csv.write_text("y1,x2,x1\n0,0,0\n0,1,0\n0,0,1\n1,1,1\n")
    assert (
        main(
            [
                "train",
                str(net_file),
                "--data",
                str(csv),
                "--epochs",
                "3",
                "--out",
                str(out),
                "--init",
                "--seed",
                "4",
            ]
        )
        == 0
    )
    assert not np.allclose(
        [s.weight for s in load(out).synapses.values()],
        [s.weight for s in load(net_file).synapses.values()],
        atol=0.01,
    )
    capsys.readouterr()


def _step_file(tmp_path):
    net = layered_network([2, 2, 1], "step")
    path = tmp_path / "step.json"
    save(net, path)
    return path


def _no_output_file(tmp_path):
    net = layered_network([2, 2], "tanh")
    for n in net.of_kind("output"):
        net.remove_neuron(n.id)
    net.add_neuron("hidden", "h1")
    net.add_synapse("x1", "h1")
    path = tmp_path / "no_out.json"
    save(net, path)
    return path


BAD = [
    (["--data", "builtin:moons", "--epochs", "3"], "unknown built-in dataset 'moons'"),
    (["--data", "builtin:circle?n=abc", "--epochs", "3"], "n='abc' is not a whole number"),
    (["--data", "builtin:circle?n=0", "--epochs", "3"], "n (number of points)"),
    (["--data", "builtin:circle?noise=nan", "--epochs", "3"], "noise"),
    (["--data", "builtin:circle?size=3", "--epochs", "3"], "unknown option 'size'"),
    (["--data", "builtin:circle?n=5&n=6", "--epochs", "3"], "given twice"),
    (["--data", "builtin:circle?n=", "--epochs", "3"], "n='' is not a whole number"),
    (["--data", "builtin:circle?n", "--epochs", "3"], "options must look like n=500"),
    (["--data", "builtin:sine", "--epochs", "3"], "1 input column(s)"),
    (["--data", "missing.csv", "--epochs", "3"], "missing.csv: cannot read"),
    (["--epochs", "3"], "stores no dataset"),
    (["--data", "builtin:xor"], "--epochs"),
    (["--data", "builtin:xor", "--epochs", "0"], "out of range"),
    (["--data", "builtin:xor", "--epochs", "x"], "not a whole number"),
    (["--data", "builtin:xor", "--epochs", "3", "--lr", "0"], "--lr: the learning rate"),
    (["--data", "builtin:xor", "--epochs", "3", "--lr", "-1"], "--lr: the learning rate"),
    (["--data", "builtin:xor", "--epochs", "3", "--lr", "nan"], "--lr"),
    (["--data", "builtin:xor", "--epochs", "3", "--lr", "fast"], "--lr"),
    (["--data", "builtin:xor", "--epochs", "3", "--batch", "-2"], "out of range"),
    (["--data", "builtin:xor", "--epochs", "3", "--seed", "-1"], "out of range"),
    (["--data", "builtin:xor", "--epochs", "3", "--optimizer", "rmsprop"], "invalid choice"),
    (["--data", "builtin:xor", "--epochs", "3", "--loss", "hinge"], "invalid choice"),
    (["--data", "builtin:xor", "--epochs", "50", "--lr", "10"], "lower learning rate"),
    # the one range of the training options: the panel and lesson files allow the same
    (["--data", "builtin:xor", "--epochs", "3", "--lr", "1e6"], "from 1e-06 to 10, got 1e+06"),
    (["--data", "builtin:xor", "--epochs", "3", "--lr", "100"], "from 1e-06 to 10, got 100"),
    (["--data", "builtin:xor", "--epochs", "3", "--out", "/nonexistent/dir/out.json"], "no folder"),
]


@pytest.mark.parametrize(("extra", "message"), BAD)
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, extra, message):
    net = layered_network([2, 3, 1], "linear", seed=0)
    path = tmp_path / "net.json"
    save(net, path)
    _expect_error(capsys, ["train", str(path), *extra], message)


def test_untrainable_networks_exit_2(tmp_path, capsys):
    _expect_error(
        capsys,
        ["train", str(_step_file(tmp_path)), "--data", "builtin:xor", "--epochs", "3"],
        "passes through a step neuron",
    )
    _expect_error(
        capsys,
        ["train", str(_no_output_file(tmp_path)), "--data", "builtin:xor", "--epochs", "3"],
        "no output neurons",
    )
    tanh = layered_network([2, 2, 1], "tanh")
    path = tmp_path / "tanh.json"
    save(tanh, path)
    _expect_error(
        capsys,
        ["train", str(path), "--data", "builtin:xor", "--epochs", "3", "--loss", "bce"],
        "uses tanh",
    )
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    _expect_error(
        capsys, ["train", str(broken), "--data", "builtin:xor", "--epochs", "3"], "malformed JSON"
    )
    bad_set = json.loads(path.read_text())
    bad_set["dataset"] = {"builtin": "xor", "n": "many"}
    path.write_text(json.dumps(bad_set))
    _expect_error(capsys, ["train", str(path), "--epochs", "3"], "dataset.n")


def _expect_error(capsys, argv, message):
    code = main(argv)
    captured = capsys.readouterr()
    assert code == 2
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), captured.err
    assert message in lines[0]
    assert captured.out == ""


def test_progress_bar_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    bar = Progress(4, stream)
    for epoch in range(1, 5):
        bar.update(EpochRecord(epoch, 0.5 / epoch, 0.75, [], {}, []))
    bar.close()
    text = stream.getvalue()
    assert text.startswith("\r[#######") and text.endswith("\n")
    assert "\r[" + "#" * 30 + "] epoch 4/4  loss 0.125  accuracy 75.0%" in text


def test_an_exercise_without_data_trains_on_its_truth_table_goal(tmp_path, capsys):
    net = layered_network([2, 1], "sigmoid", seed=0)
    (y,) = [n.id for n in net.of_kind("output")]
    corners = [(0, 0), (0, 1), (1, 0), (1, 1)]
    net.extra["exercise"] = {
        "goals": [
            {
                "type": "table",
                "rows": [
                    {"inputs": {"x1": a, "x2": b}, "expect": {y: int(a or b)}} for a, b in corners
                ],
            }
        ]
    }
    path, out = tmp_path / "or.json", tmp_path / "out.json"
    save(net, path)
    code = main(["train", str(path), "--epochs", "300", "--lr", "2", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert (
        Trainer(load(out), builtin("or")).measure().loss
        < Trainer(net, builtin("or")).measure().loss
    )
    assert "accuracy 100" in capsys.readouterr().out


def test_a_built_in_set_trains_every_output_of_a_wider_network(tmp_path, capsys):
    path, out = tmp_path / "two.json", tmp_path / "out.json"
    save(layered_network([2, 3, 2], "tanh", seed=0), path)
    code = main(["train", str(path), "--data", "builtin:xor", "--epochs", "5", "--out", str(out)])
    assert code == 0, capsys.readouterr().err

    def weights(p):
        return {k: s.weight for k, s in load(p).synapses.items()}

    assert weights(out) != weights(path)
