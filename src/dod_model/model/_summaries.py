"""Summaries of registries: counts of records by municipality, kind, age, orientation, form."""

from __future__ import annotations

import datetime as dt

import attrs

from dod_model.model._registry import AgeRange

__all__ = ["Count", "RegistrySummary"]


@attrs.frozen
class Count:
    """How many records share a value.

    Attributes:
        key: The value: a municipality as written, an enumeration's value (``technical``), an
            age in years, or ``unknown``.
        count: How many records have it.
        population: Children of the certificate ages living there, when a population table is
            given (municipalities only).
        share: ``count`` of certificates held by children of the certificate ages, as a share of
            ``population`` (0.0–1.0 and more, when registries count children twice).

    .. versionadded:: 0.2.0
    """

    key: str
    count: int
    population: int | None = None
    share: float | None = None


@attrs.frozen(kw_only=True)
class RegistrySummary:
    """Figures of a registry: certificates, programmes, enrolments and providers counted.

    Attributes:
        on: The day ages and coverage are counted on.
        ages: The certificate ages coverage counts (the region's, else 5–18).
        certificates: How many certificates.
        by_municipality: Certificates by municipality, most first; with population and
            coverage share when a population table is given.
        by_kind: Certificates by kind (``accounting``, ``personified-financing``, ``social``).
        by_age: Certificates by the holder's full years of age on ``on``, youngest first.
        coverage: Certificates held by children of the certificate ages on ``on``, as a share
            of the children of the municipalities in the population table.
        programmes: How many programmes.
        by_orientation: Programmes by orientation (``unknown`` for none).
        by_level: Programmes by level.
        by_form: Programmes by form of delivery (a programme counts under each of its forms).
        enrolments: How many enrolments.
        providers: How many providers.
        skipped: Rows that held no record (see the findings of a validation).

    .. versionadded:: 0.2.0
    """

    on: dt.date
    ages: AgeRange
    certificates: int = 0
    by_municipality: tuple[Count, ...] = ()
    by_kind: tuple[Count, ...] = ()
    by_age: tuple[Count, ...] = ()
    coverage: float | None = None
    programmes: int = 0
    by_orientation: tuple[Count, ...] = ()
    by_level: tuple[Count, ...] = ()
    by_form: tuple[Count, ...] = ()
    enrolments: int = 0
    providers: int = 0
    skipped: int = 0
