"""resources/schema/network-v1.schema.json agrees with the registries and with the loader."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from neurosim.core import fileformat
from neurosim.core.activations import ACTIVATION_NAMES, REGISTRY
from neurosim.core.builders import layered_network, random_dag
from neurosim.core.model import Network
from neurosim.core.sources import SOURCE_KINDS, default_source

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "resources" / "schema" / "network-v1.schema.json").read_text("utf-8"))
SCHEMA_2 = json.loads((ROOT / "resources" / "schema" / "network-v2.schema.json").read_text("utf-8"))
SHIPPED = sorted((ROOT / "resources").glob("e*/*.json"))  # examples/, exercises/


def _rule(rules: list[dict], key: str, name: str) -> dict:
    [rule] = [r["then"] for r in rules if r["if"]["properties"][key]["const"] == name]
    return rule


def test_activation_enum_is_the_registry() -> None:
    assert SCHEMA["$defs"]["activation"]["properties"]["name"]["enum"] == list(ACTIVATION_NAMES)


def test_activation_params_match_the_registry() -> None:
    rules = SCHEMA["$defs"]["activation"]["allOf"]
    assert len(rules) == len(REGISTRY)
    for act in REGISTRY.values():
        params = _rule(rules, "name", act.name)["properties"]["params"]["properties"]
        assert list(params) == [p.name for p in act.params], act.name
        for p in act.params:
            got = params[p.name]
            want = (p.minimum, p.maximum, p.default)
            assert (got["minimum"], got["maximum"], got["default"]) == want


def test_source_kinds_match_the_registry() -> None:
    source = SCHEMA["$defs"]["source"]
    assert source["properties"]["kind"]["enum"] == list(SOURCE_KINDS)
    for kind in SOURCE_KINDS.values():
        fields = _rule(source["allOf"], "kind", kind.name)["properties"]
        assert [f for f in fields if f not in ("kind", "rows")] == [f.name for f in kind.fields]
        for f in kind.fields:
            low = "exclusiveMinimum" if f.open_min else "minimum"
            assert (fields[f.name][low], fields[f.name]["maximum"]) == (f.minimum, f.maximum)


def test_train_settings_match_the_training_options() -> None:
    # one range for the Train panel, lesson files and `neurosim train` (issue 14)
    from neurosim.core.training_options import OPTIONS

    train = _find(SCHEMA, "train")["properties"]
    for name in ("lr", "epochs", "batch_size", "seed"):
        option = OPTIONS[name]
        assert (train[name]["minimum"], train[name]["maximum"]) == (option.minimum, option.maximum)


def _find(node: Any, key: str) -> dict:
    """The first object under ``key`` anywhere in ``node`` (depth first)."""
    if isinstance(node, dict):
        if key in node and isinstance(node[key], dict) and "properties" in node[key]:
            return node[key]
        children = list(node.values())
    else:
        children = list(node) if isinstance(node, list) else []
    for child in children:
        try:
            return _find(child, key)
        except KeyError:
            continue
    raise KeyError(key)


def test_there_are_shipped_files_to_validate() -> None:
    assert SHIPPED, "resources/examples and resources/exercises hold no *.json"


# ------------------------------------------------------- with jsonschema only


def every_kind_of_network() -> Network:
    net = random_dag(30, 80, seed=2, n_inputs=len(SOURCE_KINDS), activations=ACTIVATION_NAMES)
    for neuron, kind in zip(net.of_kind("input"), SOURCE_KINDS, strict=True):
        net.set_source(neuron.id, default_source(kind))
    net.set_neuron_frozen("h1", True)
    net.set_synapse_frozen(next(iter(net.synapses)), True)
    net.extra["exercise"] = {"anything": [1, 2]}
    return fileformat.loads(fileformat.dumps(net))  # sources as the loader writes them


def documents() -> list[tuple[str, Any]]:
    docs = [(p.name, json.loads(p.read_text("utf-8"))) for p in SHIPPED]
    nets = [("layered", layered_network([2, 3, 1])), ("every-kind", every_kind_of_network())]
    for name, net in nets:
        docs.append((name, json.loads(fileformat.dumps(net))))
    minimal = {
        "format": "neurosim-network",
        "version": 1,
        "neurons": [{"id": "x1", "kind": "input"}, {"id": "y1", "kind": "output"}],
        "synapses": [{"source": "x1", "target": "y1", "weight": 1}],
    }
    docs.append(("minimal", minimal))
    return docs


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


@pytest.fixture(scope="module")
def validators(validator):
    """version → the validator of its schema"""
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(SCHEMA_2)
    return {1: validator, 2: jsonschema.Draft202012Validator(SCHEMA_2)}


@pytest.mark.parametrize("name,data", documents(), ids=lambda v: v if isinstance(v, str) else "")
def test_valid_files_validate(validators, name: str, data: Any) -> None:
    validator = validators[data["version"]]  # shipped lessons are version 2 (two languages)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []
    fileformat.from_dict(data)  # and the loader takes them too


def _broken(path: list, value: Any) -> dict:
    data = copy.deepcopy(documents()[-1][1])
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    "data",
    [
        _broken(["format"], "other"),
        _broken(["version"], 3),
        _broken(["neurons", 0, "colour"], "red"),
        _broken(["neurons", 0, "bias"], 1.0),  # inputs have no bias
        _broken(["neurons", 1, "value"], 1.0),  # only inputs have a value
        _broken(["neurons", 1, "kind"], "bias"),
        _broken(["neurons", 1, "id"], ""),
        _broken(["neurons", 1, "position"], [1.0]),
        _broken(["neurons", 1, "activation"], {"name": "swish"}),
        _broken(["neurons", 1, "activation"], {"name": "elu", "params": {"alpha": 11}}),
        _broken(["neurons", 1, "activation"], {"name": "sigmoid", "params": {"alpha": 1}}),
        _broken(["neurons", 0, "source"], {"kind": "sine", "period": 0}),
        _broken(["neurons", 0, "source"], {"kind": "constant", "value": 1, "period": 3}),
        _broken(["synapses", 0, "frozen"], "yes"),
        _broken(["synapses", 0, "weight"], "1"),
    ],
    ids=lambda d: "",
)
def test_invalid_files_fail_both_schema_and_loader(validator, data: dict) -> None:
    assert list(validator.iter_errors(data))
    with pytest.raises(fileformat.FileFormatError):
        fileformat.from_dict(data)


def test_version_2_schema_describes_formula_activations() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(
        (ROOT / "resources" / "schema" / "network-v2.schema.json").read_text("utf-8")
    )
    validator = jsonschema.Draft202012Validator(schema)
    data = copy.deepcopy(documents()[-1][1])
    data["version"] = 2
    data["activations"] = {"mish_s": {"formula": "z * tanh(softplus(z))", "fires": "z > 0"}}
    for n in data["neurons"]:
        if n["kind"] != "input":
            n["activation"] = {"name": "mish_s"}
    assert list(validator.iter_errors(data)) == []
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data))  # not a v1 file
    for change in ({"formula": 5}, {"fires": "always"}, {"code": "x"}, {"params": {"z": 1}}):
        bad = copy.deepcopy(data)
        bad["activations"]["mish_s"].update(change)
        assert list(validator.iter_errors(bad)), change
    # the v2 schema keeps every rule of v1: each file still validates
    for _name, doc in documents():
        assert list(validator.iter_errors(doc)) == []
