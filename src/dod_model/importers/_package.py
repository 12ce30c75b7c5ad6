"""The Word package, opened defensively by the reader every container format shares.

:class:`dod_model._base.Package` checks the zip's directory, each part's inflated size and the
XML's nodes against the budgets; Word documents are its default kind.
"""

from __future__ import annotations

from dod_model._base import Package

__all__ = ["Package"]
