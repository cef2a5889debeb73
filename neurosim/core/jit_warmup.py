"""Getting the compiled training loop ready ahead of its first use (for the GUI): compiled
once into numba's disk cache by a child process, then loaded in a background thread."""

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

from neurosim.core.jit import ENV

_threads: list[threading.Thread] = []  # the background warm-up, once started
_lock = threading.Lock()
_no_child = threading.Event()  # cleared while a warm-up's child process compiles
_no_child.set()
#: who runs a call at a moment the user is idle (see :func:`when_idle`)
_handover: list[Callable[[Callable[[], None]], None]] = []


def when_idle(handover: Callable[[Callable[[], None]], None]) -> None:
    """Hand the background warm-up's two costly moments to ``handover`` (a GUI's: it makes
    the call it is handed on its own thread when the user is idle):

    - the load itself holds the interpreter lock for ~0.3 s: it waits for the go-ahead;
    - it leaves ~700 objects of numba's compiler in cyclic garbage, which cost ~25 ms to
      free at whatever collection meets them first: the collector stays off until the call
      that turns it back on (and collects).

    Neither waits longer than HANDOVER_LIMIT_S."""
    _handover[:] = [handover]


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
    # While the warm-up thread is still importing it, the module is in sys.modules but
    # not yet filled in: not ready (Train pressed just then must not fail).
    check = getattr(module, "ready", None)
    return callable(check) and bool(check())


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
    _wait_for_idle()
    collecting = gc.isenabled()
    gc.disable()
    try:
        _load_here()
    finally:
        if collecting:
            _collect_again()


#: the collector is back on after this long even if nobody took the hand-over
HANDOVER_LIMIT_S = 10.0


def _wait_for_idle() -> None:
    if not _handover:
        return
    go = threading.Event()
    try:
        _handover[0](go.set)
    except Exception:  # the receiver is gone (its application closed)
        return
    go.wait(HANDOVER_LIMIT_S)


def _collect_again() -> None:
    if not _handover:
        gc.enable()
        return
    fallback = threading.Timer(HANDOVER_LIMIT_S, gc.enable)  # on only, no collection here
    fallback.daemon = True
    fallback.start()
    try:
        _handover[0](_enable_and_collect)
    except Exception:  # the receiver is gone (its application closed): on at once
        gc.enable()


def _enable_and_collect() -> None:
    gc.enable()
    gc.collect(0)  # what was made while the collector was off is all still in generation 0


def _load_here() -> None:
    from neurosim.core import training_jit

    training_jit.warm_up()


def _worth_a_child() -> bool:
    if ready() or getattr(sys, "frozen", False):  # loaded already, or no interpreter to run
        return False
    return os.environ.get(ENV, "").strip() != "0" and importlib.util.find_spec("numba") is not None


def _compile_in_a_child() -> None:
    """Run :func:`neurosim.core.training_jit.warm_up` (and the engine's
    :func:`neurosim.core.sparse_kernel.warm_up`) in a fresh interpreter; any failure is left
    for the in-process warm-up to meet and report."""
    package_parent = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([package_parent, *sys.path])}
    # Below the app's priority, so the window keeps the CPU it needs meanwhile.
    code = (
        "import os\n"
        "if hasattr(os, 'nice'):\n"
        "    os.nice(10)\n"
        "from neurosim.core.training_jit import warm_up\n"
        "warm_up()\n"
        "from neurosim.core import sparse_kernel\n"  # the engine's, for big sparse grids
        "sparse_kernel.warm_up()\n"
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
