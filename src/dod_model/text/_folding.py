"""Folding Russian text for matching (never for display)."""

from __future__ import annotations

__all__ = ["fold"]


def fold(text: str) -> str:
    r"""Text folded for matching: lower case, ``ё`` as ``е``, runs of whitespace as one space.

    >>> from dod_model.text import fold
    >>> fold("  Самарской\nОБЛАСТИ  ёлка")
    'самарской области елка'

    .. versionadded:: 0.1.0
    """
    return " ".join(text.casefold().replace("ё", "е").split())
