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
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from dod_model._errors import DocumentError
from dod_model.model import (
    AgeRange,
    Certificate,
    Count,
    Enrolment,
    Organisation,
    Programme,
    RegistrySummary,
)
from dod_model.registry._sources import _delimiter, _encoding
from dod_model.registry._stream import _open_all, _rows
from dod_model.text import fold

__all__ = ["read_population", "summarise", "summarise_registry"]

UNKNOWN = "unknown"
_NO_MUNICIPALITY = "(none)"


def _age(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


class _Tally:
    def __init__(self, on: dt.date, ages: AgeRange) -> None:
        self.on, self.ages = on, ages
        self.municipality: Counter[str] = Counter()
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
            place = record.municipality or _NO_MUNICIPALITY
            self.municipality[place] += 1
            self.kind[record.kind.value] += 1
            if record.issued is not None and record.issued > self.on:
                return  # not yet issued on the day: counted, but covers nobody yet
            birth = record.holder_birth_date
            if birth is None:
                self.age[UNKNOWN] += 1
                return
            age = _age(birth, self.on)
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
        people = {fold(k): v for k, v in (population or {}).items()}
        places = []
        for place, count in sorted(self.municipality.items(), key=lambda i: (-i[1], i[0])):
            living = people.get(fold(place)) if population is not None else None
            share = self.covered[place] / living if living else None
            places.append(Count(place, count, living, share))
        coverage = None
        if population is not None:
            known = {fold(p) for p in self.municipality}
            total = sum(people.values())
            covered = sum(n for p, n in self.covered.items() if fold(p) in people)
            coverage = covered / total if total and known else None
        ages = sorted(self.age.items(), key=lambda i: (i[0] == UNKNOWN, int(i[0]) if
                                                       i[0] != UNKNOWN else 0))  # fmt: skip
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
    from dod_model.plugins import default_plugins  # noqa: PLC0415 - plugins build on the model

    people = population
    if population is not None and not isinstance(population, Mapping):
        people = read_population(population)
    sources = _open_all((path, *more), encoding)
    tally: _Tally | None = None
    skipped = 0
    for source in sources:
        for _, record, _found in _rows(source):
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
    the registry writes it, and the number of children. A first row that is no number is a
    header.

    Raises:
        DocumentError: The file cannot be read, or a row is not a municipality and a number.

    .. versionadded:: 0.2.0
    """
    target = Path(path)
    try:
        data = target.read_bytes()
    except OSError as exc:
        msg = f"{target.name}: cannot read the file ({exc.strerror}); check the path"
        raise DocumentError(msg) from None
    encoding = _encoding(data[:65536], target.name)
    text = data.decode(encoding, errors="replace")
    table: dict[str, int] = {}
    rows: Any = csv.reader(text.splitlines(), delimiter=_delimiter(data[:65536], encoding))
    for number, row in enumerate(rows, 1):
        cells = [c.strip() for c in row if c.strip()]
        if not cells:
            continue
        count = cells[-1].replace(" ", "").replace("\u00a0", "")
        if len(cells) != 2 or not count.isdigit():
            if number == 1:
                continue  # the header
            msg = f"{target.name} row {number}: not a municipality and a number of children"
            raise DocumentError(msg)
        table[cells[0]] = int(count)
    return table
