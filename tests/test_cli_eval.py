"""``neurosim eval``: the JSON report, CSV batches, and one ``error:`` line for every bad input."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from neurosim.cli import main
from neurosim.core import fileformat
from neurosim.core.engine import Engine
from neurosim.core.model import Network

ROOT = Path(__file__).resolve().parents[1]


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def small_network() -> Network:
    """x1, x2 → h1 (relu), h2 (tanh) → y1 (sigmoid), y2 (linear); x1 → y2 skips."""
    net = Network({"title": "CLI"})
    net.add_neuron("input", "x1", value=0.5)
    net.add_neuron("input", "x2", value=-1.0)
    net.add_neuron("hidden", "h1", bias=0.1, activation="relu")
    net.add_neuron("hidden", "h2", bias=-0.2, activation="tanh")
    net.add_neuron("output", "y1", bias=0.3)
    net.add_neuron("output", "y2", activation="linear", params={"slope": 0.5})
    for s, t, w in [
        ("x1", "h1", 1.0),
        ("x2", "h1", 2.0),
        ("x1", "h2", -0.5),
        ("x2", "h2", 0.25),
        ("h1", "y1", 1.5),
        ("h2", "y1", -1.0),
        ("h2", "y2", 2.0),
        ("x1", "y2", 3.0),
    ]:
        net.add_synapse(s, t, w)
    return net


def expected(x1: float, x2: float) -> dict[str, dict]:
    z1, z2 = x1 + 2 * x2 + 0.1, -0.5 * x1 + 0.25 * x2 - 0.2
    h1, h2 = max(z1, 0.0), math.tanh(z2)
    z3, z4 = 1.5 * h1 - h2 + 0.3, 2 * h2 + 3 * x1
    return {
        "x1": {"z": None, "y": x1, "fired": None, "silent": x1 == 0},
        "x2": {"z": None, "y": x2, "fired": None, "silent": x2 == 0},
        "h1": {"z": z1, "y": h1, "fired": z1 > 0, "silent": h1 == 0},
        "h2": {"z": z2, "y": h2, "fired": z2 > 0, "silent": False},
        "y1": {"z": z3, "y": sigmoid(z3), "fired": z3 > 0, "silent": False},
        "y2": {"z": z4, "y": 0.5 * z4, "fired": z4 > 0, "silent": False},
    }


@pytest.fixture
def net_path(tmp_path: Path) -> Path:
    path = tmp_path / "net.json"
    fileformat.save(small_network(), path)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["eval", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def assert_report(report: dict, x1: float, x2: float) -> None:
    assert set(report) == {"neurons", "active_fraction"}
    want = expected(x1, x2)
    assert list(report["neurons"]) == list(want)  # file order
    for nid, figures in report["neurons"].items():
        assert set(figures) == {"z", "y", "fired", "silent"}
        for key, value in want[nid].items():
            if isinstance(value, float):
                assert figures[key] == pytest.approx(value, rel=1e-13, abs=1e-15), (nid, key)
            else:
                assert figures[key] == value, (nid, key)
    silent_hidden = [want[h]["silent"] for h in ("h1", "h2")]
    assert report["active_fraction"] == 1 - sum(silent_hidden) / 2


# --------------------------------------------------------------------- JSON


def test_json_report(capsys: pytest.CaptureFixture[str], net_path: Path) -> None:
    code, out, err = run(capsys, net_path)
    assert (code, err) == (0, "")
    assert_report(json.loads(out), 0.5, -1.0)  # h1 is silent here: z = -1.4


def test_set_overrides_inputs(capsys: pytest.CaptureFixture[str], net_path: Path) -> None:
    code, out, err = run(capsys, net_path, "--set", "x1=2", "--set", "x2=0.25e0")
    assert (code, err) == (0, "")
    assert_report(json.loads(out), 2.0, 0.25)
    assert json.loads(out)["active_fraction"] == 1.0


def test_active_fraction_null_without_hidden_neurons(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    net = Network()
    net.add_neuron("input", "x1", value=1.0)
    net.add_neuron("output", "y1", activation="step")
    net.add_synapse("x1", "y1", -1.0)
    fileformat.save(net, tmp_path / "p.json")
    code, out, _ = run(capsys, tmp_path / "p.json")
    assert code == 0
    assert json.loads(out) == {
        "neurons": {
            "x1": {"z": None, "y": 1.0, "fired": None, "silent": False},
            "y1": {"z": -1.0, "y": 0.0, "fired": False, "silent": True},
        },
        "active_fraction": None,
    }


# ---------------------------------------------------------------------- CSV


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_to_stdout_and_out_file(
    capsys: pytest.CaptureFixture[str], net_path: Path, tmp_path: Path
) -> None:
    rows = [(0.5, -1.0), (2.0, 0.25), (0.1, 0.7), (-3.0, 1e-3)]
    # extra column and a different column order: the header decides
    text = "note,x2,x1\n" + "".join(f"r{i}, {b!r} ,{a!r}\n" for i, (a, b) in enumerate(rows))
    inputs = write_csv(tmp_path / "in.csv", text)
    code, out, err = run(capsys, net_path, "--inputs-csv", inputs)
    assert (code, err) == (0, "")
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == ["x1", "x2", "y1", "y2"]  # input columns, then one per output
    engine = Engine(fileformat.load(net_path))
    # The CLI evaluates the rows as one batch; a single-row call may differ in the last bit
    # (BLAS sums a batch in another order), so the reference is the same batch.
    batch = engine.forward([list(r) for r in rows])
    for (a, b), line, y in zip(rows, table[1:], batch, strict=True):
        want = expected(a, b)
        assert line[:2] == [f"{a:.15g}", f"{b:.15g}"]  # the typed inputs, as typed
        got = [float(v) for v in line[2:]]
        assert got == pytest.approx([want["y1"]["y"], want["y2"]["y"]], rel=1e-13)
        # 15 significant digits of the engine's float64 (the noise beyond them dropped)
        assert line[2:] == [f"{float(y[engine.compiled.index[o]]):.15g}" for o in ("y1", "y2")]
    out_path = tmp_path / "out.csv"
    code, out2, err = run(capsys, net_path, "--inputs-csv", inputs, "--out", out_path)
    assert (code, out2, err) == (0, "", "")
    assert out_path.read_text(encoding="utf-8") == out


def test_csv_with_header_only(capsys, net_path: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, net_path, "--inputs-csv", write_csv(tmp_path / "e.csv", "x1,x2\n"))
    assert (code, out) == (0, "x1,x2,y1,y2\n")


def test_set_with_a_csv_is_an_error_not_ignored(capsys, net_path: Path, tmp_path: Path) -> None:
    inputs = write_csv(tmp_path / "in.csv", "x1,x2\n2,0.25\n")
    code, out, err = run(capsys, net_path, "--set", "x1=9", "--inputs-csv", inputs)
    assert (code, out) == (2, "")
    assert err == "error: --set and --inputs-csv cannot be combined: the CSV sets every input\n"


# ------------------------------------------------------------------- errors


def bad_csv(tmp_path: Path, text: str) -> list[str]:
    return ["--inputs-csv", str(write_csv(tmp_path / "bad.csv", text))]


@pytest.mark.parametrize(
    "args,message",
    [
        (["{missing}"], "missing.json: cannot read the file (No such file or directory)"),
        (["{invalid}"], "invalid.json: malformed JSON at line 1, column 2"),
        (["{net}", "--set", "q9=1"], "--set 'q9=1': there is no neuron 'q9'"),
        (["{net}", "--set", "h1=1"], "--set 'h1=1': 'h1' is not an input neuron"),
        (["{net}", "--set", "x1"], "--set 'x1': expected ID=VALUE"),
        (["{net}", "--set", "x1=abc"], "--set x1: 'abc' is not a number"),
        (["{net}", "--set", "x1=nan"], "--set x1: 'nan' is not a finite number"),
        (["{net}", "--set", "x1=inf"], "--set x1: 'inf' is not a finite number"),
        (["{net}", "--set", "x1=-Infinity"], "--set x1: '-Infinity' is not a finite number"),
        (["{net}", "--out", "o.csv"], "--out goes with --inputs-csv"),
        (
            ["{net}", "--inputs-csv", "{missing_csv}"],
            "nope.csv: cannot read (No such file or directory)",
        ),
        (["{net}", "--bogus"], "neurosim eval: unrecognized arguments: --bogus"),
        ([], "neurosim eval: the following arguments are required: NET.json"),
    ],
)
def test_errors(capsys, net_path: Path, tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "invalid.json").write_text("{,}", encoding="utf-8")
    names = {
        "net": net_path,
        "missing": tmp_path / "missing.json",
        "invalid": tmp_path / "invalid.json",
        "missing_csv": tmp_path / "nope.csv",
    }
    code, out, err = run(capsys, *[a.format(**names) for a in args])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert message in err, err


@pytest.mark.parametrize(
    "text,message",
    [
        ("x1,h\n1,2\n", "bad.csv: missing column(s) x2 (the network's inputs)"),
        ("a,b\n", "bad.csv: missing column(s) x1, x2 (the network's inputs)"),
        ("", "bad.csv: the file is empty; its first line must name the input ids"),
        ("x1,x2\n1,2\n3\n", "bad.csv: line 3 has 1 fields, the header has 2"),
        ("x1,x2\n1,2,3\n", "bad.csv: line 2 has 3 fields, the header has 2"),
        ("x1,x2\n1,two\n", "bad.csv: line 2, column x2: 'two' is not a number"),
        ("x1,x2\nnan,1\n", "bad.csv: line 2, column x1: 'nan' is not a finite number"),
        ("x1,x2\n1,-inf\n", "bad.csv: line 2, column x2: '-inf' is not a finite number"),
        ("x1,x2\n1,\n", "bad.csv: line 2, column x2: '' is not a number"),
    ],
)
def test_csv_errors(capsys, net_path: Path, tmp_path: Path, text: str, message: str) -> None:
    code, out, err = run(capsys, net_path, *bad_csv(tmp_path, text))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err == f"error: {tmp_path / message}\n"


def test_non_utf8_csv(capsys, net_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(b"x1,x2\n\xe9,1\n")
    code, _, err = run(capsys, net_path, "--inputs-csv", path)
    assert (code, err) == (2, f"error: {path}: not a UTF-8 text file (byte 6)\n")


def test_csv_with_a_byte_order_mark(capsys, net_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffx1,x2\n2,0.25\n".encode())  # Excel's "CSV UTF-8"
    code, out, err = run(capsys, net_path, "--inputs-csv", path)
    assert (code, err) == (0, "")
    assert float(out.splitlines()[1].split(",")[2]) == pytest.approx(expected(2, 0.25)["y1"]["y"])


def test_csv_naming_an_input_twice(capsys, net_path: Path, tmp_path: Path) -> None:
    code, out, err = run(capsys, net_path, *bad_csv(tmp_path, "x1,x2,x1\n1,2,3\n"))
    assert (code, out) == (2, "")
    where = tmp_path / "bad.csv"
    assert err == f"error: {where}: column x1 appears more than once (columns 1, 3)\n"


@pytest.mark.parametrize("where", ["folder", "device"])
def test_csv_that_is_not_a_file(capsys, net_path: Path, tmp_path: Path, where: str) -> None:
    path = tmp_path if where == "folder" else Path(os.devnull)
    code, out, err = run(capsys, net_path, "--inputs-csv", path)
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {path}: cannot read (") and err.count("\n") == 1


def test_set_twice_for_one_input(capsys, net_path: Path) -> None:
    code, out, err = run(capsys, net_path, "--set", "x1=1", "--set", "x1=2")
    assert (code, out) == (2, "")
    assert err == "error: --set x1: given twice ('1' and '2'); give it once\n"


@pytest.mark.parametrize("content", [b"", b"\x00\xff\xfe binary", b"\xef\xbb\xbf"])
def test_network_file_empty_or_binary(capsys, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "net.json"
    path.write_bytes(content)
    code, out, err = run(capsys, path)
    assert (code, out) == (2, "")
    assert err.startswith("error: net.json: ") and err.count("\n") == 1


def test_network_path_is_a_folder(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, tmp_path)
    assert (code, err) == (2, f"error: {tmp_path}: cannot read the file (Is a directory)\n")


def test_unwritable_out(capsys, net_path: Path, tmp_path: Path) -> None:
    inputs = write_csv(tmp_path / "in.csv", "x1,x2\n1,2\n")
    out = tmp_path / "no" / "such" / "dir.csv"
    code, _, err = run(capsys, net_path, "--inputs-csv", inputs, "--out", out)
    assert code == 2 and err == f"error: --out {out}: there is no folder {out.parent}\n"


def test_overflow_is_an_error_not_a_traceback(capsys, tmp_path: Path) -> None:
    net = Network()
    net.add_neuron("input", "x1", value=1e200)
    net.add_neuron("output", "y1", activation="linear")
    net.add_synapse("x1", "y1", 1e200)
    fileformat.save(net, tmp_path / "big.json")
    code, out, err = run(capsys, tmp_path / "big.json")
    assert code == 2 and out == "" and err.startswith("error: the evaluation overflowed")


def test_error_from_a_file_stays_on_one_line(capsys, tmp_path: Path) -> None:
    data = json.loads(fileformat.dumps(small_network()))
    data["neurons"][2]["id"] = data["neurons"][3]["id"] = "a\nb"  # a duplicate id with a newline
    data["synapses"] = []
    (tmp_path / "nl.json").write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, tmp_path / "nl.json")
    assert code == 2 and err.count("\n") == 1 and err.startswith("error: nl.json: neurons[")


# --------------------------------------------------------------- subprocess


def test_real_subprocess(net_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "neurosim",
            "eval",
            str(net_path),
            "--set",
            "x1=2",
            "--set",
            "x2=0.25",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert (ok.returncode, ok.stderr) == (0, "")
    assert_report(json.loads(ok.stdout), 2.0, 0.25)
    bad = subprocess.run(
        [sys.executable, "-m", "neurosim", "eval", str(net_path), "--set", "x1=nan"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr == "error: --set x1: 'nan' is not a finite number\n"


def test_closed_pipe_is_not_a_traceback(net_path: Path, tmp_path: Path) -> None:
    # `neurosim eval net.json | head -1`: the reader leaves before the report is written.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "neurosim", "eval", str(net_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert (proc.wait(timeout=120), err) == (141, "")
