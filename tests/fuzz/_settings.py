"""The two sizes of the fuzz run: a small derandomised one in the suite, a nightly one for time.

``DOD_MODEL_FUZZ`` unset: each test runs its few examples with ``derandomize=True`` (the same
examples every run, no database, no shrinking, a few seconds a test). ``DOD_MODEL_FUZZ=nightly``:
random examples, shrinking, and the example database; with ``DOD_MODEL_FUZZ_MINUTES=M`` each test
runs chunks of :data:`CHUNK` examples, seeds ``S``, ``S + 1``, …, until M minutes are spent
(hypothesis has no time budget of its own). ``DOD_MODEL_FUZZ_SEED=S`` fixes the first seed;
otherwise one is drawn and printed. ``nox -s fuzz -- --minutes 10`` sets all three.
"""

from __future__ import annotations

import inspect
import os
import random
import sys
import time
from collections.abc import Callable
from typing import Any

import hypothesis
from hypothesis import HealthCheck, Phase, settings

__all__ = ["BIG", "NIGHTLY", "fuzz"]

NIGHTLY = os.environ.get("DOD_MODEL_FUZZ", "") == "nightly"
MINUTES = float(os.environ.get("DOD_MODEL_FUZZ_MINUTES", "") or 0)
SEED = int(os.environ.get("DOD_MODEL_FUZZ_SEED", "") or random.SystemRandom().getrandbits(32))
CHUNK = int(os.environ.get("DOD_MODEL_FUZZ_CHUNK", "") or 300)
"""Examples per chunk of a nightly run: the time is checked between chunks."""
BIG = 2_000_000 if NIGHTLY else 60_000
"""The longest run of characters (spaces, digits) a mutation inserts."""

_SLOW = [
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.large_base_example,
    HealthCheck.filter_too_much,
]
settings.register_profile(
    "fuzz-normal",
    deadline=None,
    derandomize=True,
    database=None,
    # A failure is reported as found: shrinking one that hangs would cost a kill per step.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=_SLOW,
    print_blob=True,
)
settings.register_profile(
    "fuzz-nightly",
    deadline=None,
    max_examples=CHUNK,
    # No explain phase: it runs a failing example over and over, a hang's kill each time.
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    suppress_health_check=_SLOW,
    print_blob=True,
)


def fuzz(examples: int) -> Callable[[Any], Any]:
    """Settings for a fuzz test: ``examples`` in the suite; a timed run of chunks at night.

    Put it above ``@given``; the test takes no fixtures (each example makes its own files, and
    hypothesis would print a fixture's value with every failure).
    """

    def decorate(test: Any) -> Any:
        if not NIGHTLY:
            return settings(settings.get_profile("fuzz-normal"), max_examples=examples)(test)
        inner = settings(settings.get_profile("fuzz-nightly"))(test)

        def timed(**fixtures: Any) -> None:
            end = time.monotonic() + MINUTES * 60
            chunk = 0
            while True:
                seed = SEED + chunk
                print(f"{test.__name__}: chunk {chunk}, seed {seed}", file=sys.stderr, flush=True)
                try:
                    hypothesis.seed(seed)(inner)(**fixtures)
                except BaseException as exc:
                    exc.add_note(
                        f"fuzz seed {seed}: DOD_MODEL_FUZZ=nightly DOD_MODEL_FUZZ_SEED={seed} "
                        f"pytest tests/fuzz -k {test.__name__} runs this chunk again"
                    )
                    raise
                chunk += 1
                if time.monotonic() >= end:
                    return

        timed.__name__ = test.__name__
        timed.__qualname__ = test.__qualname__
        timed.__module__ = test.__module__
        timed.__doc__ = test.__doc__
        timed.__signature__ = inspect.signature(test)  # type: ignore[attr-defined]
        timed.pytestmark = getattr(test, "pytestmark", [])  # type: ignore[attr-defined]
        return timed

    return decorate
