"""The core rules of programme and certificate registries."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from dod_model.model import AgeRange, CertificateKind, CertificateRegistry, ProgrammeRegistry
from dod_model.validation import RuleContext, rule

__all__ = ["REGISTRY_RULES", "age_on"]

Found = Iterator[tuple[object, str]]
_DEFAULT_AGES = AgeRange(5, 18)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Full years of age on a day."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _ages(context: RuleContext) -> AgeRange:
    return context.region.certificate_ages if context.region else _DEFAULT_AGES


@rule("core/certificate-number", severity="error", applies_to=CertificateRegistry)
def certificate_number(registry: CertificateRegistry, context: RuleContext) -> Found:
    """Certificate numbers have the region's form (ten digits unless the region says otherwise)."""
    form = context.region.certificate_number if context.region else r"\d{10}"
    pattern = re.compile(form)
    for certificate in registry.certificates:
        if not pattern.fullmatch(certificate.number):
            yield (
                certificate,
                f"certificate number «{certificate.number}» is not of the form {form}",
            )


@rule("core/duplicate-certificate", severity="error", applies_to=CertificateRegistry)
def duplicate_certificate(registry: CertificateRegistry, context: RuleContext) -> Found:
    """A certificate number is issued once."""
    seen: set[str] = set()
    for certificate in registry.certificates:
        if certificate.number in seen:
            yield certificate, f"certificate number {certificate.number} appears more than once"
        seen.add(certificate.number)


@rule("core/certificate-age", severity="warning", applies_to=CertificateRegistry)
def certificate_age(registry: CertificateRegistry, context: RuleContext) -> Found:
    """The holder's age on the issue date is within the region's range."""
    ages = _ages(context)
    for certificate in registry.certificates:
        birth, issued = certificate.holder_birth_date, certificate.issued
        if birth is None or issued is None:
            continue
        age = age_on(birth, issued)
        if age not in ages:
            yield (
                certificate,
                (
                    f"certificate {certificate.number} was issued to a child of {age}, outside the "
                    f"ages {ages.low}–{ages.high}"
                ),
            )


@rule("core/nominal-missing", severity="error", applies_to=CertificateRegistry)
def nominal_missing(registry: CertificateRegistry, context: RuleContext) -> Found:
    """A financing or social certificate carries a nominal."""
    paying = (CertificateKind.PERSONIFIED_FINANCING, CertificateKind.SOCIAL)
    for certificate in registry.certificates:
        if certificate.kind in paying and certificate.nominal is None:
            yield (
                certificate,
                (f"certificate {certificate.number} ({certificate.kind.label}) has no nominal"),
            )


@rule("core/enrolment-age", severity="warning", applies_to=CertificateRegistry)
def enrolment_age(registry: CertificateRegistry, context: RuleContext) -> Found:
    """A child is within the region's certificate ages when enrolled."""
    ages = _ages(context)
    births: dict[str, dt.date | None] = {}
    for certificate in registry.certificates:  # the first of duplicate numbers counts
        births.setdefault(certificate.number, certificate.holder_birth_date)
    for enrolment in registry.enrolments:
        birth = births.get(enrolment.certificate)
        if birth is None:
            continue
        age = age_on(birth, enrolment.start)
        if age not in ages:
            yield (
                enrolment,
                (
                    f"certificate {enrolment.certificate} was enrolled on programme "
                    f"{enrolment.programme} at {age}, outside the ages {ages.low}–{ages.high}"
                ),
            )


@rule("core/programme-orientation", severity="warning", applies_to=ProgrammeRegistry)
def programme_orientation(registry: ProgrammeRegistry, context: RuleContext) -> Found:
    """Every programme has one of the six orientations."""
    for programme in registry.programmes:
        if programme.orientation is None:
            yield programme, f"programme {programme.id} has no known orientation (направленность)"


@rule("core/programme-ages", severity="warning", applies_to=ProgrammeRegistry)
def programme_ages(registry: ProgrammeRegistry, context: RuleContext) -> Found:
    """A programme's age range runs from the youngest to the oldest."""
    for programme in registry.programmes:
        ages = programme.ages
        if ages is not None and ages.low > ages.high:
            yield (
                programme,
                f"programme {programme.id} admits ages {ages.low}–{ages.high}: reversed",
            )


REGISTRY_RULES = (
    certificate_number,
    duplicate_certificate,
    certificate_age,
    nominal_missing,
    enrolment_age,
    programme_orientation,
    programme_ages,
)
