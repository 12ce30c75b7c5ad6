"""The ``dod-model`` command line.

.. versionadded:: 0.1.0
"""

from dod_model._base import publish
from dod_model.cli._main import build_parser, main

__all__ = ["build_parser", "main"]

publish(__name__, build_parser, main)
