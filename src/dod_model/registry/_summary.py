"""Summaries of registries: certificates by municipality, kind, age; programmes by kind.

Certificates by municipality, kind and age, with the coverage of the children of each
municipality; programmes by orientation, level and form.

A summary is tallied in one pass over the records, in memory that grows with the number of
municipalities and ages, never with the number of rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from dod_model._base import budgets, decode_text, display_name, read_bounded
from dod_model._errors import DocumentError
from dod_model._host import default_plugins
from dod_model.model import (
    AgeRange,
    Certificate,
    Count,
    Enrolment,
    Organisation,
    Programme,
    RegistrySummary,
    age_on,
)
from dod_model.registry._sources import delimiter_of
from dod_model.registry._stream import open_all, record_rows
from dod_model.text import fold

__all__ = ["read_population", "summarise", "summarise_registry"]

UNKNOWN = "unknown"
LATER = "issued later"
"""The age bucket of certificates issued after the day counted on: they cover nobody yet."""
_NO_MUNICIPALITY = "(none)"
# Words before a municipality's name that registries and population tables use or leave out.
_PLACE_WORDS = re.compile(
    r"^(?:г\.?\s*о\.?|городской округ|город|г\.|м\.?\s*р\.?|муниципальный район|"
    r"муниципальный округ|м\.?\s*о\.?)\s*"
)


def place_key(name: str) -> str:
    """A municipality's name folded for matching: «г.о. Самара», «САМАРА» and «Самара» agree."""
    folded = fold(name).strip()
    return _PLACE_WORDS.sub("", folded).strip() or folded


class _Tally:
    def __init__(self, on: dt.date, ages: AgeRange) -> None:
        self.on, self.ages = on, ages
        self.municipality: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        self.covered: Counter[str] = Counter()
        self.kind: Counter[str] = Counter()
        self.age: Counter[str] = Counter()
        self.orientation: Counter[str] = Counter()
        self.level: Counter[str] = Counter()
        self.form: Counter[str] = Counter()
        self.certificates = self.programmes = self.enrolments = self.providers = 0
        self.skipped = 0

    def add(self, record: object) -> None:
        if isinstance(record, Certificate):
            self.certificates += 1
            written = record.municipality or _NO_MUNICIPALITY
            place = place_key(written)
            self.names.setdefault(place, written)  # the first spelling met names them all
            self.municipality[place] += 1
            self.kind[record.kind.value] += 1
            if record.issued is not None and record.issued > self.on:
                self.age[LATER] += 1  # not yet issued on the day: covers nobody yet
                return
            birth = record.holder_birth_date
            if birth is None or birth > self.on:
                self.age[UNKNOWN] += 1  # a birth after the day is no age either
                return
            age = age_on(birth, self.on)
            self.age[str(age)] += 1
            if self.ages.low <= age <= self.ages.high:
                self.covered[place] += 1
        elif isinstance(record, Programme):
            self.programmes += 1
            self.orientation[record.orientation.value if record.orientation else UNKNOWN] += 1
            self.level[record.level.value if record.level else UNKNOWN] += 1
            for form in record.forms or ():
                self.form[form.value] += 1
        elif isinstance(record, Enrolment):
            self.enrolments += 1
        elif isinstance(record, Organisation):
            self.providers += 1

    def summary(self, population: Mapping[str, int] | None) -> RegistrySummary:
        people: dict[str, int] = {}
        for name, number in (population or {}).items():
            people[place_key(name)] = people.get(place_key(name), 0) + number
        places = []
        named = {self.names[p]: p for p in self.municipality}
        for name in sorted(named, key=lambda n: (-self.municipality[named[n]], n)):
            place = named[name]
            living = people.get(place) if population is not None else None
            share = self.covered[place] / living if living else None
            places.append(Count(name, self.municipality[place], living, share))
        coverage = None
        if population is not None:
            matched = people.keys() & self.municipality.keys()
            total = sum(people[p] for p in matched)
            covered = sum(self.covered[p] for p in matched)
            # No municipality of the registry in the table: no coverage, rather than 0 %.
            coverage = covered / total if total else None
        ages = sorted(self.age.items(), key=_age_order)
        return RegistrySummary(
            on=self.on,
            ages=self.ages,
            certificates=self.certificates,
            by_municipality=tuple(places),
            by_kind=_counts(self.kind),
            by_age=tuple(Count(k, n) for k, n in ages),
            coverage=coverage,
            programmes=self.programmes,
            by_orientation=_counts(self.orientation),
            by_level=_counts(self.level),
            by_form=_counts(self.form),
            enrolments=self.enrolments,
            providers=self.providers,
            skipped=self.skipped,
        )


def _age_order(item: tuple[str, int]) -> tuple[bool, bool, int]:
    """Ages in order, then certificates of no known age, then those issued later."""
    key = item[0]
    return (not key.isdigit(), key == LATER, int(key) if key.isdigit() else 0)


def _counts(counter: Counter[str]) -> tuple[Count, ...]:
    return tuple(Count(k, n) for k, n in sorted(counter.items(), key=lambda i: (-i[1], i[0])))


def summarise(
    records: Iterable[object],
    *,
    on: dt.date | None = None,
    ages: AgeRange | None = None,
    population: Mapping[str, int] | None = None,
) -> RegistrySummary:
    """Summarise records of any kinds (certificates, programmes, enrolments, providers).

    Args:
        records: The records, e.g. ``registry.certificates`` or :func:`iter_certificates`.
        on: The day to count ages on; today when ``None``.
        ages: The certificate ages coverage counts; 5–18 when ``None``.
        population: Children of those ages by municipality, for coverage shares.

    Returns:
        The summary.

    .. versionadded:: 0.2.0
    """
    tally = _Tally(on or dt.date.today(), ages or AgeRange(5, 18))
    for record in records:
        tally.add(record)
    return tally.summary(population)


def summarise_registry(
    path: str | os.PathLike[str],
    *more: str | os.PathLike[str],
    on: dt.date | None = None,
    population: Mapping[str, int] | str | os.PathLike[str] | None = None,
    region: str | None = None,
    encoding: str | None = None,
) -> RegistrySummary:
    """Summarise registry files, streaming them.

    Args:
        path: A registry file (CSV, XLSX or JSON Lines) of any kind.
        *more: Further files.
        on: The day to count ages on; today when ``None``.
        population: Children of the certificate ages by municipality: a mapping, or a CSV file
            of two columns (municipality, number of children) read by :func:`read_population`.
        region: ISO 3166-2 code whose certificate ages to use; else the first record's.
        encoding: The CSV files' encoding, instead of telling UTF-8 from Windows-1251.

    Returns:
        The summary.

    Raises:
        DocumentError: A file cannot be read or has no registry header.

    .. versionadded:: 0.2.0
    """
    people = population
    if population is not None and not isinstance(population, Mapping):
        people = read_population(population)
    sources = open_all((path, *more), encoding)
    tally: _Tally | None = None
    skipped = 0
    for source in sources:
        for _, record, _found in record_rows(source):
            if record is None:
                skipped += 1
                continue
            if tally is None:
                code = region or getattr(record, "region", None)
                found = default_plugins().region(code)
                tally = _Tally(on or dt.date.today(), found.certificate_ages if found else
                               AgeRange(5, 18))  # fmt: skip
            tally.add(record)
    tally = tally or _Tally(on or dt.date.today(), AgeRange(5, 18))
    tally.skipped = skipped
    return tally.summary(people)  # type: ignore[arg-type]


def read_population(path: str | os.PathLike[str]) -> dict[str, int]:
    """A population table: children of the certificate ages by municipality.

    A CSV file (UTF-8 or Windows-1251, ``;``, ``,`` or tab) of two columns: the municipality as
    the registry writes it, and the number of children. Rows above the first that is a
    municipality and a number (a title, a header) are passed over.

    Raises:
        DocumentError: The file cannot be read; a later row is not a municipality and a
            number; or a municipality is listed twice.

    .. versionadded:: 0.2.0
    """
    target = Path(path)
    name = display_name(target.name)
    data = read_bounded(target, budgets.DOCUMENT_BYTES, what="population table", name=name)
    text, encoding = decode_text(data, name)
    head = text[:65536].encode(encoding, errors="replace")
    delimiter = delimiter_of(head, encoding)
    table: dict[str, int] = {}
    first: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        cells = _population_cells(line, delimiter)
        if not cells:
            continue
        count = cells[-1].replace(" ", "").replace("\u00a0", "")
        numbered = len(cells) == 2 and count.isascii() and count.isdigit()
        if numbered and len(count) > budgets.NUMBER_DIGITS:
            msg = (
                f"{name} row {number}: «{_clipped(cells[0])}» has a number of children of "
                f"{len(count):,} digits, more than the {budgets.NUMBER_DIGITS} a count may have"
            )
            raise DocumentError(msg)
        if not numbered:
            if not table:
                continue  # a title or the header
            msg = f"{name} row {number}: not a municipality and a number of children"
            raise DocumentError(msg)
        key = place_key(cells[0])
        if key in first:
            msg = (
                f"{name} row {number}: «{_clipped(cells[0])}» is listed twice (row {first[key]} "
                "too); give each municipality once"
            )
            raise DocumentError(msg)
        first[key] = number
        table[cells[0]] = int(count)
    return table


def _clipped(text: str) -> str:
    return text if len(text) <= 60 else f"{text[:59]}…"


def _population_cells(line: str, delimiter: str) -> list[str]:
    """The non-empty cells of one line of a population table.

    A line longer than the CSV parser's field limit (a process-wide setting the library leaves
    alone) is taken whole, one cell: no municipality and number, and no parser error either.
    """
    if len(line) > csv.field_size_limit():
        return [line.strip()] if line.strip() else []
    try:
        row = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:  # a stray quote, say: no municipality and number
        row = [line]
    return [cell.strip() for cell in row if cell.strip()]
