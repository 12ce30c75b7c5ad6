"""The conformance check of a validation rule, on generated documents (needs hypothesis)."""

from __future__ import annotations

import attrs
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from dod_model._base import publish
from dod_model.codec import to_data
from dod_model.model import Region
from dod_model.testing import strategies as dst
from dod_model.testing._pointers import resolve_pointer
from dod_model.text import core_glossary
from dod_model.validation import Finding, Rule, RuleContext, codes_of

__all__ = ["check_rule"]


def check_rule(rule: Rule, *, region: Region | None = None, max_examples: int = 50) -> None:
    r"""Check that a rule conforms to the rule protocol.

    On generated roadmaps and registries of its region, the rule never raises, yields only
    :class:`~dod_model.Finding`\ s with the codes it declares (``code``, and ``codes`` if it has
    them: see :func:`dod_model.validation.codes_of`), and points only at places inside the
    document.

    Args:
        rule: The rule to check.
        region: The region to check it in; documents get its code (else the rule's region).
        max_examples: How many documents hypothesis generates.

    Raises:
        AssertionError: The rule does not conform; the message says how, on which document.

    .. versionadded:: 0.1.0
    """
    declared = {spec.code for spec in codes_of(rule)}
    code = region.code if region is not None else rule.region
    documents = st.one_of(
        dst.roadmaps(), dst.programme_registries(), dst.certificate_registries()
    ).map(lambda document: attrs.evolve(document, region=code))

    # No shrinking: a conformance check should fail fast; the failing document is printed.
    @settings(max_examples=max_examples, deadline=None, database=None,
              phases=(Phase.explicit, Phase.generate),
              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    @given(documents)
    def conforms(document: object) -> None:
        context = RuleContext(document, region, core_glossary())
        data = to_data(document)
        found: list[object] = list(rule.check(document, context))
        for finding in found:
            if not isinstance(finding, Finding):
                msg = f"rule {rule.code} yielded {finding!r}, not a Finding"
                raise AssertionError(msg)
            if finding.code not in declared:
                msg = f"rule {rule.code} emitted {finding.code!r}, which it does not declare"
                raise AssertionError(msg)
            try:
                resolve_pointer(data, finding.path)
            except KeyError:
                msg = f"rule {rule.code} points at {finding.path!r}, outside the document"
                raise AssertionError(msg) from None

    conforms()


publish("dod_model.testing", check_rule)
