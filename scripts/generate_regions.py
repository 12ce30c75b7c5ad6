"""Write the subjects of the Russian Federation, their names in every case and their cities,
into src/dod_model/model/data/subjects.json.

python scripts/generate_regions.py          # rewrite the file (needs pymorphy3)
python scripts/generate_regions.py --check  # fail if the committed file differs

The case forms are made by pymorphy3 (pip install 'dod-model[regions-data]'); the library reads
the JSON file and needs no morphology at run time. Without pymorphy3, ``--check`` checks the
committed file's shape only, and says that regenerating it needs the extra.

The table below is the input: one line a subject,

    CODE | full name | other names ; … | abbreviations ; … | capital ; major cities ; …

Words in braces stay as written in every case («Республика {Татарстан}» → «Республики
Татарстан»); a part after « — » is inflected on its own («… округ — Югра» → «… округа — Югры»).
A city marked ``*`` is matched only after «г.», «город» and the like even where pymorphy knows no
other meaning of it; a city pymorphy knows as a name, a surname or an ordinary word («Киров»,
«Владимир», «Орёл», «Грозный») is so marked by the script itself.

Codes. ISO 3166-2:RU lists 83 subjects. Crimea and Sevastopol are listed by ISO 3166-2 under UA
(UA-43, UA-40); the four subjects of 2022 have no ISO code at all. For these six the library uses
the codes Russian data sets and registries commonly write after the ISO pattern: RU-CR (Республика
Крым), RU-SEV (Севастополь), RU-DPR, RU-LPR, RU-ZAP (Запорожская область), RU-KHE (Херсонская
область). They are a convention of this library, not ISO codes.

Abbreviations left out, being ambiguous between subjects or ordinary words of the field:
«СО» (Самарская, Свердловская, Сахалинская, Саратовская, Смоленская), «МО» (Московская область,
and муниципальное образование), «ЛО», «КО», «ТО», «ВО», «НО», «ПК», «КК», «АК», «РА», «РБ»
(Башкортостан, Бурятия), «РК» (Карелия, Коми, Калмыкия, Крым), «РМ», «РС», «ЧР» (Чечня,
Чувашия), «УР» (Удмуртия, and учебная работа), «РД» (Дагестан, and рабочая документация), «НАО»
(and непубличное АО), «ЧАО», «ЧО». «РТ» is kept for Татарстан, though Тыва writes it too.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "dod_model" / "model" / "data" / "subjects.json"

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")

# fmt: off
TABLE = """
RU-AD  | Республика {Адыгея} | Адыгея | | Майкоп
RU-AL  | Республика {Алтай} | | | Горно-Алтайск
RU-BA  | Республика {Башкортостан} | Башкортостан; Башкирия | | Уфа; Стерлитамак; Салават*;
       Нефтекамск; Октябрьский
RU-BU  | Республика {Бурятия} | Бурятия | | Улан-Удэ
RU-CE  | Чеченская Республика | Чечня | | Грозный
RU-CU  | Чувашская Республика — Чувашия | Чувашия | | Чебоксары; Новочебоксарск
RU-DA  | Республика {Дагестан} | Дагестан | | Махачкала; Хасавюрт; Дербент; Каспийск
RU-IN  | Республика {Ингушетия} | Ингушетия | | Магас; Назрань
RU-KB  | Кабардино-Балкарская Республика | Кабардино-Балкария | КБР | Нальчик
RU-KL  | Республика {Калмыкия} | Калмыкия | | Элиста
RU-KC  | Карачаево-Черкесская Республика | Карачаево-Черкесия | КЧР | Черкесск
RU-KR  | Республика {Карелия} | Карелия | | Петрозаводск
RU-KO  | Республика {Коми} | | | Сыктывкар
RU-ME  | Республика {Марий Эл} | | | Йошкар-Ола
RU-MO  | Республика {Мордовия} | Мордовия | | Саранск
RU-SA  | Республика {Саха (Якутия)} | Якутия; Республика {Саха}| РС(Я); РС (Я) | Якутск
RU-SE  | Республика {Северная Осетия — Алания} | Северная Осетия;
       Республика {Северная Осетия} | РСО-Алания; РСО — Алания; РСО – Алания | Владикавказ
RU-TA  | Республика {Татарстан} | Татарстан | РТ | Казань; Набережные Челны; Нижнекамск;
       Альметьевск
RU-TY  | Республика {Тыва} | Тыва; Тува | | Кызыл
RU-UD  | Удмуртская Республика | Удмуртия | | Ижевск
RU-KK  | Республика {Хакасия} | Хакасия | РХ | Абакан
RU-ALT | Алтайский край | | | Барнаул; Бийск; Рубцовск
RU-KAM | Камчатский край | Камчатка | | Петропавловск-Камчатский
RU-KHA | Хабаровский край | | | Хабаровск; Комсомольск-на-Амуре
RU-KDA | Краснодарский край | Кубань* | | Краснодар; Сочи; Новороссийск; Армавир
RU-KYA | Красноярский край | | | Красноярск; Норильск; Ачинск
RU-PER | Пермский край | Прикамье | | Пермь; Березники
RU-PRI | Приморский край | Приморье | | Владивосток; Уссурийск; Находка; Артём
RU-STA | Ставропольский край | Ставрополье | | Ставрополь; Пятигорск; Кисловодск; Невинномысск;
       Ессентуки
RU-ZAB | Забайкальский край | Забайкалье | | Чита
RU-AMU | Амурская область | Приамурье | | Благовещенск
RU-ARK | Архангельская область | | | Архангельск; Северодвинск
RU-AST | Астраханская область | | | Астрахань
RU-BEL | Белгородская область | Белгородчина | | Белгород; Старый Оскол
RU-BRY | Брянская область | Брянщина | | Брянск
RU-CHE | Челябинская область | Южный Урал* | | Челябинск; Магнитогорск; Златоуст; Миасс; Копейск
RU-IRK | Иркутская область | Приангарье | | Иркутск; Братск; Ангарск
RU-IVA | Ивановская область | | | Иваново
RU-KGD | Калининградская область | | | Калининград
RU-KLU | Калужская область | | | Калуга; Обнинск
RU-KEM | Кемеровская область — Кузбасс | Кемеровская область; Кузбасс | | Кемерово; Новокузнецк;
       Прокопьевск
RU-KIR | Кировская область | Вятка* | | Киров
RU-KOS | Костромская область | | | Кострома
RU-KGN | Курганская область | Зауралье* | | Курган
RU-KRS | Курская область | | | Курск
RU-LEN | Ленинградская область | | | Гатчина
RU-LIP | Липецкая область | | | Липецк; Елец*
RU-MAG | Магаданская область | Колыма* | | Магадан
RU-MOS | Московская область | Подмосковье | | Красногорск; Балашиха; Подольск; Химки; Мытищи;
       Королёв; Люберцы; Электросталь; Коломна*; Одинцово; Домодедово; Серпухов; Щёлково;
       Раменское; Долгопрудный; Жуковский; Пушкино; Реутов; Орехово-Зуево; Сергиев Посад
RU-MUR | Мурманская область | Заполярье* | | Мурманск
RU-NIZ | Нижегородская область | | | Нижний Новгород; Дзержинск; Арзамас
RU-NGR | Новгородская область | | | Великий Новгород
RU-NVS | Новосибирская область | | НСО | Новосибирск; Бердск
RU-OMS | Омская область | | | Омск
RU-ORE | Оренбургская область | Оренбуржье | | Оренбург; Орск
RU-ORL | Орловская область | Орловщина | | Орёл
RU-PNZ | Пензенская область | | | Пенза
RU-PSK | Псковская область | Псковщина | | Псков
RU-ROS | Ростовская область | | | Ростов-на-Дону; Таганрог; Шахты; Новочеркасск; Волгодонск;
       Батайск
RU-RYA | Рязанская область | Рязанщина | | Рязань
RU-SAK | Сахалинская область | | | Южно-Сахалинск
RU-SAM | Самарская область | | | Самара; Тольятти; Сызрань; Новокуйбышевск
RU-SAR | Саратовская область | | | Саратов; Энгельс; Балаково
RU-SMO | Смоленская область | Смоленщина | | Смоленск
RU-SVE | Свердловская область | | | Екатеринбург; Нижний Тагил; Каменск-Уральский; Первоуральск
RU-TAM | Тамбовская область | Тамбовщина | | Тамбов
RU-TOM | Томская область | | | Томск; Северск
RU-TUL | Тульская область | | | Тула; Новомосковск
RU-TVE | Тверская область | | | Тверь
RU-TYU | Тюменская область | | | Тюмень; Тобольск
RU-ULY | Ульяновская область | | | Ульяновск; Димитровград
RU-VLA | Владимирская область | | | Владимир; Ковров; Муром*
RU-VGG | Волгоградская область | | | Волгоград; Волжский; Камышин
RU-VLG | Вологодская область | Вологодчина | | Вологда; Череповец
RU-VOR | Воронежская область | | | Воронеж
RU-YAR | Ярославская область | Ярославия* | ЯО | Ярославль; Рыбинск
RU-MOW | Москва | | | Москва; Зеленоград
RU-SPE | Санкт-Петербург | Петербург | СПб | Санкт-Петербург; Колпино; Кронштадт; Сестрорецк;
       Петергоф
RU-YEV | Еврейская автономная область | | ЕАО | Биробиджан
RU-CHU | Чукотский автономный округ | Чукотка | | Анадырь
RU-KHM | Ханты-Мансийский автономный округ — Югра | Ханты-Мансийский автономный округ;
       Югра | ХМАО; ХМАО-Югра; ХМАО — Югра; ХМАО – Югра | Ханты-Мансийск; Сургут; Нижневартовск;
       Нефтеюганск
RU-NEN | Ненецкий автономный округ | | | Нарьян-Мар
RU-YAN | Ямало-Ненецкий автономный округ | Ямал | ЯНАО | Салехард; Новый Уренгой; Ноябрьск
RU-CR  | Республика {Крым} | Крым | | Симферополь; Керчь; Евпатория
RU-SEV | Севастополь | | | Севастополь; Балаклава*
RU-DPR | Донецкая Народная Республика | | ДНР | Донецк; Макеевка; Горловка; Мариуполь
RU-LPR | Луганская Народная Республика | | ЛНР | Луганск; Алчевск; Северодонецк; Лисичанск
RU-ZAP | Запорожская область | | | Мелитополь; Бердянск
RU-KHE | Херсонская область | Херсонщина | | Херсон; Геническ
"""
# fmt: on

# Where pymorphy3 errs or knows no form: the forms by case, written out.
OVERRIDES: dict[str, dict[str, str]] = {
    "Комсомольск-на-Амуре": {
        "nomn": "Комсомольск-на-Амуре", "gent": "Комсомольска-на-Амуре",
        "datv": "Комсомольску-на-Амуре", "accs": "Комсомольск-на-Амуре",
        "ablt": "Комсомольском-на-Амуре", "loct": "Комсомольске-на-Амуре",
    },
    "Ростов-на-Дону": {
        "nomn": "Ростов-на-Дону", "gent": "Ростова-на-Дону", "datv": "Ростову-на-Дону",
        "accs": "Ростов-на-Дону", "ablt": "Ростовом-на-Дону", "loct": "Ростове-на-Дону",
    },
    "Орехово-Зуево": {
        "nomn": "Орехово-Зуево", "gent": "Орехово-Зуева", "datv": "Орехово-Зуеву",
        "accs": "Орехово-Зуево", "ablt": "Орехово-Зуевом", "loct": "Орехово-Зуеве",
    },
    "Петропавловск-Камчатский": {
        "nomn": "Петропавловск-Камчатский", "gent": "Петропавловска-Камчатского",
        "datv": "Петропавловску-Камчатскому", "accs": "Петропавловск-Камчатский",
        "ablt": "Петропавловском-Камчатским", "loct": "Петропавловске-Камчатском",
    },
    "Каменск-Уральский": {
        "nomn": "Каменск-Уральский", "gent": "Каменска-Уральского",
        "datv": "Каменску-Уральскому", "accs": "Каменск-Уральский",
        "ablt": "Каменском-Уральским", "loct": "Каменске-Уральском",
    },
}  # fmt: skip

# Cities known to pymorphy3 in another sense but named so seldom in it in a roadmap that the
# bare name identifies the city.
BARE = {
    "Березники", "Дзержинск", "Ессентуки", "Калуга", "Пенза", "Самара", "Салехард", "Саранск",
    "Тверь", "Тула", "Чита", "Электросталь",
}  # fmt: skip

# The intra-city municipalities (внутригородские муниципальные образования) of St Petersburg,
# found after «МО», «муниципальный округ» and the like; the numbered ones («МО № 7») are left
# out, other cities numbering theirs too.
SPB_MUNICIPALITIES = (
    "Адмиралтейский округ", "Семеновский", "Измайловское", "Сенной округ", "Коломна",
    "Екатерингофский", "Васильевский", "Гавань", "Морской", "Остров Декабристов",
    "Сампсониевское", "Светлановское", "Сосновское", "Шувалово-Озерки", "Парголово",
    "Левашово", "Академическое", "Гражданка", "Прометей", "Северный", "Финляндский округ",
    "Пискаревка", "Автово", "Дачное", "Княжево", "Ульянка", "Нарвский округ",
    "Красненькая речка", "Морские ворота", "Металлострой", "Понтонный", "Усть-Ижора",
    "Петро-Славянка", "Саперный", "Большая Охта", "Малая Охта", "Пороховые", "Ржевка",
    "Полюстрово", "Юго-Запад", "Южно-Приморский", "Сосновая Поляна", "Урицк",
    "Константиновское", "Горелово", "Белоостров", "Комарово", "Молодежное", "Песочный",
    "Репино", "Серово", "Смолячково", "Солнечное", "Ушково", "Московская застава",
    "Гагаринское", "Новоизмайловское", "Пулковский меридиан", "Звездное",
    "Невская застава", "Ивановский", "Обуховский", "Рыбацкое", "Народный", "Невский округ",
    "Оккервиль", "Правобережный", "Введенский", "Кронверкское", "Посадский",
    "Аптекарский остров", "Петровский", "Чкаловское", "Лахта-Ольгино", "Черная речка",
    "Комендантский аэродром", "Озеро Долгое", "Юнтолово", "Коломяги", "Шушары",
    "Александровская", "Тярлево", "Волковское", "Купчино", "Георгиевский", "Балканский",
    "Дворцовый округ", "Литейный округ", "Смольнинское", "Лиговка-Ямская",
    "Владимирский округ", "Пушкин", "Павловск", "Ломоносов", "Стрельна", "Зеленогорск",
    "Красное Село",
)  # fmt: skip
MUNICIPALITY_PREFIXES = (
    "МО {}", "МО «{}", 'МО "{}', "муниципальный округ {}", "муниципального округа {}",
    "муниципальное образование {}", "муниципального образования {}",
)  # fmt: skip

# How a city is named where its bare name could mean something else: «г. Кирова», «городе Кирове».
CITY_WORD = {
    "nomn": "город", "gent": "города", "datv": "городу", "accs": "город", "ablt": "городом",
    "loct": "городе",
}  # fmt: skip
CITY_ABBREVIATIONS = ("г. {}", "г.{}", "гор. {}", "г.о. {}", "го {}")

# pymorphy3's grammemes of a part of speech that a name agrees in, and of its own meaning.
_OTHER_SENSES = {"Name", "Surn", "Patr"}


class TableError(ValueError):
    pass


def parse_table() -> list[dict[str, Any]]:
    rows = []
    lines: list[str] = []
    for line in TABLE.strip().splitlines():  # an indented line continues the one above
        if line.startswith(" ") and lines:
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    for line in lines:
        parts = [part.strip() for part in line.split("|")]
        if len(parts) != 5:
            raise TableError(f"a line of the table has {len(parts)} fields: {line}")
        code, name, others, abbreviations, cities = parts
        rows.append({
            "code": code,
            "name": name,
            "others": [p.strip() for p in others.split(";") if p.strip()],
            "abbreviations": [p.strip() for p in abbreviations.split(";") if p.strip()],
            "cities": [p.strip() for p in cities.split(";") if p.strip()],
        })  # fmt: skip
    return rows


def plain(name: str) -> str:
    """A name of the table as written, its braces dropped."""
    return name.replace("{", "").replace("}", "").replace("*", "")


# --- inflection (pymorphy3) ----------------------------------------------------------------------


def _morph() -> Any:
    import pymorphy3  # noqa: PLC0415 - the generator's extra, needed only to regenerate

    return pymorphy3.MorphAnalyzer()


def _restore_case(form: str, written: str) -> str:
    """``form`` (lower case) with the capitals of ``written``, hyphenated part by part."""
    out = []
    for new, old in zip(form.split("-"), written.split("-"), strict=False):
        out.append(new[:1].upper() + new[1:] if old[:1].isupper() else new)
    return "-".join(out)


def _word(morph: Any, word: str, case: str, *, geographic: bool) -> str:
    """One word of a name in ``case``: a noun or adjective in the nominative, inflected."""
    parses = [p for p in morph.parse(word) if p.tag.case == "nomn"]
    if geographic:
        parses = sorted(parses, key=lambda p: "Geox" not in p.tag)
    for p in parses:
        if p.tag.POS in ("NOUN", "ADJF"):
            # The accusative of an inanimate noun's adjective: «Ханты-Мансийский автономный округ».
            inanimate = case == "accs" and p.tag.POS == "ADJF" and p.tag.gender != "femn"
            wanted = {case, "inan"} if inanimate else {case}
            inflected = p.inflect(wanted) or p.inflect({case})
            if inflected is not None:
                form = inflected.word
                if "ё" not in word:
                    form = form.replace("ё", "е")
                return _restore_case(form, word)
    return word  # indeclinable (a foreign word, an abbreviation)


def inflect(morph: Any, name: str, case: str, *, geographic: bool = False) -> str:
    """``name`` of the table in ``case``: words in braces and in parentheses kept as written."""
    if plain(name) in OVERRIDES:
        return OVERRIDES[plain(name)][case]
    name = name.replace("*", "")
    if " — " in name and "{" not in name.split(" — ")[0]:
        return " — ".join(inflect(morph, part, case, geographic=geographic)
                          for part in name.split(" — "))  # fmt: skip
    out = []
    for token in re.split(r"(\{[^}]*\}|\s+)", name):
        if not token or token.isspace():
            out.append(token)
        elif token.startswith("{"):
            out.append(token[1:-1])
        else:
            out.append(_word(morph, token, case, geographic=geographic))
    return "".join(out)


def cases(morph: Any, name: str, *, geographic: bool = False) -> dict[str, str]:
    return {case: inflect(morph, name, case, geographic=geographic) for case in CASES}


def _other_sense(morph: Any, form: str, *, nominative: bool) -> bool:
    """Whether pymorphy3 knows ``form`` in a sense other than a place.

    A person's name («Кирова», «Владимир»), a common noun («Орёл», «Находка», «Шахты»), and of
    the nominative an adjective («Грозный», «Волжский»); not an adjective made of the city's
    name in another case («новосибирском» beside «Новосибирском»), which names it all the same.
    """
    if " " in form:
        return False
    for p in morph.parse(form.lower()):
        if not p.is_known:
            continue
        if _OTHER_SENSES & set(p.tag.grammemes):
            return True
        if "Geox" not in p.tag and (p.tag.POS == "NOUN" or (nominative and p.tag.POS == "ADJF")):
            return True
    return False


def _abridged(forms: dict[str, str]) -> set[str]:
    """«Ярославской обл.», «Алтайского кр.», «Ханты-Мансийского АО» of a subject's forms."""
    found = set()
    for form in forms.values():
        for word, short in (
            (r"област[ьиюи]|областью", "обл."),
            (r"кра[йяюем]|краем", "кр."),
            (r"автономн\w+ округ\w*", "АО"),
        ):
            match = re.fullmatch(rf"(.+?) (?:{word})", form)
            if match:
                found.add(f"{match[1]} {short}")
                if short.endswith("."):
                    found.add(f"{match[1]} {short[:-1]}")
    return found


def generate() -> dict[str, Any]:  # noqa: PLR0912 - one pass over the table
    morph = _morph()
    subjects = []
    owners: dict[str, set[str]] = {}
    for row in parse_table():
        name_cases = cases(morph, row["name"])
        names = set(name_cases.values())
        if " — " in plain(row["name"]):
            for form in list(names):
                head, tail = form.split(" — ", 1)
                names |= {f"{head} – {tail}", f"{head} - {tail}"}
        names |= _abridged(name_cases)
        for other in row["others"]:
            forms = cases(morph, other, geographic=True)
            if other.endswith("*"):  # a name only in the texts of the region: counted as a place
                continue
            names |= set(forms.values()) | _abridged(forms)
        cities = []
        places: set[str] = set()
        for other in row["others"]:
            if other.endswith("*"):
                places |= set(cases(morph, other, geographic=True).values())
        for city in row["cities"]:
            forms = cases(morph, city, geographic=True)
            guarded = city.endswith("*") or (
                plain(city) not in BARE
                and any(
                    _other_sense(morph, form, nominative=case == "nomn")
                    for case, form in forms.items()
                )
            )
            cities.append({"name": plain(city), "cases": forms, "bare": not guarded})
            if not guarded:
                places |= set(forms.values())
                continue
            for case, form in forms.items():
                for nominal in {form, forms["nomn"]}:
                    places.add(f"{CITY_WORD[case]} {nominal}")
                for pattern in CITY_ABBREVIATIONS:
                    places.add(pattern.format(form))
        if row["code"] == "RU-SPE":
            places |= {p.format(m) for m in SPB_MUNICIPALITIES for p in MUNICIPALITY_PREFIXES}
        for form in names | places:
            owners.setdefault(form.casefold().replace("ё", "е"), set()).add(row["code"])
        subjects.append({
            "code": row["code"],
            "name": plain(row["name"]),
            "cases": name_cases,
            "names": sorted(names),
            "abbreviations": sorted(row["abbreviations"]),
            "capital": plain(row["cities"][0]),
            "cities": cities,
            "places": sorted(places),
        })  # fmt: skip
    shared = {form for form, codes in owners.items() if len(codes) > 1}
    for subject in subjects:
        for key in ("names", "places"):
            subject[key] = [f for f in subject[key] if f.casefold().replace("ё", "е") not in shared]
    subjects.sort(key=lambda s: s["code"])
    return {
        "about": (
            "Subjects of the Russian Federation: names in every case, short forms, cities. "
            "Generated by scripts/generate_regions.py; do not edit by hand."
        ),
        "shared": sorted(shared),
        "subjects": subjects,
    }


# --- the shape of the file, checked without pymorphy3 ------------------------------------------

_CODE = re.compile(r"RU-[A-Z]{2,3}")


def shape_problems(data: object) -> list[str]:  # noqa: PLR0912 - one check a branch
    """What is wrong with the shape of the committed data; empty when nothing."""
    if not isinstance(data, dict) or not isinstance(data.get("subjects"), list):
        return ["the file holds no list of subjects"]
    problems = []
    subjects = data["subjects"]
    codes = [s.get("code") for s in subjects if isinstance(s, dict)]
    if len(subjects) != 89 or len(set(codes)) != 89:
        problems.append(f"{len(set(codes))} distinct subjects, not 89")
    if codes != sorted(codes, key=str):
        problems.append("the subjects are not sorted by code")
    for subject in subjects:
        code = subject.get("code") if isinstance(subject, dict) else None
        if not isinstance(code, str) or not _CODE.fullmatch(code):
            problems.append(f"a subject has no code of the form RU-XX: {subject!r:.80}")
            continue
        if not isinstance(subject.get("name"), str) or not subject["name"]:
            problems.append(f"{code}: no name")
        forms = subject.get("cases")
        if not isinstance(forms, dict) or sorted(forms) != sorted(CASES):
            problems.append(f"{code}: the name's cases are not the six {CASES}")
        elif forms["nomn"] != subject.get("name"):
            problems.append(f"{code}: the nominative is not the name")
        for key in ("names", "abbreviations", "places"):
            values = subject.get(key)
            if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
                problems.append(f"{code}: {key} is not a list of texts")
            elif values != sorted(set(values)):
                problems.append(f"{code}: {key} are not sorted and distinct")
        cities = subject.get("cities")
        if not isinstance(cities, list) or not cities:
            problems.append(f"{code}: no cities")
        elif not all(
            isinstance(c, dict) and isinstance(c.get("name"), str)
            and isinstance(c.get("cases"), dict) and sorted(c["cases"]) == sorted(CASES)
            and isinstance(c.get("bare"), bool)
            for c in cities
        ):  # fmt: skip
            problems.append(f"{code}: a city lacks its name, its six cases or «bare»")
        elif subject.get("capital") != cities[0]["name"]:
            problems.append(f"{code}: the capital is not the first city")
    return problems


def render(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the subjects of the Federation.")
    parser.add_argument("--check", action="store_true", help="fail if the committed file differs")
    args = parser.parse_args(argv)
    committed = TARGET.read_text(encoding="utf-8") if TARGET.exists() else None
    if args.check:
        if committed is None:
            print(f"{TARGET.relative_to(ROOT)} is missing: run scripts/generate_regions.py")
            return 1
        problems = shape_problems(json.loads(committed))
        for problem in problems:
            print(f"{TARGET.relative_to(ROOT)}: {problem}")
        if problems:
            return 1
        try:
            import pymorphy3  # noqa: F401, PLC0415 - only to know whether it is there
        except ImportError:
            print(
                "the shape of the subjects is checked; comparing them with what the script "
                "makes needs pymorphy3: pip install 'dod-model[regions-data]'"
            )
            return 0
        if render(generate()) != committed:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run scripts/generate_regions.py")
            return 1
        return 0
    try:
        text = render(generate())
    except ImportError:
        print("regenerating the subjects needs pymorphy3: pip install 'dod-model[regions-data]'")
        return 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
