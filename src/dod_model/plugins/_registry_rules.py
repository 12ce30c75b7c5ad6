"""The core rules of programme and certificate registries, checked record by record.

Each rule checks one record at a time (see :class:`~dod_model.validation.RecordRule`): the
checks are cheap per record, so a registry of millions streams through them. A rule that reads
the scope or keeps state is a factory that starts a check per registry; what the checks keep
across records is small: the numbers seen (a set of integers), and for enrolments what each
certificate has spent. Regional settings come from the scope: the region's certificate ages and
the form of its certificate numbers. A rule that needs neither is its check itself
(``stateless=True``).
"""

from __future__ import annotations

import re
from decimal import Decimal

from dod_model.model import (
    Certificate,
    CertificateKind,
    Enrolment,
    Organisation,
    Programme,
    age_on,
)
from dod_model.validation import RecordCheck, RegistryScope, record_rule

__all__ = ["REGISTRY_RULES", "age_on"]

_PAYING = frozenset({CertificateKind.PERSONIFIED_FINANCING, CertificateKind.SOCIAL})


@record_rule("core/certificate-number", severity="error", record=Certificate, since="0.2.0")
def certificate_number(scope: RegistryScope) -> RecordCheck[Certificate]:
    """Certificate numbers have the region's form (ten digits unless the region says otherwise)."""
    form = scope.certificate_number
    match = re.compile(form, re.ASCII).fullmatch  # «\d» is 0-9, not every script's digits

    def check(certificate: Certificate) -> str | None:
        if match(certificate.number) is None:
            return f"certificate number «{certificate.number}» is not of the form {form}"
        return None

    return check


@record_rule("core/duplicate-certificate", severity="error", record=Certificate, since="0.2.0")
def duplicate_certificate(scope: RegistryScope) -> RecordCheck[Certificate]:
    """A certificate number is issued once.

    Ten-digit numbers are kept as integers (about 60 bytes each in a set: some 1.2 GB for a
    registry of 20 million), others as text.
    """
    seen: set[int | str] = set()
    add = seen.add

    def check(certificate: Certificate) -> str | None:
        number = certificate.number
        key: int | str = (
            int(number) if len(number) == 10 and number.isascii() and number.isdigit() else number
        )
        if key in seen:
            return f"certificate number {number} appears more than once"
        add(key)
        return None

    return check


@record_rule("core/certificate-age", severity="warning", record=Certificate, since="0.2.0")
def certificate_age(scope: RegistryScope) -> RecordCheck[Certificate]:
    """The holder's age on the issue date is within the region's range."""
    ages = scope.certificate_ages
    low, high = ages.low, ages.high

    def check(certificate: Certificate) -> str | None:
        birth, issued = certificate.holder_birth_date, certificate.issued
        if birth is None or issued is None:
            return None
        age = age_on(birth, issued)
        if low <= age <= high:
            return None
        return (
            f"certificate {certificate.number} was issued to a child of {age}, outside the ages "
            f"{low}–{high}"
        )

    return check


@record_rule(
    "core/nominal-missing", severity="error", record=Certificate, stateless=True, since="0.2.0"
)
def nominal_missing(certificate: Certificate) -> str | None:
    """A financing or social certificate carries a nominal."""
    if certificate.nominal is None and certificate.kind in _PAYING:
        return f"certificate {certificate.number} ({certificate.kind.label}) has no nominal"
    return None


@record_rule(
    "core/certificate-balance", severity="error", record=Certificate, stateless=True, since="0.2.0"
)
def certificate_balance(certificate: Certificate) -> str | None:
    """A certificate's balance lies between zero and its nominal."""
    balance = certificate.balance
    if balance is None:
        return None
    if balance < 0:
        return f"certificate {certificate.number} has a negative balance {balance}"
    nominal = certificate.nominal
    if nominal is not None and balance > nominal:
        return (
            f"certificate {certificate.number} has a balance of {balance}, more than its "
            f"nominal {nominal}"
        )
    return None


@record_rule("core/enrolment-age", severity="warning", record=Enrolment, since="0.2.0")
def enrolment_age(scope: RegistryScope) -> RecordCheck[Enrolment]:
    """A child is within the region's certificate ages when enrolled."""
    ages = scope.certificate_ages
    low, high = ages.low, ages.high
    certificate = scope.certificate

    def check(enrolment: Enrolment) -> str | None:
        holder = certificate(enrolment.certificate)
        if holder is None or holder.holder_birth_date is None:
            return None
        age = age_on(holder.holder_birth_date, enrolment.start)
        if low <= age <= high:
            return None
        return (
            f"certificate {enrolment.certificate} was enrolled on programme "
            f"{enrolment.programme} at {age}, outside the ages {low}–{high}"
        )

    return check


@record_rule("core/enrolment-programme-age", severity="warning", record=Enrolment, since="0.2.0")
def enrolment_programme_age(scope: RegistryScope) -> RecordCheck[Enrolment]:
    """A child's age when enrolled fits the ages the programme admits."""
    certificate, programme = scope.certificate, scope.programme

    def check(enrolment: Enrolment) -> str | None:
        course = programme(enrolment.programme)
        holder = certificate(enrolment.certificate)
        if course is None or course.ages is None or holder is None:
            return None
        if holder.holder_birth_date is None:
            return None
        age = age_on(holder.holder_birth_date, enrolment.start)
        if course.ages.low <= age <= course.ages.high:
            return None
        return (
            f"certificate {enrolment.certificate} was enrolled at {age} on programme "
            f"{enrolment.programme}, which admits ages {course.ages.low}–{course.ages.high}"
        )

    return check


@record_rule("core/certificate-overdrawn", severity="error", record=Enrolment, since="0.2.0")
def certificate_overdrawn(scope: RegistryScope) -> RecordCheck[Enrolment]:
    """Enrolments of one calendar year never charge a certificate more than its nominal.

    The nominal is set per calendar year and does not carry over, so enrolments are totalled
    per certificate and calendar year of their start (a dict entry each).
    """
    certificate = scope.certificate
    spent: dict[tuple[str, int], Decimal] = {}

    def check(enrolment: Enrolment) -> str | None:
        cost = enrolment.cost
        if not cost:
            return None
        holder = certificate(enrolment.certificate)
        if holder is None:
            return None
        if holder.kind is CertificateKind.ACCOUNTING:
            return (
                f"enrolment on programme {enrolment.programme} charges {cost} to certificate "
                f"{enrolment.certificate}, a {holder.kind.label} that pays nothing"
            )
        nominal = holder.nominal
        if nominal is None:
            return None
        key = (enrolment.certificate, enrolment.start.year)
        total = spent.get(key, Decimal(0)) + cost
        spent[key] = total
        if total > nominal:
            return (
                f"certificate {enrolment.certificate} is overdrawn: enrolments of "
                f"{enrolment.start.year} up to programme {enrolment.programme} charge {total}, "
                f"more than its nominal {nominal} for the year"
            )
        return None

    return check


@record_rule("core/enrolment-reference", severity="warning", record=Enrolment, since="0.2.0")
def enrolment_reference(scope: RegistryScope) -> RecordCheck[Enrolment]:
    """An enrolment names a certificate and a programme the registry holds."""
    certificate, programme = scope.certificate, scope.programme
    certificates, programmes = scope.knows_certificates, scope.knows_programmes

    def check(enrolment: Enrolment) -> str | None:
        if certificates and certificate(enrolment.certificate) is None:
            return f"enrolment names certificate {enrolment.certificate}, not in the registry"
        if programmes and programme(enrolment.programme) is None:
            return f"enrolment names programme {enrolment.programme}, not in the registry"
        return None

    return check


@record_rule(
    "core/enrolment-dates", severity="warning", record=Enrolment, stateless=True, since="0.2.0"
)
def enrolment_dates(enrolment: Enrolment) -> str | None:
    """An enrolment ends on or after the day it starts."""
    if enrolment.end is not None and enrolment.end < enrolment.start:
        return (
            f"enrolment of certificate {enrolment.certificate} on programme "
            f"{enrolment.programme} ends ({enrolment.end}) before it starts "
            f"({enrolment.start})"
        )
    return None


@record_rule(
    "core/programme-orientation",
    severity="warning",
    record=Programme,
    stateless=True,
    since="0.2.0",
)
def programme_orientation(programme: Programme) -> str | None:
    """Every programme has one of the six orientations."""
    if programme.orientation is None:
        return f"programme {programme.id} has no known orientation (направленность)"
    return None


@record_rule(
    "core/programme-ages", severity="warning", record=Programme, stateless=True, since="0.2.0"
)
def programme_ages(programme: Programme) -> str | None:
    """A programme's age range runs from the youngest to the oldest."""
    ages = programme.ages
    if ages is not None and ages.low > ages.high:
        return f"programme {programme.id} admits ages {ages.low}–{ages.high}: reversed"
    return None


@record_rule(
    "core/programme-hours", severity="warning", record=Programme, stateless=True, since="0.2.0"
)
def programme_hours(programme: Programme) -> str | None:
    """A programme's volume in hours, when given, is positive."""
    if programme.hours is not None and programme.hours <= 0:
        return f"programme {programme.id} has {programme.hours} hours"
    return None


@record_rule("core/duplicate-programme", severity="error", record=Programme, since="0.2.0")
def duplicate_programme(scope: RegistryScope) -> RecordCheck[Programme]:
    """A programme id appears once in the registry."""
    seen: set[str] = set()

    def check(programme: Programme) -> str | None:
        if programme.id in seen:
            return f"programme id {programme.id} appears more than once"
        seen.add(programme.id)
        return None

    return check


_INN = re.compile(r"[0-9]{10}|[0-9]{12}")


@record_rule(
    "core/provider-inn", severity="warning", record=Organisation, stateless=True, since="0.2.0"
)
def provider_inn(provider: Organisation) -> str | None:
    """A provider's ИНН, when given, has 10 digits (an organisation) or 12 (an entrepreneur)."""
    if provider.inn is not None and _INN.fullmatch(provider.inn) is None:
        return f"provider «{provider.name}» has ИНН «{provider.inn}», not of 10 or 12 digits"
    return None


REGISTRY_RULES = (
    certificate_number,
    duplicate_certificate,
    certificate_age,
    nominal_missing,
    certificate_balance,
    enrolment_age,
    enrolment_programme_age,
    certificate_overdrawn,
    enrolment_reference,
    enrolment_dates,
    programme_orientation,
    programme_ages,
    programme_hours,
    duplicate_programme,
    provider_inn,
)
