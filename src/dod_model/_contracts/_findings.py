"""Findings, rules and reports: what validation says about a document."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from dod_model._errors import PluginError
from dod_model._version import SCHEMA_VERSION, library_version

if TYPE_CHECKING:
    from dod_model._contracts._context import RuleContext

__all__ = [
    "Finding",
    "FindingGroup",
    "PluginVersion",
    "Report",
    "Rule",
    "Severity",
    "require_namespace",
]


class Severity(enum.StrEnum):
    """How much a finding matters.

    .. versionadded:: 0.1.0
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings and 2 for information, to sort the gravest first."""
        return (Severity.ERROR, Severity.WARNING, Severity.INFO).index(self)


def _severity(value: Severity | str) -> Severity:
    return Severity(value)


def require_namespace(code: object, where: str) -> None:
    """Refuse a rule code without a namespace («no-responsible» for «kirov/no-responsible»).

    Args:
        code: The rule's code.
        where: Who gives it («plugin 'kirov'», «rule of dod_model_kirov.rules.late»).

    Raises:
        PluginError: The code is no «namespace/name» of non-empty parts without spaces.
    """
    text = code if isinstance(code, str) else ""
    parts = text.split("/")
    if len(parts) >= 2 and all(parts) and not any(c.isspace() for c in text):
        return
    name = parts[-1].strip() if text.strip() else "rule-name"
    msg = (
        f"{where}: rule code {code!r} has no namespace; a code is written «region/rule-name», "
        f"as «kirov/{name}» (the namespace is the plugin's region or name)"
    )
    raise PluginError(msg)


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a rule says about a document.

    Attributes:
        code: Namespaced, stable code: ``"core/missing-deadline"``, ``"tambov/year-not-covered"``.
        message: What is wrong and what to do, in English; data quoted as written.
        severity: ``error``, ``warning`` or ``info``; strings are accepted.
        path: JSON Pointer of the object concerned inside :func:`dod_model.dumps` of the
            validated document; ``""`` for the document itself.

    .. versionadded:: 0.1.0
    """

    code: str
    message: str
    severity: Severity = attrs.field(converter=_severity)
    path: str = ""


@runtime_checkable
class Rule(Protocol):
    """What a validation rule is: any object with these attributes.

    Register rules through the ``dod_register_rules`` hook.

    Attributes:
        code: The code of the findings the rule emits, namespaced («kirov/no-navigator»).
        region: ISO 3166-2 code of the region whose documents it checks, or ``None`` for all.
        severity: The severity of its findings.

    .. versionadded:: 0.1.0
    """

    @property
    def code(self) -> str: ...

    @property
    def region(self) -> str | None: ...

    @property
    def severity(self) -> Severity | str: ...

    def check(self, obj: object, context: RuleContext) -> Iterable[Finding]:
        """Yield the findings about ``obj`` (a roadmap or a registry); nothing if it is fine.

        Use ``context.pointer(x)`` for a finding's ``path``; ignore objects of types the rule
        does not check.
        """
        ...


@attrs.frozen
class PluginVersion:
    """A plugin that took part in a validation.

    Attributes:
        name: The plugin's name.
        version: Its distribution's version, or ``None`` for one registered by hand.

    .. versionadded:: 0.1.0
    """

    name: str
    version: str | None = None


@attrs.frozen(kw_only=True)
class FindingGroup:
    """Findings sharing a code: how many, and where.

    Attributes:
        code: Their code.
        severity: Their severity (the gravest, should a rule vary it).
        count: How many there are.
        paths: Where each one is.
        first: The first one's message, as an example.

    .. versionadded:: 0.1.0
    """

    code: str
    severity: Severity
    count: int
    paths: tuple[str, ...]
    first: str


@attrs.frozen(kw_only=True)
class Report:
    """The findings of a validation, with what produced them.

    Attributes:
        findings: Every finding, in document order, then by code.
        region: ISO 3166-2 code of the region whose rules ran, or ``None``.
        library: Version of dod_model.
        schema_version: Version of the JSON form the paths point into.
        plugins: The plugins whose rules ran.

    .. versionadded:: 0.1.0
    """

    findings: tuple[Finding, ...] = ()
    region: str | None = None
    library: str = ""
    schema_version: str = ""
    plugins: tuple[PluginVersion, ...] = ()

    @classmethod
    def build(
        cls,
        findings: Iterable[Finding],
        *,
        region: str | None = None,
        plugins: Mapping[str, str | None] | None = None,
        order: Callable[[str], int] | None = None,
    ) -> Report:
        """The report of a validation: its findings, with this library's and schema's versions.

        Both :func:`dod_model.validate` and :func:`dod_model.registry.validate_registry` make
        their reports so.

        >>> from dod_model import Finding, Report
        >>> report = Report.build(
        ...     [Finding(code="kirov/b", message="b", severity="info", path="/x"),
        ...      Finding(code="kirov/a", message="a", severity="error", path="/x")],
        ...     region="RU-KIR", plugins={"kirov": "1.0"}, order=len,
        ... )
        >>> [f.code for f in report], report.plugins
        (['kirov/a', 'kirov/b'], (PluginVersion(name='kirov', version='1.0'),))

        Args:
            findings: What the rules found.
            region: ISO 3166-2 code of the region whose rules ran.
            plugins: Each plugin that took part and its version, by name
                (:meth:`dod_model.Plugins.versions`); listed in the order given.
            order: The position of a path in the validated document (such as
                :meth:`dod_model.RuleContext.order`): the findings are sorted by it, then the
                gravest first, then by code and by message. Without it they keep the order
                given (a streamed validation's: the files' order).

        .. versionadded:: 0.3.0
        """
        found = list(findings)
        if order is not None:
            found.sort(key=lambda f: (order(f.path), f.severity.rank, f.code, f.message))
        return cls(
            findings=tuple(found),
            region=region,
            library=library_version(),
            schema_version=SCHEMA_VERSION,
            plugins=tuple(PluginVersion(n, v) for n, v in (plugins or {}).items()),
        )

    @property
    def ok(self) -> bool:
        """Whether no finding is an error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def counts(self) -> dict[str, int]:
        """How many findings of each severity, gravest first."""
        return {s.value: sum(f.severity is s for f in self.findings) for s in Severity}

    def codes(self) -> tuple[str, ...]:
        """The distinct codes found, sorted."""
        return tuple(sorted({f.code for f in self.findings}))

    def groups(self) -> tuple[FindingGroup, ...]:
        """Findings grouped by code, gravest first, then by code."""
        by_code: dict[str, list[Finding]] = {}
        for finding in self.findings:
            by_code.setdefault(finding.code, []).append(finding)
        groups = [
            FindingGroup(
                code=code,
                severity=min((f.severity for f in found), key=lambda s: s.rank),
                count=len(found),
                paths=tuple(f.path for f in found),
                first=found[0].message,
            )
            for code, found in by_code.items()
        ]
        return tuple(sorted(groups, key=lambda g: (g.severity.rank, g.code)))
