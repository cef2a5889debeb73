"""One range per training setting, read by the Train panel, lesson files and the CLI."""

from __future__ import annotations

import pytest

from neurosim.core import fileformat
from neurosim.core.builders import layered_network
from neurosim.core.lesson import lesson_of
from neurosim.core.training_options import LEARNING_RATE, OPTIONS, OptionError
from neurosim.core.validate import FileFormatError


def test_the_learning_rate_range() -> None:
    assert (LEARNING_RATE.minimum, LEARNING_RATE.maximum, LEARNING_RATE.default) == (
        1e-6,
        10.0,
        0.1,
    )
    assert LEARNING_RATE.range_text() == "from 1e-06 to 10"
    assert set(OPTIONS) == {"lr", "epochs", "batch_size", "seed"}


@pytest.mark.parametrize("value", [1e-6, 0.1, 10.0, 10])
def test_check_accepts_the_range(value) -> None:
    assert LEARNING_RATE.check(value) == float(value)


@pytest.mark.parametrize(
    ("value", "shown"), [(0.0, "0"), (100.0, "100"), (1e6, "1e+06"), (float("nan"), "nan"),
                         (True, "True"), ("0.1", "'0.1'")]
)  # fmt: skip
def test_check_refuses_with_the_range(value, shown) -> None:
    with pytest.raises(OptionError) as info:
        LEARNING_RATE.check(value)
    assert str(info.value) == f"the learning rate must be a number from 1e-06 to 10, got {shown}"


def _lesson_with_lr(lr: float):
    net = layered_network([2, 1], "sigmoid")
    data = fileformat.to_dict(net)
    data["view"] = {"train": {"lr": lr}}
    return lesson_of(fileformat.from_dict(data))


def test_lesson_files_and_the_cli_agree_on_the_range(tmp_path, capsys) -> None:
    from neurosim import cli

    assert _lesson_with_lr(10.0).view.train.lr == 10.0
    with pytest.raises(FileFormatError, match="from 1e-06 to 10, got 100"):
        _lesson_with_lr(100.0)  # before: lesson files allowed 100
    path = tmp_path / "net.json"
    fileformat.save(layered_network([2, 1], "sigmoid"), path)
    args = ["train", str(path), "--data", "builtin:and", "--epochs", "1"]
    assert cli.main([*args, "--lr", "10", "--out", str(tmp_path / "out.json")]) == 0
    assert cli.main([*args, "--lr", "1e6"]) == 2  # before: the CLI accepted 1e6
    assert "--lr: the learning rate must be a number from 1e-06 to 10" in capsys.readouterr().err
