"""The evaluation engine: the drawn graph compiled into topological levels of arrays.

Columns are ordered inputs first, then every other neuron by depth, so a level only reads
columns to its left. Evaluating a level is one matrix product plus one activation call per
activation used in the level — never a Python loop over neurons or samples.

Parameter edits (weight, bias, input value, activation parameter) patch the compiled arrays
in place, and so does a bulk change (``parameters_changed``: many weights and biases at once,
as training and Initialise weights make); structural edits (neurons or synapses
added/removed, an activation swapped) mark the compilation stale and the next evaluation
recompiles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from neurosim.core import activity
from neurosim.core import engine_columns as columns
from neurosim.core.activations import Activation, get_activation
from neurosim.core.model import Network, Neuron, Synapse, SynapseKey

FLOAT32_MAX = float(np.finfo(np.float32).max)


@dataclass
class Group:
    """Consecutive columns of one level that share an activation."""

    activation: Activation
    lo: int  # column range [lo, hi) relative to the level start
    hi: int
    params: dict[str, np.ndarray]  # one value per column


@dataclass
class Level:
    start: int  # first column of this level
    stop: int
    src_lo: int  # first column any synapse into this level comes from
    weights: np.ndarray  # (start - src_lo, stop - start)
    bias: np.ndarray  # (stop - start,)
    groups: list[Group]
    used: np.ndarray  # rows of ``weights`` that carry a synapse (the others are all zero)


@dataclass
class Compiled:
    ids: tuple[str, ...]
    index: dict[str, int]
    n_inputs: int
    levels: list[Level]
    hidden_columns: np.ndarray
    input_values: np.ndarray  # (n_inputs,)
    is_input: np.ndarray  # (n,) bool, read-only (shared by every Evaluation)
    # The firing rule (Activation.firing) of every non-input column, so one comparison
    # serves the whole batch: fired = z > threshold, or z >= threshold where ``inclusive``.
    thresholds: np.ndarray  # (n - n_inputs,)
    inclusive: np.ndarray  # (n - n_inputs,) bool
    # where each parameter lives, for in-place patches
    weight_slot: dict[SynapseKey, tuple[int, int, int]] = field(default_factory=dict)
    bias_slot: dict[str, tuple[int, int]] = field(default_factory=dict)
    group_slot: dict[str, tuple[int, int, int]] = field(default_factory=dict)


@dataclass
class Evaluation:
    """What one evaluation of a batch gives, per neuron (column) and sample (row)."""

    ids: tuple[str, ...]
    index: dict[str, int]
    z: np.ndarray  # NaN for input columns
    y: np.ndarray
    fired: np.ndarray  # False for input columns
    silent: np.ndarray
    is_input: np.ndarray  # (n,) bool
    # (batch,), None without hidden neurons: the share of hidden neurons active (output not
    # 0) and the share that fired (their firing rule); see neurosim.core.activity
    active_fraction: np.ndarray | None
    fired_fraction: np.ndarray | None = None

    @property
    def sparsity(self) -> np.ndarray | None:
        """1 − active fraction: the share of hidden neurons that are silent (batch,)."""
        return None if self.active_fraction is None else 1.0 - self.active_fraction

    def of(self, neuron_id: str, sample: int = 0) -> dict[str, float | bool | None]:
        """One neuron's figures for one sample, JSON-ready."""
        col = self.index[neuron_id]
        is_input = bool(self.is_input[col])
        return {
            "z": None if is_input else float(self.z[sample, col]),
            "y": float(self.y[sample, col]),
            "fired": None if is_input else bool(self.fired[sample, col]),
            "silent": bool(self.silent[sample, col]),
        }


def compile_network(network: Network) -> Compiled:
    depth = network.depths()
    order = {nid: i for i, nid in enumerate(network.neurons)}
    ids = sorted(
        network.neurons,
        key=lambda nid: (depth[nid], network.neurons[nid].activation, order[nid]),
    )
    inputs = [nid for nid in ids if network.neurons[nid].is_input]
    ids = inputs + [nid for nid in ids if not network.neurons[nid].is_input]
    index = {nid: col for col, nid in enumerate(ids)}
    is_input = np.zeros(len(ids), dtype=bool)
    is_input[: len(inputs)] = True
    is_input.flags.writeable = False
    others = [network.neurons[nid] for nid in ids[len(inputs) :]]
    compiled = Compiled(
        ids=tuple(ids),
        index=index,
        n_inputs=len(inputs),
        levels=[],
        hidden_columns=np.array(
            [index[n.id] for n in network if n.kind == "hidden"], dtype=np.intp
        ),
        input_values=np.array([network.neurons[n].value for n in inputs], dtype=np.float64),
        is_input=is_input,
        thresholds=np.array([_threshold(n) for n in others], dtype=np.float64),
        inclusive=np.array([_inclusive(n) for n in others], dtype=bool),
    )
    incoming: dict[str, list[Synapse]] = {nid: [] for nid in ids}
    for s in network.synapses.values():
        incoming[s.target].append(s)
    col = len(inputs)
    while col < len(ids):
        stop = col
        while stop < len(ids) and depth[ids[stop]] == depth[ids[col]]:
            stop += 1
        compiled.levels.append(_compile_level(network, compiled, incoming, col, stop))
        col = stop
    return compiled


def _inclusive(neuron: Neuron) -> bool:
    return get_activation(neuron.activation).firing.inclusive


def _threshold(neuron: Neuron) -> float:
    return float(get_activation(neuron.activation).firing_threshold(neuron.params))


def _compile_level(
    network: Network,
    compiled: Compiled,
    incoming: dict[str, list[Synapse]],
    start: int,
    stop: int,
) -> Level:
    ids, index, li = compiled.ids, compiled.index, len(compiled.levels)
    members = ids[start:stop]
    sources = [index[s.source] for nid in members for s in incoming[nid]]
    src_lo = min(sources, default=start)
    weights = np.zeros((start - src_lo, stop - start))
    bias = np.array([network.neurons[nid].bias for nid in members], dtype=np.float64)
    for j, nid in enumerate(members):
        compiled.bias_slot[nid] = (li, j)
        for s in incoming[nid]:
            weights[index[s.source] - src_lo, j] = s.weight
            compiled.weight_slot[s.key] = (li, index[s.source] - src_lo, j)
    groups: list[Group] = []
    j = 0
    while j < len(members):
        k = j
        name = network.neurons[members[j]].activation
        while k < len(members) and network.neurons[members[k]].activation == name:
            k += 1
        act = get_activation(name)
        params = {
            p.name: np.array(
                [network.neurons[m].params.get(p.name, p.default) for m in members[j:k]]
            )
            for p in act.params
        }
        for offset, nid in enumerate(members[j:k]):
            compiled.group_slot[nid] = (li, len(groups), offset)
        groups.append(Group(act, j, k, params))
        j = k
    # (not np.unique: its first call imports numpy.ma, 30 ms of the app's start)
    used = np.array(sorted({source - src_lo for source in sources}), dtype=np.intp)
    return Level(start, stop, src_lo, weights, bias, groups, used)


class Engine:
    """Keeps a :class:`Compiled` view of a network up to date and evaluates it.

    ``evaluate()`` gives every figure a lesson shows; ``forward()`` gives only the outputs y
    and is the fast path for decision surfaces (pass float32 inputs for display).
    """

    def __init__(self, network: Network) -> None:
        self.network = network
        self._compiled: Compiled | None = None
        #: how many times the network was compiled (a measure: edits should rarely cost one)
        self.compile_count = 0
        # Per dtype, each level's (weights, bias): float64 are the compiled arrays themselves,
        # float32 copies are made on first use and dropped when a weight or bias changes.
        self._cast: dict[np.dtype, list[tuple[np.ndarray, np.ndarray]]] = {}
        # Per dtype, the big-batch path's plans (engine_columns), dropped with the casts.
        self._plans: dict[np.dtype, tuple[list[columns.Plan], Callable[..., None] | None]] = {}
        network.neuron_added.connect(self._on_structure_changed)
        network.neuron_removed.connect(self._on_structure_changed)
        network.synapse_added.connect(self._on_structure_changed)
        network.synapse_removed.connect(self._on_structure_changed)
        network.neuron_changed.connect(self._on_neuron_changed)
        network.synapse_changed.connect(self._on_synapse_changed)
        network.parameters_changed.connect(self._on_parameters_changed)

    def detach(self) -> None:
        """Stop following the network (before dropping the engine)."""
        for signal, slot in (
            (self.network.neuron_added, self._on_structure_changed),
            (self.network.neuron_removed, self._on_structure_changed),
            (self.network.synapse_added, self._on_structure_changed),
            (self.network.synapse_removed, self._on_structure_changed),
            (self.network.neuron_changed, self._on_neuron_changed),
            (self.network.synapse_changed, self._on_synapse_changed),
            (self.network.parameters_changed, self._on_parameters_changed),
        ):
            signal.disconnect(slot)

    @property
    def compiled(self) -> Compiled:
        if self._compiled is None:
            self._compiled = compile_network(self.network)
            self.compile_count += 1
            self._drop_casts()
        return self._compiled

    @property
    def input_ids(self) -> tuple[str, ...]:
        c = self.compiled
        return c.ids[: c.n_inputs]

    # ----------------------------------------------------------- observers
    def _on_structure_changed(self, *_: object) -> None:
        self._compiled = None

    def _on_neuron_changed(self, neuron_id: str, field_name: str) -> None:
        c = self._compiled
        if c is None:
            return
        neuron = self.network.neurons[neuron_id]
        if field_name == "value":
            c.input_values[c.index[neuron_id]] = neuron.value
        elif field_name == "bias":
            li, j = c.bias_slot[neuron_id]
            c.levels[li].bias[j] = neuron.bias
            self._drop_casts()
        elif field_name == "params":
            li, gi, offset = c.group_slot[neuron_id]
            for name, values in c.levels[li].groups[gi].params.items():
                values[offset] = neuron.params[name]
            c.thresholds[c.index[neuron_id] - c.n_inputs] = _threshold(neuron)
        elif field_name == "activation":
            self._compiled = None

    def _on_parameters_changed(self) -> None:
        """Many weights and biases replaced at once: copy them all into the compiled arrays.

        A bulk change carries only weights and biases (``Network.set_parameters``), never
        structure, activations or parameters, so the compiled levels stay valid.
        """
        c = self._compiled
        if c is None:
            return
        synapses, neurons, levels = self.network.synapses, self.network.neurons, c.levels
        for key, (li, row, col) in c.weight_slot.items():
            levels[li].weights[row, col] = synapses[key].weight
        for nid, (li, j) in c.bias_slot.items():
            levels[li].bias[j] = neurons[nid].bias
        self._drop_casts()

    def _on_synapse_changed(self, key: SynapseKey, field_name: str) -> None:
        c = self._compiled
        if c is None or field_name != "weight":
            return
        li, row, col = c.weight_slot[key]
        c.levels[li].weights[row, col] = self.network.synapses[key].weight
        self._drop_casts()

    # ----------------------------------------------------------- evaluation
    def _drop_casts(self) -> None:
        self._cast.clear()
        self._plans.clear()

    def _level_plans(
        self, dtype: np.dtype
    ) -> tuple[list[columns.Plan], Callable[..., None] | None]:
        """The big-batch path's plans and, where a level's synapses are few beside its
        dense product, the compiled kernel that sums them (None without numba)."""
        if dtype not in self._plans:
            levels = self.compiled.levels
            wanted = any(columns.sparse_pays(level) for level in levels)
            kernel = columns.sparse_kernel() if wanted else None
            plans = columns.plan_levels(levels, dtype, sparse=kernel is not None)
            self._plans[dtype] = (plans, kernel)
        return self._plans[dtype]

    def _level_arrays(self, dtype: np.dtype) -> list[tuple[np.ndarray, np.ndarray]]:
        c = self.compiled
        if dtype not in self._cast:
            if dtype == np.float64:
                self._cast[dtype] = [(lv.weights, lv.bias) for lv in c.levels]
            else:
                self._cast[dtype] = [
                    (lv.weights.astype(dtype), lv.bias.astype(dtype)) for lv in c.levels
                ]
        return self._cast[dtype]

    def _inputs(self, inputs: np.ndarray | None, dtype: np.dtype) -> np.ndarray:
        c = self.compiled
        if inputs is None:
            return c.input_values.astype(dtype, copy=False)[None, :]
        x = np.asarray(inputs, dtype=dtype)
        if x.ndim == 1:
            x = x[None, :]
        if x.ndim != 2:
            raise ValueError(f"expected a row or a (batch, inputs) array, got shape {x.shape}")
        if x.shape[1] != c.n_inputs:
            raise ValueError(f"expected {c.n_inputs} input columns, got {x.shape[1]}")
        return x

    def _run(self, x: np.ndarray, keep_z: bool) -> tuple[np.ndarray, np.ndarray | None]:
        c = self.compiled
        if not keep_z and x.shape[0] >= columns.MIN_BATCH and c.levels:
            plans, kernel = self._level_plans(x.dtype)
            return columns.run_columns(c.levels, plans, x, len(c.ids), kernel), None
        batch, n, n_in = x.shape[0], len(c.ids), c.n_inputs
        y = np.empty((batch, n), dtype=x.dtype)
        y[:, :n_in] = x
        z_all = None
        if keep_z:
            z_all = np.empty((batch, n), dtype=x.dtype)
            z_all[:, :n_in] = np.nan
        for level, (w, b) in zip(c.levels, self._level_arrays(x.dtype), strict=True):
            start, stop = level.start, level.stop
            src = y[:, level.src_lo : start]
            if z_all is None:
                z = src @ w
            else:  # write straight into the kept z, saving a copy per level
                z = z_all[:, start:stop]
                np.matmul(src, w, out=z)
            z += b
            groups = level.groups
            if len(groups) == 1:  # the common case: one activation for the whole level
                y[:, start:stop] = groups[0].activation.f(z, groups[0].params)
                continue
            for g in groups:
                y[:, start + g.lo : start + g.hi] = g.activation.f(z[:, g.lo : g.hi], g.params)
        return y, z_all

    def forward(self, inputs: np.ndarray | None = None) -> np.ndarray:
        """Outputs y of every column for a batch of input rows (order: :attr:`input_ids`)."""
        # float32 stays float32 (fast display path); anything else (ints, lists) is float64.
        dtype = np.float32 if getattr(inputs, "dtype", None) == np.float32 else np.float64
        x = self._inputs(inputs, np.dtype(dtype))
        if dtype == np.float64:
            return self._run(x, keep_z=False)[0]
        # float32 ends at 3.4e38: a deep linear chain with big weights overflows it (inf, and
        # inf − inf = NaN) while float64 is still exact. Such grids are redone in float64 and
        # clipped to ±FLOAT32_MAX, so a display never sees NaN or inf, nor any warning.
        with np.errstate(all="ignore"):
            y = self._run(x, keep_z=False)[0]
            # max and min propagate NaN and show an inf: two reductions, no boolean copy
            if y.size == 0 or (np.isfinite(y.max()) and np.isfinite(y.min())):
                return y
            y64 = self._run(x.astype(np.float64), keep_z=False)[0]
            return np.clip(y64, -FLOAT32_MAX, FLOAT32_MAX).astype(np.float32)

    def evaluate(self, inputs: np.ndarray | None = None) -> Evaluation:
        """Every figure for a batch (float64); with no inputs, the network's own values."""
        c = self.compiled
        x = self._inputs(inputs, np.dtype(np.float64))
        y, z = self._run(x, keep_z=True)
        assert z is not None
        # One comparison for all columns instead of Activation.fired per group (same rule).
        fired = np.zeros(y.shape, dtype=bool)
        zn = z[:, c.n_inputs :]
        np.greater(zn, c.thresholds, out=fired[:, c.n_inputs :])
        if c.inclusive.any():
            fired[:, c.n_inputs :] |= c.inclusive & (zn == c.thresholds)
        silent = activity.silent(y)
        active = activity.share(~silent, c.hidden_columns)
        fired_share = activity.share(fired, c.hidden_columns)
        return Evaluation(c.ids, c.index, z, y, fired, silent, c.is_input, active, fired_share)
