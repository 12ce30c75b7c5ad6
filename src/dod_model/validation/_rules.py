"""Writing rules: the :func:`rule` decorator turns a generator function into a rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from dod_model._contracts import Finding, RuleContext, Severity

__all__ = ["FunctionRule", "rule"]

Yielded = Finding | tuple[object, str]
Check = Callable[[Any, RuleContext], Iterable[Yielded]]


@attrs.frozen(kw_only=True)
class FunctionRule:
    """A rule made by :func:`rule` from a function.

    Attributes:
        code: The code of its findings.
        severity: Their severity.
        region: The region whose documents it checks, ``None`` for all.
        applies_to: The document types it checks; others are skipped.
        function: The check.
        description: What it checks (the function's docstring).

    .. versionadded:: 0.1.0
    """

    code: str
    severity: Severity = attrs.field(converter=Severity)
    region: str | None = None
    applies_to: tuple[type, ...]
    function: Check = attrs.field(repr=False)
    description: str = ""

    def check(self, obj: object, context: RuleContext) -> Iterable[Finding]:
        """Run the function on ``obj`` if it is of a type the rule applies to."""
        if not isinstance(obj, self.applies_to):
            return
        for item in self.function(obj, context):
            if isinstance(item, Finding):
                yield item
            else:
                at, message = item
                path = at if isinstance(at, str) else context.pointer(at)
                yield Finding(code=self.code, message=message, severity=self.severity, path=path)


def rule(
    code: str,
    *,
    severity: Severity | str,
    applies_to: type | tuple[type, ...],
    region: str | None = None,
) -> Callable[[Check], FunctionRule]:
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

    .. versionadded:: 0.1.0
    """
    types = applies_to if isinstance(applies_to, tuple) else (applies_to,)

    def decorate(function: Check) -> FunctionRule:
        return FunctionRule(
            code=code,
            severity=severity,
            region=region,
            applies_to=types,
            function=function,
            description=" ".join((function.__doc__ or "").split()),
        )

    return decorate
