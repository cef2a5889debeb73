"""numba, when it is installed and not turned off: the compiler of the training loop.

``NEUROSIM_JIT=0`` in the environment turns compiled training off (the numpy trainer runs
instead, with the same results); so does a missing or broken numba. numba is imported on
first need (~0.15 s), never by importing this module. Compiled functions are cached on
disk (``cache=True``): numba keeps them beside this package, or in the user's cache folder
when that is not writable, so only the first run on a machine compiles (~2.5 s); later
processes load them (~0.15 s). :func:`warm_up` does either ahead of time.
"""

from __future__ import annotations

import gc
import importlib.util
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: the environment variable that turns compiled training off with "0"
ENV = "NEUROSIM_JIT"
_loaded: list[Any] = []  # [numba module or None, why not] once looked for
_threads: list[threading.Thread] = []  # the background warm-up, once started
_lock = threading.Lock()
_no_child = threading.Event()  # cleared while a warm-up's child process compiles
_no_child.set()


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


def warm_up(background: bool = True, delay_s: float = 0.0) -> None:
    """Get the compiled training loop ready, so the first Trainer does not wait for it.

    ``background`` (for a GUI): once per process, a daemon thread waits ``delay_s``, lets a
    child process compile the loop into numba's disk cache if it is not there yet (compiling
    holds the interpreter lock for seconds; in the child it holds none of ours), then loads
    it here (~0.3 s, the event loop still running: gaps of 10–30 ms). Python's cyclic
    garbage collector is paused meanwhile, so this thread never destroys Qt objects that
    belong to the main thread. Without ``background`` it loads at once, here."""
    if not background:
        _load_here()
        return
    with _lock:
        if _threads:
            return
        thread = threading.Thread(target=_work, args=(delay_s,), name="neurosim-jit", daemon=True)
        _threads.append(thread)
    thread.start()


def ready() -> bool:
    """True once the compiled loop is loaded in this process (never imports numba)."""
    module = sys.modules.get("neurosim.core.training_jit")
    return module is not None and bool(module.ready())


def wait_for_child() -> None:
    """Wait while a warm-up's child process compiles (a Trainer does, rather than compile
    the loop a second time beside it)."""
    _no_child.wait()


def _work(delay_s: float) -> None:
    time.sleep(delay_s)
    if _worth_a_child():
        _no_child.clear()
        try:
            _compile_in_a_child()
        finally:
            _no_child.set()
    collecting = gc.isenabled()
    gc.disable()
    try:
        _load_here()
    finally:
        if collecting:
            gc.enable()


def _load_here() -> None:
    from neurosim.core import training_jit

    training_jit.warm_up()


def _worth_a_child() -> bool:
    if ready() or getattr(sys, "frozen", False):  # loaded already, or no interpreter to run
        return False
    return os.environ.get(ENV, "").strip() != "0" and importlib.util.find_spec("numba") is not None


def _compile_in_a_child() -> None:
    """Run :func:`neurosim.core.training_jit.warm_up` in a fresh interpreter; any failure is
    left for the in-process warm-up to meet and report."""
    package_parent = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([package_parent, *sys.path])}
    # Below the app's priority, so the window keeps the CPU it needs meanwhile.
    code = (
        "import os\n"
        "if hasattr(os, 'nice'):\n"
        "    os.nice(10)\n"
        "from neurosim.core.training_jit import warm_up\n"
        "warm_up()\n"
    )
    try:
        subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=300,
            check=False,
            creationflags=getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0),  # Windows
        )
    except (OSError, subprocess.SubprocessError):
        pass
