"""The measures federal guidance expects a РМЦ or МОЦ roadmap to plan, and how to spot them.

After the target model of additional education (приказ Минпросвещения России от 03.09.2019
№ 467) and the federal template of a РМЦ's first-priority plan, which a МОЦ roadmap mirrors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from dod_model.model import Roadmap

__all__ = ["MEASURES", "Measure", "planned_measures"]


@attrs.frozen
class Measure:
    """A measure of the target model and the words that show a roadmap plans it."""

    key: str
    label: str
    pattern: re.Pattern[str]


def _m(key: str, label: str, pattern: str) -> Measure:
    return Measure(key, label, re.compile(pattern, re.IGNORECASE))


MEASURES: tuple[Measure, ...] = (
    _m(
        "creation",
        "creation act and regulation",
        r"создани\w* .{0,60}центр|инициирование создания|положени\w* о|утверждени\w* положени",
    ),
    _m("head", "head of the centre", r"руководител|директор"),
    _m("plan", "activity plan", r"план\w* (?:деятельности|работы)"),
    _m("web", "web section or portal", r"сайт|интернет|портал|информационн\w* раздел"),
    _m(
        "rmc-agreement",
        "agreement with the РМЦ",
        r"(?:соглашени|взаимодейств)\w*.{0,80}(?:РМЦ|модельн\w* центр)|"
        r"(?:РМЦ|модельн\w* центр)\w*.{0,40}(?:соглашени|взаимодейств)",
    ),
    _m("partners", "partners", r"партн[её]р"),
    _m("media", "media plan", r"медиа-?план|информационн\w* кампани|освещени"),
    _m("navigator", "navigator", r"навигатор"),
    _m(
        "training",
        "staff training",
        r"повышени\w* квалификации|стажиров|профмастерств|"
        r"обучени\w* (?:руководител|сотрудник|педагог)",
    ),
    _m(
        "practices",
        "best-practice bank",
        r"лучш\w* (?:муниципальн\w* )?практик|банк\w*.{0,30}практик",
    ),
    _m("contests", "contests and events", r"конкурс|олимпиад|соревновани"),
    _m("inventory", "inventory of resources", r"инвентаризаци"),
    _m("quality", "independent quality assessment", r"независим\w* оценк"),
    _m(
        "certificates",
        "certificates and ПФДО",
        r"сертификат|ПФДО|персонифицированн\w* (?:финансировани|учет|учёт)",
    ),
    _m("report", "annual report", r"отч[её]т|доклад"),
)


def _texts(roadmap: Roadmap) -> Iterable[str]:
    for activity in roadmap.iter_activities():
        yield activity.title
        yield from (result.text for result in activity.results)


def planned_measures(roadmap: Roadmap) -> tuple[Measure, ...]:
    """The measures some activity's title or result plans, in the order of :data:`MEASURES`."""
    text = "\n".join(_texts(roadmap))
    return tuple(m for m in MEASURES if m.pattern.search(text))
