"""The schema's optional sections (notes, view, dataset, exercise) say what the loaders take."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from neurosim.core import lesson
from neurosim.core.activations import ACTIVATION_NAMES
from neurosim.core.datasets import BUILTIN_NAMES, MAX_ROWS, TASKS
from neurosim.core.exercise.section import MAX_GOAL_ROWS
from neurosim.core.losses import LOSS_NAMES
from neurosim.core.optimizers import OPTIMIZER_NAMES

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "resources" / "schema" / "network-v1.schema.json").read_text("utf-8"))
TOP = SCHEMA["properties"]


def test_view_lists_the_lesson_loaders_keys_and_choices() -> None:
    view = TOP["view"]
    assert tuple(view["properties"]) == lesson.VIEW_KEYS
    assert tuple(view["properties"]["panels"]["items"]["enum"]) == lesson.PANELS
    assert tuple(view["properties"]["decision"]["properties"]) == lesson.DECISION_KEYS
    train = view["properties"]["train"]["properties"]
    assert tuple(train) == lesson.TRAIN_KEYS
    assert tuple(train["optimizer"]["enum"]) == OPTIMIZER_NAMES
    assert tuple(train["loss"]["enum"]) == LOSS_NAMES
    assert TOP["notes"]["maxLength"] == lesson.MAX_NOTES


def test_dataset_lists_the_built_in_sets_and_the_row_limit() -> None:
    recipe, rows = SCHEMA["$defs"]["dataset"]["oneOf"]
    assert tuple(recipe["properties"]["builtin"]["enum"]) == BUILTIN_NAMES
    assert (
        recipe["properties"]["n"]["maximum"] == rows["properties"]["rows"]["maxItems"] == MAX_ROWS
    )
    assert tuple(rows["properties"]["task"]["enum"]) == TASKS
    assert f"{MAX_GOAL_ROWS:,}" in TOP["exercise"]["description"]


def test_compare_names_activations() -> None:
    ref = TOP["view"]["properties"]["compare"]["items"]["$ref"]
    assert ref == "#/$defs/activation/properties/name"
    assert SCHEMA["$defs"]["activation"]["properties"]["name"]["enum"] == list(ACTIVATION_NAMES)


@pytest.fixture(scope="module")
def validator():
    """The schema of the lesson file's version (2: its text is in two languages)"""
    jsonschema = pytest.importorskip("jsonschema")
    name = f"network-v{lesson_file()['version']}.schema.json"
    return jsonschema.Draft202012Validator(
        json.loads((ROOT / "resources" / "schema" / name).read_text("utf-8"))
    )


def lesson_file() -> dict:
    return json.loads(
        (ROOT / "resources" / "examples" / "08-choosing-activation.nsim.json").read_text("utf-8")
    )


@pytest.mark.parametrize(
    "path,value",
    [
        (["notes"], 5),
        (["view", "panels"], ["activation", "plots"]),
        (["view", "colour"], "red"),
        (["view", "train", "lr"], 0),
        (["view", "compare"], ["no such"]),  # (v2 allows formula names like "swish")
        (["dataset"], {"builtin": "moons"}),
        (["dataset"], {"inputs": ["x1"], "outputs": ["y1"]}),  # no rows
        (["exercise"], {"instructions": "Do it", "goals": [{"type": "guess"}]}),
        (
            ["exercise"],
            {
                "instructions": "Do it",
                "goals": [{"type": "max_hidden", "count": 1}],
                "hints": "one",
            },
        ),
    ],
)
def test_a_wrong_lesson_section_fails_the_schema_and_the_app(validator, path, value) -> None:
    from neurosim.core import fileformat
    from neurosim.core.datasets import DatasetError, dataset_from_dict
    from neurosim.core.exercise.reading import exercise_from_dict
    from neurosim.core.validate import FileFormatError

    data = lesson_file()
    assert list(validator.iter_errors(data)) == []
    broken = copy.deepcopy(data)
    target = broken
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert list(validator.iter_errors(broken))
    with pytest.raises((FileFormatError, DatasetError, ValueError)):
        network = fileformat.from_dict(broken)
        lesson.lesson_of(network)
        dataset_from_dict(network.extra["dataset"])
        if "exercise" in network.extra:
            exercise_from_dict(network.extra["exercise"])
