"""Training a network by gradient descent: the :class:`Trainer` and its epoch records.

The trainer reads the network once into one flat parameter vector (see
:mod:`neurosim.core.backprop`), trains that vector, and writes it back with a single
``Network.set_parameters`` call in :meth:`Trainer.write_back`. Frozen synapses and frozen
neurons' biases never change. Mini-batches run in a compiled loop when numba is there
(:mod:`neurosim.core.training_jit`), else in numpy; the results agree to rounding. No Qt.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from neurosim.core import activity, jit_warmup
from neurosim.core.backprop import Backprop
from neurosim.core.datasets import Dataset, accuracy
from neurosim.core.losses import LOSS_NAMES, LossError, loss_and_grad
from neurosim.core.model import Network, SynapseKey
from neurosim.core.optimizers import OPTIMIZER_NAMES, make_optimizer
from neurosim.core.training_setup import (
    TrainingDiverged,
    TrainingError,
    align_dataset,
    can_die,
    check_bce,
    embedded_dataset,
    init_weights,
    zero_gradient_reason,
)

if TYPE_CHECKING:
    from neurosim.core.training_jit import CompiledBatches

#: :attr:`Trainer.history` keeps the most recent records, at least this many
HISTORY_LIMIT = 10_000

__all__ = [
    "HISTORY_LIMIT",
    "EpochRecord",
    "Trainer",
    "TrainingDiverged",
    "TrainingError",
    "align_dataset",
    "compiled_ready",
    "embedded_dataset",
    "init_weights",
    "warm_up_compiled",
    "zero_gradient_reason",
]


@dataclass(frozen=True)
class EpochRecord:
    """Figures measured on the whole dataset with the parameters after epoch ``epoch``.

    - ``grad_norm_per_level[i]``: L2 norm of dL/d(weights and biases into level i), level i
      being the compiled level of the neurons at depth i + 1 (inputs are depth 0);
    - ``grad_norm_per_neuron[id]``: the same over one neuron's incoming weights and bias;
    - ``dead``: ReLU neurons (and leaky ReLU / ELU ones with α = 0) silent (|y| < 1e-9)
      for every sample, so their gradient is 0.
    """

    epoch: int
    loss: float
    accuracy: float | None  # classification datasets only
    grad_norm_per_level: list[float]
    grad_norm_per_neuron: dict[str, float]
    dead: list[str]


class Trainer:
    """Trains ``network`` on ``dataset``; one :meth:`step_epoch` call is one epoch.

    ``batch_size=None`` (or ≥ the number of rows) is full-batch gradient descent: exactly
    one step per epoch. Smaller batches visit the rows in an order shuffled every epoch by
    a generator seeded with ``seed``. ``momentum`` is the "momentum" optimizer's mu.
    ``compiled``: None runs mini-batches compiled when it can (see :mod:`neurosim.core.jit`),
    False always in numpy, True compiled or a TrainingError saying why not.
    Raises TrainingError for a network or dataset that cannot be trained.

    The network is read once, here: after editing it elsewhere, make a new Trainer.
    """

    def __init__(
        self,
        network: Network,
        dataset: Dataset,
        loss: str = "mse",
        optimizer: str = "sgd",
        lr: float = 0.1,
        batch_size: int | None = None,
        seed: int = 0,
        momentum: float = 0.9,
        compiled: bool | None = None,
    ) -> None:
        if loss not in LOSS_NAMES:
            raise TrainingError(f"unknown loss {loss!r}; known: {', '.join(LOSS_NAMES)}")
        if optimizer not in OPTIMIZER_NAMES:
            raise TrainingError(
                f"unknown optimizer {optimizer!r}; known: {', '.join(OPTIMIZER_NAMES)}"
            )
        outputs = [n.id for n in network.of_kind("output")]
        if not outputs:
            raise TrainingError(
                "the network has no output neurons, so there is nothing to "
                "compare with the targets; make at least one neuron an output"
            )
        x, t = align_dataset(network, dataset)
        if loss == "bce":
            check_bce(network, outputs, t)
        self.network, self.dataset, self.loss_name = network, dataset, loss
        self.bp = bp = Backprop(network, outputs)
        inputs = [n.id for n in network.of_kind("input")]
        # Samples are columns from here on (see backprop), in the compiled row order.
        self._x = np.ascontiguousarray(x[:, [inputs.index(i) for i in bp.input_ids]].T)
        self._t = np.ascontiguousarray(t[:, [outputs.index(o) for o in bp.output_ids]].T)
        rows = len(dataset)
        self.batch_size = rows if batch_size is None else _batch(batch_size, rows)
        try:
            kw = {"mu": momentum} if optimizer == "momentum" else {}
            self.optimizer = make_optimizer(optimizer, bp.size, lr, bp.trainable, **kw)
        except ValueError as exc:
            raise TrainingError(str(exc)) from None
        self._sgd = optimizer == "sgd"
        self._rng = np.random.default_rng(_seed(seed))
        self._allocate(rows, len(outputs))
        self.lr = lr
        self._relu_rows = [
            (neuron.id, bp.row[neuron.id])
            for neuron in network
            if not neuron.is_input and can_die(neuron)
        ]
        self.epoch = 0
        self.history: list[EpochRecord] = []
        self._kernel = self._compiled_batches(compiled)

    def _allocate(self, rows: int, outputs: int) -> None:
        """Workspaces for the whole set, the batch size and the last (shorter) batch."""
        bp = self.bp
        self._full = bp.workspace(rows)
        sizes = {self.batch_size, rows % self.batch_size or self.batch_size}
        self._ws = {b: (self._full if b == rows else bp.workspace(b)) for b in sizes}
        self._scale = {b: np.full((outputs, b), 2.0 / (b * outputs)) for b in sizes}  # mse
        self._xs, self._ts = np.empty_like(self._x), np.empty_like(self._t)
        self._tmp = np.zeros(bp.size)
        self._lr_mask = np.zeros(bp.size)
        self._before = np.zeros(bp.size)  # the parameters when the epoch began
        self._pos: int | None = None  # next shuffled row of an epoch in progress
        self._grad_valid = False  # bp.grad holds the full-data gradient at the current params

    def _compiled_batches(self, wanted: bool | None) -> CompiledBatches | None:
        """The compiled mini-batch loop, or None for the numpy one (full batches are one
        vectorised step: nothing to compile)."""
        if wanted is False or self.batch_size == self._x.shape[1]:
            return None
        jit_warmup.wait_for_child()
        from neurosim.core import training_jit  # imports numba: only once a trainer needs it

        reason = training_jit.warm_up()
        if reason is None and not training_jit.supports(self.bp):
            reason = "an activation in this network has no compiled form"
        if reason is None:
            return training_jit.CompiledBatches(
                self.bp,
                self.optimizer,
                self.loss_name,
                self.batch_size,
                self._xs,
                self._ts,
                self._lr_mask,
            )
        if wanted:
            raise TrainingError(f"compiled training is not available: {reason}")
        return None

    # ------------------------------------------------------------------ public API
    @property
    def compiled(self) -> bool:
        """True when mini-batches run in the compiled loop (numba), False for numpy; both
        give the same parameters (to rounding, ~1e-15)."""
        return self._kernel is not None

    @property
    def params(self) -> np.ndarray:
        """The flat parameter vector (read-only view); see :mod:`neurosim.core.backprop`."""
        view = self.bp.params.view()
        view.setflags(write=False)
        return view

    @property
    def weight_index(self) -> dict[SynapseKey, int]:
        return self.bp.weight_index

    @property
    def bias_index(self) -> dict[str, int]:
        return self.bp.bias_index

    @property
    def lr(self) -> float:
        return self.optimizer.lr

    @lr.setter
    def lr(self, value: float) -> None:
        try:
            self.optimizer.lr = value
        except ValueError as exc:
            raise TrainingError(str(exc)) from None
        np.multiply(self.bp.trainable, self.optimizer.lr, out=self._lr_mask)

    def zero_gradient_reason(self) -> str | None:
        """Why training cannot change anything in this network, or None when it can."""
        return zero_gradient_reason(self.network)

    def gradient(self) -> np.ndarray:
        """dL/d(params) over the whole dataset at the current parameters, 0 at the
        structural entries (pairs without a synapse)."""
        with np.errstate(all="ignore"), _as_training_error():
            self._full_pass()
        return np.where(self.bp.exists, self.bp.grad, 0.0)

    def measure(self) -> EpochRecord:
        """The figures of the current parameters, without training (not added to history)."""
        with np.errstate(all="ignore"), _as_training_error():
            return self._record(self.epoch)

    @property
    def in_epoch(self) -> bool:
        """True between an :meth:`advance` that stopped mid-epoch and the epoch's end."""
        return self._pos is not None

    def step_epoch(self) -> EpochRecord:
        """Train one epoch (or the rest of one :meth:`advance` began) and return its record,
        also appended to :attr:`history`, which keeps the latest :data:`HISTORY_LIMIT` to
        1.25 × HISTORY_LIMIT records.

        If training diverges (a non-finite loss, gradient or parameter) the parameters are
        put back as they were before the epoch and TrainingError says so.
        """
        record = self.advance()
        assert record is not None
        return record

    def advance(self, deadline: float = math.inf) -> EpochRecord | None:
        """Train mini-batches until the epoch ends or ``time.perf_counter()`` passes
        ``deadline`` (checked after each batch, so at least one runs): the epoch's record
        when it ended, else None — call again to go on with the same epoch. This keeps a
        caller with a time budget (the GUI) responsive however long an epoch takes.
        Divergence is handled as in :meth:`step_epoch`.
        """
        if self._pos is None:
            np.copyto(self._before, self.bp.params)
            self._begin_epoch()
        try:
            with np.errstate(all="ignore"):  # divergence is detected below, once per call
                ended = self._train(deadline)
                record = self._record(self.epoch + 1) if ended else None
                if not math.isfinite(float(np.dot(self.bp.params, self.bp.params))):
                    raise ValueError(
                        "a weight or bias is no longer a finite number — "
                        "training diverged; try a lower learning rate"
                    )
        except ValueError as exc:
            np.copyto(self.bp.params, self._before)
            self.optimizer.reset()
            self._grad_valid = False
            self._pos = None
            raise TrainingDiverged(f"epoch {self.epoch + 1}: {exc}") from None
        if record is None:
            return None
        self._pos = None
        self.epoch += 1
        self.history.append(record)
        if len(self.history) > HISTORY_LIMIT + HISTORY_LIMIT // 4:
            # ~700 bytes a record: unbounded, a long run grew by 70 MB per 100,000 epochs.
            # Trimmed in chunks so appending stays O(1) on average.
            del self.history[: len(self.history) - HISTORY_LIMIT]
        return record

    def parameters(self) -> tuple[dict[SynapseKey, float], dict[str, float]]:
        """The trained weights and biases, as ``Network.set_parameters`` takes them."""
        p = self.bp.params
        return (
            {key: float(p[i]) for key, i in self.bp.weight_index.items()},
            {nid: float(p[i]) for nid, i in self.bp.bias_index.items()},
        )

    def write_back(self) -> None:
        """Put the trained parameters into the network (one ``set_parameters`` call)."""
        self.network.set_parameters(*self.parameters())

    # ------------------------------------------------------------------ internals
    def _begin_epoch(self) -> None:
        """Start an epoch: mini-batches get the rows in a new shuffled order."""
        self._pos = 0
        n = self._x.shape[1]
        if self.batch_size < n:
            order = self._rng.permutation(n)
            np.take(self._x, order, axis=1, out=self._xs)
            np.take(self._t, order, axis=1, out=self._ts)

    def _train(self, deadline: float) -> bool:
        """Batches from row ``_pos`` on until the epoch ends (True) or the deadline passes."""
        n, size = self._x.shape[1], self.batch_size
        if size == n:
            if not self._grad_valid:
                self._full_pass()
            self._update()
            return True
        assert self._pos is not None
        tail = n % size
        if self._pos < n - tail:
            self._pos = self._run_batches(size, self._pos, n - tail, deadline)
            if self._pos < n - tail:
                return False
        if tail:
            self._run_batches(tail, n - tail, n, math.inf)
        self._grad_valid = False
        return True

    def _run_batches(self, size: int, start: int, stop: int, deadline: float) -> int:
        """One SGD step per batch of ``size`` shuffled rows from ``start`` to ``stop``;
        returns where it stopped (``stop``, or earlier once ``deadline`` passed).

        This is the hot path: compiled, one call for all the batches (a few with a
        deadline); else everything is bound to locals, each batch is ~25 numpy calls."""
        if self._kernel is not None:
            return self._kernel.run(start, stop, size, deadline)
        ws = self._ws[size]
        x, yout, gout, fwd, bwd = ws.x, ws.yout, ws.gout, ws.forward_ops, ws.backward_ops
        xs, ts, scale, update = self._xs, self._ts, self._scale[size], self._update
        copyto, subtract, multiply = np.copyto, np.subtract, np.multiply
        mse = self.loss_name == "mse"
        timed, clock = deadline != math.inf, time.perf_counter
        for lo in range(start, stop, size):
            hi = lo + size
            copyto(x, xs[:, lo:hi])
            for op in fwd:
                op()
            if mse:  # dL/dy = 2(y − t)/(batch·outputs)
                subtract(yout, ts[:, lo:hi], gout)
                multiply(gout, scale, gout)
            else:
                gout[...] = loss_and_grad("bce", yout.T, ts[:, lo:hi].T)[1].T
            for op in bwd:
                op()
            update()
            if timed and clock() >= deadline:
                return hi
        return stop

    def _update(self) -> None:
        bp = self.bp
        if self._sgd:
            # Optimizer.step's checks cost half a mini-batch; this masked update is the
            # same arithmetic, and divergence is caught once per epoch instead.
            np.multiply(bp.grad, self._lr_mask, self._tmp)
            np.subtract(bp.params, self._tmp, bp.params)
        else:
            self.optimizer.step(bp.params, bp.grad)
        self._grad_valid = False

    def _full_pass(self) -> float:
        """Forward and backward over every row; bp.grad becomes the full-data gradient.
        Returns the loss; raises LossError when the outputs are not finite."""
        ws, t = self._full, self._t
        np.copyto(ws.x, self._x)
        for op in ws.forward_ops:
            op()
        if self.loss_name == "mse":
            np.subtract(ws.yout, t, ws.gout)
            flat = ws.gout.reshape(-1)
            loss = float(np.dot(flat, flat)) / flat.size
            if not math.isfinite(loss):  # let the loss module word the problem
                loss_and_grad("mse", ws.yout.T, t.T, self.bp.output_ids)
                raise LossError(
                    "the loss overflowed — training diverged; try a lower learning rate"
                )
            ws.gout *= 2.0 / flat.size
        else:
            loss, g = loss_and_grad(self.loss_name, ws.yout.T, t.T, self.bp.output_ids)
            np.copyto(ws.gout, g.T)
        for op in ws.backward_ops:
            op()
        self._grad_valid = True
        return loss

    def _record(self, epoch: int) -> EpochRecord:
        loss = self._full_pass()
        acc = None
        if self.dataset.task == "classification":
            acc = accuracy(self._full.yout.T, self._t.T)
        levels, neurons = self.bp.gradient_norms(self.bp.grad)
        y = self._full.y
        dead = [nid for nid, r in self._relu_rows if not activity.active(y[r]).any()]
        return EpochRecord(epoch, loss, acc, levels, neurons, dead)


def warm_up_compiled(background: bool = True, delay_s: float = 0.0) -> None:
    """Get the compiled training loop ready ahead of the first Trainer (see
    :func:`neurosim.core.jit_warmup.warm_up`; ``background`` for a GUI)."""
    jit_warmup.warm_up(background, delay_s)


def compiled_ready() -> bool:
    """True once the compiled loop is loaded in this process: a Trainer then starts at once
    (a GUI that must not wait builds ``compiled=False`` trainers until then)."""
    return jit_warmup.ready()


@contextmanager
def _as_training_error() -> Iterator[None]:
    """A LossError (e.g. the network's outputs are not finite) as a TrainingError."""
    try:
        yield
    except LossError as exc:
        raise TrainingError(str(exc)) from None


def _batch(value: object, n: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise TrainingError(f"batch size must be a whole number ≥ 1, got {value!r}")
    return min(int(value), n)


def _seed(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
        raise TrainingError(f"seed must be a whole number ≥ 0, got {value!r}")
    return int(value)
