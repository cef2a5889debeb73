"""NeuroSim: a teaching simulator of artificial neurons, and its Python API.

    >>> import neurosim
    >>> net = neurosim.load(neurosim.example("03b-xor-hidden-layer"))
    >>> net.evaluate({"x1": [0, 1], "x2": [1, 1]}).y["xor"]
    array([1., 0.])

The API runs the app's own engine and trainer; importing it imports no Qt. Its names are
listed in ``__all__``; ``docs/api.md`` is a worked example.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from neurosim.core.activations import Activation
    from neurosim.core.api.network import Network
    from neurosim.core.exercise.checks import Report
    from neurosim.core.model import Network as CoreNetwork


def _version() -> str:
    """The version in pyproject.toml: from the installed metadata, or read from a checkout."""
    # importlib.metadata (and the email and zip modules it brings) costs ~40 ms: asked for
    # the first time the version is, not by every start of the app
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("neurosim")
    except PackageNotFoundError:
        pass
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        import tomllib

        with pyproject.open("rb") as fh:
            return str(tomllib.load(fh)["project"]["version"])
    except (OSError, KeyError, ValueError):
        return "0.0.0+unknown"


def __getattr__(name: str) -> Any:
    """The API's classes and the datasets module, imported on first use so that
    ``import neurosim`` (which the app's start does too) stays cheap; ``__version__``,
    looked up on first use too."""
    if name == "__version__":
        globals()["__version__"] = found = _version()  # looked up once
        return found
    if name == "Network":
        from neurosim.core.api.network import Network

        return Network
    if name in ("Result", "History"):
        from neurosim.core.api import results, training_run

        return {"Result": results.Result, "History": training_run.History}[name]
    if name == "Report":
        from neurosim.core.exercise.checks import Report

        return Report
    if name in ("Dataset", "datasets"):
        import neurosim.datasets as datasets

        return datasets if name == "datasets" else datasets.Dataset
    if name in ("FileFormatError", "FormulaError", "NetworkError", "TrainingError"):
        from neurosim.core import model_types, training_setup, validate
        from neurosim.core.formula import FormulaError

        return {
            "FileFormatError": validate.FileFormatError,
            "FormulaError": FormulaError,
            "NetworkError": model_types.NetworkError,
            "TrainingError": training_setup.TrainingError,
        }[name]
    if name == "ACTIVATIONS":
        from neurosim.core.activations import ACTIVATION_NAMES

        return ACTIVATION_NAMES
    raise AttributeError(f"module 'neurosim' has no attribute {name!r}")


def load(path: str | Path) -> Network:
    """Read a network file (``*.nsim.json``); FileFormatError says what is wrong and where."""
    from neurosim.core.api.network import api_network
    from neurosim.core.fileformat import load as load_file

    return api_network(load_file(path))


def save(network: CoreNetwork, path: str | Path) -> None:
    """Write ``network`` to ``path`` atomically (as the app's Save does)."""
    from neurosim.core.fileformat import save as save_file

    save_file(network, path)


def new(title: str = "") -> Network:
    """An empty network; add neurons with ``add_neuron`` and synapses with ``connect``."""
    from neurosim.core.api.network import Network

    return Network({"title": title} if title else None)


def layered(
    sizes: list[int], activation: str = "tanh", output: str | None = None, seed: int = 0
) -> Network:
    """A fully connected network, e.g. ``layered([2, 3, 1], "tanh", output="sigmoid")``:
    random weights (standard deviation 1/√fan-in) and small random biases from ``seed``."""
    from neurosim.core.api.network import api_network
    from neurosim.core.builders import layered_network

    return api_network(layered_network(sizes, activation, seed, output_activation=output))


def example(name: str) -> Path:
    """The path of a shipped example lesson by its file name, with or without the ending:
    ``example("03b-xor-hidden-layer")``. :func:`load` gives a copy to change: saving never
    writes to the shipped file."""
    return _shipped("examples", name)


def exercise(name: str) -> Path:
    """The path of a shipped exercise by its file name: ``exercise("and-gate")``."""
    return _shipped("exercises", name)


def _shipped(kind: str, name: str) -> Path:
    from neurosim.paths import resource_path

    folder = resource_path(kind)
    for candidate in (name, f"{name}.nsim.json", f"{name}.json"):
        if (folder / candidate).is_file():
            return folder / candidate
    known = ", ".join(sorted(p.name.split(".")[0] for p in folder.glob("*.json")))
    raise FileNotFoundError(f"no {kind[:-1]} {name!r}; the {kind} are: {known}")


def define_activation(
    name: str,
    formula: str,
    *,
    title: str = "",
    fires: str = "z > 0",
    description: str = "",
    **params: float,
) -> Activation:
    """Make an activation from a formula in z, e.g. ``define_activation("swish_b",
    "z * sigmoid(beta * z)", beta=1.5)`` (parameters with their defaults); neurons may then
    use it by name, and a saved file carries it. Its derivative is derived exactly.
    ``fires``: "z > 0" or "z >= 0". :class:`FormulaError` (a ValueError) says what is wrong and
    where; a built-in's name, or a name given another formula this session, is refused."""
    from neurosim.core.custom_activations import define

    return define(name, formula, params, title, fires, description)


def check(exercise: str | Path | CoreNetwork, submission: str | Path | CoreNetwork) -> Report:
    """Grade ``submission`` against ``exercise`` (files or networks), as ``neurosim check``
    does: ``report.solved``, and ``report.results`` with a line per goal and locked part."""
    from neurosim.core.exercise.grading import grade
    from neurosim.core.model import Network as CoreNetwork

    ex = exercise if isinstance(exercise, CoreNetwork) else load(exercise)
    sub = submission if isinstance(submission, CoreNetwork) else load(submission)
    return grade(ex, sub)


__all__ = [
    "ACTIVATIONS",
    "Dataset",
    "FileFormatError",
    "FormulaError",
    "History",
    "Network",
    "NetworkError",
    "Report",
    "Result",
    "TrainingError",
    "__version__",
    "check",
    "datasets",
    "define_activation",
    "example",
    "exercise",
    "layered",
    "load",
    "new",
    "save",
]
