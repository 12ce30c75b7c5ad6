"""Registries kept beside roadmaps: programmes, certificates, providers and enrolments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from dod_model.model._enums import (
    CertificateKind,
    NominalUnit,
    Orientation,
    ProgrammeForm,
    ProgrammeKind,
    ProgrammeLevel,
    StudyMode,
)
from dod_model.model._organisations import Organisation

__all__ = [
    "AgeRange",
    "Certificate",
    "CertificateRegistry",
    "Enrolment",
    "Programme",
    "ProgrammeRegistry",
    "age_on",
]


def age_on(birth: dt.date, day: dt.date) -> int:
    """Full years of age on a day (a 29 February birthday comes on 1 March in other years)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _not_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        msg = f"an age cannot be negative ({attribute.name}={value})"
        raise ValueError(msg)


@attrs.frozen
class AgeRange:
    """Ages in full years, both ends included («от 5 до 18 лет»).

    Whether ``low`` exceeds ``high`` is for rules to report: registries do get that wrong.

    Attributes:
        low: Youngest age.
        high: Oldest age.

    .. versionadded:: 0.1.0
    """

    low: int = attrs.field(validator=_not_negative)
    high: int = attrs.field(validator=_not_negative)

    def __contains__(self, age: object) -> bool:
        return isinstance(age, int) and self.low <= age <= self.high


@attrs.frozen(kw_only=True)
class Programme:
    """An additional general education programme (ДООП) as a navigator lists it.

    Attributes:
        id: Identifier in the registry.
        title: The programme's title.
        orientation: One of the six направленности; ``None`` when the registry's value is unknown.
        level: Стартовый (ознакомительный), базовый or продвинутый.
        kind: Общеразвивающая, предпрофессиональная or спортивной подготовки.
        forms: Forms of delivery (сетевая, дистанционная, модульная, …), in the order given.
        mode: Очная, очно-заочная or заочная.
        ages: Ages of the children it admits.
        hours: Volume in academic hours.
        certified: Whether it may be paid by a certificate.
        provider: Identifier of the organisation that runs it.
        region: ISO 3166-2 code.
        municipality: Municipality, as written.

    .. versionadded:: 0.1.0
    """

    id: str
    title: str
    orientation: Orientation | None = None
    level: ProgrammeLevel | None = None
    kind: ProgrammeKind | None = None
    forms: tuple[ProgrammeForm, ...] = ()
    mode: StudyMode | None = None
    ages: AgeRange | None = None
    hours: int | None = None
    certified: bool = False
    provider: str | None = None
    region: str | None = None
    municipality: str | None = None


@attrs.frozen(kw_only=True)
class Certificate:
    """A certificate of additional education: a registry record for one child.

    Attributes:
        number: The certificate's number as given, a 10-digit string in practice.
        kind: Учёта, персонифицированного финансирования or социальный.
        holder_birth_date: The child's date of birth.
        region: ISO 3166-2 code of the issuing region.
        municipality: Municipality, as written.
        nominal: Value for the year (financing and social certificates).
        nominal_unit: Roubles or hours.
        balance: What is left of the nominal.
        issued: Date of issue.

    .. versionadded:: 0.1.0
    """

    number: str
    kind: CertificateKind = CertificateKind.ACCOUNTING
    holder_birth_date: dt.date | None = None
    region: str | None = None
    municipality: str | None = None
    nominal: Decimal | None = None
    nominal_unit: NominalUnit = NominalUnit.ROUBLES
    balance: Decimal | None = None
    issued: dt.date | None = None


@attrs.frozen(kw_only=True)
class Enrolment:
    """A child's enrolment on a programme under a certificate.

    Attributes:
        certificate: Number of the certificate.
        programme: Identifier of the programme.
        start: First day of study.
        end: Last day, when known.
        cost: What the enrolment charges to the certificate.
        provider: Identifier of the organisation.

    .. versionadded:: 0.1.0
    """

    certificate: str
    programme: str
    start: dt.date
    end: dt.date | None = None
    cost: Decimal | None = None
    provider: str | None = None


@attrs.frozen(kw_only=True)
class ProgrammeRegistry:
    """A registry of programmes and the organisations that provide them.

    Attributes:
        region: ISO 3166-2 code.
        providers: The providers (поставщики).
        programmes: The programmes.

    .. versionadded:: 0.1.0
    """

    region: str | None = None
    providers: tuple[Organisation, ...] = ()
    programmes: tuple[Programme, ...] = ()


@attrs.frozen(kw_only=True)
class CertificateRegistry:
    """A registry of certificates and the enrolments charged to them.

    Attributes:
        region: ISO 3166-2 code.
        certificates: The certificates.
        enrolments: The enrolments.

    .. versionadded:: 0.1.0
    """

    region: str | None = None
    certificates: tuple[Certificate, ...] = ()
    enrolments: tuple[Enrolment, ...] = ()
