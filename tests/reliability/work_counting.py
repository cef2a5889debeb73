"""Counting work instead of timing it: a verdict that must not depend on the machine.

A test that guards against a quadratic blow-up or an endless loop counts what the code
does — Python function calls, the builtins they call, comparisons — and compares the count
for n and 4n items, or with a bound. The same code gives the same count on a quiet laptop
and on a busy CI machine; the time it takes belongs in ``benchmarks/reliability.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

#: calls + builtin calls any single small fuzzed input may cost: a valid example file costs
#: about 1,600; this is 600 times that, so only an endless loop or a blow-up gets near it
WORK_LIMIT = 1_000_000


class WorkLimitExceeded(BaseException):
    """Raised inside the counted code once it has made more calls than its limit, so an
    endless loop fails the test instead of hanging it. A BaseException: no ``except
    Exception`` in the code under test swallows it."""


class Calls:
    """``with Calls(limit) as work: …``: ``work.count`` is the number of Python calls and
    builtin (C) calls made inside the block, by this thread (``sys.setprofile``)."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limit
        self.count = 0
        self._saved: Any = None

    def _profile(self, frame: Any, event: str, arg: Any) -> None:
        if event == "call" or event == "c_call":
            self.count += 1
            if self.limit is not None and self.count > self.limit:
                sys.setprofile(self._saved)
                raise WorkLimitExceeded(f"more than {self.limit:,} calls")

    def __enter__(self) -> Calls:
        self._saved = sys.getprofile()
        sys.setprofile(self._profile)
        return self

    def __exit__(self, *exc: object) -> None:
        sys.setprofile(self._saved)


def count_calls(call: Callable[[], Any], errors: tuple[type[BaseException], ...] = ()) -> int:
    """The calls ``call()`` makes; an exception of ``errors`` ends it like a return."""
    with Calls() as work:
        try:
            call()
        except errors:
            pass
    return work.count


class Counted(str):
    """A string that counts how often it is hashed and compared for equality (class-wide).

    Python's C code calls these methods too: ``x in a_set`` hashes x once, while
    ``a_list.count(x)`` or ``x in a_list`` compares x with every item. Feeding names of this
    type to a duplicate check shows, without a clock, whether it is linear."""

    hashes = 0
    compares = 0

    def __hash__(self) -> int:
        Counted.hashes += 1
        return str.__hash__(self)

    def __eq__(self, other: object) -> bool:
        Counted.compares += 1
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        Counted.compares += 1
        return str.__ne__(self, other)

    @classmethod
    def reset(cls) -> None:
        cls.hashes = cls.compares = 0
