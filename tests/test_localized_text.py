"""Text in several languages in network files: ``{"en": …, "zh_CN": …}`` (issue 19).

Titles, descriptions, notes, exercise instructions, hints and goal titles may be a string
or one per language; such a file is version 2, reads back unchanged, and every bad mapping
is refused naming its place. Every shipped lesson carries its Simplified Chinese.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from neurosim.core import fileformat
from neurosim.core.exercise.reading import exercise_of
from neurosim.core.exercise.writing import exercise_to_dict
from neurosim.core.lesson import examples, lesson_of
from neurosim.core.localized_text import (
    english,
    has_localized_text,
    in_language,
    with_language,
)
from neurosim.core.validate import FileFormatError

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted((ROOT / "resources").glob("e*/*.nsim.json"))  # examples/, exercises/


def two(en: str, zh: str) -> dict[str, str]:
    return {"en": en, "zh_CN": zh}


def lesson_doc() -> dict[str, Any]:
    return {
        "format": "neurosim-network",
        "version": 2,
        "meta": {"title": two("AND", "与门"), "description": "plain English only"},
        "neurons": [
            {"id": "x1", "kind": "input"},
            {"id": "y", "kind": "output", "activation": {"name": "step"}},
        ],
        "synapses": [{"source": "x1", "target": "y", "weight": 1}],
        "notes": two("<p>It <b>fires</b>.</p>", "<p>它会<b>激发</b>。</p>"),
        "exercise": {
            "instructions": two("<p>Make y fire.</p>", "<p>让 y 激发。</p>"),
            "goals": [
                {
                    "type": "table",
                    "title": two("Truth table", "真值表"),
                    "rows": [{"inputs": {"x1": 1}, "expect": {"y": 1}}],
                },
                {"type": "max_hidden", "count": 0},
            ],
            "hints": [two("Look at z.", "看看 z。"), "English only"],
        },
    }


# ------------------------------------------------------------------ round trip
def test_localized_text_reads_writes_and_reads_back_unchanged(tmp_path) -> None:
    network = fileformat.from_dict(lesson_doc())
    path = tmp_path / "and.nsim.json"
    fileformat.save(network, path)
    text = path.read_text("utf-8")
    again = fileformat.load(path)
    assert fileformat.dumps(again) == text  # byte for byte
    saved = json.loads(text)
    assert saved["version"] == 2  # text in two languages needs version 2
    assert saved["meta"]["title"] == two("AND", "与门")
    lesson, exercise = lesson_of(again), exercise_of(again)
    assert lesson.notes == two("<p>It <b>fires</b>.</p>", "<p>它会<b>激发</b>。</p>")
    assert lesson.description == "plain English only"
    assert exercise is not None
    assert exercise.instructions == two("<p>Make y fire.</p>", "<p>让 y 激发。</p>")
    assert exercise.hints == (two("Look at z.", "看看 z。"), "English only")
    assert exercise.goals[0].title == two("Truth table", "真值表")
    written = exercise_to_dict(exercise)  # what the authoring dialog writes back
    for key in ("instructions", "hints"):
        assert written[key] == saved["exercise"][key]
    assert written["goals"][0]["title"] == two("Truth table", "真值表")


def test_plain_text_files_stay_version_1() -> None:
    data = lesson_doc()
    data["version"] = 1
    data["meta"]["title"] = "AND"
    data["notes"] = "It fires."
    data["exercise"]["instructions"] = "Make y fire."
    data["exercise"]["goals"][0]["title"] = "Truth table"
    data["exercise"]["hints"] = ["Look at z."]
    network = fileformat.from_dict(data)
    assert not has_localized_text(network.meta, network.extra)
    assert json.loads(fileformat.dumps(network))["version"] == 1  # older NeuroSims read it


def test_any_one_mapping_makes_version_2() -> None:
    data = lesson_doc()
    data["meta"]["title"] = "AND"
    data["notes"] = "It fires."
    data["exercise"]["instructions"] = "Make y fire."
    data["exercise"]["goals"][0]["title"] = "Truth table"
    assert json.loads(fileformat.dumps(fileformat.from_dict(data)))["version"] == 2  # a hint


# ------------------------------------------------------------------ bad mappings
def _set(path: tuple, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(lesson_doc())
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def _problem(data: dict[str, Any]) -> str:
    with pytest.raises(FileFormatError) as info:
        network = fileformat.from_dict(data)
        lesson_of(network)
        exercise_of(network)
    return str(info.value)


@pytest.mark.parametrize(
    "path, value, message",
    [
        (
            ("meta", "title"),
            {"en": "AND", "zh_CN": 5},
            "meta.title.zh_CN: expected a string, got 5",
        ),
        (
            ("meta", "title"),
            {"en": "AND", "fr": "ET"},
            "meta.title: unknown language 'fr'; known: en, zh_CN",
        ),
        (("meta", "description"), {"zh_CN": "与"}, "meta.description: the English text ('en')"),
        (("meta", "title"), {}, "meta.title: the English text ('en') is missing"),
        (("notes",), {"en": "ok", "zh_CN": ["x"]}, "notes.zh_CN: expected a string, got ['x']"),
        (("notes",), {"en": "ok", "zh-CN": "好"}, "notes: unknown language 'zh-CN'"),
        (
            ("notes",),
            two("<p>ok</p>", "<p>好</p><script>x</script>"),
            "notes.zh_CN: the tag <script> is not allowed",
        ),
        (("notes",), 5, "notes: expected a string, got 5"),
        (
            ("exercise", "instructions"),
            two("<p>ok</p>", "  "),
            "exercise.instructions.zh_CN: expected some text",
        ),
        (
            ("exercise", "instructions"),
            two("<p>ok</p>", '<p style="x">好</p>'),
            "exercise.instructions.zh_CN: ",
        ),
        (("exercise", "hints"), [two("a", 3)], "exercise.hints[0].zh_CN: expected a string, got 3"),
        (
            ("exercise", "goals", 0, "title"),
            {"en": "Table", "de": "Tabelle"},
            "exercise.goals[0].title: unknown language 'de'",
        ),
    ],
)
def test_a_bad_mapping_is_refused_naming_where(path: tuple, value: Any, message: str) -> None:
    assert _problem(_set(path, value)).startswith(message)


# ------------------------------------------------------------------ picking a language
def test_picking_and_editing_one_language() -> None:
    text = two("Truth table", "真值表")
    assert in_language(text, "zh_CN") == "真值表" and english(text) == "Truth table"
    assert in_language(text, "fr") == "Truth table"  # no entry: the English
    assert in_language({"en": "", "zh_CN": "只有中文"}, "en") == "只有中文"  # else the first
    assert in_language("plain", "zh_CN") == "plain" and english(None) == ""
    assert with_language(text, "zh_CN", "表") == two("Truth table", "表")
    assert with_language("Table", "zh_CN", "表") == two("Table", "表")  # English kept
    assert with_language("Table", "en", "Rows") == "Rows"  # plain stays plain
    assert text == two("Truth table", "真值表")  # never changed in place


def test_the_gallery_in_each_language() -> None:
    english_titles = {i.name: i.title for i in examples()}
    chinese = {i.name: i for i in examples(language="zh_CN")}
    assert chinese["03b-xor-hidden-layer"].title == "为什么 XOR 需要隐藏层"
    assert english_titles["03b-xor-hidden-layer"] == "Why XOR needs a hidden layer"
    assert all(re.search("[\u4e00-\u9fff]", i.description) for i in chinese.values())


# ------------------------------------------------------------------ shipped lessons
def _texts(path: Path) -> list[tuple[str, Any]]:
    """(where, text) of every text a user reads in a shipped file."""
    data = json.loads(path.read_text("utf-8"))
    found = [(f"meta.{k}", data["meta"][k]) for k in ("title", "description")]
    if "notes" in data:
        found.append(("notes", data["notes"]))
    exercise = data.get("exercise")
    if exercise is not None:
        found.append(("exercise.instructions", exercise["instructions"]))
        found += [(f"hints[{i}]", h) for i, h in enumerate(exercise.get("hints", []))]
        found += [
            (f"goals[{i}].title", g["title"])
            for i, g in enumerate(exercise["goals"])
            if "title" in g
        ]
    return found


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_text_has_its_chinese(path: Path) -> None:
    texts = _texts(path)
    assert texts
    for where, text in texts:
        assert isinstance(text, dict) and set(text) == {"en", "zh_CN"}, where
        assert re.search("[\u4e00-\u9fff]", text["zh_CN"]), where  # written in Chinese
        # the same figures (a lesson's numbers are checked against its network in English)
        assert set(_NUMBER.findall(text["en"])) <= set(_NUMBER.findall(text["zh_CN"])), where
        # the same markup: tags in the same order
        tags = re.compile(r"</?[a-z0-9]+>")
        assert tags.findall(text["en"]) == tags.findall(text["zh_CN"]), where


def test_an_exercise_table_trains_under_its_english_title() -> None:
    from neurosim.core.dataset_fit import lesson_dataset

    network = fileformat.from_dict(lesson_doc())
    data = lesson_dataset(network)
    assert data is not None and data.name == "Exercise: Truth table"
