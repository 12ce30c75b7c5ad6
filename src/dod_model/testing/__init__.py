"""Test helpers for applications and plugins built on dod_model.

Install the ``testing`` extra (``pip install 'dod-model[testing]'``):

* :mod:`dod_model.testing.strategies`: a hypothesis strategy for every model type;
* :func:`check_rule`: the conformance check of a validation rule;
* a pytest plugin (loaded automatically) with the ``dod_plugins`` fixture, a plugin session
  with the built-in plugins only, where ``register`` and ``unregister`` add and remove yours.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import importlib

from dod_model._base import publish
from dod_model._contracts import Rule
from dod_model.model import Region
from dod_model.testing._pointers import resolve_pointer

__all__ = ["check_rule", "resolve_pointer"]

_EXTRA = "pip install 'dod-model[testing]'"


def check_rule(rule: Rule, *, region: Region | None = None, max_examples: int = 50) -> None:
    r"""Check that a rule conforms to the rule protocol, and that its pointers are right.

    The rule runs on the bundled example documents and on generated roadmaps and registries,
    each given the region's code. On every one it must not raise, must yield only
    :class:`~dod_model.Finding`\ s with the codes it declares (``code``, and ``codes`` if it
    has them: see :func:`dod_model.validation.codes_of`), and must point only at places inside
    the document. Its pointers must be right: each one it asks the context for resolves, in
    :func:`dod_model.dumps` of the document, to the very object it was asked for. The bundled
    documents and some generated ones share instances as the layout does (activities 1–5 of
    the Ulyanovsk plan hold one deadline «Апрель 2019 года»), and the context is strict: a rule
    that asks for the pointer of a shared instance its context cannot place (yielding
    ``activity.deadline`` from a rule of whole roadmaps) fails, told to name the holder,
    ``(activity, "deadline")``.

    Needs hypothesis (the ``testing`` extra).

    Args:
        rule: The rule to check.
        region: The region to check it in; documents get its code (else the rule's region).
        max_examples: How many documents hypothesis generates.

    Raises:
        AssertionError: The rule does not conform; the message says how, on which document.
        ModuleNotFoundError: hypothesis is not installed; the message says how to install it.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       Runs on the bundled documents and on documents with shared instances, and checks
       pointers by identity.
    """
    try:
        conformance = importlib.import_module("dod_model.testing._conformance")
    except ModuleNotFoundError as exc:
        if exc.name is None or exc.name.split(".")[0] != "hypothesis":
            raise
        msg = f"check_rule needs hypothesis, which the testing extra installs: {_EXTRA}"
        raise ModuleNotFoundError(msg, name="hypothesis") from None
    conformance.conform(rule, region=region, max_examples=max_examples)


publish(__name__, check_rule, resolve_pointer)
