"""The conformance check of a validation rule, on generated and bundled documents.

Needs hypothesis; :func:`dod_model.testing.check_rule` imports this module on first use and
says how to install it when it is missing.
"""

from __future__ import annotations

import functools
from typing import Any

import attrs
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from dod_model.codec import to_data
from dod_model.examples import load
from dod_model.model import Activity, Region, Roadmap
from dod_model.plugins import get_plugin_manager
from dod_model.testing import strategies as dst
from dod_model.testing._pointers import resolve_pointer
from dod_model.text import core_glossary
from dod_model.validation import Finding, Rule, RuleContext, codes_of

__all__ = ["conform"]

# Bundled documents where equal values stand in several places, shared by the layout:
# activities 1–5 of the Ulyanovsk plan hold one deadline «Апрель 2019 года».
SHARING_EXAMPLES = ("ulyanovsk", "tambov", "samara", "amur", "sverdlovsk")


class _Witness(RuleContext):
    """A strict context that remembers every pointer it gave, and for what."""

    def __init__(self, document: object, region: Region | None) -> None:
        super().__init__(document, region, core_glossary(), strict=True)
        self.given: list[tuple[object, str | None, str]] = []

    def pointer(self, obj: object, field: str | None = None) -> str:
        found = super().pointer(obj, field)
        self.given.append((obj, field, found))
        return found


def _object_at(document: object, pointer: str) -> object:
    """The object (not its JSON form) at a pointer, followed by identity."""
    value = document
    for token in pointer.split("/")[1:] if pointer else ():
        key = token.replace("~1", "/").replace("~0", "~")
        value = value[int(key)] if isinstance(value, tuple) else getattr(value, key)
    return value


def _field(obj: object, field: str | None) -> object:
    value = obj
    for token in field.split("/") if field else ():
        value = value[int(token)] if isinstance(value, tuple) else getattr(value, token)
    return value


def _shared(roadmap: Roadmap) -> Roadmap:
    """The roadmap with equal values made one instance, as the layout makes them.

    Equal deadlines, results, parties and their tuples become one object each; the last
    activity also takes the first's deadline and results, so that some are always shared.
    """
    memo: dict[object, Any] = {}

    def one(value: Any) -> Any:
        try:
            return memo.setdefault(value, value)
        except TypeError:  # unhashable: left as it is
            return value

    def activity(item: Activity, first: Activity | None) -> Activity:
        source = first or item
        return attrs.evolve(
            item,
            deadline=one(source.deadline),
            results=one(tuple(one(r) for r in source.results)),
            responsible=one(tuple(one(p) for p in item.responsible)),
        )

    activities = roadmap.activities
    last = activities[-1] if len(activities) > 1 else None

    def each(items: tuple[Activity, ...]) -> tuple[Activity, ...]:
        return tuple(activity(a, activities[0] if a is last else None) for a in items)

    return attrs.evolve(
        roadmap,
        unsectioned=each(roadmap.unsectioned),
        sections=tuple(attrs.evolve(s, activities=each(s.activities)) for s in roadmap.sections),
    )


@functools.cache
def _bundled() -> tuple[tuple[str, Roadmap], ...]:
    plugins = get_plugin_manager(entry_points=False)
    return tuple((name, load(name, plugins=plugins)) for name in SHARING_EXAMPLES)


def _fail(rule: Rule, where: str, problem: str) -> None:
    msg = f"rule {rule.code} {problem} (on {where})"
    raise AssertionError(msg)


def _conforms(rule: Rule, declared: set[str], document: object, region: Region | None,
              where: str) -> None:  # fmt: skip
    context = _Witness(document, region)
    try:
        found: list[object] = list(rule.check(document, context))
    except LookupError as exc:
        _fail(rule, where, f"gave a pointer that cannot be told: {exc}")
        raise  # unreachable: _fail raises
    data = to_data(document)
    for finding in found:
        if not isinstance(finding, Finding):
            _fail(rule, where, f"yielded {finding!r}, not a Finding")
            return
        if finding.code not in declared:
            _fail(rule, where, f"emitted {finding.code!r}, which it does not declare")
        try:
            resolve_pointer(data, finding.path)
        except KeyError:
            _fail(rule, where, f"points at {finding.path!r}, outside the document")
    for obj, field, pointer in context.given:
        meant = _field(obj, field)
        if _object_at(document, pointer) is not meant:
            _fail(rule, where, f"was given {pointer!r} for a {type(meant).__name__} not there")
        expected = to_data(meant) if attrs.has(type(meant)) else None
        if expected is not None and resolve_pointer(data, pointer) != expected:
            _fail(rule, where, f"was given {pointer!r}, where dumps() holds another value")


def conform(rule: Rule, *, region: Region | None = None, max_examples: int = 50) -> None:
    """The body of :func:`dod_model.testing.check_rule` (see there)."""
    declared = {spec.code for spec in codes_of(rule)}
    code = region.code if region is not None else rule.region

    def in_region(document: Any) -> Any:
        return attrs.evolve(document, region=code)

    for name, example in _bundled():
        _conforms(rule, declared, in_region(example), region, f"the bundled example {name!r}")

    documents = st.one_of(
        dst.roadmaps().map(_shared),
        dst.roadmaps(),
        dst.programme_registries(),
        dst.certificate_registries(),
    ).map(in_region)

    # No shrinking: a conformance check should fail fast; the failing document is printed.
    @settings(max_examples=max_examples, deadline=None, database=None,
              phases=(Phase.explicit, Phase.generate),
              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    @given(documents)
    def conforms(document: object) -> None:
        _conforms(rule, declared, document, region, "a generated document")

    conforms()
