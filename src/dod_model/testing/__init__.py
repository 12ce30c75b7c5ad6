"""Test helpers for applications and plugins built on dod_model.

Install the ``testing`` extra (``pip install dod-model[testing]``):

* :mod:`dod_model.testing.strategies`: a hypothesis strategy for every model type;
* :func:`check_rule`: the conformance check of a validation rule;
* a pytest plugin (loaded automatically) with the ``dod_plugins`` fixture, a plugin session
  with the built-in plugins only, where ``register`` and ``unregister`` add and remove yours.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from dod_model._base import publish
from dod_model.testing._pointers import resolve_pointer

if TYPE_CHECKING:
    from dod_model.testing._conformance import check_rule

__all__ = ["check_rule", "resolve_pointer"]


def __getattr__(name: str) -> Any:
    # check_rule needs hypothesis, an optional extra: loaded on first use, so that the pytest
    # plugin (which imports this package) works where hypothesis is not installed.
    if name == "check_rule":
        return importlib.import_module("dod_model.testing._conformance").check_rule
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


publish(__name__, resolve_pointer)  # check_rule is published by its module, on first use
