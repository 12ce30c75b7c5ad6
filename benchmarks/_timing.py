"""Timing shared by the benchmarks: best of several runs, wall clock."""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["best"]


def best(work: Callable[[], object], repeat: int) -> float:
    """The shortest of ``repeat`` runs of ``work``, in seconds (the least disturbed run)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)
