"""Files the CLI writes are never clobbered; its errors are short, plain and say why.

Each test is a repro from the "nothing lost, nothing misread" audit: before the fix the
output was replaced by a truncated file on a full disk, the network itself was overwritten
with CSV, a read-only file was replaced, a closed stdout ended in a traceback.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from neurosim.cli import main
from neurosim.core import fileformat
from neurosim.core.builders import layered_network
from neurosim.core.fileformat import atomic

XOR_ROWS = "x1,x2\n0,0\n0,1\n1,0\n1,1\n"


@pytest.fixture
def net(tmp_path: Path) -> Path:
    network = layered_network([2, 3, 1], activation="tanh")
    path = tmp_path / "net.json"
    fileformat.save(network, path)
    return path


@pytest.fixture
def rows(tmp_path: Path, net: Path) -> Path:
    inputs = [n.id for n in fileformat.load(net).of_kind("input")]
    path = tmp_path / "in.csv"
    path.write_text(XOR_ROWS.replace("x1,x2", ",".join(inputs)), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    assert err.startswith("error: ") and err.count("\n") == 1, err
    return err


# --- never over an input --------------------------------------------------------------------


def test_eval_out_over_the_network_itself_is_refused(capsys, net, rows) -> None:
    before = net.read_bytes()
    code, out, err = run(capsys, "eval", net, "--inputs-csv", rows, "--out", net)
    assert (code, out) == (2, "")
    assert "is also an input of this command" in one_error_line(err)
    assert net.read_bytes() == before


def test_eval_out_over_its_csv_is_refused_even_through_another_path(capsys, net, rows) -> None:
    before = rows.read_bytes()
    other_spelling = rows.parent / "." / rows.name
    code, _, err = run(capsys, "eval", net, "--inputs-csv", rows, "--out", other_spelling)
    assert code == 2 and "is also an input" in one_error_line(err)
    assert rows.read_bytes() == before


def test_train_out_over_its_network_or_data_is_refused(capsys, net, tmp_path) -> None:
    before = net.read_bytes()
    args = ("train", net, "--data", "builtin:xor", "--epochs", "1", "--lr", "0.1")
    code, _, err = run(capsys, *args, "--out", net)
    assert code == 2 and "is also an input" in one_error_line(err)
    assert net.read_bytes() == before


def test_screenshot_over_its_network_is_refused(capsys, tmp_path) -> None:
    png_named_net = tmp_path / "net.png"
    fileformat.save(layered_network([1, 1]), png_named_net)
    before = png_named_net.read_bytes()
    code, _, err = run(capsys, "screenshot", png_named_net, "-o", png_named_net)
    assert code == 2 and "is also an input" in one_error_line(err)
    assert png_named_net.read_bytes() == before


# --- read-only targets and failed writes ------------------------------------------------------


def test_a_read_only_output_is_not_replaced(capsys, net, rows, tmp_path) -> None:
    for command in (
        ("eval", net, "--inputs-csv", rows, "--out"),
        ("train", net, "--data", "builtin:xor", "--epochs", "1", "--lr", "0.1", "--out"),
    ):
        target = tmp_path / "locked.out"
        target.write_text("keep me", encoding="utf-8")
        target.chmod(0o444)
        code, _, err = run(capsys, *command, target)
        assert code == 2 and "the file is read-only; not replaced" in one_error_line(err)
        assert target.read_text(encoding="utf-8") == "keep me"
        assert stat.S_IMODE(target.stat().st_mode) == 0o444
        target.chmod(0o644)
        target.unlink()


def test_a_full_disk_leaves_the_old_output_whole_and_says_why(
    capsys, net, rows, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("the previous results\n", encoding="utf-8")
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fh) -> None:
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.fh.close()

        def write(self, data: bytes) -> int:
            self.fh.write(data[: len(data) // 2])  # half of it fits
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    code, _, err = run(capsys, "eval", net, "--inputs-csv", rows, "--out", target)
    assert code == 2
    assert err == f"error: {target}: cannot write (No space left on device)\n"
    assert target.read_text(encoding="utf-8") == "the previous results\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_eval_output_is_written_atomically(capsys, net, rows, tmp_path, monkeypatch) -> None:
    written: list[Path] = []
    real = atomic.write_atomic

    def spy(path, data) -> None:
        written.append(Path(path))
        real(path, data)

    monkeypatch.setattr("neurosim.commands.common.write_atomic", spy)
    target = tmp_path / "out.csv"
    code, _, _ = run(capsys, "eval", net, "--inputs-csv", rows, "--out", target)
    assert code == 0 and written == [target]
    assert target.read_text(encoding="utf-8").count("\n") == 5  # header + four rows


# --- standard output closed or gone -----------------------------------------------------------


def _neurosim(*args: object, **popen) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "neurosim", *map(str, args)],
        capture_output=popen.pop("capture", True),
        text=True,
        timeout=120,
        **popen,
    )


def test_a_closed_stdout_is_one_error_line_not_a_traceback(net) -> None:
    script = (
        "import os, subprocess, sys; os.close(1); "
        f"r = subprocess.run([sys.executable, '-m', 'neurosim', 'eval', {str(net)!r}], "
        "stderr=subprocess.PIPE, text=True); "
        "sys.stderr.write(r.stderr + f'exit {r.returncode}')"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "Traceback" not in proc.stderr
    assert proc.stderr == ("error: cannot write the result: standard output is closed\nexit 2"), (
        proc.stderr
    )


def test_a_reader_that_goes_away_ends_quietly(net, rows) -> None:
    many = rows.parent / "many.csv"
    header, *body = rows.read_text(encoding="utf-8").splitlines()
    many.write_text("\n".join([header, *body * 20_000]) + "\n", encoding="utf-8")
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    proc = subprocess.run(
        [sys.executable, "-m", "neurosim", "eval", str(net), "--inputs-csv", str(many)],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )
    reader.stdin.close()
    assert len(reader.stdout.read()) == 10
    reader.stdout.close()
    reader.wait(timeout=60)
    assert proc.stderr == ""
    assert proc.returncode in (0, 141)  # all written before head left, or a quiet SIGPIPE


# --- CSV as spreadsheets write it -------------------------------------------------------------


def test_a_csv_ending_with_blank_lines_is_accepted(capsys, net, rows) -> None:
    rows.write_text(rows.read_text(encoding="utf-8") + "\n,\n\n", encoding="utf-8")
    code, out, err = run(capsys, "eval", net, "--inputs-csv", rows)
    assert (code, err) == (0, "")
    assert out.count("\n") == 5


def test_a_semicolon_csv_is_named(capsys, net, rows) -> None:
    rows.write_text(rows.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    code, _, err = run(capsys, "eval", net, "--inputs-csv", rows)
    assert code == 2
    assert "the file seems to use ';' as separator" in one_error_line(err)


@pytest.mark.parametrize("cell", ["1_000", "١٢", "１", "0x1p3"])
def test_underscores_and_other_digits_are_refused(capsys, net, rows, cell) -> None:
    text = rows.read_text(encoding="utf-8").replace("\n1,1\n", f"\n{cell},1\n")
    rows.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "eval", net, "--inputs-csv", rows)
    assert code == 2
    assert "line 5, column" in err and f"{cell!r} is not a number" in one_error_line(err)


# --- wording --------------------------------------------------------------------------------


def test_errors_never_echo_a_long_user_string(capsys, net) -> None:
    inputs = [n.id for n in fileformat.load(net).of_kind("input")]
    code, _, err = run(capsys, "eval", net, "--set", f"{inputs[0]}={'9' * 5000}x")
    assert code == 2
    assert len(one_error_line(err)) < 200 and "…" in err


@pytest.mark.parametrize(
    ("value", "shown"),
    [(None, "got nothing (missing)"), (True, "got a boolean (true)")],
)
def test_file_errors_say_missing_or_a_boolean(value, shown) -> None:
    text = fileformat.dumps(layered_network([1, 1]))
    data = __import__("json").loads(text)
    data["neurons"][1]["bias"] = value
    with pytest.raises(fileformat.FileFormatError) as info:
        fileformat.loads(__import__("json").dumps(data))
    assert shown in str(info.value)
    assert "None" not in str(info.value) and "True" not in str(info.value)
