"""Roadmaps in layouts of other regions read to the plans they hold.

The documents (``tests/data/layouts``, made by ``tests/layouts.py``) are laid out the way other
regions and municipalities lay out theirs: other header wordings, section styles, two-level
headers, column numbers, extra columns, tables continued and interrupted, a header in a
paragraph, approval and signature tables. Each is read in every form it comes in (a Word file
written by LibreOffice, text exports) and compared, aspect by aspect, with the roadmap written
out below by hand.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import dod_model
from dod_model import Roadmap

from .comparison import without_positions

DATA = Path(__file__).resolve().parent / "data" / "layouts"

# ---------------------------------------------------------------------------------------------
# How an aspect of a roadmap is seen: plain data, so that the expectations below are data and
# a renamed field is one line here.
# ---------------------------------------------------------------------------------------------

NEW_COLUMNS = ("indicator", "funding", "audience", "place", "completion")


def _day(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _extra(activity: Any) -> dict[str, Any]:
    seen = {name: getattr(activity, name) for name in NEW_COLUMNS}
    seen["extra"] = tuple((c.header, c.text) for c in activity.extra)
    return seen


ASPECTS: dict[str, Callable[[Roadmap], Any]] = {
    "title": lambda rm: rm.title,
    "region": lambda rm: rm.region,
    "headers": lambda rm: rm.headers,
    "activities": lambda rm: [(a.number, a.title, a.section) for a in rm.activities],
    "deadlines": lambda rm: [
        (a.number, a.deadline.text, _day(a.deadline.start), _day(a.deadline.end))
        for a in rm.activities
    ],
    "results": lambda rm: [(a.number, tuple(r.text for r in a.results)) for a in rm.activities],
    "responsible": lambda rm: [
        (a.number, tuple(p.name for p in a.responsible)) for a in rm.activities
    ],
    "sections": lambda rm: [
        (s.number, s.title, tuple(a.number for a in s.activities)) for s in rm.sections
    ],
    "outline": lambda rm: [(s.number, s.parent, s.order) for s in rm.sections],
    "columns": lambda rm: [(a.number, _extra(a)) for a in rm.activities],
}


def expected(document: dict[str, Any], aspect: str) -> Any:
    """The expectation of one aspect, from a document's hand-written roadmap."""
    activities = document["activities"]
    sections = document.get("sections", [])
    if aspect in ("title", "region", "headers"):
        return document[aspect]
    if aspect == "activities":
        return [(a["number"], a["title"], a.get("section")) for a in activities]
    if aspect == "deadlines":
        return [(a["number"], *a["deadline"]) for a in activities]
    if aspect in ("results", "responsible"):
        return [(a["number"], tuple(a.get(aspect, ()))) for a in activities]
    if aspect == "sections":
        return [(s["number"], s["title"], tuple(s["activities"])) for s in sections]
    if aspect == "outline":
        return [(s["number"], s.get("parent"), s["order"]) for s in sections]
    assert aspect == "columns"
    return [
        (a["number"], {**dict.fromkeys(NEW_COLUMNS, ""), "extra": (), **a.get("columns", {})})
        for a in activities
    ]


# ---------------------------------------------------------------------------------------------
# The roadmaps, written out by hand
# ---------------------------------------------------------------------------------------------

# fmt: off
KOSTROMA = {
    "title": "ПЛАН МЕРОПРИЯТИЙ по созданию муниципального опорного центра дополнительного "
    "образования детей города Костромы на 2020 год",
    "region": "RU-KOS",
    "headers": ("№ п/п", "Содержание деятельности", "Срок*", "Ответственные за исполнение",
                "Форма отчетности"),
    "sections": [
        {"number": "1", "order": 1, "activities": ("1.1", "1.2", "1.3"),
         "title": "Организационное обеспечение создания муниципального опорного центра"},
        {"number": "2", "order": 2, "title": "Кадровое обеспечение",
         "activities": ("2.1", "2.2", "2.3")},
    ],
    "activities": [
        {"number": "1.1", "section": "1",
         "title": "Разработка и утверждение плана деятельности МОЦ",
         "deadline": ("январь 2020 г.", "2020-01-01", "2020-01-31"),
         "responsible": ("Управление образования",),
         "results": ("Приказ Управления образования",)},
        {"number": "1.2", "section": "1",
         "title": "Утверждение штатного расписания и должностных инструкций МОЦ",
         "deadline": ("до 01.03.2020", None, "2020-03-01"),
         "responsible": ("Руководитель МОЦ",), "results": ("Локальный акт",)},
        {"number": "1.3", "section": "1",
         "title": "Создание интернет-страницы МОЦ на официальном сайте",
         "deadline": ("февраль - март 2020 г.", "2020-02-01", "2020-03-31"),
         "responsible": ("Руководитель МОЦ", "Методический отдел"),
         "results": ("Интернет-страница МОЦ",)},
        {"number": "2.1", "section": "2",
         "title": "Повышение квалификации педагогов дополнительного образования",
         "deadline": ("в течение 2020 года", "2020-01-01", "2020-12-31"),
         "responsible": ("Руководитель МОЦ",), "results": ("Информационная справка",)},
        {"number": "2.2", "section": "2",
         "title": "Проведение семинаров для руководителей образовательных организаций",
         "deadline": ("IV квартал 2020 года", "2020-10-01", "2020-12-31"),
         "responsible": ("Управление образования", "МОЦ"), "results": ("Программы семинаров",)},
        {"number": "2.3", "section": "2",
         "title": "Подготовка ежегодного отчета о деятельности МОЦ",
         "deadline": ("до 25.12.2020", None, "2020-12-25"),
         "responsible": ("Руководитель МОЦ",), "results": ("Отчет",)},
    ],
}

YAROSLAVL = {
    "title": "ДОРОЖНАЯ КАРТА внедрения целевой модели развития дополнительного образования "
    "детей Ярославской области на 2020 год",
    "region": "RU-YAR",
    "headers": ("№", "Мероприятия", "СРОК ИСПОЛНЕНИЯ", "Исполнители", "Показатель",
                "Результат"),
    "sections": [
        {"number": "1", "order": 1, "activities": ("1", "2", "3"),
         "title": "Обновление содержания дополнительных общеобразовательных программ"},
        {"number": "2", "order": 2, "activities": ("4", "5"),
         "title": "Развитие кадрового потенциала"},
    ],
    "activities": [
        {"number": "1", "section": "1",
         "title": "Проведение анализа реализуемых дополнительных общеобразовательных программ",
         "deadline": ("до 01.10.2020", None, "2020-10-01"),
         "responsible": ("Образовательные организации",),
         "results": ("Аналитическая справка",),
         "columns": {"indicator": "Доля обновлённых программ, %"}},
        {"number": "2", "section": "1",
         "title": "Разработка разноуровневых дополнительных общеобразовательных программ",
         "deadline": ("сентябрь 2020 года", "2020-09-01", "2020-09-30"),
         "responsible": ("Образовательные организации", "МОЦ"), "results": ("Программы",),
         "columns": {"indicator": "Не менее 10 программ"}},
        {"number": "3", "section": "1",
         "title": "Размещение программ в региональном навигаторе",
         "deadline": ("ноябрь 2020", "2020-11-01", "2020-11-30"),
         "responsible": ("МОЦ",), "results": ("Программы в навигаторе",),
         "columns": {"indicator": "100 % программ"}},
        {"number": "4", "section": "2",
         "title": "Организация повышения квалификации педагогов",
         "deadline": ("в течение 2020 года", "2020-01-01", "2020-12-31"),
         "responsible": ("Департамент образования Ярославской области",),
         "results": ("Удостоверения о повышении квалификации",),
         "columns": {"indicator": "Не менее 50 педагогов"}},
        {"number": "5", "section": "2",
         "title": "Проведение конкурса профессионального мастерства",
         "deadline": ("IV квартал 2020 года", "2020-10-01", "2020-12-31"),
         "responsible": ("МОЦ",), "results": ("Приказ об итогах конкурса",),
         "columns": {"indicator": "Не менее 20 участников"}},
    ],
}

PENZA = {
    "title": "ПЛАН МЕРОПРИЯТИЙ по развитию дополнительного образования детей Пензенской "
    "области на 2020 - 2021 годы",
    "region": "RU-PNZ",
    "headers": ("№ п/п", "Направление", "Сроки: начало", "Сроки: окончание",
                "Ответственные: исполнитель", "Ответственные: соисполнители",
                "Планируемый результат"),
    # Subsections stand flat among the sections, in document order; a section whose rows are
    # all in its subsections has no activities of its own.
    "sections": [
        {"number": "1", "order": 1, "activities": (),
         "title": "Обновление содержания дополнительного образования"},
        {"number": "1.1", "parent": "1", "order": 1, "activities": ("1.1.1", "1.1.2"),
         "title": "Программы технической направленности"},
        {"number": "1.2", "parent": "1", "order": 2, "activities": ("1.2.1",),
         "title": "Программы естественнонаучной направленности"},
        {"number": "2", "order": 2, "activities": ("2.1",), "title": "Кадровое обеспечение"},
    ],
    "activities": [
        {"number": "1.1.1", "section": "1.1",
         "title": "Разработка программ технической направленности",
         "deadline": ("01.09.2020 – 31.12.2020", "2020-09-01", "2020-12-31"),
         "responsible": ("Министерство образования Пензенской области",
                         "Региональный модельный центр"),
         "results": ("Программы",)},
        {"number": "1.1.2", "section": "1.1",
         "title": "Апробация программ технической направленности",
         "deadline": ("01.01.2021 – 31.05.2021", "2021-01-01", "2021-05-31"),
         "responsible": ("Региональный модельный центр", "муниципальные опорные центры"),
         "results": ("Отчет об апробации",)},
        {"number": "1.2.1", "section": "1.2",
         "title": "Разработка программ естественнонаучной направленности",
         "deadline": ("01.09.2020 – 31.12.2020", "2020-09-01", "2020-12-31"),
         "responsible": ("Региональный модельный центр",), "results": ("Программы",)},
        {"number": "2.1", "section": "2",
         "title": "Обучение педагогов по новым программам",
         "deadline": ("01.10.2020 – 30.06.2021", "2020-10-01", "2021-06-30"),
         "responsible": ("Институт регионального развития Пензенской области",
                         "Региональный модельный центр", "муниципальные опорные центры"),
         "results": ("Удостоверения",)},
    ],
}

NOVOSIBIRSK = {
    "title": "ПЛАН МЕРОПРИЯТИЙ («ДОРОЖНАЯ КАРТА») по созданию регионального модельного "
    "центра дополнительного образования детей Новосибирской области",
    "region": "RU-NVS",
    # A header's lines are joined by one space, a word hyphenated across them mended.
    "headers": ("№", "Наименование мероприятия", "Срок исполнения",
                "Ответственный исполнитель", "Соисполнители", "Источник финансирования",
                "Объём финансирования, тыс. руб.", "Код мероприятия"),
    "sections": [
        {"number": "I", "order": 1, "activities": ("1", "2", "3"),
         "title": "Создание регионального модельного центра"},
        {"number": "II", "order": 2, "activities": ("4", "5"),
         "title": "Создание муниципальных опорных центров"},
    ],
    # Two funding columns, source and amount: the first is the funding, the other kept under
    # its header (with its unit).
    "activities": [
        {"number": "1", "section": "I",
         "title": "Создание регионального модельного центра дополнительного образования детей",
         "deadline": ("до 01.03.2021", None, "2021-03-01"),
         "responsible": ("Министерство образования Новосибирской области",
                         "Областной центр развития творчества"),
         "columns": {"funding": "Областной бюджет",
                     "extra": (("Объём финансирования, тыс. руб.", "1200,0"),
                               ("Код мероприятия", "РМЦ-01"))}},
        {"number": "2", "section": "I",
         "title": "Оснащение регионального модельного центра оборудованием",
         "deadline": ("май 2021 г.", "2021-05-01", "2021-05-31"),
         "responsible": ("Областной центр развития творчества",),
         "columns": {"funding": "Федеральный бюджет",
                     "extra": (("Объём финансирования, тыс. руб.", "3500,0"),
                               ("Код мероприятия", "РМЦ-02"))}},
        {"number": "3", "section": "I",
         "title": "Разработка положения о региональном модельном центре",
         "deadline": ("01.03.2021", None, "2021-03-01"),
         "responsible": ("Министерство образования Новосибирской области",),
         "columns": {"funding": "Не требуется",
                     "extra": (("Объём финансирования, тыс. руб.", "-"),
                               ("Код мероприятия", "РМЦ-03"))}},
        {"number": "4", "section": "II",
         "title": "Формирование сети муниципальных опорных центров",
         "deadline": ("2021 год", "2021-01-01", "2021-12-31"),
         "responsible": ("Министерство образования Новосибирской области",
                         "Органы местного самоуправления"),
         "columns": {"funding": "Местный бюджет",
                     "extra": (("Объём финансирования, тыс. руб.", "800,0"),
                               ("Код мероприятия", "МОЦ-01"))}},
        {"number": "5", "section": "II",
         "title": "Проведение обучающих семинаров для муниципальных опорных центров",
         "deadline": ("февраль - март 2021 г.", "2021-02-01", "2021-03-31"),
         "responsible": ("Региональный модельный центр", "муниципальные опорные центры"),
         "columns": {"funding": "Не требуется",
                     "extra": (("Объём финансирования, тыс. руб.", "-"),
                               ("Код мероприятия", "МОЦ-02"))}},
    ],
}

PETERSBURG = {
    "title": "План мероприятий по организации досуга жителей МО Волковское на 2021 год",
    "region": "RU-SPE",
    "headers": ("№", "Наименование мероприятия", "Дата проведения", "Место проведения",
                "Целевая аудитория", "Ответственный"),
    "sections": [
        {"number": "", "order": None, "activities": ("1", "", ""),
         "title": "Мероприятия для детей и молодёжи"},
        {"number": "", "order": None, "activities": ("2", "3"),
         "title": "Мероприятия для жителей старшего возраста"},
    ],
    # Rows without a number of their own are activities of their own, numbered "".
    "activities": [
        {"number": "1", "section": "",
         "title": "Районный фестиваль детского творчества «Волковские звёздочки»",
         "deadline": ("12 мая 2021 г.", None, "2021-05-12"),
         "responsible": ("Местная администрация",),
         "columns": {"place": "Дом культуры", "audience": "Дети 7 - 14 лет"}},
        {"number": "", "section": "", "title": "Праздник двора «Здравствуй, лето!»",
         "deadline": ("01.06.2021", None, "2021-06-01"),
         "responsible": ("Местная администрация",),
         "columns": {"place": "Сквер на Бухарестской улице", "audience": "Жители округа"}},
        {"number": "", "section": "", "title": "Экскурсия по историческим местам округа",
         "deadline": ("май 2021 г.", "2021-05-01", "2021-05-31"),
         "responsible": ("Отдел по работе с молодёжью",),
         "columns": {"place": "Округ", "audience": "Школьники"}},
        {"number": "2", "section": "", "title": "Концерт ко Дню пожилого человека",
         "deadline": ("01.10.2021", None, "2021-10-01"),
         "responsible": ("Местная администрация",),
         "columns": {"place": "Дом культуры", "audience": "Жители старшего возраста"}},
        {"number": "3", "section": "", "title": "Цикл лекций о здоровом образе жизни",
         "deadline": ("в течение 2021 года", "2021-01-01", "2021-12-31"),
         "responsible": ("Отдел социальной работы",),
         "columns": {"place": "Библиотека", "audience": "Жители старшего возраста"}},
    ],
}

KIROV = {
    "title": "ПЛАН мероприятий по развитию дополнительного образования детей Кировской "
    "области на 2003 год",
    "region": "RU-KIR",
    "headers": ("№ п/п", "Содержание мероприятия", "Период исполнения", "Исполнители",
                "Форма завершения", "Отметка о выполнении"),
    "sections": [
        {"number": "1", "order": 1, "activities": ("1.1", "1.2", "1.3"),
         "title": "Организационно-методическая работа"},
        {"number": "2", "order": 2, "activities": ("2.1", "2.2"),
         "title": "Работа с одарёнными детьми"},
    ],
    "activities": [
        # The deadline cell names a place too: the date phrase is found in it, the text kept.
        {"number": "1.1", "section": "1",
         "title": "Областной семинар руководителей учреждений дополнительного образования",
         "deadline": ("Образовательные учреждения 10 - 12 июня 2003 г.", "2003-06-10",
                      "2003-06-12"),
         "responsible": ("Департамент образования",), "results": ("Сборник материалов",),
         "columns": {"completion": "Выполнено"}},
        # Two activities in one row, with a deadline each: kept whole, as one activity, its
        # two deadlines not made one period.
        {"number": "1.2", "section": "1",
         "title": "Областные конкурсы: «Юный техник»; «Мир вокруг нас»",
         "deadline": ("март 2003 г., апрель 2003 г.", None, None),
         "responsible": ("Областной дворец творчества",), "results": ("Приказ об итогах",),
         "columns": {"completion": "Выполнено"}},
        {"number": "1.3", "section": "1", "title": "Подготовка методических рекомендаций",
         "deadline": ("январь 2003 г.", "2003-01-01", "2003-01-31"),
         "responsible": ("Институт развития образования",),
         "results": ("Методические рекомендации",)},
        {"number": "2.1", "section": "2",
         "title": "Областная олимпиада по техническому творчеству",
         "deadline": ("в течение 2003 года", "2003-01-01", "2003-12-31"),
         "responsible": ("Областной дворец творчества",), "results": ("Приказ об итогах",),
         "columns": {"completion": "Перенесено"}},
        {"number": "2.2", "section": "2", "title": "Летняя профильная смена",
         "deadline": ("в течение 2003 года", "2003-01-01", "2003-12-31"),
         "responsible": ("Департамент образования", "Областной дворец творчества"),
         "results": ("Отчет",)},
    ],
}

SAMARA = {
    "title": "Дорожная карта по созданию и функционированию опорных центров дополнительного "
    "образования детей в Самарской области",
    "region": "RU-SAM",
    "headers": ("№ п/п", "Наименование мероприятия", "Итоговый документ", "Сроки"),
    "activities": [
        {"number": "1",
         "title": "Разработка и утверждение нормативной, организационной и методической "
                  "документации по созданию и функционированию опорных центров "
                  "дополнительного образования детей",
         "deadline": ("Июнь-июль 2019", "2019-06-01", "2019-07-31"),
         "results": ("Распоряжения МОиН СО от 28.06.2019г № 592-р, от 22.07.2019г. № 637-р. "
                     "Муниципальные НПА. Реестр ОЦ (http://rmc.pioner-samara.ru/index.php/"
                     "opornye-tsentry-dopolnitelnogo-obrazovaniya-detej)",)},
        {"number": "2", "title": "Утверждение штатного расписания и должностных инструкций ОЦ",
         "deadline": ("До 5 августа 2019", None, "2019-08-05"),
         "results": ("Локальный акт ОО",)},
        {"number": "3",
         "title": "Утверждение и согласование с ТУ (ДО) и РМЦ плана работы на учебный год",
         "deadline": ("до 15.08.2019", None, "2019-08-15"),
         "results": ("План работы на учебный год (на основании плана РМЦ "
                     "http://rmc.pioner-samara.ru/index.php/dokumenty)",)},
        {"number": "5", "title": "Разработка медиаплана освещения деятельности ОЦ",
         "deadline": ("До 1 сентября 2019.", None, "2019-09-01"),
         "results": ("Раздел в плане деятельности ОЦ",)},
        {"number": "7",
         "title": "Инвентаризация и обновление реализуемых дополнительных "
                  "общеобразовательных программ,",
         "deadline": ("Август 2019", "2019-08-01", "2019-08-31"),
         "results": ("Реестр реализуемых дополнительных общеобразовательных программ",)},
    ],
}

DOCUMENTS: dict[str, dict[str, Any]] = {
    "kostroma-razdely-forma-otchetnosti": KOSTROMA,
    "yaroslavl-napravleniya-pokazatel": YAROSLAVL,
    "penza-dvuhurovnevaya-shapka": PENZA,
    "novosibirsk-rimskie-finansirovanie": NOVOSIBIRSK,
    "spb-volkovskoe-shapka-v-abzatse": PETERSBURG,
    "kirov-otmetka-o-vypolnenii": KIROV,
    "samara-itogovyi-dokument-nomera-stolbcov": SAMARA,
}
# fmt: on
FORMS: dict[str, tuple[str, ...]] = dict.fromkeys(DOCUMENTS, ("docx", "rows", "pipes"))
FORMS["kirov-otmetka-o-vypolnenii"] += ("cells",)


def path(name: str, form: str) -> Path:
    return DATA / (f"{name}.docx" if form == "docx" else f"{name}.{form}.txt")


def cases() -> list[Any]:
    found = []
    for name, document in DOCUMENTS.items():
        for form in FORMS[name]:
            for aspect in ASPECTS:
                if aspect in ("sections", "outline") and "sections" not in document:
                    continue
                found.append(pytest.param(name, form, aspect, id=f"{name}-{form}-{aspect}"))
    return found


_read_cache: dict[Path, Roadmap] = {}


def read(file: Path) -> Roadmap:
    if file not in _read_cache:
        _read_cache[file] = dod_model.read(file)
    return _read_cache[file]


@pytest.mark.parametrize(("name", "form", "aspect"), cases())
def test_layout_reads_to_the_roadmap_it_holds(name: str, form: str, aspect: str) -> None:
    roadmap = read(path(name, form))
    assert ASPECTS[aspect](roadmap) == expected(DOCUMENTS[name], aspect)


def test_every_document_is_expected_in_every_form_it_is_made_in() -> None:
    made = {p.name for p in DATA.iterdir() if p.suffix in (".docx", ".txt")}
    assert made == {path(name, form).name for name in DOCUMENTS for form in FORMS[name]}


def _same_cases() -> list[Any]:
    found = []
    for name in DOCUMENTS:
        for form in FORMS[name][1:]:
            found.append(pytest.param(name, form, id=f"{name}-{form}"))
    return found


@pytest.mark.parametrize(("name", "form"), _same_cases())
def test_text_export_reads_as_the_word_file(name: str, form: str) -> None:
    word = without_positions(read(path(name, "docx")))
    text = without_positions(read(path(name, form)))
    assert text == word


# --- the same documents as LibreOffice Writer saves them in other formats -----------------------

RENDITIONS = DATA / "renditions"


def _spaceless(roadmap: Roadmap) -> Roadmap:
    """The roadmap with its headers as a PDF's text gives them: what stood at wraps unknown.

    A centred header cell's lines end short of the cell's edge: the PDF importer cannot tell a
    wrap at a space from a paragraph's end there, nor a hyphenated word from a compound one.
    """

    def header(text: str) -> str:
        return text.replace(" ", "").replace("-", "")

    def bare(activity: dod_model.Activity) -> dod_model.Activity:
        extra = tuple(attrs.evolve(c, header=header(c.header)) for c in activity.extra)
        return attrs.evolve(activity, extra=extra)

    return attrs.evolve(
        roadmap,
        headers=tuple(map(header, roadmap.headers)),
        unsectioned=tuple(map(bare, roadmap.unsectioned)),
        sections=tuple(
            attrs.evolve(s, activities=tuple(map(bare, s.activities))) for s in roadmap.sections
        ),
    )


@pytest.mark.parametrize("suffix", ["odt", "html", "pdf"])
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_format_reads_as_the_word_file(name: str, suffix: str) -> None:
    word = without_positions(read(path(name, "docx")))
    other = without_positions(read(RENDITIONS / f"{name}.{suffix}"))
    if suffix == "pdf":
        # A PDF holds no paragraphs: the signature after the footnote reads as its sentence's
        # end; and see _spaceless.
        assert _spaceless(attrs.evolve(other, notes=word.notes)) == _spaceless(word)
        assert " ".join(other.notes) == " ".join(word.notes)
        return
    assert other == word


def test_a_workbook_with_a_two_level_header_and_a_merged_section_row() -> None:
    # A spreadsheet as an analyst lays it out: the upper header cells merged across their lower
    # ones or down over them, column numbers, a section's title merged across the row.
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "План"
    sheet.append(["План мероприятий по созданию РМЦ Пензенской области"])
    sheet.append([])
    sheet.append(["№ п/п", "Направление", "Сроки", None, "Ответственные", None, "Результат"])
    sheet.append([None, None, "начало", "окончание", "исполнитель", "соисполнители", None])
    sheet.append([1, 2, 3, 4, 5, 6, 7])
    sheet.append(["1", "Обновление содержания", None, None, None, None, None])
    sheet.append(["1.1", "Разработка программ", "01.09.2020", "31.12.2020", "Министерство", "РМЦ",
                  "Программы"])  # fmt: skip
    for cells in ("A3:A4", "B3:B4", "C3:D3", "E3:F3", "G3:G4", "B6:G6"):
        sheet.merge_cells(cells)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    roadmap = dod_model.read(data, format="xlsx")
    assert roadmap.region == "RU-PNZ"
    assert roadmap.headers == ("№ п/п", "Направление", "Сроки: начало", "Сроки: окончание",
                               "Ответственные: исполнитель", "Ответственные: соисполнители",
                               "Результат")  # fmt: skip
    assert [(s.number, s.title) for s in roadmap.sections] == [("1", "Обновление содержания")]
    (activity,) = roadmap.activities
    assert (activity.number, activity.section) == ("1.1", "1")
    deadline = activity.deadline
    assert (deadline.text, str(deadline.start), str(deadline.end)) == (
        "01.09.2020 – 31.12.2020", "2020-09-01", "2020-12-31")  # fmt: skip
    assert [p.name for p in activity.responsible] == ["Министерство", "РМЦ"]
