"""Text exports mutated: read or refused in bounded time; what is read can be used."""

from __future__ import annotations

from hypothesis import given

from tests.fuzz._promises import check_read
from tests.fuzz._sandbox import limits_for, run_checked
from tests.fuzz._settings import fuzz
from tests.fuzz._text import text_mutants


def _check(mutant, *, use, label):
    __tracebackhide__ = True
    run_checked(
        check_read(mutant.data, mutant.name, use=use),
        limits_for(len(mutant.data)),
        label=label,
        data=mutant.data,
        suffix=".txt",
    )


@fuzz(examples=25)
@given(text_mutants())
def test_a_mutated_text_export_is_read_or_refused(mutant):
    _check(mutant, use=False, label="text")


@fuzz(examples=15)
@given(text_mutants())
def test_a_roadmap_read_from_a_mutated_text_export_can_be_written_and_read_back(mutant):
    _check(mutant, use=True, label="text-use")
