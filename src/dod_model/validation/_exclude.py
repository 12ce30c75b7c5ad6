"""Turning rules off: codes and namespaces given to ``validate`` or in the environment."""

from __future__ import annotations

import difflib
import os
import warnings
from collections.abc import Callable, Iterable

import attrs

__all__ = ["EXCLUDE_VARIABLE", "Exclusion", "exclusion"]

EXCLUDE_VARIABLE = "DOD_MODEL_EXCLUDE_RULES"
"""The environment variable that turns rules off for every validation in the process.

Codes or namespaces, separated by commas:
``DOD_MODEL_EXCLUDE_RULES="tambov/*,core/skipped-number"``.
"""


@attrs.frozen
class Exclusion:
    """The finding codes turned off: whole codes, and namespaces («tambov/*»).

    Attributes:
        codes: Codes turned off.
        namespaces: Namespaces turned off, without their ``/*``.
    """

    codes: frozenset[str] = frozenset()
    namespaces: frozenset[str] = frozenset()

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        return code in self.codes or code.split("/", 1)[0] in self.namespaces

    def __bool__(self) -> bool:
        return bool(self.codes or self.namespaces)


def _near(item: str, known: list[str]) -> str:
    close = difflib.get_close_matches(item, known, n=3, cutoff=0.6)
    if not close:
        namespace = item.split("/", 1)[0]
        close = sorted(c for c in known if c.startswith(f"{namespace}/"))[:5]
    return f"; did you mean {', '.join(close)}?" if close else ""


def _unknown(item: str, known: frozenset[str]) -> str | None:
    """Why ``item`` turns nothing off, or ``None`` when it names a known code or namespace."""
    namespaces = {code.split("/", 1)[0] for code in known}
    if item.endswith("/*"):
        namespace = item[:-2]
        if namespace in namespaces:
            return None
        return f"no rule code is of the namespace {namespace!r}" + _near(
            namespace, sorted(namespaces)
        )
    if "*" in item:
        return (
            f"{item!r} is neither a code nor a namespace; write «tambov/year-not-covered» or "
            "«tambov/*»"
        )
    if item in known:
        return None
    return f"no rule emits {item!r}" + _near(item, sorted(known))


def exclusion(
    given: Iterable[str], known: Callable[[], Iterable[str]], *, environment: bool = True
) -> Exclusion:
    """The codes and namespaces to turn off: those ``given``, and those of the environment.

    Args:
        given: Codes («tambov/year-not-covered») or namespaces («tambov/*»).
        known: Gives every code a rule or the library emits (asked only when needed).
        environment: Add those of :data:`EXCLUDE_VARIABLE`; one that names no known code is
            a warning there, not an error, since a host's setting may name a plugin not
            installed everywhere.

    Raises:
        ValueError: A given code or namespace names none that is known; the message lists
            the nearest.
    """
    items = [i.strip() for i in ([given] if isinstance(given, str) else given)]
    written = os.environ.get(EXCLUDE_VARIABLE, "") if environment else ""
    if not items and not written.strip(" ,"):
        return Exclusion()
    known_codes = frozenset(known())
    for item in items:
        problem = _unknown(item, known_codes)
        if problem is not None:
            msg = f"cannot exclude {item!r}: {problem}"
            raise ValueError(msg)
    if environment:
        for part in written.split(","):
            item = part.strip()
            if not item:
                continue
            problem = _unknown(item, known_codes)
            if problem is not None:
                message = f"{EXCLUDE_VARIABLE}: {item!r} turns nothing off: {problem}"
                warnings.warn(message, UserWarning, stacklevel=3)
            items.append(item)
    return Exclusion(
        codes=frozenset(i for i in items if not i.endswith("/*")),
        namespaces=frozenset(i[:-2] for i in items if i.endswith("/*")),
    )
