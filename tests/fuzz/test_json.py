"""JSON of real roadmaps mutated: loads() raises only SchemaError; what it gives can be used."""

from __future__ import annotations

from hypothesis import given

from tests.fuzz._json import json_mutants
from tests.fuzz._promises import check_loads
from tests.fuzz._sandbox import limits_for, run_checked
from tests.fuzz._settings import fuzz


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
