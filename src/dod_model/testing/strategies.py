"""Hypothesis strategies for every model type.

They generate any value the model admits, messy ones included (deadlines whose text says one
thing and dates another, unsorted age ranges, duplicate numbers): what a document can get wrong is
for rules to report, so code built on the model must cope with all of it.

A whole roadmap takes some tens of milliseconds to draw; a property of whole documents may
want fewer examples than hypothesis's hundred.

>>> from hypothesis import HealthCheck, given, settings
>>> from dod_model.testing import strategies as dst
>>> @settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
... @given(dst.roadmaps())
... def test_every_activity_has_a_title(roadmap):
...     assert all(isinstance(a.title, str) for a in roadmap.activities)
>>> test_every_activity_has_a_title()

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TypeVar

import attrs

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as exc:  # the optional ``testing`` extra
    if exc.name is None or exc.name.split(".")[0] != "hypothesis":
        raise
    _MISSING = "dod_model.testing.strategies needs hypothesis: pip install 'dod-model[testing]'"
    raise ModuleNotFoundError(_MISSING, name="hypothesis") from None

from dod_model.model import (
    Abbreviation,
    Activity,
    AgeRange,
    Centre,
    CentreKind,
    Certificate,
    CertificateKind,
    CertificateRegistry,
    ColumnRole,
    Comparator,
    Count,
    Deadline,
    DeadlineKind,
    Enrolment,
    LegalActKind,
    LegalActRef,
    Location,
    NominalUnit,
    Organisation,
    Orientation,
    Party,
    Period,
    PlanKind,
    Programme,
    ProgrammeForm,
    ProgrammeKind,
    ProgrammeLevel,
    ProgrammeRegistry,
    Recurrence,
    RegistrySummary,
    Result,
    Roadmap,
    Section,
    Source,
    Step,
    StudyMode,
    Target,
)

__all__ = [
    "abbreviations",
    "activities",
    "age_ranges",
    "centres",
    "certificate_registries",
    "certificates",
    "counts",
    "dates",
    "deadlines",
    "enrolments",
    "legal_acts",
    "locations",
    "numbers",
    "organisations",
    "parties",
    "periods",
    "programme_registries",
    "programmes",
    "registry_summaries",
    "results",
    "roadmaps",
    "russian_text",
    "sections",
    "sources",
    "steps",
    "strategy_for",
    "targets",
]

T = TypeVar("T")

_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_PUNCTUATION = " .,;:-–—«»()№/\"'\n\t\u00a0"


def russian_text(*, min_size: int = 0, max_size: int = 60) -> st.SearchStrategy[str]:
    """Text as cells hold it: mostly Cyrillic, digits and punctuation, sometimes any Unicode."""
    cells = st.text(
        alphabet=_CYRILLIC + "0123456789" + _PUNCTUATION, min_size=min_size, max_size=max_size
    )
    return st.one_of(cells, cells, st.text(min_size=min_size, max_size=max_size))


def _maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _few(strategy: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


# Fixed alphabets drawn as text: the strings ``st.from_regex`` would give for ``[0-9]{m,n}`` and
# the like, at a fraction of its cost (a 64-digit hash from a regex takes some 17 ms, as text 1).
def _digits(min_size: int, max_size: int | None = None) -> st.SearchStrategy[str]:
    """``[0-9]{min_size,max_size}`` (exactly ``min_size`` digits without a maximum)."""
    size = min_size if max_size is None else max_size
    return st.text(alphabet="0123456789", min_size=min_size, max_size=size)


def _urls() -> st.SearchStrategy[str]:
    r"""``https?://[a-z0-9.-]{1,20}\.ru(/[a-z0-9_-]{0,12})?``."""
    host = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789.-", min_size=1, max_size=20)
    path = _maybe(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-", max_size=12))
    return st.builds(
        lambda scheme, host, path: f"{scheme}://{host}.ru" + ("" if path is None else f"/{path}"),
        st.sampled_from(["http", "https"]),
        host,
        path,
    )


def dates() -> st.SearchStrategy[dt.date]:
    """Calendar days a plan may name: 1990 to 2100."""
    return st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))


def periods() -> st.SearchStrategy[Period]:
    """Periods with ``start <= end``."""
    return st.tuples(dates(), dates()).map(sorted).map(lambda d: Period(d[0], d[1]))


def numbers() -> st.SearchStrategy[str]:
    """Activity and section numbers as documents write them: «1», «2.3», «IV», sometimes junk."""
    arabic = st.lists(st.integers(1, 40), min_size=1, max_size=3).map(
        lambda parts: ".".join(map(str, parts))
    )
    roman = st.sampled_from(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"])
    return st.one_of(arabic, arabic, roman, st.just(""), russian_text(max_size=5))


def deadlines() -> st.SearchStrategy[Deadline]:
    """Deadlines of every kind, consistent or not with their text."""
    return st.builds(
        Deadline,
        text=russian_text(),
        kind=st.sampled_from(DeadlineKind),
        start=_maybe(dates()),
        end=_maybe(dates()),
        dates=_few(dates(), 6),
        recurrence=_maybe(st.sampled_from(Recurrence)),
        note=_maybe(russian_text()),
    )


def legal_acts() -> st.SearchStrategy[LegalActRef]:
    """References to legal acts."""
    return st.builds(
        LegalActRef,
        text=russian_text(),
        kind=_maybe(st.sampled_from(LegalActKind)),
        issuer=_maybe(russian_text()),
        date=_maybe(dates()),
        number=_maybe(russian_text(max_size=10)),
        title=_maybe(russian_text()),
    )


def targets() -> st.SearchStrategy[Target]:
    """Quantitative targets with finite values."""
    values: st.SearchStrategy[int | float] = st.one_of(
        st.integers(0, 10**9), st.floats(allow_nan=False, allow_infinity=False)
    )
    return st.builds(
        Target,
        text=russian_text(),
        comparator=st.sampled_from(Comparator),
        value=values,
        unit=russian_text(max_size=30),
    )


def results() -> st.SearchStrategy[Result]:
    """Results with acts, URLs and targets."""
    return st.builds(
        Result,
        text=russian_text(),
        acts=_few(legal_acts(), 2),
        urls=_few(_urls(), 2),
        targets=_few(targets(), 2),
    )


def parties() -> st.SearchStrategy[Party]:
    """Responsible parties."""
    return st.builds(Party, name=russian_text(max_size=40), canonical=_maybe(russian_text()))


def locations() -> st.SearchStrategy[Location]:
    """Places in a source document."""
    positive = st.integers(1, 10**5)
    return st.builds(
        Location, table=positive, row=positive, column=_maybe(positive), line=_maybe(positive)
    )


def steps() -> st.SearchStrategy[Step]:
    """Enumerated sub-steps."""
    return st.builds(Step, numbers(), russian_text())


def abbreviations() -> st.SearchStrategy[Abbreviation]:
    """Glossary entries."""
    return st.builds(Abbreviation, russian_text(min_size=1, max_size=8), russian_text())


def activities(section: str | None = None) -> st.SearchStrategy[Activity]:
    """Activities belonging to ``section`` (``None``: outside sections)."""
    return st.builds(
        Activity,
        number=numbers(),
        title=russian_text(),
        deadline=deadlines(),
        results=_few(results(), 2),
        responsible=_few(parties(), 3),
        section=st.just(section),
        notes=_few(russian_text(), 2),
        steps=_few(steps(), 3),
        provenance=_maybe(locations()),
    )


# What a section is drawn from, built once: strategies built inside a draw are built and checked
# again on every draw, which cost more than drawing from them.
_SECTION_PARTS = (numbers(), russian_text(), _few(activities(None), 3), _maybe(locations()))


@st.composite
def sections(draw: st.DrawFn, number: str | None = None) -> Section:
    """A section and its activities, which all say they belong to it."""
    numbered, titles, activities_, provenances = _SECTION_PARTS
    chosen = draw(numbered) if number is None else number
    return Section(
        number=chosen,
        title=draw(titles),
        activities=tuple(attrs.evolve(a, section=chosen) for a in draw(activities_)),
        provenance=draw(provenances),
    )


def sources() -> st.SearchStrategy[Source]:
    """Document provenance."""
    return st.builds(
        Source,
        name=_maybe(russian_text(max_size=30)),
        format=_maybe(st.sampled_from(["docx", "text", "json"])),
        sha256=_maybe(st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)),
        encoding=_maybe(st.sampled_from(["utf-8", "utf-8-sig", "cp1251"])),
    )


_REGIONS = st.sampled_from(["RU-SAM", "RU-TAM", "RU-AMU", "RU-ULY", "RU-SVE", "RU-KIR"])


def organisations() -> st.SearchStrategy[Organisation]:
    """Organisations."""
    return st.builds(
        Organisation,
        name=russian_text(),
        short_name=_maybe(russian_text(max_size=15)),
        id=_maybe(_digits(1, 8)),
        inn=_maybe(_digits(10)),
        region=_maybe(_REGIONS),
        municipality=_maybe(russian_text(max_size=30)),
    )


def centres() -> st.SearchStrategy[Centre]:
    """РМЦ, МОЦ and ОЦ."""
    return st.builds(
        Centre,
        kind=st.sampled_from(CentreKind),
        name=russian_text(),
        organisation=_maybe(organisations()),
        region=_maybe(_REGIONS),
        municipality=_maybe(russian_text(max_size=30)),
    )


def roadmaps() -> st.SearchStrategy[Roadmap]:
    """Whole roadmaps, with or without sections: up to two sections and nine activities.

    Kept small, as each activity draws its own deadline, results and parties; every shape
    still comes: no sections, several, empty ones, activities inside and outside them.
    """
    return st.builds(
        Roadmap,
        title=russian_text(),
        kind=_maybe(st.sampled_from(PlanKind)),
        region=_maybe(_REGIONS),
        municipality=_maybe(russian_text(max_size=30)),
        period=_maybe(periods()),
        approval=_maybe(legal_acts()),
        basis=_few(legal_acts(), 2),
        centres=_few(centres(), 2),
        glossary=_few(abbreviations(), 3),
        notes=_few(russian_text(), 2),
        columns=st.lists(st.sampled_from(ColumnRole), max_size=5, unique=True).map(tuple),
        unsectioned=_few(activities(None), 3),
        sections=_few(sections(), 2),
        source=_maybe(sources()),
    )


def age_ranges() -> st.SearchStrategy[AgeRange]:
    """Age ranges, in either order (a registry may swap the ends)."""
    return st.builds(AgeRange, st.integers(0, 30), st.integers(0, 30))


def _money() -> st.SearchStrategy[Decimal]:
    return st.decimals(
        min_value=-(10**7), max_value=10**7, places=2, allow_nan=False, allow_infinity=False
    )


def programmes() -> st.SearchStrategy[Programme]:
    """Programmes of a navigator."""
    return st.builds(
        Programme,
        id=_digits(1, 8),
        title=russian_text(),
        orientation=_maybe(st.sampled_from(Orientation)),
        level=_maybe(st.sampled_from(ProgrammeLevel)),
        kind=_maybe(st.sampled_from(ProgrammeKind)),
        forms=_few(st.sampled_from(ProgrammeForm), 3),
        mode=_maybe(st.sampled_from(StudyMode)),
        ages=_maybe(age_ranges()),
        hours=_maybe(st.integers(0, 2000)),
        certified=st.booleans(),
        provider=_maybe(_digits(1, 8)),
        region=_maybe(_REGIONS),
        municipality=_maybe(russian_text(max_size=30)),
    )


def certificates() -> st.SearchStrategy[Certificate]:
    """Certificates, with well-formed and malformed numbers."""
    number = st.one_of(_digits(10), russian_text(max_size=12))
    return st.builds(
        Certificate,
        number=number,
        kind=st.sampled_from(CertificateKind),
        holder_birth_date=_maybe(dates()),
        region=_maybe(_REGIONS),
        municipality=_maybe(russian_text(max_size=30)),
        nominal=_maybe(_money()),
        nominal_unit=st.sampled_from(NominalUnit),
        balance=_maybe(_money()),
        issued=_maybe(dates()),
    )


def enrolments() -> st.SearchStrategy[Enrolment]:
    """Enrolments on programmes."""
    return st.builds(
        Enrolment,
        certificate=_digits(10),
        programme=_digits(1, 8),
        start=dates(),
        end=_maybe(dates()),
        cost=_maybe(_money()),
        provider=_maybe(_digits(1, 8)),
    )


def programme_registries() -> st.SearchStrategy[ProgrammeRegistry]:
    """Programme registries."""
    return st.builds(
        ProgrammeRegistry,
        region=_maybe(_REGIONS),
        providers=_few(organisations(), 3),
        programmes=_few(programmes(), 4),
    )


def certificate_registries() -> st.SearchStrategy[CertificateRegistry]:
    """Certificate registries."""
    return st.builds(
        CertificateRegistry,
        region=_maybe(_REGIONS),
        certificates=_few(certificates(), 4),
        enrolments=_few(enrolments(), 4),
    )


def counts() -> st.SearchStrategy[Count]:
    """Counts of a summary, with or without a population and a share."""
    return st.builds(
        Count,
        key=russian_text(max_size=20),
        count=st.integers(0, 10**8),
        population=_maybe(st.integers(0, 10**8)),
        share=_maybe(st.floats(0, 10, allow_nan=False, allow_infinity=False)),
    )


def registry_summaries() -> st.SearchStrategy[RegistrySummary]:
    """Registry summaries."""
    tally = st.integers(0, 10**8)
    return st.builds(
        RegistrySummary,
        on=dates(),
        ages=age_ranges(),
        certificates=tally,
        by_municipality=_few(counts(), 3),
        by_kind=_few(counts(), 3),
        by_age=_few(counts(), 3),
        coverage=_maybe(st.floats(0, 10, allow_nan=False, allow_infinity=False)),
        programmes=tally,
        by_orientation=_few(counts(), 3),
        by_level=_few(counts(), 3),
        by_form=_few(counts(), 3),
        enrolments=tally,
        providers=tally,
        skipped=tally,
    )


_BY_TYPE: dict[type, Any] = {
    Abbreviation: abbreviations,
    Activity: activities,
    AgeRange: age_ranges,
    Centre: centres,
    Certificate: certificates,
    CertificateRegistry: certificate_registries,
    Count: counts,
    Deadline: deadlines,
    Enrolment: enrolments,
    LegalActRef: legal_acts,
    Location: locations,
    Organisation: organisations,
    Party: parties,
    Period: periods,
    Programme: programmes,
    ProgrammeRegistry: programme_registries,
    RegistrySummary: registry_summaries,
    Result: results,
    Roadmap: roadmaps,
    Section: sections,
    Source: sources,
    Step: steps,
    Target: targets,
}


_BUILT: dict[type, Any] = {}


def strategy_for(cls: type[T]) -> st.SearchStrategy[T]:
    """The strategy for a model class, built on the first call and the same one after.

    The same one, so that drawing from it inside a test (``data.draw(strategy_for(cls))``)
    does not build it and have hypothesis check it again on every example, which took as long
    as drawing a roadmap.

    Raises:
        KeyError: ``cls`` is not a model class.
    """
    strategy = _BUILT.get(cls)
    if strategy is None:
        strategy = _BUILT[cls] = _BY_TYPE[cls]()
    return strategy  # type: ignore[no-any-return]
