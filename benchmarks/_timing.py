"""Timing shared by the benchmarks: best of several runs, wall clock, each from the same state."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import time
from collections.abc import Callable

__all__ = ["best"]


def _trimmer() -> Callable[[], object]:
    """glibc's ``malloc_trim(0)``, or nothing where there is none."""
    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        trim = None
    return (lambda: trim(0)) if trim is not None else (lambda: None)


_trim = _trimmer()


def _settle() -> None:
    """Start a run from the same state whatever ran before it.

    Garbage collected, and the memory freed handed back to the system: a reader run right after
    another that parsed and freed a large tree inherits a fragmented heap and parses up to 15 %
    slower, which would favour whichever reader is timed after itself.
    """
    gc.collect()
    _trim()


def best(work: Callable[[], object], repeat: int) -> float:
    """The shortest of ``repeat`` runs of ``work``, in seconds (the least disturbed run)."""
    times = []
    for _ in range(repeat):
        _settle()
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)
