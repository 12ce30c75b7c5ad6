"""Regions: who they are, how documents name them, and how to tell them from a text."""

from __future__ import annotations

import bisect
import collections
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from dod_model._base import fold
from dod_model.model._registry import AgeRange

__all__ = ["Region", "detect_region"]


def _tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Region:
    """A region (субъект Российской Федерации) as plugins register it.

    Attributes:
        code: ISO 3166-2 code («RU-SAM»).
        name: Its name in the nominative («Самарская область»).
        aliases: Other forms documents use («Самарской области», «Самарской обл.»).
        places: Cities and districts that identify it («Тольятти», «Кинельский район»).
        navigator: Address of its public navigator of programmes, when known.
        model_centre: Its regional model centre (РМЦ), when known.
        certificate_ages: Ages at which children hold certificates.
        certificate_number: Regular expression a certificate number must match.
        notes: Free-form facts, e.g. where a value is unverified.

    .. versionadded:: 0.1.0
    """

    code: str
    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    places: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    navigator: str | None = None
    model_centre: str | None = None
    certificate_ages: AgeRange = attrs.field(factory=lambda: AgeRange(5, 18))
    certificate_number: str = r"\d{10}"
    notes: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The name and its aliases."""
        return (self.name, *self.aliases)


# Bounded: one entry per set of regions (a plugin session's); a long-lived host makes many.
@functools.lru_cache(maxsize=16)
def _matcher(regions: tuple[Region, ...]) -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    """One pattern for every name and place of the regions, and what each match scores."""
    weights: dict[str, tuple[str, int]] = {}
    for region in regions:
        for name in region.names:
            weights.setdefault(fold(name), (region.code, 2))
        for place in region.places:
            weights.setdefault(fold(place), (region.code, 1))
    return re.compile(rf"(?<!\w){_trie(weights)}(?!\w)"), weights


def _trie(words: Iterable[str]) -> str:
    """One pattern for ``words``, their shared beginnings written once: «самарск(?:ая|ой) …».

    Matches what the alternation of the words, longest first, matches, in half the time: the
    regular expression engine tries each alternative in turn at every character.
    """
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, dict[str, Any]]) -> str:
        branches = [
            re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        ends = "" in node
        if len(branches) == 1 and not ends:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")

    return f"(?:{pattern(root)})"


def detect_region(texts: Iterable[str], regions: Mapping[str, Region]) -> Region | None:
    """The region a document is about, from its names and places in the text.

    Names count twice as much as places, each time a text names them (a name is never
    found across two texts); a tie between regions gives ``None`` rather than a guess.

    Args:
        texts: The document's title and text.
        regions: The known regions by code.

    .. versionadded:: 0.1.0
    """
    if not regions:
        return None
    pattern, weights = _matcher(tuple(regions.values()))
    # A roadmap repeats its cells from row to row: each distinct text is searched once and
    # counts as often as it is given. NUL between them: no name is found across two texts.
    counts = collections.Counter(texts)
    joined = "\x00".join(counts)
    if joined.count("\x00") >= len(counts):  # a text holds a NUL of its own: no name has one
        joined = "\x00".join(text.replace("\x00", "\ufffd") for text in counts)
    folded = fold(joined)
    scores: dict[str, int] = {}
    ends: list[int] | None = None  # where each text ends in ``folded``, once a name is found
    repeats = list(counts.values())
    for match in pattern.finditer(folded):
        if ends is None:
            ends = [end.start() for end in re.finditer("\x00", folded)]
        code, weight = weights[match[0]]
        times = repeats[bisect.bisect_left(ends, match.start())]
        scores[code] = scores.get(code, 0) + weight * times
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return regions[ranked[0][0]]
