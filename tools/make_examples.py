"""Write the examples gallery, ``resources/examples/*.nsim.json`` (see neurosim/core/lesson.py).

    python3 tools/make_examples.py            # (re)write every example
    python3 tools/make_examples.py --check    # exit 1 if a shipped file differs

Every file is exactly what ``fileformat.dumps`` writes. Numbers quoted in the notes are either
computed here (the collapsed linear weights) or measured once and checked by
tests/test_examples.py (losses, gradients, accuracies), so the notes cannot drift from what
the networks do. The start-up example ``single_neuron.nsim.json`` is read, not rebuilt: only
its ``notes`` and ``view`` come from here. Titles, descriptions and notes are written in
English and Simplified Chinese (``{"en": …, "zh_CN": …}``, tools/example_notes_zh.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _folder in (ROOT, HERE):  # neurosim from this checkout; example_notes beside this file
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

import example_notes as text  # noqa: E402  (tools/example_notes.py: the notes)
import example_notes_zh as zh  # noqa: E402  (tools/example_notes_zh.py: their Chinese)

from neurosim.core import fileformat  # noqa: E402
from neurosim.core.builders import layered_network  # noqa: E402
from neurosim.core.datasets import builtin, dataset_to_dict  # noqa: E402
from neurosim.core.localized_text import english  # noqa: E402
from neurosim.core.model import Network  # noqa: E402
from neurosim.core.sources import default_source, values_at  # noqa: E402
from neurosim.core.training_setup import init_weights  # noqa: E402

FOLDER = ROOT / "resources" / "examples"
COL = 180.0  # column gap, as the auto-layout
SINE = {"builtin": "sine", "n": 100, "noise": 0.05, "seed": 0}
CIRCLE = {"builtin": "circle", "n": 200, "noise": 0.05, "seed": 0}
TRUTH_COLUMNS = {"x1": 0, "x2": 1}
# Linear collapse (04): dyadic numbers, so W3·W2·W1 is exact in floating point.
W1 = np.array([[1.0, -0.5], [0.5, 1.0], [-1.0, 0.5]])
B1 = np.array([0.5, -0.5, 0.25])
W2 = np.array([[1.0, 0.5, -0.5], [-0.5, 1.0, 0.5], [0.5, -1.0, 1.0]])
B2 = np.array([0.0, 0.5, -0.25])
W3 = np.array([[0.5, 1.0, -0.5]])
B3 = np.array([0.25])
SPARSE_SEED, SPARSE_SHIFT = 0, -0.2  # 06: layered_network seed, then every hidden bias − 0.2
DYING_SEED = 6  # 07: the 1-8-1 start whose ReLUs all die at lr 0.6


def collapsed() -> tuple[np.ndarray, float]:
    """(w_eff, b_eff) of the 2-3-3-1 linear network: y = w_eff·x + b_eff."""
    w = W3 @ W2 @ W1
    b = W3 @ (W2 @ B1 + B2) + B3
    return w[0], float(b[0])


# ---------------------------------------------------------------------------- helpers
def both(english: str, chinese: str | None = None) -> dict[str, str]:
    """The text in both languages (the Chinese from tools/example_notes_zh.py)."""
    return {"en": english, "zh_CN": zh.ZH[english] if chinese is None else chinese}


def lesson(
    net: Network,
    title: str,
    description: str,
    notes: str | dict[str, str],
    view: dict,
    dataset: dict | None = None,
) -> Network:
    net.meta = {"title": both(title), "description": both(description)}
    net.extra = {"notes": notes if isinstance(notes, dict) else both(notes), "view": view}
    if dataset is not None:
        net.extra["dataset"] = dataset
    return net


def view(
    panels: list[str], selected: str | None = None, clock: bool = False, **more: object
) -> dict:
    return {"panels": panels, "selected": selected, "clock_running": clock, **more}


def training(epochs: int, lr: float, optimizer: str = "sgd", loss: str = "mse") -> dict:
    return {
        "epochs": epochs,
        "lr": lr,
        "optimizer": optimizer,
        "loss": loss,
        "batch_size": None,
        "seed": 0,
    }


def recipe(spec: dict, inputs: list[str], outputs: list[str]) -> dict:
    ds = builtin(spec["builtin"], spec["n"], spec["noise"], spec["seed"])
    return dataset_to_dict(ds.with_names(inputs, outputs))


def two_inputs(
    net: Network,
    gap: float = 60.0,
    truth_table: bool = False,
    values: tuple[float, float] = (0.0, 0.0),
) -> None:
    for (nid, column), y, value in zip(TRUTH_COLUMNS.items(), (-gap, gap), values, strict=True):
        net.add_neuron("input", nid, label=f"x{'₁₂'[column]}", position=(0.0, y), value=value)
        if truth_table:
            net.set_source(nid, default_source("sequence", {"column": column, "hold": 25}))


def step(
    net: Network,
    nid: str,
    label: str,
    position: tuple[float, float],
    bias: float,
    weights: dict[str, float],
    threshold: float = 0.0,
    kind: str = "output",
) -> None:
    net.add_neuron(
        kind,
        nid,
        label=label,
        position=position,
        bias=bias,
        activation="step",
        params={"threshold": threshold},
    )
    for source, w in weights.items():
        net.add_synapse(source, nid, w)


def respace(net: Network, column_gap: float, row_gap: float) -> None:
    """Columns and rows of a layered_network (180 and 90 apart) moved to new gaps."""
    columns: dict[float, list[str]] = {}
    for n in net:
        columns.setdefault(n.position[0], []).append(n.id)
    for x, ids in columns.items():
        for row, nid in enumerate(ids):
            position = (x / COL * column_gap, (row - (len(ids) - 1) / 2) * row_gap)
            net.set_position(nid, position)


# ---------------------------------------------------------------------------- examples
def single_neuron() -> Network:
    net = fileformat.load(FOLDER / "single_neuron.nsim.json")
    for key in ("title", "description"):
        net.meta[key] = both(english(net.meta[key]))
    net.extra.update(
        notes=both(text.SINGLE_NEURON),
        view=view(
            ["activation", "decision"],
            "y1",
            decision={"output": "y1", "x": "x1", "y": "x2", "range": [-2.0, 2.0, -2.0, 2.0]},
        ),
    )
    return net


def threshold() -> Network:
    net = Network()
    two_inputs(net, truth_table=True)
    step(net, "y", "y", (2 * COL, 0.0), 0.0, {"x1": 0.8, "x2": 0.4}, threshold=0.6)
    return lesson(
        net,
        "The threshold decides: a step neuron",
        "One step neuron with two inputs fires only when z reaches its threshold.",
        text.THRESHOLD,
        view(["activation", "traces", "raster"], "y", True),
    )


ACTIVATIONS = (
    ("y_sigmoid", "σ", "sigmoid", {}),
    ("y_tanh", "tanh", "tanh", {}),
    ("y_relu", "ReLU", "relu", {}),
    ("y_leaky", "leaky", "leaky_relu", {"alpha": 0.1}),
)


def activation_shapes() -> Network:
    net = Network()
    two_inputs(net)
    net.set_source("x1", default_source("triangle", {"min": -3.0, "max": 3.0, "period": 200}))
    net.set_value("x1", -3.0)  # the triangle's value at t = 0
    for row, (nid, label, name, params) in enumerate(ACTIVATIONS):
        net.add_neuron(
            "output",
            nid,
            label=label,
            position=(2 * COL, (row - 1.5) * 100.0),
            activation=name,
            params=params,
        )
        net.add_synapse("x1", nid, 1.0)
        net.add_synapse("x2", nid, 1.0)
    return lesson(
        net,
        "Four activations side by side",
        "The same z through sigmoid, tanh, ReLU and leaky ReLU: shapes and ranges.",
        text.ACTIVATION_SHAPES,
        view(["activation", "traces"], "y_sigmoid", True, compare=["tanh", "relu", "leaky_relu"]),
    )


def logic_gates() -> Network:
    net = Network()
    two_inputs(net, truth_table=True)
    step(net, "and", "AND", (2 * COL, -120.0), -1.5, {"x1": 1.0, "x2": 1.0})
    step(net, "or", "OR", (2 * COL, 0.0), -0.5, {"x1": 1.0, "x2": 1.0})
    step(net, "not", "NOT x₁", (2 * COL, 120.0), 0.5, {"x1": -1.0})
    return lesson(
        net,
        "Logic gates: AND, OR, NOT",
        "One step neuron each computes AND, OR and NOT; only weights and bias differ.",
        text.LOGIC_GATES,
        view(["raster", "traces"], None, True),
    )


def xor() -> Network:
    net = Network()
    two_inputs(net, truth_table=True)
    # The hidden pair sits high so the lines into "one neuron" pass below h_nand.
    step(net, "h_or", "OR", (COL, -120.0), -0.5, {"x1": 1.0, "x2": 1.0}, kind="hidden")
    step(net, "h_nand", "NAND", (COL, 0.0), 1.5, {"x1": -1.0, "x2": -1.0}, kind="hidden")
    step(net, "xor", "XOR", (2 * COL, -60.0), -1.5, {"h_or": 1.0, "h_nand": 1.0})
    step(net, "one", "one neuron", (2 * COL, 150.0), -0.5, {"x1": 1.0, "x2": 1.0})
    return lesson(
        net,
        "Why XOR needs a hidden layer",
        "No single neuron computes XOR; a 2-2-1 network of step neurons does.",
        text.XOR,
        view(
            ["decision", "raster"],
            "xor",
            True,
            decision={"output": "xor", "x": "x1", "y": "x2", "range": [-0.5, 1.5, -0.5, 1.5]},
        ),
    )


def linear_collapse() -> Network:
    net = Network()
    two_inputs(net, gap=45.0, values=(0.5, -0.5))
    layers = [["x1", "x2"]]
    for li, (w, b) in enumerate(((W1, B1), (W2, B2), (W3, B3)), start=1):
        kind = "output" if li == 3 else "hidden"
        ids = ["y_deep"] if li == 3 else [f"h{li}{j + 1}" for j in range(len(b))]
        for j, nid in enumerate(ids):
            y = 0.0 if li == 3 else (j - 1) * 110.0
            label = "deep" if li == 3 else nid
            net.add_neuron(
                kind,
                nid,
                label=label,
                position=(li * COL, y),
                bias=float(b[j]),
                activation="linear",
            )
            for k, source in enumerate(layers[-1]):
                net.add_synapse(source, nid, float(w[j, k]))
        layers.append(ids)
    w_eff, b_eff = collapsed()
    net.add_neuron(
        "output",
        "y_single",
        label="one neuron",
        position=(COL, 290.0),
        bias=b_eff,
        activation="linear",
    )
    net.add_synapse("x1", "y_single", float(w_eff[0]))
    net.add_synapse("x2", "y_single", float(w_eff[1]))
    return lesson(
        net,
        "Linear layers collapse into one",
        "A 2-3-3-1 network of linear neurons computes exactly what one neuron does.",
        both(text.linear_collapse(w_eff, b_eff), zh.linear_collapse(w_eff, b_eff)),
        view(
            ["decision"],
            "y_deep",
            decision={"output": "y_deep", "x": "x1", "y": "x2", "range": [-2.0, 2.0, -2.0, 2.0]},
        ),
    )


def chain(activation: str) -> Network:
    """x → h1 → … → h6 → y, every weight 1, bias 1 on h1 (so its z spans 0…2), linear y."""
    net = Network()
    net.add_neuron("input", "x", label="x", position=(0.0, 0.0), value=0.5)
    previous = "x"
    for i in range(1, 7):
        net.add_neuron(
            "hidden",
            f"h{i}",
            position=(i * COL, 0.0),
            bias=1.0 if i == 1 else 0.0,
            activation=activation,
        )
        net.add_synapse(previous, f"h{i}", 1.0)
        previous = f"h{i}"
    net.add_neuron("output", "y", position=(7 * COL, 0.0), activation="linear")
    net.add_synapse(previous, "y", 1.0)
    return net


def vanishing(activation: str) -> Network:
    sigmoid = activation == "sigmoid"
    title = "Vanishing gradients: a sigmoid chain" if sigmoid else "The same chain with ReLU"
    description = (
        "Six sigmoids in a row: the gradient reaching the first is 10,000 times too small to learn."
        if sigmoid
        else "Six ReLUs in a row pass the gradient back undiminished, so every level learns."
    )
    return lesson(
        chain(activation),
        title,
        description,
        text.VANISHING_SIGMOID if sigmoid else text.VANISHING_RELU,
        view(["gradient_flow", "loss", "train"], "h1", train=training(300, 0.03)),
        recipe(SINE, ["x"], ["y"]),
    )


def sparse(activation: str) -> Network:
    net = layered_network([2, 16, 16, 1], activation, seed=SPARSE_SEED, output_activation="sigmoid")
    for n in net.of_kind("hidden"):
        net.set_bias(n.id, n.bias + SPARSE_SHIFT)
    respace(net, 2 * COL, 80.0)  # 16-neuron layers are tall: wider columns keep it legible
    for seed, n in enumerate(net.of_kind("input"), start=1):
        source = default_source("uniform", {"min": -1.0, "max": 1.0, "seed": seed})
        net.set_source(n.id, source)
        net.set_value(n.id, float(values_at(source, np.array([0]))[0]))
        net.set_label(n.id, f"x{'₁₂'[seed - 1]}")
    relu = activation == "relu"
    return lesson(
        net,
        "Sparse activity: ReLU" if relu else "Dense activity: tanh",
        "With ReLU only about a quarter of the hidden neurons are active at a time."
        if relu
        else "The same network with tanh: every hidden neuron is active.",
        text.SPARSE_RELU if relu else text.SPARSE_TANH,
        view(["sparsity", "raster"], None, True),
    )


def dying(activation: str) -> Network:
    net = layered_network([1, 8, 1], activation, seed=DYING_SEED, output_activation="linear")
    init_weights(net, DYING_SEED)
    respace(net, 2 * COL, 90.0)
    net.set_label("x1", "x")
    net.set_value("x1", 0.5)  # not 0: with every bias 0, x = 0 would silence every ReLU
    if activation == "leaky_relu":
        for n in net.of_kind("hidden"):
            net.set_param(n.id, "alpha", 0.1)
    relu = activation == "relu"
    return lesson(
        net,
        "Dying ReLU: a learning rate too large" if relu else "Leaky ReLU does not die",
        "At learning rate 0.6 every ReLU neuron dies within five epochs."
        if relu
        else "The same start and learning rate with leaky ReLU: no neuron dies.",
        text.DYING_RELU if relu else text.LEAKY_RELU,
        view(["train", "decision", "loss", "gradient_flow"], "h1", train=training(100, 0.6)),
        recipe(SINE, ["x1"], ["y1"]),
    )


COMPARE = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu"]


def choosing() -> Network:
    net = layered_network([2, 8, 8, 1], "tanh", seed=0, output_activation="sigmoid")
    init_weights(net, 0)
    respace(net, 2 * COL, 90.0)
    for nid, label, value in (("x1", "x₁", 0.25), ("x2", "x₂", -0.5)):
        net.set_label(nid, label)
        net.set_value(nid, value)
    return lesson(
        net,
        "Choosing an activation",
        "The same 2-8-8-1 network trained on the circle data with each activation.",
        text.CHOOSING,
        view(
            ["train", "decision", "loss"],
            None,
            compare=COMPARE,
            decision={"output": "y1", "x": "x1", "y": "x2", "range": [-1.5, 1.5, -1.5, 1.5]},
            train=training(300, 0.5, loss="bce"),
        ),
        recipe(CIRCLE, ["x1", "x2"], ["y1"]),
    )


def build_all() -> dict[str, Network]:
    """File name → network, in gallery order."""
    return {
        "single_neuron.nsim.json": single_neuron(),
        "01-threshold.nsim.json": threshold(),
        "02-activation-shapes.nsim.json": activation_shapes(),
        "03a-logic-gates.nsim.json": logic_gates(),
        "03b-xor-hidden-layer.nsim.json": xor(),
        "04-linear-collapse.nsim.json": linear_collapse(),
        "05a-vanishing-sigmoid.nsim.json": vanishing("sigmoid"),
        "05b-vanishing-relu.nsim.json": vanishing("relu"),
        "06a-sparse-relu.nsim.json": sparse("relu"),
        "06b-dense-tanh.nsim.json": sparse("tanh"),
        "07a-dying-relu.nsim.json": dying("relu"),
        "07b-leaky-relu.nsim.json": dying("leaky_relu"),
        "08-choosing-activation.nsim.json": choosing(),
    }


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, net in build_all().items():
        path = FOLDER / name
        data = fileformat.dumps(net)
        if check:
            if not path.is_file() or path.read_text("utf-8") != data:
                stale.append(name)
        else:
            fileformat.save(net, path)
    for name in stale:
        print(f"{name} is out of date: run python3 tools/make_examples.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
