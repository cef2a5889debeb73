"""Network file format v1: every loader error with its location, defaults, round trips, saving."""

from __future__ import annotations

import copy
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from neurosim.core.fileformat import FileFormatError, atomic, dumps, load, loads, save
from neurosim.core.fileformat.schema import MAX_FILE_BYTES
from neurosim.core.layout import COLUMN_GAP, ROW_GAP
from neurosim.core.model import Network

BASE: dict[str, Any] = {
    "format": "neurosim-network",
    "version": 1,
    "meta": {"title": "XOR-ish"},
    "neurons": [
        {"id": "x1", "kind": "input", "label": "x₁", "position": [0.0, 0.0], "value": 1.0},
        {
            "id": "h1",
            "kind": "hidden",
            "position": [180.0, 0.0],
            "bias": 0.5,
            "activation": {"name": "leaky_relu", "params": {"alpha": 0.1}},
        },
        {"id": "h2", "kind": "hidden", "position": [180.0, 90.0]},
        {
            "id": "y1",
            "kind": "output",
            "position": [360.0, 0.0],
            "activation": {"name": "step", "params": {"threshold": 0.25}},
        },
    ],
    "synapses": [
        {"source": "x1", "target": "h1", "weight": 2.0},
        {"source": "h1", "target": "h2", "weight": -1.0, "frozen": True},
        {"source": "h2", "target": "y1", "weight": 0.5},
    ],
}


def doc(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data.update(changes)
    return data


def error(data: Any) -> str:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    with pytest.raises(FileFormatError) as info:
        loads(text)
    return str(info.value)


def with_neuron(i: int, **fields: Any) -> dict[str, Any]:
    data = doc()
    data["neurons"][i].update(fields)
    return data


def with_synapse(**fields: Any) -> dict[str, Any]:
    data = doc()
    data["synapses"].append(fields)
    return data


def test_base_document_loads() -> None:
    net = loads(json.dumps(BASE))
    assert list(net.neurons) == ["x1", "h1", "h2", "y1"]
    assert net.neurons["h1"].params == {"alpha": 0.1}
    assert net.synapses[("h1", "h2")].frozen


# ---------------------------------------------------------------- JSON level


@pytest.mark.parametrize(
    "text,message",
    [
        ('{\n  "format": \n}', "malformed JSON at line 3, column 1: Expecting value"),
        ('{"format": "neurosim-network",, }', "malformed JSON at line 1, column 31"),
        ("", "malformed JSON at line 1, column 1: Expecting value"),
        ('{"a": NaN}', "a: NaN is not allowed (numbers must be finite)"),
        ('{"a": Infinity}', "a: Infinity is not allowed"),
        ('{"a": -Infinity}', "a: -Infinity is not allowed"),
        ('{"a": 1, "a": 2}', "the file: duplicate key 'a'"),
        (
            '{"neurons": [{"id": "x"}, {"id": "y", "value": NaN}]}',
            "neurons[1].value: NaN is not allowed",
        ),
        (
            '{"neurons": [{"id": "x", "kind": "input", "id": "y"}], "meta": {"v": NaN}}',
            "neurons[0]: duplicate key 'id'",
        ),  # the first problem in the file is reported
        ('{"meta": {"a": {"b": [1, Infinity]}}}', "meta.a.b[1]: Infinity is not allowed"),
        ("[" * 100000, "malformed JSON"),
    ],
)
def test_malformed_json(text: str, message: str) -> None:
    assert error(text).startswith(message)


# ----------------------------------------------------------------- top level


@pytest.mark.parametrize(
    "data,message",
    [
        ([], "the file: expected a JSON object, got []"),
        (doc(format="other"), "format: expected 'neurosim-network', got 'other'"),
        (
            {k: v for k, v in BASE.items() if k != "format"},
            "format: expected 'neurosim-network', got nothing (missing)",
        ),
        (
            doc(version=3),
            "version: this file is version 3, made by a newer NeuroSim; this one reads version 2",
        ),
        (doc(version="1"), "version: expected a whole number, got '1'"),
        (doc(version=1.0), "version: expected a whole number, got 1.0"),
        (doc(version=0), "version: 0 is not a valid version"),
        (doc(meta=[]), "meta: expected an object, got []"),
        (
            doc(meta={"title": 3}),
            "meta.title: expected a string, got 3 "
            '(text in several languages is an object: {"en": …, "zh_CN": …})',
        ),
        (
            {k: v for k, v in BASE.items() if k != "neurons"},
            "neurons: missing (a network file lists its neurons)",
        ),
        (doc(synapses={}), "synapses: expected a list, got {}"),
    ],
)
def test_top_level_errors(data: Any, message: str) -> None:
    assert error(data) == message


# -------------------------------------------------------------------- neurons

KNOWN_NEURON = "known: id, kind, label, position, value, bias, activation, frozen, source"


@pytest.mark.parametrize(
    "data,message",
    [
        (with_neuron(0, colour="red"), f"neurons[0]: unknown key 'colour'; {KNOWN_NEURON}"),
        (doc(neurons=[{"kind": "input"}]), "neurons[0]: missing 'id'"),
        (doc(neurons=[{"id": "x1"}]), "neurons[0]: missing 'kind'"),
        (doc(neurons=["x1"]), "neurons[0]: expected an object, got 'x1'"),
        (with_neuron(2, id="h1"), "neurons[2].id: duplicate id 'h1' (also neurons[1])"),
        (with_neuron(1, id=7), "neurons[1].id: expected a string, got 7"),
        (with_neuron(1, id=" "), "neurons[1].id: an id is 1 to 64 characters, got ' '"),
        (with_neuron(1, id="h" * 65), "neurons[1].id: an id is 1 to 64 characters"),
        (
            with_neuron(1, kind="bias"),
            "neurons[1].kind: expected one of input, hidden, output, got 'bias'",
        ),
        (with_neuron(1, label=5), "neurons[1].label: expected a string, got 5"),
        (with_neuron(1, position=[1.0]), "neurons[1].position: expected [x, y], got [1.0]"),
        (with_neuron(1, position=[1.0, "2"]), "neurons[1].position[1]: expected a number, got '2'"),
        (with_neuron(0, value="1"), "neurons[0].value: expected a number, got '1'"),
        (with_neuron(0, value=True), "neurons[0].value: expected a number, got a boolean (true)"),
        (with_neuron(1, bias=None), "neurons[1].bias: expected a number, got nothing (missing)"),
        (with_neuron(1, frozen="yes"), "neurons[1].frozen: expected true or false, got 'yes'"),
        (with_neuron(0, bias=1.0), "neurons[0].bias: input neurons have no bias"),
        (
            with_neuron(0, activation={"name": "relu"}),
            "neurons[0].activation: input neurons have no activation",
        ),
        (with_neuron(1, value=1.0), "neurons[1].value: only input neurons have a value"),
        (with_neuron(1, source={}), "neurons[1].source: only input neurons have a source"),
        (with_neuron(0, source="sine"), "neurons[0].source: expected an object"),
    ],
)
def test_neuron_errors(data: Any, message: str) -> None:
    assert error(data).startswith(message)


@pytest.mark.parametrize(
    "activation,message",
    [
        (
            None,
            'neurons[1].activation: expected an object like {"name": "sigmoid"}, '
            "got nothing (missing)",
        ),
        ("relu", "neurons[1].activation: expected an object"),
        ({"params": {}}, "neurons[1].activation.name: expected a string, got nothing (missing)"),
        (
            {"name": "swish"},
            "neurons[1].activation.name: unknown activation 'swish'; known: step, linear",
        ),
        (
            {"name": "relu", "slope": 1},
            "neurons[1].activation: unknown key 'slope'; known: name, params",
        ),
        (
            {"name": "relu", "params": []},
            "neurons[1].activation.params: expected an object, got []",
        ),
        (
            {"name": "leaky_relu", "params": {"alpha": 2}},
            "neurons[1].activation.params.alpha: 2 is out of range [0, 1] for leaky_relu",
        ),
        (
            {"name": "step", "params": {"threshold": -10.5}},
            "neurons[1].activation.params.threshold: -10.5 is out of range [-10, 10] for step",
        ),
        (
            {"name": "elu", "params": {"alpha": "1"}},
            "neurons[1].activation.params.alpha: expected a number, got str '1'",
        ),
        (
            {"name": "sigmoid", "params": {"alpha": 1}},
            "neurons[1].activation.params.alpha: unknown parameter for sigmoid"
            " (its parameters: none)",
        ),
    ],
)
def test_activation_errors(activation: Any, message: str) -> None:
    assert error(with_neuron(1, activation=activation)).startswith(message)


def test_numbers_too_large_for_a_float() -> None:
    text = json.dumps(BASE).replace('"bias": 0.5', '"bias": 1e400')
    assert error(text) == "neurons[1].bias: expected a finite number, got inf"
    text = json.dumps(BASE).replace('"bias": 0.5', '"bias": ' + "9" * 400)
    assert error(text) == "neurons[1].bias: the number is too large"


# ------------------------------------------------------------------- synapses


@pytest.mark.parametrize(
    "synapse,message",
    [
        (
            {"source": "x1", "target": "h9", "weight": 1},
            "synapses[3].target: there is no neuron 'h9'",
        ),
        (
            {"source": "q", "target": "h1", "weight": 1},
            "synapses[3].source: there is no neuron 'q'",
        ),
        ({"source": "x1", "target": "h1"}, "synapses[3]: missing 'weight'"),
        (
            {"source": "x1", "target": "h2", "weight": 1, "w": 2},
            "synapses[3]: unknown key 'w'; known: source, target, weight, frozen",
        ),
        (
            {"source": 1, "target": "h2", "weight": 1},
            "synapses[3].source: expected a neuron id, got 1",
        ),
        (
            {"source": "x1", "target": "h2", "weight": "0.5"},
            "synapses[3].weight: expected a number, got '0.5'",
        ),
        (
            {"source": "x1", "target": "h2", "weight": 1, "frozen": 1},
            "synapses[3].frozen: expected true or false, got 1",
        ),
        # the DAG rules
        (
            {"source": "h1", "target": "x1", "weight": 1},
            "synapses[3]: 'x1' is an input neuron: inputs take no synapses",
        ),
        (
            {"source": "h1", "target": "h1", "weight": 1},
            "synapses[3]: a neuron may not connect to itself (h1 → h1)",
        ),
        (
            {"source": "x1", "target": "h1", "weight": 3},
            "synapses[3]: there is already a synapse x1 → h1",
        ),
        (
            {"source": "h2", "target": "h1", "weight": 1},
            "synapses[3]: connecting h2 → h1 would create a cycle h1 → h2 → h1",
        ),
        (
            {"source": "y1", "target": "h1", "weight": 1},
            "synapses[3]: connecting y1 → h1 would create a cycle h1 → h2 → y1 → h1",
        ),
    ],
)
def test_synapse_errors(synapse: dict, message: str) -> None:
    assert error(with_synapse(**synapse)) == message


def test_skip_connections_load() -> None:
    net = loads(json.dumps(with_synapse(source="x1", target="y1", weight=1.0)))
    assert ("x1", "y1") in net.synapses


# ---------------------------------------------------------------------- files


def test_load_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "net.json"
    path.write_text(json.dumps(doc(version=9)), encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"^net\.json: version: this file is version 9"):
        load(path)
    with pytest.raises(FileFormatError, match=r"missing\.json: cannot read the file \(No such"):
        load(tmp_path / "missing.json")
    with pytest.raises(FileFormatError, match="cannot read the file"):
        load(tmp_path)


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(json.dumps(BASE).replace("x₁", "XX").encode("utf-8")[:40] + b"\xe9\xff")
    with pytest.raises(FileFormatError) as info:
        load(path)
    assert str(info.value) == "latin.json: not a UTF-8 text file (byte 40)"


def test_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with open(path, "wb") as fh:  # sparse: cheap to make, never read
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(FileFormatError) as info:
        load(path)
    assert str(info.value) == (
        "huge.json: the file is too large (just over 16.0 MiB; a network file is at most 16 MiB)"
    )


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(BASE).encode("utf-8"))
    assert load(path).neurons["x1"].label == "x₁"


# -------------------------------------------------------------------- defaults


def test_defaults() -> None:
    net = loads(
        json.dumps(
            {
                "format": "neurosim-network",
                "version": 1,
                "neurons": [
                    {"id": "x1", "kind": "input"},
                    {"id": "x2", "kind": "input"},
                    {"id": "h1", "kind": "hidden"},
                    {"id": "y1", "kind": "output"},
                    {"id": "y2", "kind": "output", "position": [7.0, 8.0]},
                ],
                "synapses": [
                    {"source": "x1", "target": "h1", "weight": 1.0},
                    {"source": "h1", "target": "y1", "weight": 1.0},
                ],
            }
        )
    )
    assert net.meta == {} and net.extra == {}
    x1, h1, y1 = net.neurons["x1"], net.neurons["h1"], net.neurons["y1"]
    assert (x1.label, x1.value, x1.frozen, x1.source) == ("x1", 0.0, False, None)
    assert (h1.label, h1.bias, h1.activation, h1.params) == ("h1", 0.0, "sigmoid", {})
    assert not net.synapses[("x1", "h1")].frozen
    # missing positions: columns by depth, outputs in the last column; given ones kept
    assert x1.position == (0.0, -ROW_GAP / 2) and net.neurons["x2"].position == (0.0, ROW_GAP / 2)
    assert h1.position == (COLUMN_GAP, 0.0)
    assert y1.position == (2 * COLUMN_GAP, -ROW_GAP / 2)  # above y2 (at y = 8)
    assert net.neurons["y2"].position == (7.0, 8.0)


def test_missing_params_take_their_defaults() -> None:
    net = loads(json.dumps(with_neuron(1, activation={"name": "elu"})))
    assert net.neurons["h1"].params == {"alpha": 1.0}
    assert '"params": {"alpha": 1.0}' in dumps(net)


# ------------------------------------------------------------------ round trip


def test_round_trip_keeps_everything() -> None:
    data = doc(future={"layers": [1, 2]}, zzz=3)
    data["neurons"][0]["source"] = {"kind": "sine", "period": 2.0}
    data["neurons"][2]["frozen"] = True
    net = loads(json.dumps(data))
    assert net.extra == {"future": {"layers": [1, 2]}, "zzz": 3}
    text = dumps(net)
    again = json.loads(text)
    assert again["future"] == {"layers": [1, 2]} and again["zzz"] == 3
    source = again["neurons"][0]["source"]  # missing source fields are filled in
    assert (source["kind"], source["period"]) == ("sine", 2.0)
    assert again["neurons"][2]["frozen"] is True
    assert dumps(loads(text)) == text


def test_output_is_deterministic_and_one_item_per_line(tmp_path: Path) -> None:
    net = loads(json.dumps(BASE))
    assert dumps(net) == dumps(loads(dumps(net))) == dumps(net.copy())
    save(net, tmp_path / "a.json")
    save(loads(json.dumps(BASE)), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    lines = dumps(net).splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert sum('"kind":' in line for line in lines) == 4  # one neuron per line
    assert sum('"weight":' in line for line in lines) == 3


def test_exact_text_of_a_small_network() -> None:
    net = Network({"title": "Tiny"})
    net.add_neuron("input", "x1", position=(0, 0), value=0.5)
    net.add_neuron(
        "output",
        "y1",
        label="out",
        position=(180, 0),
        bias=-1,
        activation="step",
        params={"threshold": 0.25},
    )
    net.add_synapse("x1", "y1", 0.1, frozen=True)
    assert dumps(net) == (
        "{\n"
        '  "format": "neurosim-network",\n'
        '  "version": 1,\n'
        '  "meta": {\n'
        '    "title": "Tiny"\n'
        "  },\n"
        '  "neurons": [\n'
        '    {"id": "x1", "kind": "input", "label": "x1", "position": [0.0, 0.0], "value": 0.5},\n'
        '    {"id": "y1", "kind": "output", "label": "out", "position": [180.0, 0.0], "bias": -1.0,'
        ' "activation": {"name": "step", "params": {"threshold": 0.25}}}\n'
        "  ],\n"
        '  "synapses": [\n'
        '    {"source": "x1", "target": "y1", "weight": 0.1, "frozen": true}\n'
        "  ]\n"
        "}\n"
    )


def test_floats_round_trip_exactly() -> None:
    net = Network()
    net.add_neuron("input", "x1", value=0.1 + 0.2)
    net.add_neuron("output", "y1", bias=5e-324)
    net.add_synapse("x1", "y1", 1.7976931348623157e308)
    again = loads(dumps(net))
    assert again.neurons["x1"].value == 0.1 + 0.2
    assert again.neurons["y1"].bias == 5e-324
    assert again.synapses[("x1", "y1")].weight == 1.7976931348623157e308


# ---------------------------------------------------------------------- saving


def test_save_then_load(tmp_path: Path) -> None:
    net = loads(json.dumps(BASE))
    path = tmp_path / "net.nsim.json"
    save(net, path)
    assert dumps(load(path)) == dumps(net)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert os.listdir(tmp_path) == ["net.nsim.json"]


def test_save_keeps_the_mode_of_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "net.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o600)
    save(loads(json.dumps(BASE)), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_save_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.nsim.json"
    save(loads(json.dumps(BASE)), real)
    link = tmp_path / "link.nsim.json"
    link.symlink_to(real)
    changed = loads(json.dumps(BASE))
    changed.set_weight(("x1", "h1"), -7.0)
    save(changed, link)
    assert link.is_symlink() and real.read_text("utf-8") == dumps(changed)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.nsim.json", "real.nsim.json"]


@pytest.mark.parametrize("broken", ["replace", "fsync", "write"])
def test_failed_save_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    path = tmp_path / "net.json"
    old = loads(json.dumps(BASE))
    save(old, path)
    before = path.read_bytes()

    def fail(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    if broken == "write":
        real_fdopen = os.fdopen

        def fdopen(*args: Any, **kwargs: Any):
            fh = real_fdopen(*args, **kwargs)
            real_write = fh.write

            def write(data: bytes) -> int:
                real_write(data[: len(data) // 2])  # half the bytes reach the disk
                fail()
                return 0

            fh.write = write
            return fh

        monkeypatch.setattr(atomic.os, "fdopen", fdopen)
    else:
        monkeypatch.setattr(atomic.os, broken, fail)
    changed = loads(json.dumps(BASE))
    changed.set_weight(("x1", "h1"), -7.0)
    with pytest.raises(OSError, match="No space left"):
        save(changed, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["net.json"]


def test_load_and_save_give_the_digest_of_the_bytes(tmp_path) -> None:
    import hashlib

    from neurosim.core import fileformat
    from neurosim.core.builders import layered_network

    path = tmp_path / "net.nsim.json"
    written = fileformat.save(layered_network([2, 1], "sigmoid"), path)
    assert written == hashlib.sha256(path.read_bytes()).hexdigest()
    network, read = fileformat.load_with_digest(path)
    assert read == written == fileformat.file_digest(path)
    assert list(network.neurons) == ["x1", "x2", "y1"]
    path.write_bytes(path.read_bytes() + b"\n")
    assert fileformat.file_digest(path) != written  # changed by someone else
    path.unlink()
    assert fileformat.file_digest(path) is None  # gone
    assert fileformat.file_digest(tmp_path) is None  # a folder is no file
