"""The one place that decides what a shipped lesson is, and what its copy is called."""

from __future__ import annotations

from neurosim.core import fileformat
from neurosim.core.shipped import is_shipped, origin_of, without_exercise_prefix
from neurosim.paths import resource_path


def test_an_example_is_named_by_number_and_title_from_the_gallery():
    path = resource_path("examples", "03b-xor-hidden-layer.nsim.json")
    origin = origin_of(path, fileformat.load(path))
    assert origin.kind == "examples" and origin.path == path.resolve()
    assert origin.title == "03b Why XOR needs a hidden layer — from the gallery"
    assert origin.file_name == "03b-xor-hidden-layer.nsim.json"
    assert origin_of(path).name == "03b xor hidden layer"  # without the file: its name


def test_an_exercise_drops_its_exercise_prefix():
    path = resource_path("exercises", "dead-relu.nsim.json")
    origin = origin_of(path, fileformat.load(path))
    assert origin.title == "Fix a dead ReLU network — exercise"
    assert without_exercise_prefix("Exercise: NOT") == "NOT"
    assert without_exercise_prefix("Exercise:") == "Exercise:"
    assert without_exercise_prefix("AND gate") == "AND gate"


def test_only_files_inside_the_resources_folder_are_shipped(tmp_path):
    inside = tmp_path / "resources" / "examples" / "01-a.nsim.json"
    inside.parent.mkdir(parents=True)
    inside.write_text("{}", encoding="utf-8")
    outside = tmp_path / "01-a.nsim.json"
    root = tmp_path / "resources"
    assert is_shipped(inside, root) and not is_shipped(outside, root)
    assert origin_of(outside, folder=root) is None
    # reached through ".." or a symbolic link: still the shipped file
    sneaky = tmp_path / "resources" / "examples" / ".." / "examples" / "01-a.nsim.json"
    assert origin_of(sneaky, folder=root).path == inside.resolve()
    link = tmp_path / "link.nsim.json"
    link.symlink_to(inside)
    assert is_shipped(link, root)
    assert origin_of(root / "stray.nsim.json", folder=root).title.endswith(
        "— from NeuroSim's lessons"
    )
