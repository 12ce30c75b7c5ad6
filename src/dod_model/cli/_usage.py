"""The error of a command line the user can fix."""

from __future__ import annotations

__all__ = ["UsageError"]


class UsageError(Exception):
    """A problem the user can fix; printed without a traceback."""
