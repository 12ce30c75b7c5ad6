"""Rules checked record by record, so that a registry of millions streams through them.

A :class:`RecordRule` is registered through the ``dod_register_rules`` hook like any rule. Given
a :class:`RegistryScope` (the region in force, what earlier tables of the registry said), it
starts a *check*: a function of one record that returns a message or ``None``, keeping what
state it needs (numbers seen, what each certificate has spent) in its closure. A rule that needs
neither the scope nor any state is its check itself (``stateless=True``). The same rule serves
:func:`dod_model.validate` on a whole registry and :func:`dod_model.registry.validate_registry`
on files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Generic, Literal, TypeAlias, TypeVar, cast, overload

import attrs

from dod_model._contracts import Finding, FindingCode, RuleContext, Severity
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
from dod_model.validation._rules import own_code

__all__ = ["RecordCheck", "RecordRule", "RegistryScope", "record_rule"]

R = TypeVar("R")
T = TypeVar("T")

RecordCheck: TypeAlias = Callable[[R], str | None]
"""A started record rule: a record in, a message (or ``None`` when it is fine) out.

Generic in the record type: ``RecordCheck[Certificate]`` checks certificates.
"""

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


def _first(records: Iterable[T], key: Callable[[T], str]) -> dict[str, T]:
    found: dict[str, T] = {}
    for record in records:
        found.setdefault(key(record), record)
    return found


def _tables(document: object) -> tuple[tuple[type, tuple[object, ...]], ...]:
    """The record types of a registry document and its table of each."""
    if isinstance(document, CertificateRegistry):
        return ((Certificate, document.certificates), (Enrolment, document.enrolments))
    if isinstance(document, ProgrammeRegistry):
        return ((Programme, document.programmes), (Organisation, document.providers))
    return ()


def records_of(document: object, record: type[R]) -> tuple[R, ...]:
    """The records of type ``record`` a registry document holds (none for other documents)."""
    for kind, table in _tables(document):
        if record is kind:
            return cast("tuple[R, ...]", table)  # the table of ``kind`` holds ``kind``s
    return ()


def document_scope(document: object, region: Region | None) -> RegistryScope:
    """The scope of a whole registry document: its own tables are known."""
    if isinstance(document, CertificateRegistry):
        return RegistryScope(region, certificates=_first(document.certificates, lambda c: c.number))
    if isinstance(document, ProgrammeRegistry):
        return RegistryScope(region, programmes=_first(document.programmes, lambda p: p.id))
    return RegistryScope(region)


@attrs.frozen
class _Stateless(Generic[R]):
    """How a stateless rule starts: every registry gets the one check."""

    check: RecordCheck[R]

    def __call__(self, scope: RegistryScope) -> RecordCheck[R]:
        return self.check


@attrs.frozen(kw_only=True)
class RecordRule(Generic[R]):
    """A rule checked one record at a time (made by :func:`record_rule`).

    Generic in the record type it checks: ``RecordRule[Certificate]``.

    Attributes:
        code: The code of its findings.
        severity: Their severity.
        region: The region whose registries it checks, ``None`` for all.
        record: The record type it checks: :class:`~dod_model.registry.Certificate`,
            :class:`~dod_model.registry.Enrolment`, :class:`~dod_model.registry.Programme` or
            :class:`~dod_model.registry.Organisation` (providers).
        start: Builds the check for one registry from its scope (for a stateless rule, gives
            every registry its one check).
        description: What it checks.
        since: The version that first had the rule (since 0.3.0).

    .. versionadded:: 0.2.0
    """

    code: str
    severity: Severity = attrs.field(converter=Severity)
    region: str | None = None
    record: type[R]
    start: Callable[[RegistryScope], RecordCheck[R]] = attrs.field(repr=False)
    description: str = ""
    since: str | None = None
    _declared: FindingCode = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(own_code, takes_self=True)
    )

    @property
    def codes(self) -> tuple[FindingCode, ...]:
        """The code it declares, for :func:`~dod_model.validation.catalogue`.

        .. versionadded:: 0.3.0
        """
        return (self._declared,)

    @property
    def stateless(self) -> bool:
        """Whether the rule is its check itself, made with ``record_rule(..., stateless=True)``.

        .. versionadded:: 0.3.0
        """
        return isinstance(self.start, _Stateless)

    def check(self, obj: object, context: RuleContext) -> Iterator[Finding]:
        """Check every record of its type in a registry document; other documents pass."""
        records = records_of(obj, self.record)
        if not records:
            return
        test = self.start(document_scope(obj, context.region))
        declared = self._declared
        for record in records:
            message = test(record)
            if message is not None:
                yield declared.finding(path=context.pointer(record), message=message)


@overload
def record_rule(
    code: str,
    *,
    severity: Severity | str,
    record: type[R],
    region: str | None = None,
    since: str | None = None,
    stateless: Literal[False] = False,
) -> Callable[[Callable[[RegistryScope], RecordCheck[R]]], RecordRule[R]]: ...


@overload
def record_rule(
    code: str,
    *,
    severity: Severity | str,
    record: type[R],
    region: str | None = None,
    since: str | None = None,
    stateless: Literal[True],
) -> Callable[[RecordCheck[R]], RecordRule[R]]: ...


def record_rule(
    code: str,
    *,
    severity: Severity | str,
    record: type[R],
    region: str | None = None,
    since: str | None = None,
    stateless: bool = False,
) -> (
    Callable[[Callable[[RegistryScope], RecordCheck[R]]], RecordRule[R]]
    | Callable[[RecordCheck[R]], RecordRule[R]]
):
    """Make a record rule of a function: a check of one record, or a factory of checks.

    A rule that needs nothing but the record is its check itself: with ``stateless=True`` the
    function takes a record and returns a message, or ``None`` when the record is fine.

    >>> from dod_model.registry import Certificate, record_rule
    >>> @record_rule("kirov/municipality", severity="warning", record=Certificate,
    ...              stateless=True)
    ... def municipality(certificate):
    ...     '''A certificate names its municipality.'''
    ...     if not certificate.municipality:
    ...         return f"certificate {certificate.number} names no municipality"
    ...     return None
    >>> municipality.start(None)(Certificate(number="0123456789"))
    'certificate 0123456789 names no municipality'

    A rule that reads the :class:`RegistryScope` (the region's settings, the registry's other
    tables) or keeps state across records (the numbers seen) is a factory: the function takes
    the scope, once per registry, and returns the check, which keeps its state in its closure.

    >>> @record_rule("kirov/repeated-holder", severity="info", record=Certificate)
    ... def repeated_holder(scope):
    ...     '''A child holds one certificate.'''
    ...     seen = set()
    ...     def check(certificate):
    ...         holder = (certificate.holder_birth_date, certificate.municipality)
    ...         if None in holder:
    ...             return None
    ...         if holder in seen:
    ...             return f"certificate {certificate.number} may repeat a child's"
    ...         seen.add(holder)
    ...         return None
    ...     return check
    >>> repeated_holder.stateless, municipality.stateless
    (False, True)

    Args:
        code: Namespaced code of the findings.
        severity: ``error``, ``warning`` or ``info``.
        record: The record type it checks.
        region: ISO 3166-2 code of the region it is for; ``None`` for every registry;
            the rules of a :class:`~dod_model.RegionPlugin` get its region without it.
        since: The version (of dod_model, or of the plugin) that first had the rule, for
            the catalogue of codes (since 0.3.0).
        stateless: The function is the check itself, ``check(record)``, rather than
            ``start(scope)`` returning the check (since 0.3.0).

    Raises:
        ValueError: The code is not namespaced.

    .. versionadded:: 0.2.0
    """

    def decorate(
        function: Callable[[RegistryScope], RecordCheck[R]] | RecordCheck[R],
    ) -> RecordRule[R]:
        start = (
            _Stateless(cast("RecordCheck[R]", function))
            if stateless
            else cast("Callable[[RegistryScope], RecordCheck[R]]", function)
        )
        return RecordRule(
            code=code,
            severity=severity,
            region=region,
            record=record,
            start=start,
            description=" ".join((function.__doc__ or "").split()),
            since=since,
        )

    return decorate
