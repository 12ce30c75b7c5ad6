"""Writing rules: the :func:`rule` decorator turns a generator function into a rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, Protocol, TypeAlias, TypeVar, overload

import attrs

from dod_model._contracts import Finding, FindingCode, RuleContext, Severity

__all__ = ["FunctionRule", "rule"]

D = TypeVar("D")
D1 = TypeVar("D1")
D2 = TypeVar("D2")
D3 = TypeVar("D3")

Yielded: TypeAlias = Finding | tuple[object, str]
Check: TypeAlias = Callable[[D, RuleContext], Iterable[Yielded]]


class _Declares(Protocol):
    """What a rule made here says of the one code it emits."""

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def description(self) -> str: ...
    @property
    def since(self) -> str | None: ...


def own_code(rule: _Declares) -> FindingCode:
    """The code a rule made by :func:`rule` or :func:`record_rule` declares (messages whole)."""
    return FindingCode(
        code=rule.code, severity=rule.severity, description=rule.description, since=rule.since
    )


@attrs.frozen(kw_only=True)
class FunctionRule(Generic[D]):
    """A rule made by :func:`rule` from a function.

    Generic in the documents it checks: ``FunctionRule[Roadmap]``.

    Attributes:
        code: The code of its findings.
        severity: Their severity.
        region: The region whose documents it checks, ``None`` for all.
        applies_to: The document types it checks; others are skipped.
        function: The check.
        description: What it checks (the function's docstring).
        since: The version that first had the rule (since 0.3.0).

    .. versionadded:: 0.1.0
    """

    code: str
    severity: Severity = attrs.field(converter=Severity)
    region: str | None = None
    applies_to: tuple[type[D], ...]
    function: Check[D] = attrs.field(repr=False)
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

    def check(self, obj: object, context: RuleContext) -> Iterable[Finding]:
        """Run the function on ``obj`` if it is of a type the rule applies to."""
        if not isinstance(obj, self.applies_to):
            return
        declared = self._declared
        for item in self.function(obj, context):
            if isinstance(item, Finding):
                yield item
            else:
                at, message = item
                path = at if isinstance(at, str) else context.pointer(at)
                yield declared.finding(path=path, message=message)


@overload
def rule(
    code: str,
    *,
    severity: Severity | str,
    applies_to: type[D] | tuple[type[D]],
    region: str | None = None,
    since: str | None = None,
) -> Callable[[Check[D]], FunctionRule[D]]: ...


@overload
def rule(
    code: str,
    *,
    severity: Severity | str,
    applies_to: tuple[type[D1], type[D2]],
    region: str | None = None,
    since: str | None = None,
) -> Callable[[Check[D1 | D2]], FunctionRule[D1 | D2]]: ...


@overload
def rule(
    code: str,
    *,
    severity: Severity | str,
    applies_to: tuple[type[D1], type[D2], type[D3]],
    region: str | None = None,
    since: str | None = None,
) -> Callable[[Check[D1 | D2 | D3]], FunctionRule[D1 | D2 | D3]]: ...


def rule(
    code: str,
    *,
    severity: Severity | str,
    applies_to: type[D] | tuple[type[D], ...],
    region: str | None = None,
    since: str | None = None,
) -> Callable[[Check[D]], FunctionRule[D]]:
    r"""Make a rule of a generator function that yields ``(object, message)`` pairs.

    The object is the model object the finding is about; its JSON Pointer becomes the
    finding's path (a string is taken as the pointer itself, for a field of an object:
    ``f"{context.pointer(activity)}/deadline"``). A function may also yield whole
    :class:`Finding`\\ s.

    >>> from dod_model import Roadmap
    >>> from dod_model.validation import rule
    >>> @rule("kirov/no-navigator", severity="warning", applies_to=Roadmap, region="RU-KIR")
    ... def no_navigator(roadmap, context):
    ...     '''The roadmap should plan work on the regional navigator.'''
    ...     if not any("навигатор" in a.title.casefold() for a in roadmap.activities):
    ...         yield roadmap, "the roadmap plans no work on the navigator"
    >>> no_navigator.code, no_navigator.region
    ('kirov/no-navigator', 'RU-KIR')

    Args:
        code: Namespaced code of the findings («kirov/no-navigator»).
        severity: ``error``, ``warning`` or ``info``.
        applies_to: The document type(s) the rule checks.
        region: ISO 3166-2 code of the region it is for; ``None`` for every document;
            the rules of a :class:`~dod_model.RegionPlugin` get its region without it.
        since: The version (of dod_model, or of the plugin) that first had the rule, for
            the catalogue of codes (since 0.3.0).

    Raises:
        ValueError: The code is not namespaced.

    .. versionadded:: 0.1.0
    """
    types = applies_to if isinstance(applies_to, tuple) else (applies_to,)

    def decorate(function: Check[D]) -> FunctionRule[D]:
        return FunctionRule(
            code=code,
            severity=severity,
            region=region,
            applies_to=types,
            function=function,
            description=" ".join((function.__doc__ or "").split()),
            since=since,
        )

    return decorate
