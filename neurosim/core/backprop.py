"""Exact gradients by backpropagation over the compiled levels, on one flat parameter vector.

Layout. Activations are held transposed — one row per neuron, one column per sample — so each
level's neurons are a contiguous block of rows. Every segment of rows (the inputs, then each
level) is closed by a row of ones. A level reads the contiguous rows from the first segment
it takes input from up to the ones row just before itself, so its bias is one more weight (on
that ones row) and its net input is a single product z = W @ Y[lo:hi]. The weights of every
level are views into ONE flat float64 vector, :attr:`Backprop.params`: level blocks in order,
each of shape (neurons, rows read), row-major; a neuron's bias is the last entry of its row.
:attr:`Backprop.weight_index` and :attr:`Backprop.bias_index` map synapses and neurons to
their entry. Entries for pairs without a synapse are structural zeros (``exists`` False).

Passes. A :class:`Workspace` owns every buffer for one batch size and two lists of prebuilt
numpy calls (partials with positional ``out`` arguments): one pass over a mini-batch is ~25
numpy calls and allocates nothing, however many samples or neurons it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np

from neurosim.core.engine import Compiled, Group, compile_network
from neurosim.core.model import Network, SynapseKey

Op = Callable[[], object]


@dataclass
class LevelLayout:
    """Where one compiled level lives in the row buffers and in the flat parameters."""

    ids: tuple[str, ...]
    rows: slice  # its neurons' rows in Y / dY
    zrows: slice  # its neurons' rows in Z / dZ (non-input neurons only)
    lo: int  # rows [lo, hi) of Y feed it; row hi - 1 is the ones row (bias)
    hi: int
    block: slice  # its weight block in the flat vector, shape (len(ids), hi - lo)
    groups: list[Group]
    readers: list[int]  # later levels with a synapse from this one
    outputs: list[int]  # positions (within the level) of output neurons, by row


class Backprop:
    """A network's trainable parameters as one flat vector, and batch workspaces over it.

    ``output_ids`` are sorted into row order as :attr:`output_ids`; targets passed to a
    workspace must follow that order (one row per output, one column per sample).
    """

    def __init__(self, network: Network, output_ids: Sequence[str]) -> None:
        c = compile_network(network)
        n_in = c.n_inputs
        self.input_ids: tuple[str, ...] = c.ids[:n_in]
        self.n_rows = len(c.ids) + len(c.levels) + 1
        self.n_hidden = len(c.ids) - n_in  # every non-input neuron, for Z / dZ
        #: Y row of every neuron: inputs, a ones row, level 0, a ones row, level 1, …
        self.row = {nid: col for col, nid in enumerate(self.input_ids)}
        for li, lv in enumerate(c.levels):
            self.row.update({c.ids[col]: col + li + 1 for col in range(lv.start, lv.stop)})
        self.ones_rows = [n_in] + [lv.stop + li + 1 for li, lv in enumerate(c.levels)]
        self.output_ids: tuple[str, ...] = tuple(sorted(output_ids, key=self.row.__getitem__))
        incoming: dict[str, list] = {nid: [] for nid in c.ids}
        for s in network.synapses.values():
            incoming[s.target].append(s)
        self.levels = self._lay_out(c, incoming, set(output_ids))
        size = self.levels[-1].block.stop if self.levels else 0
        self.params = np.zeros(size)
        self.grad = np.zeros(size)
        self.exists = np.zeros(size, dtype=bool)  # False: no synapse there (structural 0)
        self.trainable = np.zeros(size, dtype=bool)  # exists and not frozen
        self.weight_index: dict[SynapseKey, int] = {}
        self.bias_index: dict[str, int] = {}
        for lay in self.levels:
            width = lay.hi - lay.lo
            for j, nid in enumerate(lay.ids):
                first = lay.block.start + j * width
                neuron = network.neurons[nid]
                self.bias_index[nid] = first + width - 1
                self._set(first + width - 1, neuron.bias, not neuron.frozen)
                for s in incoming[nid]:
                    self.weight_index[s.key] = first + self.row[s.source] - lay.lo
                    self._set(self.weight_index[s.key], s.weight, not s.frozen)
        self.connected = self._connected()
        # Each neuron's weights and bias are one contiguous run of the flat vector.
        self._neuron_order = [nid for lay in self.levels for nid in lay.ids]
        self._neuron_starts = np.array(
            [
                lay.block.start + j * (lay.hi - lay.lo)
                for lay in self.levels
                for j in range(len(lay.ids))
            ],
            dtype=np.intp,
        )
        self._level_starts = np.cumsum([0] + [len(lay.ids) for lay in self.levels[:-1]])

    def _lay_out(
        self, c: Compiled, incoming: dict[str, list], outputs: set[str]
    ) -> list[LevelLayout]:
        first_row = [0] + [lv.start + li + 1 for li, lv in enumerate(c.levels)]  # per segment
        segment = {nid: 0 for nid in self.input_ids}
        for li, lv in enumerate(c.levels):
            segment.update({nid: li + 1 for nid in c.ids[lv.start : lv.stop]})
        readers: dict[int, set[int]] = {li: set() for li in range(len(c.levels))}
        for synapses in incoming.values():
            for s in synapses:
                if segment[s.source]:
                    readers[segment[s.source] - 1].add(segment[s.target] - 1)
        levels, offset = [], 0
        for li, lv in enumerate(c.levels):
            ids = c.ids[lv.start : lv.stop]
            sources = [segment[s.source] for nid in ids for s in incoming[nid]]
            hi = first_row[li + 1]
            lo = first_row[min(sources)] if sources else hi - 1  # at least the ones row
            size = len(ids) * (hi - lo)
            levels.append(
                LevelLayout(
                    ids,
                    slice(hi, hi + len(ids)),
                    slice(lv.start - c.n_inputs, lv.stop - c.n_inputs),
                    lo,
                    hi,
                    slice(offset, offset + size),
                    lv.groups,
                    sorted(readers[li]),
                    [j for j, nid in enumerate(ids) if nid in outputs],
                )
            )
            offset += size
        return levels

    def _set(self, i: int, value: float, trainable: bool) -> None:
        self.params[i] = value
        self.exists[i] = True
        self.trainable[i] = trainable

    def _connected(self) -> list[bool]:
        """Per level: can its dL/dz be non-zero (does it feed an output at all)?"""
        connected = [False] * len(self.levels)
        for li in reversed(range(len(self.levels))):
            lay = self.levels[li]
            connected[li] = bool(lay.outputs) or any(connected[m] for m in lay.readers)
        return connected

    @property
    def size(self) -> int:
        return self.params.size

    def weights(self, li: int) -> np.ndarray:
        """Level ``li``'s weight block, a view into :attr:`params`."""
        lay = self.levels[li]
        return self.params[lay.block].reshape(len(lay.ids), lay.hi - lay.lo)

    def gradient_block(self, li: int) -> np.ndarray:
        lay = self.levels[li]
        return self.grad[lay.block].reshape(len(lay.ids), lay.hi - lay.lo)

    def gradient_norms(self, grad: np.ndarray) -> tuple[list[float], dict[str, float]]:
        """L2 norms of ``grad`` over each level's and each neuron's incoming weights and bias
        (synapses that exist, frozen or not)."""
        squared = np.multiply(grad, self.exists)
        squared *= squared
        per_neuron = np.add.reduceat(squared, self._neuron_starts)
        per_level = np.sqrt(np.add.reduceat(per_neuron, self._level_starts))
        norms = np.sqrt(per_neuron).tolist()
        return per_level.tolist(), dict(zip(self._neuron_order, norms, strict=True))

    def workspace(self, batch: int) -> Workspace:
        return Workspace(self, batch)


class Workspace:
    """Buffers and prebuilt calls for batches of exactly ``batch`` samples.

    Use: copy inputs into :attr:`x` (one row per input, in ``input_ids`` order), run every
    call of :attr:`forward_ops`, write dL/dy of the outputs into :attr:`gout` (rows in
    ``output_ids`` order; :attr:`yout` holds their y), then run :attr:`backward_ops`: the
    shared :attr:`Backprop.grad` then holds dL/d(params) for that batch (entries without a
    synapse hold what that synapse's gradient would be: mask them with ``exists``).
    """

    def __init__(self, bp: Backprop, batch: int) -> None:
        self.bp, self.batch = bp, batch
        shape = (bp.n_rows, batch)
        self.y = np.zeros(shape)
        self.y[bp.ones_rows] = 1.0
        self.dy = np.zeros(shape)
        self.z = np.zeros((bp.n_hidden, batch))
        self.dz = np.zeros((bp.n_hidden, batch))
        self.x = self.y[: len(bp.input_ids)]
        self.forward_ops: list[Op] = []
        self.backward_ops: list[Op] = []
        out_rows = np.array([bp.row[o] for o in bp.output_ids], dtype=np.intp)
        contiguous = bool(out_rows.size > 0 and np.all(np.diff(out_rows) == 1))
        if contiguous:
            self.yout = self.y[out_rows[0] : out_rows[-1] + 1]
        else:
            self.yout = np.zeros((out_rows.size, batch))
        self._build_forward(out_rows, contiguous)
        self._build_backward(contiguous, out_rows)

    # ------------------------------------------------------------------ forward
    def _build_forward(self, out_rows: np.ndarray, contiguous: bool) -> None:
        bp, ops = self.bp, self.forward_ops
        for li, lay in enumerate(bp.levels):
            z = self.z[lay.zrows]
            ops.append(partial(np.dot, bp.weights(li), self.y[lay.lo : lay.hi], z))
            for g in lay.groups:
                zg = z[g.lo : g.hi]
                yg = self.y[lay.rows.start + g.lo : lay.rows.start + g.hi]
                ops.extend(_activation_ops(g, zg, yg))
        if not contiguous and out_rows.size:
            ops.append(partial(np.take, self.y, out_rows, 0, self.yout))

    # ----------------------------------------------------------------- backward
    def _build_backward(self, contiguous: bool, out_rows: np.ndarray) -> None:
        """Levels last to first: dL/dz = dL/dy·f′, the level's weight gradient, then
        dL/dy sent back to every row the level reads (one product, added to what later
        levels sent). A level's dL/dy is complete when its turn comes, as only later levels
        read it; outputs add the loss gradient."""
        bp, ops = self.bp, self.backward_ops
        self.gout = np.zeros((out_rows.size, self.batch))
        first_out = np.cumsum([0] + [len(lay.outputs) for lay in bp.levels])  # rows of gout
        covered = np.zeros(bp.n_rows, dtype=bool)  # rows a later level already sent dL/dy to
        stale = np.zeros(bp.n_rows, dtype=bool)  # rows only ever added to: clear each pass
        first_hidden = len(bp.input_ids) + 1  # nothing is sent back to the input rows
        for li in reversed(range(len(bp.levels))):
            if not bp.connected[li]:
                continue  # dL/dz stays 0 here: nothing this level computes reaches an output
            lay = bp.levels[li]
            dy, dz = self.dy[lay.rows], self.dz[lay.zrows]
            sent = bool(covered[lay.rows.start])  # ranges cover whole levels
            if lay.outputs and contiguous and not sent:
                self.gout = dy[lay.outputs[0] : lay.outputs[-1] + 1]  # dL/dy written in place
            elif lay.outputs:
                g = self.gout[first_out[li] : first_out[li + 1]]
                ops.append(partial(_place, dy, np.array(lay.outputs), g, sent))
            z, y = self.z[lay.zrows], self.y[lay.rows]
            for grp in lay.groups:
                part = slice(grp.lo, grp.hi)
                ops.extend(_derivative_ops(grp, z[part], y[part], dy[part], dz[part]))
            ops.append(partial(np.dot, dz, self.y[lay.lo : lay.hi].T, bp.gradient_block(li)))
            lo = max(lay.lo, first_hidden)
            if lo < lay.hi:
                w_t = bp.weights(li)[:, lo - lay.lo :].T
                target = self.dy[lo : lay.hi]
                if not covered[lo : lay.hi].any():
                    ops.append(partial(np.dot, w_t, dz, target))
                else:
                    tmp = np.zeros_like(target)
                    ops.append(partial(np.dot, w_t, dz, tmp))
                    ops.append(partial(np.add, target, tmp, target))
                    stale[lo : lay.hi] |= ~covered[lo : lay.hi]
                covered[lo : lay.hi] = True
        self._clear_first(stale)

    def _clear_first(self, stale: np.ndarray) -> None:
        """Zero the rows that are only ever added to before each backward pass."""
        edges = np.flatnonzero(np.diff(np.concatenate(([0], stale.astype(np.int8), [0]))))
        clears = [
            partial(self.dy[a:b].fill, 0.0) for a, b in zip(edges[::2], edges[1::2], strict=True)
        ]
        self.backward_ops[:0] = clears


def _place(dy: np.ndarray, where: np.ndarray, g: np.ndarray, add: bool) -> None:
    """Put the loss gradient of a level's outputs into its dL/dy rows (add to what later
    levels sent back when ``add``)."""
    if add:
        dy[where] += g
    else:
        dy[where] = g


# --------------------------------------------------------------- activation kernels
# Fast in-place forms for the common activations; the rest go through the registry.
# The derivatives of sigmoid, tanh and relu are taken from y, which the pass already has.


def _activation_ops(g: Group, z: np.ndarray, y: np.ndarray) -> list[Op]:
    name = g.activation.name
    if name == "tanh":
        return [partial(np.tanh, z, y)]
    if name == "sigmoid":
        # σ(z) = ½ + ½·tanh(z/2): no overflow for any z, absolute error below 1e-16.
        half = np.full_like(z, 0.5)
        return [
            partial(np.multiply, z, half, y),
            partial(np.tanh, y, y),
            partial(np.multiply, y, half, y),
            partial(np.add, y, half, y),
        ]
    if name == "relu":
        return [partial(np.maximum, z, np.zeros_like(z), out=y)]
    if name == "linear":
        return [partial(np.multiply, z, _filled(g, "slope", z), y)]
    params = {k: v[:, None] for k, v in g.params.items()}
    return [lambda: np.copyto(y, g.activation.f(z, params))]


def _derivative_ops(
    g: Group, z: np.ndarray, y: np.ndarray, dy: np.ndarray, dz: np.ndarray
) -> list[Op]:
    name = g.activation.name
    tmp = np.zeros_like(dy)
    if name == "tanh":  # dz = dy·(1 − y²) = dy − (dy·y)·y
        return [
            partial(np.multiply, dy, y, tmp),
            partial(np.multiply, tmp, y, tmp),
            partial(np.subtract, dy, tmp, dz),
        ]
    if name == "sigmoid":  # dz = dy·y·(1 − y) = dy·y − (dy·y)·y
        return [
            partial(np.multiply, dy, y, tmp),
            partial(np.multiply, tmp, y, dz),
            partial(np.subtract, tmp, dz, dz),
        ]
    if name == "relu":  # y ≥ 0, so sign(y) is 1 where z > 0 and 0 elsewhere (left slope at 0)
        return [partial(np.sign, y, tmp), partial(np.multiply, dy, tmp, dz)]
    if name == "linear":
        return [partial(np.multiply, dy, _filled(g, "slope", dy), dz)]
    if name == "step":
        return []  # step′ = 0 everywhere: dz keeps its zeros
    params = {k: v[:, None] for k, v in g.params.items()}
    return [lambda: np.multiply(dy, g.activation.df(z, params), dz)]


def _filled(g: Group, param: str, like: np.ndarray) -> np.ndarray:
    """A per-neuron parameter spread over the batch (same-shape operands are fastest)."""
    return np.repeat(g.params[param][:, None], like.shape[1], axis=1)
