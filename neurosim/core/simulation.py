"""A simulation clock: step t drives every sourced input, evaluates once and records the result.

Step t sets each input that has a signal source (see :mod:`neurosim.core.sources`) to the
source's value at t, evaluates the network once and appends the figures to fixed-size ring
buffers, so memory stays flat however long it runs. After :meth:`Simulation.reset` the
buffers hold the state at t = 0; after k steps they hold t = 0…k (the last ``window`` of them).

The inputs of a step are written together through one callback (``set_inputs``; by default
``Network.set_value`` for each): the values are announced like any other, so views and the
engine's compiled arrays follow, but no undo step is made — the clock is not an edit (the
window passes its document's live channel, ``Document.live_inputs``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from neurosim.core.engine import Engine, Evaluation
from neurosim.core.history import StepHistory
from neurosim.core.model import Network
from neurosim.core.sources import Source, as_source, value_at

DEFAULT_WINDOW = 500
MIN_WINDOW, MAX_WINDOW = 10, 100_000


class RingBuffer:
    """The last ``capacity`` rows appended; :meth:`data` gives them oldest first (a copy)."""

    def __init__(
        self, capacity: int, width: int | None = None, dtype: Any = np.float64, fill: Any = np.nan
    ) -> None:
        if capacity < 1:
            raise ValueError(f"a ring buffer holds at least one row, not {capacity}")
        shape = (capacity,) if width is None else (capacity, width)
        self._store = np.full(shape, fill, dtype=dtype)
        self._fill = fill
        self._head = 0  # where the next row goes
        self._count = 0

    @property
    def capacity(self) -> int:
        return self._store.shape[0]

    @property
    def width(self) -> int | None:
        return self._store.shape[1] if self._store.ndim == 2 else None

    def __len__(self) -> int:
        return self._count

    def append(self, row: Any) -> None:
        self._store[self._head] = row
        self._head = (self._head + 1) % self.capacity
        self._count = min(self._count + 1, self.capacity)

    def replace_last(self, row: Any) -> None:
        if not self._count:
            raise IndexError("the ring buffer is empty")
        self._store[(self._head - 1) % self.capacity] = row

    def last(self) -> Any:
        if not self._count:
            raise IndexError("the ring buffer is empty")
        return self._store[(self._head - 1) % self.capacity]

    def drop_last(self, n: int) -> None:
        """Forget the newest ``n`` rows (all of them if there are fewer)."""
        n = max(0, min(int(n), self._count))
        self._head = (self._head - n) % self.capacity
        self._count -= n

    def data(self) -> np.ndarray:
        start = (self._head - self._count) % self.capacity
        if start + self._count <= self.capacity:
            return self._store[start : start + self._count].copy()
        return np.concatenate((self._store[start:], self._store[: self._head]))

    def clear(self) -> None:
        self._head = self._count = 0
        self._store[...] = self._fill

    def resized(self, capacity: int, columns: Sequence[int | None] | None = None) -> RingBuffer:
        """A new buffer with the newest rows kept; ``columns`` picks (None: fills) columns."""
        width = self.width if columns is None else len(columns)
        out = RingBuffer(capacity, width, self._store.dtype, self._fill)
        rows = self.data()[-capacity:]
        if columns is not None:
            picked = np.full((len(rows), len(columns)), self._fill, dtype=self._store.dtype)
            for new, old in enumerate(columns):
                if old is not None:
                    picked[:, new] = rows[:, old]
            rows = picked
        out._store[: len(rows)] = rows
        out._count = len(rows)
        out._head = len(rows) % capacity
        return out


class Simulation:
    """Steps a network through time and keeps the recent history for plots.

    Buffers (oldest first through ``.data()``): ``times`` (step numbers), ``y`` (one column
    per neuron, order :attr:`ids`), ``fired`` (one column per non-input neuron, order
    :attr:`fired_ids`), ``active`` (fraction of hidden neurons active: output not 0) and
    ``fired_share`` (fraction of hidden neurons fired), both NaN without hidden neurons.
    """

    def __init__(
        self,
        network: Network,
        engine: Engine,
        window: int = DEFAULT_WINDOW,
        *,
        evaluate: Callable[[], Evaluation] | None = None,
        set_inputs: Callable[[dict[str, float]], None] | None = None,
    ) -> None:
        self.network = network
        self.engine = engine
        self._evaluate = evaluate or engine.evaluate
        self._set_inputs = set_inputs or self._set_each
        self._window = _check_window(window)
        self._sources: dict[str, tuple[object, Source | None]] = {}
        self.ids: tuple[str, ...] = ()
        self.index: dict[str, int] = {}
        self.fired_ids: tuple[str, ...] = ()
        self.t = 0
        self.evaluation: Evaluation | None = None
        # Every step since the reset (up to its bounds), for scrubbing back in time.
        self.history = StepHistory()
        for signal in (
            network.parameters_changed, network.synapse_changed, network.synapse_added,
            network.synapse_removed, network.neuron_added, network.neuron_removed,
        ):  # fmt: skip
            signal.connect(self._on_parameters_changed)
        network.neuron_changed.connect(self._on_neuron_changed)
        self._new_buffers()
        self.reset()

    # ------------------------------------------------------------------ the clock
    @property
    def window(self) -> int:
        return self._window

    def set_window(self, window: int) -> None:
        """Keep the last ``window`` steps (the newest history survives a change)."""
        self._window = _check_window(window)
        for name in ("times", "y", "fired", "active", "fired_share"):
            setattr(self, name, getattr(self, name).resized(self._window))

    def reset(self) -> Evaluation:
        """Back to t = 0: history cleared, sources at their start, the state recorded."""
        self.t = 0
        for buf in (self.times, self.y, self.fired, self.active, self.fired_share):
            buf.clear()
        self.history.clear()
        self.apply_sources(0)
        return self._record(self._evaluate())

    def step(self, n: int = 1) -> Evaluation:
        """Advance ``n`` steps, evaluating once per step; only the last uses ``evaluate``."""
        evaluation = self.evaluation
        for i in range(n):
            self.t += 1
            self.apply_sources(self.t)
            evaluation = self._record(self._evaluate() if i == n - 1 else self.engine.evaluate())
        assert evaluation is not None
        return evaluation

    def rewind(self, t: int) -> Evaluation:
        """Branch from step ``t`` of the past: every later step is forgotten and step t is
        evaluated again (with the network as it is now: the caller restored that moment)."""
        if not 0 <= t <= self.t:
            raise ValueError(f"step {t} is not in the past of step {self.t}")
        for buf in (self.times, self.y, self.fired, self.active, self.fired_share):
            buf.drop_last(self.t - t + 1)
        index = self.history.index_of(t)
        if index is None:
            self.history.clear()
        else:
            self.history.ring.truncate_after(index - 1)
        self.t = t
        self.apply_sources(t)
        return self._record(self._evaluate())

    def observe(self, evaluation: Evaluation) -> None:
        """The network changed between steps (a manual edit): the present sample follows it."""
        if evaluation is self.evaluation:
            return
        self._sync_columns(evaluation)
        self.evaluation = evaluation
        row = self._row(evaluation)
        self.y.replace_last(row[0])
        self.fired.replace_last(row[1])
        self.active.replace_last(row[2])
        self.fired_share.replace_last(row[3])
        if len(self.history.ring):  # the present snapshot follows the edit too
            self.history.ring.truncate_after(len(self.history.ring) - 2)
        self._record_history(evaluation)

    def apply_sources(self, t: int) -> int:
        """Set every sourced input to its value at step t; return how many were driven."""
        values = {}
        for nid in self.engine.input_ids:
            source = self.source_of(nid)
            if source is not None:
                values[nid] = value_at(source, t)
        if values:
            self._set_inputs(values)
        return len(values)

    def _set_each(self, values: dict[str, float]) -> None:
        for nid, value in values.items():
            self.network.set_value(nid, value)

    def source_of(self, neuron_id: str) -> Source | None:
        """The parsed source of an input (cached until its dict is replaced), None if manual."""
        raw = self.network.neurons[neuron_id].source
        cached = self._sources.get(neuron_id)
        if cached is None or cached[0] is not raw:
            cached = (raw, as_source(raw))
            self._sources[neuron_id] = cached
        return cached[1]

    # ------------------------------------------------------------------ history
    def trace(self, neuron_id: str) -> tuple[np.ndarray, np.ndarray]:
        """(steps, y) of one neuron over the window."""
        return self.times.data(), self.y.data()[:, self.index[neuron_id]]

    def _record(self, evaluation: Evaluation) -> Evaluation:
        self._sync_columns(evaluation)
        self.evaluation = evaluation
        y, fired, active, fired_share = self._row(evaluation)
        self.times.append(self.t)
        self.y.append(y)
        self.fired.append(fired)
        self.active.append(active)
        self.fired_share.append(fired_share)
        self._record_history(evaluation)
        return evaluation

    def _record_history(self, ev: Evaluation) -> None:
        self.history.record(self.t, ev.ids, ev.is_input, ev.y[0], ev.fired[0], self.network)

    def _on_parameters_changed(self, *_: object) -> None:
        self.history.parameters_changed()

    def _on_neuron_changed(self, _nid: str, field: str) -> None:
        # An input's value (every clock step sets them) is no parameter: re-reading every
        # weight for it cost ~1 ms a step at 10,000 synapses.
        if field == "bias":
            self.history.parameters_changed()

    @staticmethod
    def _row(ev: Evaluation) -> tuple[np.ndarray, np.ndarray, float, float]:
        n_inputs = int(ev.is_input.sum())
        active = np.nan if ev.active_fraction is None else float(ev.active_fraction[0])
        fired = np.nan if ev.fired_fraction is None else float(ev.fired_fraction[0])
        return ev.y[0], ev.fired[0, n_inputs:], active, fired

    def _new_buffers(self) -> None:
        self.times = RingBuffer(self._window, dtype=np.int64, fill=0)
        self.y = RingBuffer(self._window, len(self.ids))
        self.fired = RingBuffer(self._window, len(self.fired_ids), dtype=bool, fill=False)
        self.active = RingBuffer(self._window)
        self.fired_share = RingBuffer(self._window)

    def _sync_columns(self, ev: Evaluation) -> None:
        """After a structural edit, keep the history of the neurons that are still there."""
        if ev.ids is self.ids or ev.ids == self.ids:
            self.ids = ev.ids
            return
        fired_ids = tuple(nid for nid, inp in zip(ev.ids, ev.is_input, strict=True) if not inp)
        old_fired = {nid: i for i, nid in enumerate(self.fired_ids)}
        self.y = self.y.resized(self._window, [self.index.get(nid) for nid in ev.ids])
        self.fired = self.fired.resized(self._window, [old_fired.get(n) for n in fired_ids])
        self.ids, self.index, self.fired_ids = ev.ids, dict(ev.index), fired_ids


def _check_window(window: int) -> int:
    if (
        isinstance(window, bool)
        or not isinstance(window, (int, np.integer))
        or not MIN_WINDOW <= window <= MAX_WINDOW
    ):
        raise ValueError(
            f"the window is a whole number of steps from {MIN_WINDOW} to "
            f"{MAX_WINDOW}, not {window!r}"
        )
    return int(window)
