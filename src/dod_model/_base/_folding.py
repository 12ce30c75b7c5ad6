"""Folding Russian text for matching (never for display): the one place every layer folds."""

from __future__ import annotations

import re

__all__ = ["fold", "fold_header", "fold_label"]

_SPACES = re.compile(r"[\s\u00a0]+")
_HYPHENATED = re.compile(r"-\s*\n\s*")


def fold(text: str) -> str:
    r"""Text folded for matching: lower case, ``ё`` as ``е``, runs of whitespace as one space.

    >>> from dod_model.text import fold
    >>> fold("  Самарской\nОБЛАСТИ  ёлка")
    'самарской области елка'

    .. versionadded:: 0.1.0
    """
    return " ".join(text.casefold().replace("ё", "е").split())


def fold_header(text: str) -> str:
    r"""A header cell folded, a word hyphenated across lines («реализа-\nции») joined."""
    return fold(_HYPHENATED.sub("", text.replace("\u00ad", "")))


def fold_label(text: str) -> str:
    """A Russian label folded for comparison: case, ``ё``, dashes, runs of spaces, end marks."""
    text = text.casefold().replace("ё", "е").replace("\u2013", "-").replace("\u2014", "-")
    return _SPACES.sub(" ", text).strip(" .;,")
