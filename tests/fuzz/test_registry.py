"""Registry files mutated (CSV, XLSX, JSON Lines, population tables): every reader raises
only DocumentError, in bounded time and memory."""

from __future__ import annotations

from hypothesis import given

from tests.fuzz._promises import check_registry
from tests.fuzz._registry import (
    CSV_SEEDS,
    csv_mutants,
    jsonl_mutants,
    population_mutants,
    xlsx_mutants,
)
from tests.fuzz._sandbox import limits_for, run_checked
from tests.fuzz._settings import fuzz

CERTIFICATES = CSV_SEEDS["certificates.csv"].encode("utf-8")


def _check(mutant, label, suffix):
    __tracebackhide__ = True
    run_checked(
        check_registry(mutant.data, mutant.name),
        limits_for(len(mutant.data)),
        label=label,
        data=mutant.data,
        suffix=suffix,
    )


@fuzz(examples=20)
@given(csv_mutants())
def test_a_mutated_csv_registry_is_read_or_refused(mutant):
    _check(mutant, "registry-csv", ".csv")


@fuzz(examples=12)
@given(xlsx_mutants())
def test_a_mutated_workbook_registry_is_read_or_refused(mutant):
    _check(mutant, "registry-xlsx", ".xlsx")


@fuzz(examples=15)
@given(jsonl_mutants())
def test_a_mutated_json_lines_registry_is_read_or_refused(mutant):
    _check(mutant, "registry-jsonl", ".jsonl")


@fuzz(examples=15)
@given(population_mutants())
def test_a_mutated_population_table_is_read_or_refused(mutant):
    __tracebackhide__ = True
    body = check_registry(CERTIFICATES, "certificates.csv", population=mutant.data)
    run_checked(
        body, limits_for(len(mutant.data)), label="population", data=mutant.data, suffix=".csv"
    )
