"""The trainer's mini-batch loop run by the compiled kernel (:mod:`neurosim.core.epoch_kernel`).

:class:`CompiledBatches` lays a :class:`~neurosim.core.backprop.Backprop` out as the
kernel's plan arrays, owns the batch buffers, and runs batches in as few calls as a
deadline allows. :func:`warm_up` compiles the kernel (the first run on a machine, ~2 s) or
loads it from numba's disk cache (~0.1 s), once per process. Importing this module imports
numba when it is there (see :mod:`neurosim.core.jit`). No Qt.
"""

from __future__ import annotations

import math
import threading
import time

import numpy as np

from neurosim.core import epoch_kernel as K
from neurosim.core.backprop import Backprop
from neurosim.core.builders import layered_network
from neurosim.core.jit import reason
from neurosim.core.losses import loss_and_grad
from neurosim.core.optimizers import DIVERGED, Optimizer, make_optimizer

_lock = threading.Lock()
_outcome: list[str | None] = []  # [why the kernel cannot run, or None] once tried


def supports(bp: Backprop) -> bool:
    """Can the kernel run this network (is every activation one it knows)?"""
    return all(g.activation.name in K.CODES for lay in bp.levels for g in lay.groups)


def warm_up() -> str | None:
    """Compile or load the kernel now (thread-safe, once per process): None when it runs,
    else why it cannot (numba missing or turned off, or compiling failed)."""
    with _lock:
        if not _outcome:
            _outcome.append(reason() or _try_kernel())
        return _outcome[0]


def ready() -> bool:
    """True once :func:`warm_up` has found the kernel running."""
    return bool(_outcome) and _outcome[0] is None


def _try_kernel() -> str | None:
    """One step of a 1-1 network through the kernel, with the argument types of every real
    call (one compiled signature serves all trainers)."""
    try:
        bp = Backprop(layered_network([1, 1], "linear"), ["y1"])
        opt = make_optimizer("sgd", bp.size, 0.1, bp.trainable)
        xs, ts = np.zeros((1, 2)), np.zeros((1, 2))
        CompiledBatches(bp, opt, "mse", 1, xs, ts, np.zeros(bp.size)).run(0, 2, 1)
    except Exception as exc:  # a numba that cannot compile here: train in numpy
        return f"compiling failed ({type(exc).__name__}: {exc})"
    return None


class CompiledBatches:
    """Mini-batch steps over the trainer's shuffled ``xs``/``ts`` (it refills them in place
    each epoch), updating ``bp.params``, ``bp.grad`` and the optimizer's state in place as
    the numpy loop does; ``lr_mask`` is the trainer's lr × trainable, kept current by it."""

    def __init__(
        self,
        bp: Backprop,
        optimizer: Optimizer,
        loss: str,
        batch: int,
        xs: np.ndarray,
        ts: np.ndarray,
        lr_mask: np.ndarray,
    ) -> None:
        self.bp, self.optimizer, self.loss = bp, optimizer, loss
        self.xs, self.ts, self.lr_mask = xs, ts, lr_mask
        self.y = np.zeros((bp.n_rows, batch))
        self.y[bp.ones_rows] = 1.0
        self.z = np.zeros((bp.n_hidden, batch))
        self.dy, self.dz = np.zeros_like(self.y), np.zeros_like(self.z)
        self.sent = np.zeros_like(self.y)
        self.out_rows = np.array([bp.row[o] for o in bp.output_ids], dtype=np.int64)
        self.g = np.zeros((self.out_rows.size, batch))
        first_hidden = len(bp.input_ids) + 1
        self.plan = np.array(
            [
                (lay.lo, lay.hi, lay.rows.start, len(lay.ids), lay.zrows.start)
                + (lay.block.start, int(bp.connected[li]), max(lay.lo, first_hidden))
                for li, lay in enumerate(bp.levels)
            ],
            dtype=np.int64,
        ).reshape(-1, 8)
        self.act = np.zeros(bp.n_hidden, dtype=np.int64)
        self.ap = np.zeros(bp.n_hidden)
        self.out_k = np.full(bp.n_hidden, -1, dtype=np.int64)
        output_number = {o: k for k, o in enumerate(bp.output_ids)}
        for lay in bp.levels:
            for grp in lay.groups:
                part = slice(lay.zrows.start + grp.lo, lay.zrows.start + grp.hi)
                name = grp.activation.name
                self.act[part] = K.CODES[name]
                if name in K.PARAM:
                    self.ap[part] = grp.params[K.PARAM[name]]
            for j, nid in enumerate(lay.ids):
                self.out_k[lay.zrows.start + j] = output_number.get(nid, -1)
        self.opt = K.OPTIMIZERS[optimizer.name]
        self.m, self.v = optimizer.moments()
        self.hyper = np.array(
            [
                optimizer.lr,
                getattr(optimizer, "mu", 0.0),
                getattr(optimizer, "beta1", 0.0),
                getattr(optimizer, "beta2", 0.0),
                getattr(optimizer, "eps", 0.0),
            ]
        )

    def run(self, start: int, stop: int, size: int, deadline: float = math.inf) -> int:
        """Steps on batches of ``size`` columns from ``start`` to ``stop``, or until
        ``time.perf_counter()`` passes ``deadline``: the first batch runs alone, then as many
        as the time left allows at the pace measured so far. Returns where it stopped.
        Raises ValueError (LossError for a bce output) when training diverged."""
        if deadline == math.inf:
            return self._call(start, stop, size)
        clock, at, count = time.perf_counter, start, 1
        while True:
            began = clock()
            at = self._call(at, min(stop, at + count * size), size)
            now = clock()
            if at >= stop or now >= deadline:
                return at
            pace = (now - began) / count
            count = max(1, min(4 * count, int((deadline - now) / pace) if pace > 0 else 4 * count))

    def _call(self, start: int, stop: int, size: int) -> int:
        opt = self.optimizer
        self.hyper[0] = opt.lr
        t = getattr(opt, "t", 0)
        status, at, t = K.run_batches(
            self.bp.params,
            self.bp.grad,
            self.y,
            self.z,
            self.dy,
            self.dz,
            self.sent,
            self.g,
            self.xs,
            self.ts,
            self.plan,
            self.act,
            self.ap,
            self.out_k,
            self.out_rows,
            self.opt,
            K.LOSSES[self.loss],
            self.hyper,
            opt.trainable,
            self.lr_mask,
            self.m,
            self.v,
            t,
            start,
            stop,
            size,
        )
        if self.opt == K.OPTIMIZERS["adam"]:
            opt.t = t  # type: ignore[attr-defined]
        if status == K.BAD_GRADIENT:
            raise ValueError(DIVERGED)
        if status == K.BAD_OUTPUT:  # let the loss module word it, as the numpy loop does
            y = self.y[self.out_rows, :size]
            loss_and_grad(self.loss, y.T, self.ts[:, at : at + size].T)
            raise ValueError("an output is not a finite number — training diverged")
        return int(at)
