"""A roadmap's quantitative targets measured against registries.

A roadmap states targets in its results («не менее 6 типов общеобразовательных программ в
сетевой форме», «не менее чем по 14 дополнительным общеобразовательным программам, за
исключением физкультурно-спортивной направленности») and ages in its activities («получение
детьми в возрасте от 5 до 18 лет сертификатов»). Where a registry holds what a target counts,
:func:`progress` counts it; where none does, it says so and why.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, cast

import attrs

from dod_model.model import (
    Activity,
    AgeRange,
    Certificate,
    CertificateRegistry,
    Comparator,
    Orientation,
    Programme,
    ProgrammeForm,
    ProgrammeRegistry,
    Roadmap,
    Target,
    age_on,
)
from dod_model.registry._stream import _records as stream_records
from dod_model.text import fold
from dod_model.validation import Finding

__all__ = ["Progress", "TargetProgress", "progress"]


@attrs.frozen(kw_only=True)
class TargetProgress:
    """One target of a roadmap, and what the registries say of it.

    Attributes:
        activity: Number of the activity that states it.
        text: The target as written.
        target: The quantitative target, or ``None`` for an age range the roadmap sets
            («детьми в возрасте от 5 до 18 лет»).
        ages: The ages the target concerns, when it names them.
        due: When the activity is due, if its deadline says.
        measure: What was counted, in words; ``None`` when the target cannot be measured.
        value: The count (or the percentage, for a share); ``None`` when not measured.
        met: Whether the value meets the target; ``None`` when not measured.
        reason: Why the target cannot be measured, or how it was.

    .. versionadded:: 0.2.0
    """

    activity: str
    text: str
    target: Target | None = None
    ages: AgeRange | None = None
    due: dt.date | None = None
    measure: str | None = None
    value: int | float | None = None
    met: bool | None = None
    reason: str = ""

    @property
    def measured(self) -> bool:
        """Whether the registries could answer the target."""
        return self.value is not None


@attrs.frozen(kw_only=True)
class Progress:
    """A roadmap's targets against registries on a day.

    Attributes:
        on: The day measured on.
        region: The roadmap's region.
        targets: Every target, in the roadmap's order, measured or not.
        findings: The bad rows and cells of registry files read (their records not counted).

    .. versionadded:: 0.2.0
    """

    on: dt.date
    region: str | None = None
    targets: tuple[TargetProgress, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def measured(self) -> tuple[TargetProgress, ...]:
        """The targets the registries answered."""
        return tuple(t for t in self.targets if t.measured)

    @property
    def unmeasured(self) -> tuple[TargetProgress, ...]:
        """The targets they could not, each with its reason."""
        return tuple(t for t in self.targets if not t.measured)


_FORM_WORDS = (
    (re.compile(r"сетев"), ProgrammeForm.NETWORK),
    (re.compile(r"дистанц|электронн\w{0,30} обучени"), ProgrammeForm.DISTANCE),
    (re.compile(r"модульн"), ProgrammeForm.MODULAR),
    (re.compile(r"разноуровн"), ProgrammeForm.MULTILEVEL),
    (re.compile(r"адаптир"), ProgrammeForm.ADAPTED),
    (re.compile(r"краткосрочн"), ProgrammeForm.SHORT_TERM),
)
_ORIENTATION_WORDS = (
    (re.compile(r"техническ"), Orientation.TECHNICAL),
    (re.compile(r"естественно-?научн"), Orientation.NATURAL_SCIENCE),
    (re.compile(r"физкультурно-спортивн"), Orientation.SPORTS),
    (re.compile(r"художественн"), Orientation.ARTS),
    (re.compile(r"туристско-краеведческ"), Orientation.TOURISM),
    (re.compile(r"социально-(?:гуманитарн|педагогическ)"), Orientation.SOCIAL_HUMANITARIAN),
)
_EXCEPT = re.compile(r"(?:за исключением|кроме)\s+([^.;]*)")
_AGES = re.compile(r"(?:в возрасте\s+)?от\s+(\d{1,2})\s+до\s+(\d{1,2})\s+лет")
_CERTIFICATE_AGES = re.compile(r"сертификат")


def _compare(value: float, target: Target) -> bool:
    wanted = target.value
    return {
        Comparator.AT_LEAST: value >= wanted,
        Comparator.AT_MOST: value <= wanted,
        Comparator.EXACTLY: value == wanted,
        Comparator.MORE_THAN: value > wanted,
        Comparator.LESS_THAN: value < wanted,
    }[target.comparator]


@attrs.define
class _Measure:
    """One count over one registry: a filter, and how matching records add up."""

    registry: str  # "programmes" or "certificates"
    accepts: Callable[[Any], bool]
    distinct: Callable[[Any], object] | None = None
    count: int = 0
    seen: set[object] = attrs.field(factory=set)

    def feed(self, record: Any) -> None:
        if self.accepts(record):
            if self.distinct is None:
                self.count += 1
            else:
                self.seen.add(self.distinct(record))

    @property
    def value(self) -> int:
        return self.count if self.distinct is None else len(self.seen)


def _programme_measure(context: str, unit: str) -> tuple[_Measure, str]:
    forms = [form for pattern, form in _FORM_WORDS if pattern.search(context)]
    excluded_text = " ".join(m[1] for m in _EXCEPT.finditer(context))
    excluded = [o for pattern, o in _ORIENTATION_WORDS if pattern.search(excluded_text)]
    rest = _EXCEPT.sub(" ", context)
    wanted = [o for pattern, o in _ORIENTATION_WORDS if pattern.search(rest)]

    def accepts(programme: Programme) -> bool:
        if any(form not in programme.forms for form in forms):
            return False
        if programme.orientation in excluded:
            return False
        return not wanted or programme.orientation in wanted

    words = ["programmes"]
    if forms:
        words.append("in the form(s) " + ", ".join(f.label for f in forms))
    if wanted:
        words.append("of orientation " + ", ".join(o.label for o in wanted))
    if excluded:
        words.append("except " + ", ".join(o.label for o in excluded))
    if re.search(r"\bтип|\bвид", unit):
        measure = _Measure("programmes", accepts, lambda p: (p.orientation, p.level))
        return measure, "distinct types (orientation × level) of " + " ".join(words)
    return _Measure("programmes", accepts), " ".join(words)


def _certificate_measure(on: dt.date, ages: AgeRange | None) -> tuple[_Measure, str]:
    def accepts(certificate: Certificate) -> bool:
        if certificate.issued is not None and certificate.issued > on:
            return False
        if ages is None:
            return True
        birth = certificate.holder_birth_date
        return birth is not None and ages.low <= age_on(birth, on) <= ages.high

    words = f"certificates issued by {on.isoformat()}"
    if ages is not None:
        words += f" to children aged {ages.low}–{ages.high} on that day"
    return _Measure("certificates", accepts), words


@attrs.define
class _Item:
    activity: Activity
    text: str
    target: Target | None
    ages: AgeRange | None
    measure: _Measure | None = None
    words: str = ""
    reason: str = ""
    share_of: int | None = None  # a percentage of this population


def _items(roadmap: Roadmap) -> list[_Item]:
    items: list[_Item] = []
    for activity in roadmap.iter_activities():
        for result in activity.results:
            context = fold(result.text)
            for target in result.targets:
                found = _AGES.search(context)
                ages = AgeRange(int(found[1]), int(found[2])) if found else None
                items.append(_Item(activity, target.text, target, ages))
        for text in (activity.title, *(r.text for r in activity.results)):
            folded = fold(text)
            found = _AGES.search(folded)
            if (
                found
                and _CERTIFICATE_AGES.search(folded)
                and not any(r.targets for r in activity.results if r.text == text)
            ):
                ages = AgeRange(int(found[1]), int(found[2]))
                items.append(_Item(activity, found[0], None, ages))
    return items


_ADJECTIVE = re.compile(r"\w+(?:ых|их|ым|им|ыми|ими|ого|его|ому|ему|ая|яя|ое|ее|ые|ие|ой|ый|ий)")
_SKIPPED = frozenset({"типов", "видов", "типа", "вида", "по", "%"})


def _head(unit: str) -> str:
    """The noun a target counts: its unit's first word that is no adjective.

    «программ» of «типов общеобразовательных программ».
    """
    for word in unit.replace("%", " % ").split():
        if word in _SKIPPED or _ADJECTIVE.fullmatch(word):
            continue
        return word
    return ""


def _plan(item: _Item, on: dt.date, population: Mapping[str, int] | None, have: set[str]) -> None:
    """Decide what counts a target, or why nothing does."""
    if item.target is None:  # an age range for certificates
        if "certificates" not in have:
            item.reason = "no certificate registry was given"
            return
        item.measure, item.words = _certificate_measure(on, item.ages)
        return
    unit = fold(item.target.unit)
    context = " ".join(fold(r.text) for r in item.activity.results
                       if item.target in r.targets)  # fmt: skip
    percent = unit.startswith("%")
    head = _head(unit)
    if re.match(r"программ|курс", head) and not percent:
        if "programmes" not in have:
            item.reason = "no programme registry was given"
            return
        item.measure, item.words = _programme_measure(context, unit)
        return
    if re.match(r"сертификат|дет|ребен|обучающ|охват", head):
        if "certificates" not in have:
            item.reason = "no certificate registry was given"
            return
        item.measure, item.words = _certificate_measure(on, item.ages)
        if percent:
            if not population:
                item.measure = None
                item.reason = "a share of children needs a population table (population=)"
                return
            item.share_of = sum(population.values())
            item.words += f", as a percentage of {item.share_of} children"
        return
    item.reason = f"the registries count programmes and certificates, not «{item.target.unit}»"


def _records(source: Any, kind: str, findings: list[Finding]) -> Iterable[Any]:
    if source is None:
        return ()
    if isinstance(source, CertificateRegistry):
        return source.certificates
    if isinstance(source, ProgrammeRegistry):
        return source.programmes
    if isinstance(source, str | os.PathLike):
        return stream_records(source, kind, findings, None)
    return cast("Iterable[Any]", source)


def progress(
    roadmap: Roadmap,
    *,
    programmes: ProgrammeRegistry | Iterable[Programme] | str | os.PathLike[str] | None = None,
    certificates: CertificateRegistry
    | Iterable[Certificate]
    | str
    | os.PathLike[str]
    | None = None,
    on: dt.date | None = None,
    population: Mapping[str, int] | None = None,
) -> Progress:
    """Measure each quantitative target a roadmap states against registries.

    Programme counts («не менее 6 типов … программ в сетевой форме») are counted in the
    programme registry, the forms, orientations and exclusions («за исключением
    физкультурно-спортивной направленности») of the result's text applied; «типов» counts
    distinct orientation × level pairs. Counts of certificates and children are counted in the
    certificate registry (certificates issued by ``on``, to children of the ages the text names);
    percentages of children need ``population``. An age range set for certificates («детьми
    в возрасте от 5 до 18 лет») is measured as the share of certificates held by children of
    those ages, met when all are. Any other target is reported with the reason it cannot be
    measured.

    Args:
        roadmap: The roadmap.
        programmes: A programme registry, its programmes, or a registry file of them.
        certificates: A certificate registry, its certificates, or a registry file of them.
        on: The day to measure on; today when ``None``.
        population: Children of the certificate ages by municipality, for shares.

    Returns:
        Every target, measured or with the reason it is not.

    Raises:
        DocumentError: A registry file cannot be read.

    .. versionadded:: 0.2.0
    """
    day = on or dt.date.today()
    given = (("programmes", programmes), ("certificates", certificates))
    have = {name for name, source in given if source is not None}
    items = _items(roadmap)
    for item in items:
        _plan(item, day, population, have)
    findings: list[Finding] = []
    issued = _certificate_measure(day, None)[0]  # the certificates of the day, any age
    for kind, source in given:
        measures = [i.measure for i in items if i.measure and i.measure.registry == kind]
        if kind == "certificates" and measures:
            measures.append(issued)
        if measures:
            for record in _records(source, kind, findings):
                for measure in measures:
                    measure.feed(record)
    total = issued.value
    return Progress(
        on=day,
        region=roadmap.region,
        targets=tuple(_result(item, total) for item in items),
        findings=tuple(findings),
    )


def _result(item: _Item, certificates: int) -> TargetProgress:
    base = TargetProgress(
        activity=item.activity.number,
        text=item.text,
        target=item.target,
        ages=item.ages,
        due=item.activity.deadline.end,
    )
    if item.measure is None:
        return attrs.evolve(base, reason=item.reason)
    value: int | float = item.measure.value
    if item.target is None:  # an age range: the share of certificates within it
        share = round(100 * value / certificates, 1) if certificates else 100.0
        return attrs.evolve(
            base,
            measure=f"{item.words}, as a percentage of the {certificates} issued by then",
            value=share,
            met=value == certificates,  # counts, not the rounded share: 3000 of 3001 is not all
            reason="met when every certificate is held by a child of those ages",
        )
    if item.share_of is not None:
        value = round(100 * value / item.share_of, 1) if item.share_of else 0.0
    return attrs.evolve(
        base,
        measure=item.words,
        value=value,
        met=_compare(value, item.target),
        reason=f"counted: {item.words}",
    )
