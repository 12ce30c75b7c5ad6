"""JSON of real roadmaps mutated: loads() raises only SchemaError; what it gives can be used."""

from __future__ import annotations

import pytest
from hypothesis import given

from tests.fuzz._json import json_mutants
from tests.fuzz._promises import check_loads
from tests.fuzz._sandbox import limits_for, run_checked
from tests.fuzz._settings import fuzz


# FUZZ-XFAIL: a known broken promise of issue 13; remove the mark once its fix is merged.
@pytest.mark.xfail(
    strict=False,
    reason=(
        "loads() lets RecursionError out on JSON nested 1,000 deep; roadmaps it gives "
        "hold lone surrogates and far dates that write() cannot write"
    ),
)
@fuzz(examples=30)
@given(json_mutants())
def test_loads_of_mutated_json_raises_only_schema_errors_and_what_it_gives_can_be_used(mutant):
    __tracebackhide__ = True
    source = mutant.text if mutant.text is not None else mutant.data
    run_checked(
        check_loads(source, use=True),
        limits_for(len(mutant.data)),
        label="json",
        data=mutant.data,
        suffix=".json",
    )
