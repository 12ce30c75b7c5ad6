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
from dod_model.model._subjects import subject_data

__all__ = ["Region", "RegionMatch", "detect_region", "explain_region", "subjects"]


def _tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


# The hash kept: a session's regions (89 and more) key the cached matcher at every detection.
@attrs.frozen(kw_only=True, cache_hash=True)
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


NAME_WEIGHT = 2
"""What a name of a region (any case, a short form) counts, each time a text names it."""
PLACE_WEIGHT = 1
"""What a place (a city, a municipality, an abbreviation) counts."""
TITLE_TIMES = 2
"""How many times a name in the first text (a document's title) counts."""


@functools.cache
def _subjects() -> dict[str, Region]:
    return {
        code: Region(
            code=code,
            name=data.name,
            aliases=(name for name in data.names if name != data.name),
            places=data.places,
            notes=f"Known from the library's data of the subjects; its capital is {data.capital}.",
        )
        for code, data in subject_data().items()
    }


def subjects() -> dict[str, Region]:
    """Every subject of the Russian Federation by code: the 89 the library knows from data.

    Each is a :class:`Region` whose aliases are its name in the six cases and its short forms
    («Ярославской обл.», «Республики Татарстан»), and whose places are its capital and major
    cities in every case («Костромы»; «г. Кирова», where the bare name could be a surname), its
    unambiguous abbreviations («ЯО», «ХМАО») and, of St Petersburg, its municipal okrugs («МО
    Волковское»). A plugin's region of the same code overrides it in a session (see
    :meth:`dod_model.Plugins.regions`); docs/regions.md tells where the data comes from.

    >>> from dod_model.model import subjects
    >>> len(subjects()), subjects()["RU-KOS"].name
    (89, 'Костромская область')
    >>> "Ярославской обл." in subjects()["RU-YAR"].aliases
    True

    .. versionadded:: 0.3.0
    """
    return dict(_subjects())


# Bounded: one entry per set of regions (a plugin session's); a long-lived host makes many.
@functools.lru_cache(maxsize=16)
def _matcher(regions: tuple[Region, ...]) -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    """One pattern for every name and place of the regions, and what each match scores.

    A region that is a subject of the Federation is also found by the subject's forms in the
    data (a plugin's region of Samara by «Самарскую область», «г.о. Самара», …). A form two
    regions share counts for the first by code.
    """
    data = subject_data()
    weights: dict[str, tuple[str, int]] = {}
    for region in sorted(regions, key=lambda r: r.code):
        known = data.get(region.code)
        names = (*region.names, *(known.names if known else ()))
        places = (*region.places, *(known.places if known else ()))
        for name in names:
            weights.setdefault(fold(name), (region.code, NAME_WEIGHT))
        for place in places:
            weights.setdefault(fold(place), (region.code, PLACE_WEIGHT))
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


@attrs.frozen(kw_only=True)
class RegionMatch:
    """Which region a document names, and the name that decided it.

    Attributes:
        region: The region found.
        name: The form that counted most for it, as the text writes it («города Костромы» is
            found as «Костромы»; «г. Кирова», where «Кирова» alone could be a surname).
        score: What the region scored: 2 for each name, 1 for each place, those of the first
            text (the title) twice over.
        others: The other regions named and their scores, the highest first.

    .. versionadded:: 0.3.0
    """

    region: Region
    name: str
    score: int
    others: tuple[tuple[str, int], ...] = ()


def explain_region(texts: Iterable[str], regions: Mapping[str, Region]) -> RegionMatch | None:
    """The region a document is about, the name that decided it and the regions it outscored.

    The same search as :func:`detect_region`, one pass over the texts: ``None`` where no
    region is named, or where two score the same.

    >>> from dod_model.model import explain_region, subjects
    >>> found = explain_region(
    ...     ["Дорожная карта развития дополнительного образования детей Костромской области",
    ...      "Министерство просвещения Российской Федерации, г. Москва"], subjects())
    >>> found.region.code, found.name, found.score, found.others
    ('RU-KOS', 'Костромской области', 4, (('RU-MOW', 2),))

    The name in the title counts twice: without that, «г. Москва» of an address would tie.

    Args:
        texts: The document's title first, then its text.
        regions: The known regions by code.

    .. versionadded:: 0.3.0
    """
    if not regions:
        return None
    texts = list(texts)
    pattern, weights = _matcher(tuple(regions.values()))
    # A roadmap repeats its cells from row to row: each distinct text is searched once and
    # counts as often as it is given, the title once more. NUL between them: no name is found
    # across two texts.
    counts = collections.Counter(texts)
    if texts:
        counts[texts[0]] += TITLE_TIMES - 1
    distinct = list(counts)
    joined = "\x00".join(distinct)
    if joined.count("\x00") >= len(distinct):  # a text holds a NUL of its own: no name has one
        joined = "\x00".join(text.replace("\x00", "\ufffd") for text in distinct)
    folded = fold(joined)
    scores: dict[str, int] = {}
    best: dict[str, tuple[int, int, str]] = {}  # code → (weight, -where, the form matched)
    ends: list[int] | None = None  # where each text ends in ``folded``, once a name is found
    repeats = list(counts.values())
    for match in pattern.finditer(folded):
        if ends is None:
            ends = [end.start() for end in re.finditer("\x00", folded)]
        code, weight = weights[match[0]]
        index = bisect.bisect_left(ends, match.start())
        scores[code] = scores.get(code, 0) + weight * repeats[index]
        if best.get(code, (0,))[0] < weight:
            best[code] = (weight, index, match[0])
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    code, score = ranked[0]
    _, index, form = best[code]
    return RegionMatch(
        region=regions[code],
        name=_as_written(form, distinct[index]),
        score=score,
        others=tuple(ranked[1:]),
    )


def _as_written(form: str, text: str) -> str:
    """``form`` (folded) as ``text`` writes it: its case, its «ё», its runs of spaces."""
    parts = (r"\s+" if char == " " else "[её]" if char == "е" else re.escape(char) for char in form)
    found = re.search(rf"(?<!\w){''.join(parts)}(?!\w)", text, re.IGNORECASE)
    return found[0] if found else form


def detect_region(texts: Iterable[str], regions: Mapping[str, Region]) -> Region | None:
    """The region a document is about, from its names and places in the text.

    Names count twice as much as places, each time a text names them (a name is never
    found across two texts), and those of the first text (the title) count twice; a tie
    between regions gives ``None`` rather than a guess. :func:`explain_region` tells which
    name decided.

    Args:
        texts: The document's title, then its text.
        regions: The known regions by code.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       The title counts twice; a region that is a subject of the Federation is also found by
       the subject's forms (:func:`subjects`).
    """
    found = explain_region(texts, regions)
    return found.region if found else None
