"""Rules checked record by record, so that a registry of millions streams through them.

A :class:`RecordRule` is registered through the ``dod_register_rules`` hook like any rule. Given
a :class:`RegistryScope` (the region in force, what earlier tables of the registry said), it
starts a *check*: a function of one record that returns a message or ``None``, keeping what
state it needs (numbers seen, what each certificate has spent) in its closure. The same rule
serves :func:`dod_model.validate` on a whole registry and
:func:`dod_model.registry.validate_registry` on files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from dod_model._contracts import Finding, RuleContext, Severity
from dod_model.model import (
    AgeRange,
    Certificate,
    CertificateRegistry,
    Enrolment,
    Organisation,
    Programme,
    ProgrammeRegistry,
    Region,
)

__all__ = ["RecordCheck", "RecordRule", "RegistryScope", "record_rule"]

RecordCheck = Callable[[Any], str | None]
"""A started record rule: a record in, a message (or ``None`` when it is fine) out."""

DEFAULT_AGES = AgeRange(5, 18)
DEFAULT_NUMBER = r"\d{10}"


class RegistryScope:
    """What a record rule knows beyond the record: the region, and the registry's other tables.

    Attributes:
        region: The :class:`~dod_model.Region` in force, or ``None``.
        certificate_ages: Ages at which children hold certificates (the region's, else 5–18).
        certificate_number: Regular expression of a certificate number (the region's, else ten
            digits).

    .. versionadded:: 0.2.0
    """

    def __init__(
        self,
        region: Region | None,
        *,
        certificates: Mapping[str, Certificate] | None = None,
        programmes: Mapping[str, Programme] | None = None,
    ) -> None:
        self.region = region
        self.certificate_ages = region.certificate_ages if region else DEFAULT_AGES
        self.certificate_number = region.certificate_number if region else DEFAULT_NUMBER
        self._certificates = certificates
        self._programmes = programmes

    @property
    def knows_certificates(self) -> bool:
        """Whether the certificates of the registry are known (enrolments can be checked)."""
        return self._certificates is not None

    @property
    def knows_programmes(self) -> bool:
        """Whether the programmes of the registry are known."""
        return self._programmes is not None

    def certificate(self, number: str) -> Certificate | None:
        """The certificate of that number (the first, if numbers repeat), or ``None``."""
        return None if self._certificates is None else self._certificates.get(number)

    def programme(self, identifier: str) -> Programme | None:
        """The programme of that id (the first, if ids repeat), or ``None``."""
        return None if self._programmes is None else self._programmes.get(identifier)


def _first(records: Iterable[Any], key: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for record in records:
        found.setdefault(getattr(record, key), record)
    return found


def records_of(document: object, record: type) -> tuple[Any, ...]:
    """The records of type ``record`` a registry document holds (none for other documents)."""
    if isinstance(document, CertificateRegistry):
        if record is Certificate:
            return document.certificates
        if record is Enrolment:
            return document.enrolments
    if isinstance(document, ProgrammeRegistry):
        if record is Programme:
            return document.programmes
        if record is Organisation:
            return document.providers
    return ()


def document_scope(document: object, region: Region | None) -> RegistryScope:
    """The scope of a whole registry document: its own tables are known."""
    if isinstance(document, CertificateRegistry):
        return RegistryScope(region, certificates=_first(document.certificates, "number"))
    if isinstance(document, ProgrammeRegistry):
        return RegistryScope(region, programmes=_first(document.programmes, "id"))
    return RegistryScope(region)


@attrs.frozen(kw_only=True)
class RecordRule:
    """A rule checked one record at a time (made by :func:`record_rule`).

    Attributes:
        code: The code of its findings.
        severity: Their severity.
        region: The region whose registries it checks, ``None`` for all.
        record: The record type it checks: :class:`~dod_model.registry.Certificate`,
            :class:`~dod_model.registry.Enrolment`, :class:`~dod_model.registry.Programme` or
            :class:`~dod_model.registry.Organisation` (providers).
        start: Builds the check for one registry from its scope.
        description: What it checks.

    .. versionadded:: 0.2.0
    """

    code: str
    severity: Severity = attrs.field(converter=Severity)
    region: str | None = None
    record: type
    start: Callable[[RegistryScope], RecordCheck] = attrs.field(repr=False)
    description: str = ""

    def check(self, obj: object, context: RuleContext) -> Iterator[Finding]:
        """Check every record of its type in a registry document; other documents pass."""
        records = records_of(obj, self.record)
        if not records:
            return
        test = self.start(document_scope(obj, context.region))
        for record in records:
            message = test(record)
            if message is not None:
                yield Finding(
                    code=self.code,
                    message=message,
                    severity=self.severity,
                    path=context.pointer(record),
                )


def record_rule(
    code: str, *, severity: Severity | str, record: type, region: str | None = None
) -> Callable[[Callable[[RegistryScope], RecordCheck]], RecordRule]:
    """Make a record rule of a function that starts a check from a scope.

    >>> from dod_model.registry import Certificate
    >>> from dod_model.validation import record_rule
    >>> @record_rule("kirov/municipality", severity="warning", record=Certificate,
    ...              region="RU-KIR")
    ... def municipality(scope):
    ...     '''A certificate names its municipality.'''
    ...     def check(certificate):
    ...         if not certificate.municipality:
    ...             return f"certificate {certificate.number} names no municipality"
    ...         return None
    ...     return check
    >>> municipality.start(None)(Certificate(number="0123456789"))
    'certificate 0123456789 names no municipality'

    Args:
        code: Namespaced code of the findings.
        severity: ``error``, ``warning`` or ``info``.
        record: The record type it checks.
        region: ISO 3166-2 code of the region it is for; ``None`` for every registry.

    .. versionadded:: 0.2.0
    """

    def decorate(start: Callable[[RegistryScope], RecordCheck]) -> RecordRule:
        return RecordRule(
            code=code,
            severity=severity,
            region=region,
            record=record,
            start=start,
            description=" ".join((start.__doc__ or "").split()),
        )

    return decorate
