"""Signal sources: values per kind, exact replay of noise, validation messages, file round trip."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from neurosim.core import fileformat
from neurosim.core.model import Network
from neurosim.core.sources import (
    SOURCE_KINDS,
    as_source,
    default_source,
    source_from_dict,
    source_to_dict,
    value_at,
    value_range,
    values_at,
)
from neurosim.core.validate import FileFormatError

T = np.arange(0, 400)


def test_constant() -> None:
    assert value_at({"kind": "constant", "value": -2.5}, 77) == -2.5


def test_sine_has_period_phase_and_offset() -> None:
    src = {"kind": "sine", "amplitude": 2.0, "period": 40, "phase": 90, "offset": 1.0}
    expected = 1.0 + 2.0 * np.sin(2 * np.pi * (T / 40 + 0.25))
    np.testing.assert_allclose(values_at(src, T), expected, atol=1e-12)
    assert value_at(src, 0) == pytest.approx(3.0)  # phase 90°: starts at the top
    assert value_at(src, 20) == pytest.approx(-1.0)


def test_square_duty_cycle() -> None:
    src = {"kind": "square", "amplitude": 1.0, "period": 10, "duty": 0.3, "offset": 0.5}
    values = values_at(src, np.arange(20))
    expected = np.where(np.arange(20) % 10 < 3, 1.5, -0.5)
    np.testing.assert_array_equal(values, expected)


def test_triangle_and_sawtooth_sweep_between_min_and_max() -> None:
    tri = values_at({"kind": "triangle", "min": -1, "max": 3, "period": 8}, np.arange(9))
    np.testing.assert_allclose(tri, [-1, 0, 1, 2, 3, 2, 1, 0, -1])
    saw = values_at({"kind": "sawtooth", "min": 0, "max": 4, "period": 4}, np.arange(6))
    np.testing.assert_allclose(saw, [0, 1, 2, 3, 0, 1])


def test_sequence_holds_each_row_for_hold_steps() -> None:
    src = {"kind": "sequence", "rows": [[0, 0], [0, 1], [1, 0], [1, 1]], "column": 1, "hold": 3}
    values = values_at(src, np.arange(14))
    np.testing.assert_array_equal(values, [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0])


@pytest.mark.parametrize("kind", ["uniform", "gaussian"])
def test_noise_depends_only_on_seed_and_step(kind: str) -> None:
    src = default_source(kind)
    whole = values_at(src, T)
    # One at a time, in another order: the same numbers (Reset replays exactly).
    one_by_one = [value_at(src, int(t)) for t in T[::-1]][::-1]
    np.testing.assert_array_equal(whole, one_by_one)
    other = values_at({**src, "seed": 1}, T)
    assert not np.allclose(whole, other)
    # The generator is SplitMix64 on (seed, t): checked against a plain-Python version so the
    # numbers never change between versions or machines (saved files replay the same).
    u0, u1 = _reference_uniform(7, 123, 0), _reference_uniform(7, 123, 1)
    expected = {
        "uniform": -1 + 2 * u0,
        "gaussian": math.sqrt(-2 * math.log1p(-u0)) * math.cos(2 * math.pi * u1),
    }[kind]
    assert value_at({**src, "seed": 7}, 123) == pytest.approx(expected, rel=1e-12)


def _reference_uniform(seed: int, t: int, stream: int) -> float:
    mask = 2**64 - 1

    def mix(x: int) -> int:
        x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & mask
        x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & mask
        return x ^ (x >> 31)

    golden = 0x9E3779B97F4A7C15
    key = mix((seed * 2 + stream + golden) & mask)
    return (mix(((t * golden) & mask) ^ key) >> 11) * 2.0**-53


def test_noise_statistics() -> None:
    t = np.arange(200_000)
    u = values_at({"kind": "uniform", "min": 2, "max": 5, "seed": 3}, t)
    assert u.min() >= 2 and u.max() < 5
    assert u.mean() == pytest.approx(3.5, abs=0.02)
    g = values_at({"kind": "gaussian", "mean": 1, "std": 2, "seed": 3}, t)
    assert g.mean() == pytest.approx(1, abs=0.03)
    assert g.std() == pytest.approx(2, abs=0.03)
    assert np.isfinite(g).all()


def test_manual_has_no_value() -> None:
    assert as_source({"kind": "manual"}) is None
    with pytest.raises(ValueError, match="manual"):
        value_at({"kind": "manual"}, 0)


def test_defaults_fill_missing_keys_and_round_trip() -> None:
    for kind in SOURCE_KINDS:
        src = source_from_dict({"kind": kind})
        data = source_to_dict(src)
        assert source_from_dict(json.loads(json.dumps(data))) == src
        assert set(data) == {"kind", *src.params}


def test_value_range() -> None:
    assert value_range({"kind": "sine", "amplitude": -2, "offset": 1}) == (-1, 3)
    assert value_range(default_source("sequence")) == (0.0, 1.0)
    assert value_range({"kind": "manual"}) is None


@pytest.mark.parametrize(
    "data, message",
    [
        ({"kind": "sine", "period": 0}, "neurons[0].source.period: expected a number > 0"),
        ({"kind": "sine", "period": "ten"}, "neurons[0].source.period: expected a number"),
        ({"kind": "wobble"}, "neurons[0].source.kind: expected one of manual, constant"),
        ({"period": 3}, "neurons[0].source: missing 'kind'"),
        ({"kind": "sine", "speed": 3}, "neurons[0].source: unknown key 'speed'"),
        ({"kind": "square", "duty": 1.5}, "neurons[0].source.duty: expected a number ≥ 0 and ≤ 1"),
        ({"kind": "gaussian", "std": -1}, "neurons[0].source.std: expected a number ≥ 0"),
        ({"kind": "uniform", "seed": 1.5}, "neurons[0].source.seed: expected a whole number"),
        ({"kind": "sequence", "rows": []}, "neurons[0].source.rows: expected 1 to"),
        (
            {"kind": "sequence", "rows": [[0, 1], [1]]},
            "neurons[0].source.rows[1]: expected 2 entries",
        ),
        (
            {"kind": "sequence", "rows": [[0, "a"]]},
            "neurons[0].source.rows[0][1]: expected a number",
        ),
        (
            {"kind": "sequence", "rows": [[0, 1]], "column": 2},
            "neurons[0].source.column: expected a whole number below 2",
        ),
        ({"kind": "sequence", "hold": 0}, "neurons[0].source.hold: expected a whole number ≥ 1"),
        ([1, 2], "neurons[0].source: expected an object"),
    ],
)
def test_validation_messages(data: object, message: str) -> None:
    with pytest.raises(FileFormatError) as info:
        source_from_dict(data, "neurons[0].source")
    assert str(info.value).startswith(message)


def _file(source: object) -> dict:
    return {
        "format": "neurosim-network",
        "version": 1,
        "neurons": [{"id": "x1", "kind": "input", "value": 0.0, "source": source}],
        "synapses": [],
    }


def test_loader_validates_and_normalises_sources(tmp_path) -> None:
    with pytest.raises(
        FileFormatError, match=r"neurons\[0\]\.source\.period: expected a number > 0"
    ):
        fileformat.from_dict(_file({"kind": "sine", "period": -1}))
    net = fileformat.from_dict(_file({"kind": "sine", "period": 50}))
    assert net.neurons["x1"].source == {
        "kind": "sine",
        "amplitude": 1.0,
        "period": 50.0,
        "phase": 0.0,
        "offset": 0.0,
    }
    fileformat.save(net, tmp_path / "n.json")
    again = fileformat.load(tmp_path / "n.json")
    assert again.neurons["x1"].source == net.neurons["x1"].source


def test_sources_are_saved_from_the_model(tmp_path) -> None:
    net = Network()
    net.add_neuron("input", "x1")
    net.set_source("x1", default_source("sequence"))
    text = fileformat.dumps(net)
    assert '"rows": [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]' in text
    assert fileformat.loads(text).neurons["x1"].source == net.neurons["x1"].source
