"""Test helpers for applications and plugins built on dod_model.

:mod:`dod_model.testing.strategies` has a hypothesis strategy for every model type; install the
``testing`` extra (``pip install dod-model[testing]``) to use it.

.. versionadded:: 0.1.0
"""

__all__: list[str] = []
