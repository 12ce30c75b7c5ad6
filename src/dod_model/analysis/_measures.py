r"""The measures of the target model of additional education, and the words that show them.

After the target model (приказ Минпросвещения России от 03.09.2019 № 467) and the federal
template of a РМЦ's first-priority plan, which a МОЦ roadmap mirrors. An activity plans a
measure when its title says so; its results (often «Раздел в плане деятельности РМЦ», «отчёт»)
name what it produces, not what it plans, and are not read.

The ending allowed after a stem is at most 30 letters (``\w{0,30}``) and every gap bounded:
each copy of a stem gets bounded work, and a roadmap's text is searched in time linear in its
length.
"""

from __future__ import annotations

import re

import attrs

from dod_model.model import Activity

__all__ = ["CENTRE_PLAN", "MEASURES", "TARGET_MODEL", "Measure", "measures_of"]

TARGET_MODEL = (
    "приказ Минпросвещения России от 03.09.2019 № 467 «Об утверждении Целевой модели "
    "развития региональных систем дополнительного образования детей»"
)
"""The act of the target model."""

CENTRE_PLAN = (
    "план первоочередных действий по созданию РМЦ (федеральный шаблон, который повторяют "
    "дорожные карты МОЦ)"
)
"""The federal template of a centre's first-priority plan."""


@attrs.frozen(kw_only=True)
class Measure:
    """A measure of the target model and the words that show an activity plans it.

    Attributes:
        key: A stable identifier («infrastructure-inventory»).
        label: The measure in Russian, as an analyst names it.
        english: The measure in English, as the rule ``core/target-model-coverage`` names it.
        act: The act or template the measure comes from.
        pattern: What an activity's title says when it plans the measure.
        centre_plan: Whether it is one of the fifteen measures of a centre's plan that the rule
            ``core/target-model-coverage`` has counted since 0.1.0.

    .. versionadded:: 0.3.0
    """

    key: str
    label: str
    english: str
    act: str
    pattern: re.Pattern[str] = attrs.field(repr=False)
    centre_plan: bool = False

    def planned_by(self, activity: Activity) -> bool:
        """Whether ``activity``'s title says it plans this measure."""
        return self.pattern.search(activity.title) is not None


def _m(
    key: str, label: str, english: str, act: str, pattern: str, *, centre_plan: bool = False
) -> Measure:
    return Measure(
        key=key,
        label=label,
        english=english,
        act=act,
        pattern=re.compile(pattern, re.IGNORECASE),
        centre_plan=centre_plan,
    )


# A centre of the target model as documents name it: «муниципальный опорный центр», «(опорный,
# ресурсный) центр», «региональный модельный центр», «сеть …», or its abbreviation.
_CENTRE = (
    r"(?:(?:муниципальн|регионал)\w{0,30} )?\(?(?:опорн|модельн|ресурсн)\w{0,30}"
    r"(?:, ресурсн\w{0,30}\))? центр|сети|(?:МОЦ|РМЦ|ОЦ)\b"
)
# Up to two words between an action and its object, none of them a web page's.
_WORDS = r"(?:(?!портал|сайт|раздел|страниц|информаци)\w{1,30} ){0,2}?"

# The first fifteen keep the order (and the index) they have had since 0.1.0.
MEASURES: tuple[Measure, ...] = (
    _m(
        "creation",
        "акт о создании центра и его положение",
        "creation act and regulation",
        CENTRE_PLAN,
        rf"(?<!информации о )создани\w{{0,30}} (?:и \w{{1,30}} )?{_WORDS}(?:{_CENTRE})"
        r"|инициирование создания|утверждени\w{0,30} положени|штатн\w{0,30} расписани"
        r"|условий функционировани\w{0,30} (?:МОЦ|РМЦ|ОЦ|опорн)",
        centre_plan=True,
    ),
    _m(
        "head",
        "назначение руководителя центра",
        "head of the centre",
        CENTRE_PLAN,
        r"назначени\w{0,30} (?:\w{1,30} )?(?:директор|руководител)",
        centre_plan=True,
    ),
    _m(
        "plan",
        "план деятельности центра",
        "activity plan",
        CENTRE_PLAN,
        r"(?:разработк|утверждени|согласовани)\w{0,30} [^.;\n]{0,40}?план\w{0,30} "
        r"(?:деятельности|работы)",
        centre_plan=True,
    ),
    _m(
        "web",
        "раздел на сайте или портал центра",
        "web section or portal",
        CENTRE_PLAN,
        r"сайт|портал|интернет-страниц|информационн\w{0,30} раздел",
        centre_plan=True,
    ),
    _m(
        "rmc-agreement",
        "соглашение с РМЦ",
        "agreement with the РМЦ",
        CENTRE_PLAN,
        # «…ени» or «…ств», the rest of its word, then at most 80 characters (40 the other way)
        # before «РМЦ»: the word taken whole at once, or «РМЦ» found inside it.
        r"(?:соглашени|взаимодейств)(?:(?>\w{0,30}).{0,80}|\w{0,30}?)"
        r"(?:РМЦ|модельн\w{0,30} центр)"
        r"|(?:РМЦ|модельн\w{0,30} центр)(?:(?>\w{0,30}).{0,40}|\w{0,30}?)"
        r"(?:соглашени|взаимодейств)",
        centre_plan=True,
    ),
    _m("partners", "партнёры", "partners", CENTRE_PLAN, r"партн[её]р", centre_plan=True),
    _m(
        "media",
        "медиаплан и информационное сопровождение",
        "media plan",
        CENTRE_PLAN,
        r"медиа-?план|информационн\w{0,30} (?:кампани|сопровождени)|освещени",
        centre_plan=True,
    ),
    _m(
        "navigator",
        "навигатор дополнительного образования",
        "navigator",
        TARGET_MODEL,
        r"навигатор",
        centre_plan=True,
    ),
    _m(
        "training",
        "кадры: повышение квалификации, стажировки, наставничество",
        "staff training",
        TARGET_MODEL,
        r"повышени\w{0,30} квалификации|стажиров|профмастерств|наставничеств"
        r"|обучени\w{0,30} (?:руководител|сотрудник|педагог)"
        r"|дополнительн\w{0,30} профессиональн\w{0,30} программ|эффективн\w{0,30} контракт",
        centre_plan=True,
    ),
    _m(
        "practices",
        "банк лучших практик",
        "best-practice bank",
        TARGET_MODEL,
        r"лучш\w{0,30} (?:муниципальн\w{0,30} )?практик"
        r"|банк(?:(?>\w{0,30}).{0,30}|\w{0,30}?)практик",
        centre_plan=True,
    ),
    _m(
        "contests",
        "конкурсы, олимпиады и соревнования",
        "contests and events",
        CENTRE_PLAN,
        r"конкурсн|конкурс\w{0,30} (?:профессиональн|программ)|олимпиад|соревновани",
        centre_plan=True,
    ),
    _m(
        "infrastructure-inventory",
        "инвентаризация инфраструктуры и ресурсов",
        "inventory of resources",
        TARGET_MODEL,
        # Any inventory but one of programmes (that is «programme-inventory»).
        r"инвентаризаци(?!\w{0,30} (?:и \w{1,30} )?(?:\w{1,30} ){0,3}?программ)",
        centre_plan=True,
    ),
    _m(
        "quality",
        "независимая оценка качества",
        "independent quality assessment",
        TARGET_MODEL,
        # Not «результаты независимой оценки» shown on a portal: that assesses nothing.
        r"(?<!результаты )независим\w{0,30} оценк",
        centre_plan=True,
    ),
    _m(
        "certificates",
        "персонифицированное финансирование и сертификаты",
        "certificates and ПФДО",
        TARGET_MODEL,
        r"сертификат|ПФДО|персонифицированн\w{0,30} (?:финансировани|учет|учёт)",
        centre_plan=True,
    ),
    _m(
        "report",
        "ежегодный отчёт",
        "annual report",
        CENTRE_PLAN,
        r"(?:ежегодн|годов)\w{0,30} отч[её]т|отч[её]т\w{0,30} о реализации|доклад",
        centre_plan=True,
    ),
    _m(
        "rmc",
        "создание регионального модельного центра (РМЦ)",
        "regional model centre",
        TARGET_MODEL,
        r"создани\w{0,30} (?:регионал\w{0,30} )?модельн\w{0,30} центр|создани\w{0,30} РМЦ\b",
    ),
    _m(
        "moc",
        "создание и работа муниципальных опорных центров (МОЦ)",
        "municipal centres",
        TARGET_MODEL,
        r"(?<!информации о )(?<!создании и )(?:создани|функционировани)\w{0,30} (?:и \w{1,30} )?"
        r"(?:муниципальн\w{0,30} )?(?:опорн\w{0,30} центр|сети муниципальн|(?:МОЦ|ОЦ)\b)"
        r"|деятельност\w{0,30} муниципальн\w{0,30} опорн",
    ),
    _m(
        "programme-inventory",
        "инвентаризация реализуемых программ",
        "inventory of programmes",
        TARGET_MODEL,
        r"(?:инвентаризаци|анализ\w{0,30} реализуем)\w{0,30} (?:и \w{1,30} )?(?:\w{1,30} ){0,3}?"
        r"программ",
    ),
    _m(
        "programmes",
        "разработка и внедрение современных программ",
        "modern programmes",
        TARGET_MODEL,
        r"(?:разработк|внедрени|апробаци)\w{0,30}[^.;\n]{0,80}?(?:разноуровнев|модульн|мобильн"
        r"|современн|сетев\w{0,30} форм|дистанционн\w{0,30} курс|типов\w{0,30} модел)"
        r"|(?:разработк|внедрени)\w{0,30} (?:и \w{1,30} )?(?:в образовательный процесс )?"
        r"дополнительн\w{0,30} общеобразовательн\w{0,30} программ",
    ),
    _m(
        "access",
        "доступность для детей с ОВЗ, одарённых, в трудной жизненной ситуации, сельских",
        "access for every child",
        TARGET_MODEL,
        r"ОВЗ|ограниченн\w{0,30} возможност|инвалидност|одар[её]нн|адаптированн"
        r"|трудной жизненной ситуации|сельской местности|сельских",
    ),
    _m(
        "monitoring",
        "мониторинг внедрения целевой модели",
        "monitoring",
        TARGET_MODEL,
        r"мониторинг\w{0,30} (?:внедрени|реализаци|функционировани|систем)",
    ),
    _m(
        "coordination",
        "межведомственное взаимодействие",
        "inter-departmental coordination",
        TARGET_MODEL,
        r"межведомственн\w{0,30} (?:совет|взаимодейств|совещани|координацион)",
    ),
    _m(
        "exchanges",
        "обмены педагогов и руководителей",
        "exchanges",
        CENTRE_PLAN,
        r"обмен\w{0,30} (?:педагог|руководител|опыт)",
    ),
)
"""Every measure, the fifteen of a centre's plan first, then the rest of the target model.

.. versionadded:: 0.3.0
"""


def measures_of(activity: Activity) -> tuple[Measure, ...]:
    """The measures ``activity`` plans, in the order of :data:`MEASURES`.

    .. versionadded:: 0.3.0
    """
    return tuple(m for m in MEASURES if m.planned_by(activity))
