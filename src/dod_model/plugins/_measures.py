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


# The ending allowed after a stem is at most 30 letters (``\w{0,30}``): each copy of a stem in a
# long word gets bounded work, and a roadmap's text is searched in time linear in its length.
MEASURES: tuple[Measure, ...] = (
    _m(
        "creation",
        "creation act and regulation",
        r"создани\w{0,30} .{0,60}центр|инициирование создания|положени\w{0,30} о|"
        r"утверждени\w{0,30} положени",
    ),
    _m("head", "head of the centre", r"руководител|директор"),
    _m("plan", "activity plan", r"план\w{0,30} (?:деятельности|работы)"),
    _m("web", "web section or portal", r"сайт|интернет|портал|информационн\w{0,30} раздел"),
    _m(
        "rmc-agreement",
        "agreement with the РМЦ",
        # «…ени» or «…ств», the rest of its word, then at most 80 characters (40 the other way)
        # before «РМЦ»: the word taken whole at once, or «РМЦ» found inside it.
        r"(?:соглашени|взаимодейств)(?:(?>\w{0,30}).{0,80}|\w{0,30}?)"
        r"(?:РМЦ|модельн\w{0,30} центр)"
        r"|(?:РМЦ|модельн\w{0,30} центр)(?:(?>\w{0,30}).{0,40}|\w{0,30}?)"
        r"(?:соглашени|взаимодейств)",
    ),
    _m("partners", "partners", r"партн[её]р"),
    _m("media", "media plan", r"медиа-?план|информационн\w{0,30} кампани|освещени"),
    _m("navigator", "navigator", r"навигатор"),
    _m(
        "training",
        "staff training",
        r"повышени\w{0,30} квалификации|стажиров|профмастерств|"
        r"обучени\w{0,30} (?:руководител|сотрудник|педагог)",
    ),
    _m(
        "practices",
        "best-practice bank",
        r"лучш\w{0,30} (?:муниципальн\w{0,30} )?практик"
        r"|банк(?:(?>\w{0,30}).{0,30}|\w{0,30}?)практик",
    ),
    _m("contests", "contests and events", r"конкурс|олимпиад|соревновани"),
    _m("inventory", "inventory of resources", r"инвентаризаци"),
    _m("quality", "independent quality assessment", r"независим\w{0,30} оценк"),
    _m(
        "certificates",
        "certificates and ПФДО",
        r"сертификат|ПФДО|персонифицированн\w{0,30} (?:финансировани|учет|учёт)",
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
