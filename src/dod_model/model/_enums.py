"""The closed vocabularies of the model, each member with its Russian label."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from dod_model.model._labels import LabelledEnum

__all__ = [
    "CentreKind",
    "CertificateKind",
    "ColumnRole",
    "Comparator",
    "DeadlineKind",
    "DeadlineStatus",
    "LegalActKind",
    "NominalUnit",
    "Orientation",
    "PlanKind",
    "ProgrammeForm",
    "ProgrammeKind",
    "ProgrammeLevel",
    "Recurrence",
    "StudyMode",
]


class PlanKind(LabelledEnum):
    """What a planning document is.

    .. versionadded:: 0.1.0
    """

    TARGET_MODEL_ROADMAP = "target-model-roadmap"
    CENTRE_CREATION_ROADMAP = "centre-creation-roadmap"
    RMC_FIRST_STEPS = "rmc-first-steps"
    CENTRE_ACTIVITY_PLAN = "centre-activity-plan"
    OTHER = "other"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "target-model-roadmap": (
            "дорожная карта внедрения целевой модели развития дополнительного образования детей",
        ),
        "centre-creation-roadmap": (
            "дорожная карта создания и функционирования опорных центров",
            "план мероприятий по созданию муниципального опорного центра",
        ),
        "rmc-first-steps": (
            "план первоочередных действий по созданию регионального модельного центра",
        ),
        "centre-activity-plan": ("план деятельности центра", "план мероприятий"),
        "other": ("иной план",),
    }


class ColumnRole(LabelledEnum):
    """What a column of a roadmap's table holds.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       ``INDICATOR``, ``FUNDING``, ``AUDIENCE``, ``PLACE`` and ``COMPLETION`` (a completion
       mark: «Отметка о выполнении»).
    """

    NUMBER = "number"
    TITLE = "title"
    DEADLINE = "deadline"
    RESULT = "result"
    RESPONSIBLE = "responsible"
    NOTE = "note"
    INDICATOR = "indicator"
    FUNDING = "funding"
    AUDIENCE = "audience"
    PLACE = "place"
    COMPLETION = "completion"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "number": ("№ п/п", "N пп.", "номер строки"),
        "title": ("наименование мероприятия", "мероприятия", "мероприятие"),
        "deadline": ("сроки", "срок исполнения", "сроки проведения", "срок реализации"),
        "result": ("результат", "результат реализации мероприятия", "итоговый документ"),
        "responsible": ("ответственный исполнитель", "ответственные", "исполнители"),
        "note": ("примечание",),
        "indicator": ("показатель", "целевой показатель"),
        "funding": ("источник финансирования", "объём финансирования"),
        "audience": ("целевая аудитория", "участники"),
        "place": ("место проведения",),
        "completion": ("отметка о выполнении", "статус"),
    }


class DeadlineKind(LabelledEnum):
    """The shape of a deadline, whether or not it resolves to calendar dates.

    The first five name a calendar meaning of the text itself; the rest are phrases that only
    acquire dates from the roadmap's period, if at all.

    .. versionadded:: 0.1.0
    """

    NONE = "none"
    DATE = "date"
    BY = "by"
    FROM = "from"
    PERIOD = "period"
    DATES = "dates"
    ONGOING = "ongoing"
    PERIODIC = "periodic"
    WITHIN_YEAR = "within-year"
    AS_SCHEDULED = "as-scheduled"
    UNKNOWN = "unknown"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "none": ("срок не указан",),
        "date": ("к дате",),
        "by": ("до даты", "не позднее"),
        "from": ("начиная с",),
        "period": ("в период",),
        "dates": ("к датам",),
        "ongoing": ("постоянно",),
        "periodic": ("периодически", "регулярно"),
        "within-year": ("в течение года",),
        "as-scheduled": ("по отдельному графику", "по плану"),
        "unknown": ("срок не распознан",),
    }


class DeadlineStatus(LabelledEnum):
    """Where a deadline (or an activity) stands on a given day.

    :meth:`dod_model.Deadline.status` gives ``upcoming``, ``due``, ``overdue`` or ``unknown``;
    only :func:`dod_model.status` gives ``done``, and only for an activity something says is
    done (the document's completion mark, a progress file, ``done=``). A deadline whose due
    dates have all passed is ``overdue``, also after the plan's period has ended.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       ``DONE``. ``DONE_BY_PERIOD_END`` is deprecated and no longer produced: that the plan's
       period is over says nothing of whether the work was done; such deadlines are
       ``OVERDUE`` (:attr:`dod_model.analysis.ActivityStatus.after_plan_end` tells them
       apart). The member stays so that data and code naming it still load.
    """

    UPCOMING = "upcoming"
    DUE = "due"
    OVERDUE = "overdue"
    DONE = "done"
    DONE_BY_PERIOD_END = "done-by-period-end"
    UNKNOWN = "unknown"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "upcoming": ("предстоит",),
        "due": ("выполняется",),
        "overdue": ("срок прошёл",),
        "done": ("выполнено",),
        "done-by-period-end": ("период плана завершён",),
        "unknown": ("срок не определён",),
    }


class Recurrence(LabelledEnum):
    """How often a deadline repeats.

    .. versionadded:: 0.1.0
    """

    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half-yearly"
    YEARLY = "yearly"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "weekly": ("еженедельно",),
        "monthly": ("ежемесячно",),
        "quarterly": ("ежеквартально",),
        "half-yearly": ("раз в полугодие", "каждое полугодие"),
        "yearly": ("ежегодно", "1 раз в год", "раз в год"),
    }


class LegalActKind(LabelledEnum):
    """The kind of a legal act (нормативный или распорядительный акт).

    .. versionadded:: 0.1.0
    """

    LAW = "law"
    DECREE = "decree"
    RESOLUTION = "resolution"
    ORDER = "order"
    DIRECTIVE = "directive"
    REGULATION = "regulation"
    AGREEMENT = "agreement"
    LETTER = "letter"
    PLAN = "plan"
    OTHER = "other"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "law": ("закон",),
        "decree": ("указ",),
        "resolution": ("постановление",),
        "order": ("приказ",),
        "directive": ("распоряжение",),
        "regulation": ("положение",),
        "agreement": ("соглашение", "договор"),
        "letter": ("письмо",),
        "plan": ("план",),
        "other": ("иной акт",),
    }


class CentreKind(LabelledEnum):
    """The centres of the target model's management structure.

    .. versionadded:: 0.1.0
    """

    RMC = "rmc"
    MOC = "moc"
    OC = "oc"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "rmc": ("региональный модельный центр", "РМЦ"),
        "moc": (
            "муниципальный опорный центр",
            "МОЦ",
            "муниципальный ресурсный центр",
            "муниципальный (опорный, ресурсный) центр",
        ),
        "oc": ("опорный центр", "ОЦ"),
    }


class Orientation(LabelledEnum):
    """The six orientations (направленности) of additional general education programmes.

    «Социально-педагогическая», the name before about 2020, is an alias of
    :attr:`SOCIAL_HUMANITARIAN`.

    .. versionadded:: 0.1.0
    """

    TECHNICAL = "technical"
    NATURAL_SCIENCE = "natural-science"
    SPORTS = "sports"
    ARTS = "arts"
    TOURISM = "tourism"
    SOCIAL_HUMANITARIAN = "social-humanitarian"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "technical": ("техническая",),
        "natural-science": ("естественнонаучная", "естественно-научная"),
        "sports": ("физкультурно-спортивная",),
        "arts": ("художественная",),
        "tourism": ("туристско-краеведческая",),
        "social-humanitarian": ("социально-гуманитарная", "социально-педагогическая"),
    }


class ProgrammeLevel(LabelledEnum):
    """Level of a programme.

    .. versionadded:: 0.1.0
    """

    STARTING = "starting"
    BASIC = "basic"
    ADVANCED = "advanced"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "starting": ("стартовый", "ознакомительный"),
        "basic": ("базовый",),
        "advanced": ("продвинутый", "углублённый"),
    }


class ProgrammeForm(LabelledEnum):
    """Forms and attributes of a programme's delivery.

    .. versionadded:: 0.1.0
    """

    NETWORK = "network"
    DISTANCE = "distance"
    MODULAR = "modular"
    MULTILEVEL = "multilevel"
    ADAPTED = "adapted"
    SHORT_TERM = "short-term"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "network": ("сетевая", "в сетевой форме"),
        "distance": (
            "дистанционная",
            "с применением дистанционных образовательных технологий",
            "электронное обучение",
        ),
        "modular": ("модульная",),
        "multilevel": ("разноуровневая",),
        "adapted": ("адаптированная",),
        "short-term": ("краткосрочная",),
    }


class ProgrammeKind(LabelledEnum):
    """Kinds of additional general education programmes.

    .. versionadded:: 0.1.0
    """

    GENERAL_DEVELOPMENT = "general-development"
    PRE_PROFESSIONAL = "pre-professional"
    SPORTS_TRAINING = "sports-training"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "general-development": ("общеразвивающая",),
        "pre-professional": ("предпрофессиональная",),
        "sports-training": ("спортивной подготовки",),
    }


class StudyMode(LabelledEnum):
    """Mode of study (форма обучения).

    .. versionadded:: 0.1.0
    """

    FULL_TIME = "full-time"
    MIXED = "mixed"
    CORRESPONDENCE = "correspondence"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "full-time": ("очная",),
        "mixed": ("очно-заочная",),
        "correspondence": ("заочная",),
    }


class CertificateKind(LabelledEnum):
    """Status of a certificate of additional education.

    Every certificate starts as :attr:`ACCOUNTING`; :attr:`PERSONIFIED_FINANCING` carries a
    nominal; :attr:`SOCIAL` replaced it from 2023.

    .. versionadded:: 0.1.0
    """

    ACCOUNTING = "accounting"
    PERSONIFIED_FINANCING = "personified-financing"
    SOCIAL = "social"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "accounting": ("сертификат учёта", "учёта", "учета"),
        "personified-financing": (
            "сертификат персонифицированного финансирования",
            "персонифицированного финансирования",
            "ПФДО",
        ),
        "social": ("социальный сертификат", "социальный"),
    }


class NominalUnit(LabelledEnum):
    """What a certificate's nominal is counted in.

    .. versionadded:: 0.1.0
    """

    ROUBLES = "roubles"
    HOURS = "hours"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "roubles": ("рублей", "руб."),
        "hours": ("часов", "ч."),
    }


class Comparator(LabelledEnum):
    """How a quantitative target compares its value.

    .. versionadded:: 0.1.0
    """

    AT_LEAST = "at-least"
    AT_MOST = "at-most"
    EXACTLY = "exactly"
    MORE_THAN = "more-than"
    LESS_THAN = "less-than"

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "at-least": ("не менее", "не менее чем", "не ниже"),
        "at-most": ("не более", "не более чем", "не выше"),
        "exactly": ("ровно",),
        "more-than": ("более", "свыше", "больше"),
        "less-than": ("менее", "меньше"),
    }
