"""Roadmap-level meaning of a document's text: its kind, period and the centres it names."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

import attrs

from dod_model._base import fold, school_year
from dod_model.model import Centre, CentreKind, Deadline, Organisation, Period, PlanKind

__all__ = ["find_centres", "is_approval_block", "period_from_deadlines", "plan_kind", "plan_period"]


_APPROVAL = re.compile(r"^\s*(?:приложение|утвержд|согласован)", re.IGNORECASE)


def is_approval_block(text: str) -> bool:
    """Whether text before a plan's table opens an approval block («УТВЕРЖДЕНА приказом …»).

    «ПРИЛОЖЕНИЕ № 1 к приказу …», «УТВЕРЖДЕНО», «СОГЛАСОВАНО» open one; the importers read such
    text as the plan's approval, and the Word exporter writes it above the title.

    .. versionadded:: 0.2.0
    """
    return _APPROVAL.match(text) is not None


def plan_kind(title: str) -> PlanKind | None:
    """What kind of plan a title announces, or ``None`` when it does not say.

    * «… целевой модели развития … дополнительного образования …» → target-model roadmap;
    * «… первоочередных действий … регионального модельного центра …» → РМЦ first steps;
    * «… по созданию … (опорного|модельного) центра …» → centre creation roadmap;
    * «план деятельности …» → centre activity plan.

    .. versionadded:: 0.1.0
    """
    text = fold(title)
    if "целев" in text and "модел" in text:
        return PlanKind.TARGET_MODEL_ROADMAP
    if "первоочередн" in text and "центр" in text:
        return PlanKind.RMC_FIRST_STEPS
    # A word's ending is at most 30 letters: a title of one long word is searched in linear time.
    if re.search(r"создани[юяе]", text) and re.search(
        r"(?:опорн|модельн|ресурсн)\w{0,30} центр", text
    ):
        return PlanKind.CENTRE_CREATION_ROADMAP
    if "план деятельности" in text or ("план" in text and "центр" in text):
        return PlanKind.CENTRE_ACTIVITY_PLAN
    if "дорожная карта" in text or "план мероприятий" in text:
        return PlanKind.OTHER
    return None


_YEARS = r"((?:19|20)\d\d)"
_PERIODS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"{_YEARS}\s*/\s*{_YEARS}\s*уч"), "school"),
    (
        re.compile(rf"на {_YEARS} год и (?:на )?плановый период {_YEARS}\s*(?:-|и)\s*{_YEARS}"),
        "planned",
    ),
    (re.compile(rf"{_YEARS}\s*-\s*{_YEARS}\s*(?:годы|годов|гг|г\.?г\.?)"), "years"),
    (re.compile(rf"на {_YEARS}\s*(?:-|/)\s*{_YEARS}\b"), "years"),
    (re.compile(rf"на {_YEARS}\s*(?:год|г\.)"), "year"),
)


def plan_period(text: str) -> Period | None:
    """The period a title or approval block names, or ``None``.

    «на 2019/2020 учебный год» → 2019-09-01 … 2020-08-31; «на 2020 год и плановый период
    2021 - 2022 годов» → 2020 … 2022; «2022-2024 годы» → 2022 … 2024; «на 2020 год» → 2020.

    .. versionadded:: 0.1.0
    """
    folded = fold(text).replace("–", "-").replace("—", "-")
    for pattern, shape in _PERIODS:
        match = pattern.search(folded)
        if match is None:
            continue
        years = [int(g) for g in match.groups()]
        if shape == "school":
            if years[1] != years[0] + 1:
                continue
            return Period(*school_year(years[0]))
        if years[-1] < years[0]:
            continue
        return Period(dt.date(years[0], 1, 1), dt.date(years[-1], 12, 31))
    return None


def period_from_deadlines(deadlines: Iterable[Deadline]) -> Period | None:
    """The span of every calendar date the deadlines name, or ``None`` when they name none.

    .. versionadded:: 0.1.0
    """
    days = [
        day
        for deadline in deadlines
        for day in (deadline.start, deadline.end, *deadline.dates)
        if day is not None
    ]
    return Period(min(days), max(days)) if days else None


_SPECIFIC = r"(?:\s+(?i:дополнительного\s+образования)(?:\s+(?i:детей))?)?"
_REGION = r"(?:\s+(?i:в\s+)?[А-ЯЁ][а-яёА-ЯЁ]+(?i:ой|ская|ской)\s+(?i:област[иь]))?"
_ABBREVIATION = r"(?:\s*\((?:далее\s*[-–—]\s*)?[А-ЯЁ]{2,4}(?: [А-ЯЁ]{2,3})?\))?"
_ORG = r"(?:(?P<org>(?:[А-ЯЁ]{2,6} ){1,3}[А-ЯЁ]{2,6})\s*+[-–—]\s*+_?\s*+)?"
_RMC = r"(?i:регионал\w{0,30}\s+модельн\w{0,30}\s+центр\w*)"
_MOC = (
    r"(?i:(?:сет[ьи]\s+)?муниципальн\w{0,30}\s+(?:\(опорн\w{0,30},\s*ресурсн\w{0,30}\)\s+|"
    r"опорн\w{0,30}\s+|ресурсн\w{0,30}\s+)центр\w*)"
)
# An ОЦ is a support centre not called municipal (those are МОЦ).
_NOT_MUNICIPAL = "".join(
    f"(?<!{form} )" for form in ("униципального", "униципальных", "униципальный", "УНИЦИПАЛЬНОГО")
)
_OC = rf"{_NOT_MUNICIPAL}(?i:опорн\w{{0,30}}\s+центр\w*)"
_CENTRE_PATTERNS: tuple[tuple[CentreKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"{_ORG}(?P<name>{name}{_SPECIFIC}{region}){_ABBREVIATION}"))
    for kind, name, region in (
        (CentreKind.RMC, _RMC, _REGION),
        (CentreKind.MOC, _MOC, ""),
        (CentreKind.OC, _OC, ""),
    )
)


# Every centre pattern needs the word «центр», and none crosses a NUL (the separator of the
# cells joined into one text): only the NUL-free pieces that hold the word are searched.
_CENTRE_WORD = re.compile("центр", re.IGNORECASE)


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """Start and end of each NUL-free piece of ``text`` that holds the word «центр»."""
    end = -1
    for word in _CENTRE_WORD.finditer(text):
        if word.start() < end:
            continue  # in the piece already given
        start = text.rfind("\x00", 0, word.start()) + 1
        end = text.find("\x00", word.end())
        end = len(text) if end < 0 else end
        yield start, end


def _mentions(texts: Iterable[str]) -> list[tuple[int, int, CentreKind, str | None, str]]:
    found = []
    for order, text in enumerate(texts):
        for start, end in _pieces(text):
            for kind, pattern in _CENTRE_PATTERNS:
                for match in pattern.finditer(text, start, end):
                    name = " ".join(match["name"].split())
                    found.append((order, match.start(), kind, match["org"], name))
    return sorted(found, key=lambda m: m[:2])


def find_centres(
    texts: Iterable[str], *, region: str | None = None, municipality: str | None = None
) -> tuple[Centre, ...]:
    """The РМЦ, МОЦ and ОЦ a document names, once each, in order of first mention.

    «МБУ ДО ДДТ – Муниципальный опорный центр дополнительного образования детей» gives a МОЦ
    hosted by «МБУ ДО ДДТ»; «Региональный модельный центр Свердловской области (РМЦ СО)» a
    РМЦ; «опорных центров дополнительного образования детей» an ОЦ. A centre's name is its
    first mention as written (the first not in capitals, if there is one); a later mention that
    names the host organisation adds it.

    Args:
        texts: The title, approval block and cells of a document.
        region: ISO 3166-2 code to record on each centre.
        municipality: Municipality to record on МОЦ and ОЦ.

    .. versionadded:: 0.1.0
    """
    centres: list[Centre] = []
    for _, _, kind, org, name in _mentions(texts):
        same_kind = [i for i, c in enumerate(centres) if c.kind is kind]
        hosted = [i for i in same_kind if _host(centres[i]) == org]
        unhosted = [i for i in same_kind if _host(centres[i]) is None]
        if org is not None and not hosted and unhosted:
            hosted = unhosted[:1]
            centres[hosted[0]] = attrs.evolve(
                centres[hosted[0]], organisation=Organisation(name=org, short_name=org)
            )
        existing = hosted if org is not None else same_kind
        if existing:
            index = existing[0]
            if centres[index].name.isupper() and not name.isupper():
                centres[index] = attrs.evolve(centres[index], name=name)
            continue
        centres.append(
            Centre(
                kind=kind,
                name=name,
                organisation=Organisation(name=org, short_name=org) if org else None,
                region=region,
                municipality=None if kind is CentreKind.RMC else municipality,
            )
        )
    return tuple(centres)


def _host(centre: Centre) -> str | None:
    return centre.organisation.short_name if centre.organisation else None
