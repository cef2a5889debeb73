"""Lessons: the ``notes`` and ``view`` sections of a network file, and the examples gallery.

``notes`` is a short "what to notice" text shown beside the network; ``view`` says which
panels to open, which neuron to select, whether the clock runs, how to set up the decision
plot and which activations to compare. Both are optional top-level keys (the loader keeps
them in ``network.extra``); :func:`lesson_of` checks them and fills in defaults, raising
:class:`FileFormatError` naming the place (``view.panels[2]: unknown panel 'foo'; …``).
See docs/file-format.md, "Lessons: notes and view". Pure Python, no Qt.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neurosim.core.activations import REGISTRY
from neurosim.core.localized_text import Text, check_text, in_language
from neurosim.core.losses import LOSS_NAMES
from neurosim.core.model import Network
from neurosim.core.optimizers import OPTIMIZER_NAMES
from neurosim.core.rich_text import markup_problem, sanitise
from neurosim.core.training_options import (
    BATCH_SIZE,
    EPOCHS,
    LEARNING_RATE,
    SEED,
    OptionError,
    TrainingOption,
)
from neurosim.core.validate import FileFormatError, check_keys, expect, number, shown

PANELS = (
    "activation",
    "traces",
    "raster",
    "sparsity",
    "decision",
    "train",
    "gradient_flow",
    "loss",
)
NOTES_TAGS = ("b", "i", "ul", "li", "p", "br", "code")
NOTES_ATTRIBUTES: dict[str, dict[str, str]] = {}  # notes' tags carry no attributes
VIEW_KEYS = ("panels", "selected", "clock_running", "decision", "compare", "train")
DECISION_KEYS = ("output", "x", "y", "range")
TRAIN_KEYS = ("epochs", "lr", "optimizer", "loss", "batch_size", "seed")
MAX_NOTES = 20_000
_TAG = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)[^>]*>")
_PREFIX = re.compile(r"^(\d+)([a-z]?)-")
SUFFIX = ".nsim.json"


@dataclass(frozen=True)
class Decision:
    """The decision plot: ``output`` over the plane of inputs ``x`` and ``y``.

    ``range`` is (xmin, xmax, ymin, ymax), or None to let the plot choose."""

    output: str
    x: str
    y: str
    range: tuple[float, float, float, float] | None = None


@dataclass(frozen=True)
class TrainSettings:
    """Suggested settings for the training panel (the Trainer's defaults when left out)."""

    epochs: int = 100
    lr: float = 0.1
    optimizer: str = "sgd"
    loss: str = "mse"
    batch_size: int | None = None  # None: the whole dataset (full batch)
    seed: int = 0


@dataclass(frozen=True)
class View:
    panels: tuple[str, ...] = ()
    selected: str | None = None
    clock_running: bool = False
    decision: Decision | None = None
    compare: tuple[str, ...] = ()
    train: TrainSettings | None = None


@dataclass(frozen=True)
class Lesson:
    """Title, description and notes are :data:`Text`: one string, or one per language
    (``english(lesson.notes)``; the window shows its language's)."""

    title: Text
    description: Text
    notes: Text  # "" when the file has none; plain text or the NOTES_TAGS subset of HTML
    view: View = field(default_factory=View)


# ------------------------------------------------------------------------------ reading
def lesson_of(network: Network) -> Lesson:
    """The lesson of a loaded network: its title, notes and view, checked against it."""
    meta = network.meta
    notes = notes_from(network.extra.get("notes", ""))
    view = view_from_dict(network.extra.get("view", {}), network)
    title, description = (_meta_text(meta.get(key)) for key in ("title", "description"))
    return Lesson(title, description, notes, view)


def _meta_text(value: Any) -> Text:
    """``meta.title`` or ``meta.description`` (the loader checked them): "" when absent."""
    if isinstance(value, str | dict):
        return value
    return "" if value is None else str(value)


def notes_from(value: Any, where: str = "notes") -> Text:
    """Checked notes: a string, or (version 2) one per language, each checked."""
    return check_text(value, where, _check_notes)


def _check_notes(value: str, where: str) -> None:
    if len(value) > MAX_NOTES:
        raise FileFormatError(f"{where}: at most {MAX_NOTES} characters, got {len(value)}")
    problem = markup_problem(value, NOTES_TAGS, NOTES_ATTRIBUTES)
    if problem is not None and problem.attribute is None:
        raise FileFormatError(
            f"{where}: the tag <{problem.tag}> is not allowed; allowed: "
            f"{', '.join(NOTES_TAGS)} (write &lt; for a plain '<')"
        )
    if problem is not None:
        raise FileFormatError(f"{where}: write tags without attributes, got {shown(problem.raw)}")


def view_from_dict(d: Any, network: Network | None = None, where: str = "view") -> View:
    """Check a ``view`` object; with ``network``, also that every id it names is there."""
    expect(d, dict, where, "an object")
    check_keys(d, VIEW_KEYS, where)
    panels = _names(d.get("panels", []), PANELS, "panel", f"{where}.panels")
    # built-ins, and the formula activations the file defines (installed when it was read)
    compare = _names(d.get("compare", []), tuple(REGISTRY), "activation", f"{where}.compare")
    selected = d.get("selected")
    if selected is not None:
        expect(selected, str, f"{where}.selected", "a neuron id or null")
        if network is not None and selected not in network.neurons:
            raise FileFormatError(f"{where}.selected: there is no neuron '{selected}'")
    running = d.get("clock_running", False)
    expect(running, bool, f"{where}.clock_running", "true or false")
    decision = d.get("decision")
    if decision is not None:
        decision = _decision(decision, network, f"{where}.decision")
    train = d.get("train")
    if train is not None:
        train = train_settings_from(train, f"{where}.train")
    return View(panels, selected, running, decision, compare, train)


def _names(value: Any, known: tuple[str, ...], what: str, where: str) -> tuple[str, ...]:
    expect(value, list, where, "a list")
    for i, name in enumerate(value):
        expect(name, str, f"{where}[{i}]", "a string")
        if name not in known:
            raise FileFormatError(
                f"{where}[{i}]: unknown {what} '{name}'; known: {', '.join(known)}"
            )
        if name in value[:i]:
            raise FileFormatError(f"{where}[{i}]: '{name}' is listed twice")
    return tuple(value)


def _decision(d: Any, network: Network | None, where: str) -> Decision:
    expect(d, dict, where, "an object")
    check_keys(d, DECISION_KEYS, where)
    ids = {}
    for key, kinds in (("output", ("hidden", "output")), ("x", ("input",)), ("y", ("input",))):
        ids[key] = _decision_id(d, key, kinds, network, where)
    if ids["x"] == ids["y"]:
        raise FileFormatError(f"{where}.y: must be another input than x ('{ids['x']}')")
    box = d.get("range")
    if box is not None:
        if not (isinstance(box, list) and len(box) == 4):
            raise FileFormatError(
                f"{where}.range: expected [xmin, xmax, ymin, ymax], got {shown(box)}"
            )
        box = tuple(number(v, f"{where}.range[{i}]") for i, v in enumerate(box))
        for lo, axis in ((0, "x"), (2, "y")):
            if not box[lo] < box[lo + 1]:
                raise FileFormatError(
                    f"{where}.range: {axis}min must be below {axis}max, "
                    f"got {box[lo]:g} and {box[lo + 1]:g}"
                )
    return Decision(ids["output"], ids["x"], ids["y"], box)


def _decision_id(
    d: dict, key: str, kinds: tuple[str, ...], network: Network | None, where: str
) -> str:
    """The id under ``key``; when absent, the first output (or the first/second input)."""
    if key not in d:
        if network is None:
            raise FileFormatError(f"{where}: missing '{key}'")
        kind, pick = {"output": ("output", 0), "x": ("input", 0), "y": ("input", 1)}[key]
        ids = [n.id for n in network.of_kind(kind)]
        if len(ids) <= pick:
            raise FileFormatError(
                f"{where}: missing '{key}', and the network has no "
                f"{'second ' if pick else ''}{kind} neuron to use instead"
            )
        return ids[pick]
    value = d[key]
    expect(value, str, f"{where}.{key}", "a neuron id")
    if network is not None:
        if value not in network.neurons:
            raise FileFormatError(f"{where}.{key}: there is no neuron '{value}'")
        if network.neurons[value].kind not in kinds:
            what = "an input neuron" if key != "output" else "a hidden or output neuron"
            raise FileFormatError(f"{where}.{key}: '{value}' is not {what}")
    return value


def train_settings_from(d: Any, where: str) -> TrainSettings:
    """Check a ``train`` object (a lesson's view, an exercise goal's training)."""
    expect(d, dict, where, "an object")
    check_keys(d, TRAIN_KEYS, where)
    base = TrainSettings()
    epochs = _whole(d.get("epochs", base.epochs), EPOCHS, f"{where}.epochs")
    lr = number(d.get("lr", base.lr), f"{where}.lr")
    try:
        LEARNING_RATE.check(lr)
    except OptionError:
        raise FileFormatError(
            f"{where}.lr: expected a number {LEARNING_RATE.range_text()}, got {lr:g}"
        ) from None
    optimizer = _choice(d.get("optimizer", base.optimizer), OPTIMIZER_NAMES, f"{where}.optimizer")
    loss = _choice(d.get("loss", base.loss), LOSS_NAMES, f"{where}.loss")
    batch = d.get("batch_size")
    if batch is not None:
        batch = _whole(batch, BATCH_SIZE, f"{where}.batch_size")
    seed = _whole(d.get("seed", base.seed), SEED, f"{where}.seed")
    return TrainSettings(epochs, lr, optimizer, loss, batch, seed)


def _whole(value: Any, option: TrainingOption, where: str) -> int:
    lo, hi = option.minimum, option.maximum
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise FileFormatError(
            f"{where}: expected a whole number {option.range_text()}, got {shown(value)}"
        )
    return value


def _choice(value: Any, known: tuple[str, ...], where: str) -> str:
    if value not in known:
        raise FileFormatError(f"{where}: expected one of {', '.join(known)}, got {shown(value)}")
    return value


# ------------------------------------------------------------------------------ writing
def view_to_dict(view: View) -> dict[str, Any]:
    """The JSON object for a file; ``view_from_dict(view_to_dict(v)) == v``."""
    out: dict[str, Any] = {
        "panels": list(view.panels),
        "selected": view.selected,
        "clock_running": view.clock_running,
    }
    if view.decision is not None:
        dec = view.decision
        out["decision"] = {"output": dec.output, "x": dec.x, "y": dec.y}
        if dec.range is not None:
            out["decision"]["range"] = list(dec.range)
    if view.compare:
        out["compare"] = list(view.compare)
    if view.train is not None:
        t = view.train
        out["train"] = {
            "epochs": t.epochs,
            "lr": t.lr,
            "optimizer": t.optimizer,
            "loss": t.loss,
            "batch_size": t.batch_size,
            "seed": t.seed,
        }
    return out


def notes_html(notes: str) -> str:
    """Notes ready for a rich-text label: markup through the one sanitiser (the allowed
    tags, no attributes), plain text escaped, blank lines making paragraphs."""
    if _TAG.search(notes):
        return sanitise(notes, NOTES_TAGS, NOTES_ATTRIBUTES)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", notes) if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)


# ------------------------------------------------------------------------------ gallery
@dataclass(frozen=True)
class ExampleInfo:
    """One file of the examples gallery. ``number`` is its prefix ("03a"), "" for none;
    title and description are in the language :func:`examples` was asked for."""

    name: str  # file name without .nsim.json, e.g. "03a-logic-gates"
    number: str
    title: str
    description: str  # one line
    path: Path
    problem: str | None = None  # why the file could not be read (opening it will say more)


def examples(folder: Path | None = None, language: str = "en") -> list[ExampleInfo]:
    """The gallery: every ``*.nsim.json`` in ``resources/examples``, in lesson order, with
    titles and descriptions in ``language`` where the files give it (else English).

    Files named ``NN-…`` or ``NNx-…`` (``03a-logic-gates.nsim.json``) sort by number, then
    letter; a file without a number (the start-up example) comes first.
    """
    if folder is None:
        from neurosim.paths import resource_path

        folder = resource_path("examples")
    infos = [_example(p, language) for p in Path(folder).glob("*" + SUFFIX) if p.is_file()]
    return sorted(infos, key=_order)


def _order(info: ExampleInfo) -> tuple[int, int, str, str]:
    match = _PREFIX.match(info.name)
    if match is None:
        return (0, 0, "", info.name)
    return (1, int(match.group(1)), match.group(2), info.name)


def _example(path: Path, language: str) -> ExampleInfo:
    from neurosim.core.fileformat import parse_json

    name = path.name[: -len(SUFFIX)]
    match = _PREFIX.match(name)
    number = name[: match.end() - 1] if match else ""
    fallback = (name[match.end() :] if match else name).replace("-", " ").replace("_", " ")
    title, description, problem = fallback.capitalize(), "", None
    try:
        data = parse_json(path.read_bytes().decode("utf-8-sig"))
        meta = data.get("meta", {}) if isinstance(data, dict) else {}
        if isinstance(meta, dict):
            texts = [_shown_text(meta.get(key), language) for key in ("title", "description")]
            title = texts[0].strip() or title
            description = " ".join(texts[1].split())
    except (OSError, UnicodeDecodeError, FileFormatError) as exc:
        problem = str(exc)
    return ExampleInfo(name, number, title, description, path, problem)


def _shown_text(value: Any, language: str) -> str:
    """A gallery entry's text in ``language``: "" for anything that is not text."""
    try:
        return in_language(check_text(value, "meta"), language) if value is not None else ""
    except FileFormatError:
        return ""
