"""Writing rules: the :func:`rule` decorator turns a generator function into a rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, Protocol, TypeAlias, TypeVar, overload

import attrs

from dod_model._contracts import Finding, FindingCode, RuleContext, Severity, require_namespace

__all__ = ["FunctionRule", "rule"]

D = TypeVar("D")
D1 = TypeVar("D1")
D2 = TypeVar("D2")
D3 = TypeVar("D3")

At: TypeAlias = object | tuple[object, str]
"""What a finding is about: a model object, ``(holder, "field")``, or a JSON Pointer string."""
Yielded: TypeAlias = Finding | tuple[At, str]
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
        """Run the function on every object of the types the rule applies to.

        On the validated document (``obj`` is ``context.document``) the function is called
        once for each object of its types the document holds, the document included, with a
        context whose :attr:`~dod_model.RuleContext.here` is that object's place (a shared
        instance is checked once in each place). Another ``obj`` is checked if it is of one of
        the types.
        """
        if obj is context.document:
            subjects: Iterable[tuple[object, RuleContext]] = context.each(self.applies_to)
        else:
            subjects = ((obj, context),) if isinstance(obj, self.applies_to) else ()
        declared = self._declared
        for subject, scoped in subjects:
            for item in self.function(subject, scoped):  # type: ignore[arg-type]  # of its types
                if isinstance(item, Finding):
                    yield item
                    continue
                at, message = item
                path, shared = _place(at, scoped)
                if shared > 1:
                    message += (
                        f" [the pointer is uncertain: the same {_kind(at)} stands in {shared} "
                        "places; the rule should name its holder]"
                    )
                yield declared.finding(path=path, message=message)


def _kind(at: At) -> str:
    holder = at[0] if isinstance(at, tuple) else at
    return type(holder).__name__


def _place(at: At, context: RuleContext) -> tuple[str, int]:
    """The pointer of what a rule yielded, and how many places it could mean (1 if certain)."""
    if isinstance(at, str):
        return at, 1
    if isinstance(at, tuple) and len(at) == 2 and isinstance(at[1], str):
        holder, field = at
        return context.pointer(holder, field), len(context.places(holder))
    return context.pointer(at), len(context.places(at))


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
    r"""Make a rule of a generator function that yields ``(what, message)`` pairs.

    ``what`` is the model object the finding is about, or ``(holder, "field")`` for a field
    of one (``(activity, "deadline")``, ``(activity, "results/0")``); its JSON Pointer becomes
    the finding's path (a string is taken as the pointer itself). A function may also yield
    whole :class:`Finding`\\ s.

    ``applies_to`` names what the function is called with: the document (``Roadmap``, a
    registry), or the objects inside it (``Activity``, ``Section``, ``Result``, ``Party``, a
    registry's records): the function is then called once for each, in document order, with
    ``context.here`` at its place.

    Name the holder of what a finding is about. The layout shares one instance between the
    places that hold an equal value (every activity due «Апрель 2019 года» holds the same
    :class:`~dod_model.Deadline`), so ``activity.deadline`` alone does not say whose deadline
    it is, unless the rule applies to ``Activity`` (then it is the one of the activity
    handed). Yield ``(activity, "deadline")``, or use ``context.pointer(activity,
    "deadline")``.

    >>> from dod_model import Roadmap
    >>> from dod_model.validation import rule
    >>> @rule("kirov/no-navigator", severity="warning", applies_to=Roadmap, region="RU-KIR")
    ... def no_navigator(roadmap, context):
    ...     '''The roadmap should plan work on the regional navigator.'''
    ...     if not any("навигатор" in a.title.casefold() for a in roadmap.activities):
    ...         yield roadmap, "the roadmap plans no work on the navigator"
    >>> no_navigator.code, no_navigator.region
    ('kirov/no-navigator', 'RU-KIR')

    >>> from dod_model import Activity
    >>> @rule("kirov/no-deadline", severity="warning", applies_to=Activity)
    ... def no_deadline(activity, context):
    ...     '''Every activity says when it is due.'''
    ...     if not activity.deadline.text:
    ...         yield (activity, "deadline"), f"activity {activity.number} has no deadline"

    Args:
        code: Namespaced code of the findings («kirov/no-navigator»).
        severity: ``error``, ``warning`` or ``info``.
        applies_to: The type(s) the rule checks: of documents, or of the objects inside them
            (``Activity``, ``Section``, ``Result``, ``Party``, registry records; since 0.3.0).
        region: ISO 3166-2 code of the region it is for; ``None`` for every document;
            the rules of a :class:`~dod_model.RegionPlugin` get its region without it.
        since: The version (of dod_model, or of the plugin) that first had the rule, for
            the catalogue of codes (since 0.3.0).

    Raises:
        PluginError: The code is not namespaced («no-navigator» for «kirov/no-navigator»).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       ``applies_to`` takes the objects inside documents; a code without a namespace raises
       :class:`~dod_model.PluginError` (it was a :class:`ValueError`).
    """
    types = applies_to if isinstance(applies_to, tuple) else (applies_to,)

    def decorate(function: Check[D]) -> FunctionRule[D]:
        where = getattr(function, "__qualname__", repr(function))
        require_namespace(code, f"rule of {getattr(function, '__module__', '?')}.{where}")
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
