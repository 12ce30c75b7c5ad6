"""The fuzz run's header line: which size runs, for how long, from which seed."""

from __future__ import annotations

import pytest

from tests.fuzz._sandbox import FAILURES
from tests.fuzz._settings import CHUNK, MINUTES, NIGHTLY, SEED


def pytest_report_header(config: pytest.Config) -> str:
    if not NIGHTLY:
        return "fuzz: the suite's size (derandomised; DOD_MODEL_FUZZ=nightly for the long run)"
    spent = f"{MINUTES:g} min per test" if MINUTES else "one chunk per test"
    return (
        f"fuzz: nightly, {spent}, chunks of {CHUNK} examples, first seed {SEED} "
        f"(DOD_MODEL_FUZZ_SEED={SEED} repeats it); failing inputs saved in {FAILURES}/"
    )
