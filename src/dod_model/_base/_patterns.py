"""Regular expressions compiled when first used, not when their module is imported.

The grammar's patterns are large alternations whose compilation is most of what importing the
model costs; a program that never reads a deadline or a legal act never pays for them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

__all__ = ["on_first_use"]


def on_first_use(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function that returns ``re.compile(pattern, flags)``, compiled on its first call."""

    @functools.cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
