"""Regions: who they are, how documents name them, and how to tell them from a text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import attrs

from dod_model.model import AgeRange

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


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


def _count(pattern: str, text: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(_fold(pattern))}(?!\w)", text))


def detect_region(texts: Iterable[str], regions: Mapping[str, Region]) -> Region | None:
    """The region a document is about, from its names and places in the text.

    Names count twice as much as places; a tie between regions gives ``None`` rather than a
    guess.

    Args:
        texts: The document's title and text.
        regions: The known regions by code.

    .. versionadded:: 0.1.0
    """
    folded = _fold("\n".join(texts))
    scores: dict[str, int] = {}
    for code, region in regions.items():
        score = 2 * sum(_count(name, folded) for name in region.names)
        score += sum(_count(place, folded) for place in region.places)
        if score:
            scores[code] = score
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return regions[ranked[0][0]]
