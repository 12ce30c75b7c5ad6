"""Built-in plugin ``amur``: Амурская область (RU-AMU).

Its seed is the first-priority plan of its РМЦ, after the federal template: choose and approve
the site, appoint a director, name the coordinating body, approve the regulation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

from dod_model._base import dotted_date
from dod_model._host import RegionPlugin
from dod_model.model import Certificate, CertificateKind, Region, Roadmap
from dod_model.validation import RecordCheck, RegistryScope, RuleContext, record_rule, rule

CODE = "RU-AMU"
REGION = Region(
    code=CODE,
    name="Амурская область",
    aliases=("Амурской области", "Амурской обл.", "Амурская обл."),
    places=(
        "Благовещенск",
        "Благовещенска",
        "Белогорск",
        "Свободный",
        "Тында",
        "Зея",
        "Шимановск",
        "Райчихинск",
    ),
    navigator="dopportal.amurobl.ru",
    notes="ПФДО since 2020, nominal per municipality.",
)
# A word's ending after its stem: at most 30 letters, so that a search is linear in the text.
FOUNDING_STEPS = (
    ("choosing the site", re.compile(r"отбор\w{0,30} площадк", re.IGNORECASE)),
    ("approving the site", re.compile(r"утвержд\w{0,30} площадк", re.IGNORECASE)),
    (
        "appointing a director",
        re.compile(r"назначени\w{0,30} (?:директора|руководителя)", re.IGNORECASE),
    ),
    (
        "naming the coordinating body",
        re.compile(r"координатор|орган\w{0,30} исполнительной власти", re.IGNORECASE),
    ),
    ("approving the regulation", re.compile(r"положени\w{0,30} о деятельности", re.IGNORECASE)),
)


@rule("amur/founding-steps", severity="warning", applies_to=Roadmap, since="0.1.0")
def founding_steps(roadmap: Roadmap, context: RuleContext) -> Iterator[tuple[object, str]]:
    """A РМЦ's first steps: choose and approve the site, a director, a coordinator, a regulation."""
    if not roadmap.activities:
        return
    text = "\n".join(
        part for a in roadmap.iter_activities() for part in (a.title, *(s.text for s in a.steps))
    )
    missing = [name for name, pattern in FOUNDING_STEPS if not pattern.search(text)]
    if missing:
        yield roadmap, f"the plan lacks founding steps of a РМЦ: {', '.join(missing)}"


PFDO_SINCE = dt.date(2020, 1, 1)


@record_rule(
    "amur/financing-before-pfdo", severity="info", record=Certificate, stateless=True, since="0.2.0"
)
def financing_before_pfdo(certificate: Certificate) -> str | None:
    """A financing certificate issued before 2020, when the region began ПФДО, is noted.

    Every certificate starts as a сертификат учёта, so one issued in 2019 and converted in 2020
    is in order: registries keep no conversion date, and the finding is a note, not a warning.
    """
    issued = certificate.issued
    if certificate.kind is not CertificateKind.PERSONIFIED_FINANCING or issued is None:
        return None
    if issued < PFDO_SINCE:
        return (
            f"certificate {certificate.number} is a financing certificate issued on "
            f"{dotted_date(issued)}, before ПФДО began in the region in 2020: converted from a "
            "сертификат учёта since, or issued as one by mistake"
        )
    return None


@record_rule("amur/nominal-per-municipality", severity="warning", record=Certificate, since="0.2.0")
def nominal_per_municipality(scope: RegistryScope) -> RecordCheck[Certificate]:
    """Financing certificates of one municipality and year carry its one nominal.

    The first certificate read of a municipality and year sets the nominal the others are held
    to (a dict entry per municipality and year).
    """
    nominals: dict[tuple[str, int], tuple[Decimal, str]] = {}

    def check(certificate: Certificate) -> str | None:
        nominal, issued, place = certificate.nominal, certificate.issued, certificate.municipality
        if certificate.kind is not CertificateKind.PERSONIFIED_FINANCING:
            return None
        if nominal is None or issued is None or not place:
            return None
        first = nominals.setdefault((place, issued.year), (nominal, certificate.number))
        if first[0] != nominal:
            return (
                f"certificate {certificate.number} has a nominal of {nominal}, but {place} set "
                f"{first[0]} for {issued.year} (certificate {first[1]})"
            )
        return None

    return check


PLUGIN = RegionPlugin(
    REGION,
    rules=(founding_steps, financing_before_pfdo, nominal_per_municipality),
)
