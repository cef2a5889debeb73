"""numba, when it is installed and not turned off: the compiler of the training loop.

``NEUROSIM_JIT=0`` in the environment turns compiled training off (the numpy trainer runs
instead, with the same results); so does a missing or broken numba. numba is imported on
first need (~0.15 s), never by importing this module. Compiled functions are cached on
disk (``cache=True``): numba keeps them beside this package, or in the user's cache folder
when that is not writable, so only the first run on a machine compiles (~2.5 s); later
processes load them (~0.15 s). :mod:`neurosim.core.jit_warmup` does either ahead of time.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: the environment variable that turns compiled training off with "0"
ENV = "NEUROSIM_JIT"
_loaded: list[Any] = []  # [numba module or None, why not] once looked for


def _load() -> tuple[Any, str | None]:
    if not _loaded:
        if os.environ.get(ENV, "").strip() == "0":
            _loaded[:] = [None, f"turned off by {ENV}=0"]
        else:
            try:
                import numba
            except Exception as exc:  # not installed, or a numba that does not fit this numpy
                _loaded[:] = [None, f"numba cannot be imported ({type(exc).__name__}: {exc})"]
            else:
                _loaded[:] = [numba, None]
    return _loaded[0], _loaded[1]


def reason() -> str | None:
    """None when numba can compile the training loop, else why not (imports numba)."""
    return _load()[1]


def njit(fn: F) -> F:
    """Compile ``fn`` with numba (nopython, on first call, cached on disk when numba finds a
    writable place); without numba, ``fn`` itself."""
    numba = _load()[0]
    if numba is None:
        return fn
    try:
        compiled: F = numba.njit(cache=True)(fn)
    except RuntimeError:  # no cache folder (e.g. a frozen app): compile in each process
        compiled = numba.njit(fn)
    return compiled
