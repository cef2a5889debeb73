"""Shipped lessons: the examples and exercises installed with NeuroSim.

The one place that decides whether a file is one of NeuroSim's own lessons. Such a file is
never written to: the window opens it as an untitled copy that remembers where it came from
(:class:`Origin`, "03b Why XOR needs a hidden layer — from the gallery"), and Save asks
where to put the copy. Anything inside the installed resources folder counts, whichever
way it was reached (File ▸ Open, the command line, recent files, a drop). Pure Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from neurosim.core.localized_text import in_language
from neurosim.core.model import Network
from neurosim.core.text_marks import QT_TRANSLATE_NOOP
from neurosim.paths import resources_dir

#: a copy of a shipped file's title, by the folder it came from (translated in the window)
TITLES = {
    "examples": QT_TRANSLATE_NOOP("Origin", "{name} — from the gallery"),
    "exercises": QT_TRANSLATE_NOOP("Origin", "{name} — exercise"),
}
OTHER_TITLE = QT_TRANSLATE_NOOP("Origin", "{name} — from NeuroSim's lessons")
_NUMBER = re.compile(r"^(\d+[a-z]?)-")
_EXERCISE_PREFIX = re.compile(r"^exercise\s*:\s*", re.IGNORECASE)
_EXERCISE_PREFIX_ZH = re.compile(r"^练习\s*[:：]\s*")


@dataclass(frozen=True)
class Origin:
    """Where a lesson copy came from: the shipped file (resolved) and what to call it."""

    path: Path
    kind: str  # "examples", "exercises", or another folder of the resources
    name: str  # "03b Why XOR needs a hidden layer", "AND with one neuron"

    @property
    def title(self) -> str:
        """ "03b Why XOR needs a hidden layer — from the gallery" (the document's name)."""
        return self.title_template.format(name=self.name)

    @property
    def title_template(self) -> str:
        """:attr:`title` with ``{name}`` for the name (the window translates it)."""
        return TITLES.get(self.kind, OTHER_TITLE)

    @property
    def file_name(self) -> str:
        """The shipped file's name: what Save As suggests for the copy."""
        return self.path.name


def resources_folder() -> Path | None:
    """The installed resources folder, resolved; None when there is none."""
    try:
        return resources_dir().resolve()
    except (FileNotFoundError, OSError):
        return None


def is_shipped(path: str | Path, folder: Path | None = None) -> bool:
    """Is ``path`` inside the installed resources folder (``folder`` in tests)?"""
    root = folder.resolve() if folder is not None else resources_folder()
    if root is None:
        return False
    try:
        return Path(path).resolve().is_relative_to(root)
    except (OSError, ValueError):
        return False


def origin_of(
    path: str | Path,
    network: Network | None = None,
    folder: Path | None = None,
    language: str = "en",
) -> Origin | None:
    """The :class:`Origin` of ``path`` when it is a shipped file, else None. ``network``
    (the file, loaded) gives the title, in ``language`` where the file has it; without one
    the file name does."""
    root = folder.resolve() if folder is not None else resources_folder()
    if root is None or not is_shipped(path, root):
        return None
    resolved = Path(path).resolve()
    relative = resolved.relative_to(root)
    kind = relative.parts[0] if len(relative.parts) > 1 else ""
    return Origin(resolved, kind, _name(resolved, network, kind, language))


def _name(path: Path, network: Network | None, kind: str, language: str) -> str:
    stem = path.name.removesuffix(".json").removesuffix(".nsim")
    match = _NUMBER.match(stem)
    number = match.group(1) if match else ""
    title = in_language(network.meta.get("title"), language) if network is not None else ""
    title = title.strip()
    if kind == "exercises":
        title = without_exercise_prefix(title)  # the suffix says "exercise" already
    if not title:
        title = (stem[match.end() :] if match else stem).replace("-", " ").replace("_", " ")
    return f"{number} {title}" if number else title


def without_exercise_prefix(title: str) -> str:
    """ "Exercise: AND with one neuron" -> "AND with one neuron" (where the place already
    says it is an exercise); "练习：与门" -> "与门" likewise."""
    rest = _EXERCISE_PREFIX_ZH.sub("", _EXERCISE_PREFIX.sub("", title)).strip()
    if not rest or rest == title:
        return title
    return rest[0].upper() + rest[1:]  # "fix a dead ReLU network" starts a title now
