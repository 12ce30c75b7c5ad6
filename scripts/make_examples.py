"""Write the bundled example roadmaps, hand-built from the seeds, into the package.

The values are typed out here from reading the seed documents, not parsed: the examples are the
reference the importers are checked against. Run after changing the model or an example:

    python scripts/make_examples.py          # rewrite src/dod_model/examples/data/*.json
    python scripts/make_examples.py --check  # fail if the committed files differ
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from dod_model import (
    Activity,
    Centre,
    CentreKind,
    ColumnRole,
    Deadline,
    DeadlineKind,
    LegalActKind,
    LegalActRef,
    Party,
    Period,
    PlanKind,
    Recurrence,
    Roadmap,
    dumps,
)
from dod_model.model import Abbreviation, Location, Source

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "dod_model" / "examples" / "data"

# As the document writes them (its title and row 4): the glossary and centres keep the case.
MOC = "Муниципального опорного центра дополнительного образования детей"
RMC = "Региональным модельным центром дополнительного образования детей"
MOC_CANONICAL = "муниципальный опорный центр дополнительного образования детей"
EDU = "Управление образования МО"


def _month(text: str, year: int, month: int) -> Deadline:
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return Deadline(
        text=text,
        kind=DeadlineKind.PERIOD,
        start=dt.date(year, month, 1),
        end=dt.date(year, month, last),
    )


def ulyanovsk() -> Roadmap:
    """Чердаклинский район (Ульяновская область): МОЦ roadmap, order of 02.04.2019 № 175."""
    period = Period(dt.date(2019, 4, 1), dt.date(2019, 12, 31))
    april = "Апрель 2019 года"
    within_year = Deadline(
        text="В течение года", kind=DeadlineKind.WITHIN_YEAR, start=period.start, end=period.end
    )
    edu, moc = Party(name=EDU), Party(name="МОЦ", canonical=MOC_CANONICAL)
    rows: list[tuple[str, str, Deadline, tuple[Party, ...], int]] = [
        (
            "1",
            "Создание Муниципального опорного центра дополнительного образования детей "
            "(далее – МОЦ), утверждение положения, назначение руководителя",
            _month(april, 2019, 4),
            (edu,),
            13,
        ),
        (
            "2",
            "Разработка и утверждение плана деятельности МОЦ",
            _month(april, 2019, 4),
            (edu, moc),
            14,
        ),
        (
            "3",
            "Размещение информации о создании и функционировании МОЦ на официальных сайтах "
            "Министерства образования и науки Ульяновской области, Администрации МО, "
            "образовательных организаций МО и в телекоммуникационной информационной сети "
            "«Интернет»",
            _month(april, 2019, 4),
            (edu, moc),
            15,
        ),
        (
            "4",
            "Заключение соглашения между МОЦ и Региональным модельным центром дополнительного "
            "образования детей (далее – РМЦ)",
            _month(april, 2019, 4),
            (edu, moc),
            16,
        ),
        (
            "5",
            "Привлечение интеллектуальных партнеров из числа ведущих образовательных "
            "организаций, заключение соглашений сотрудничестве",
            _month(april, 2019, 4),
            (edu, moc),
            17,
        ),
        (
            "6",
            "Привлечение промышленных партнеров из числа организаций и предприятий, "
            "расположенных на территории МО, заключение соглашений сотрудничестве",
            _month("Сентябрь 2019 года", 2019, 9),
            (edu, moc),
            18,
        ),
        (
            "7",
            "Разработка медиа-плана и проведение информационной кампании по развитию "
            "дополнительного образования в МО",
            Deadline(
                text="ежеквартально",
                kind=DeadlineKind.PERIODIC,
                start=period.start,
                end=period.end,
                recurrence=Recurrence.QUARTERLY,
            ),
            (moc,),
            19,
        ),
        (
            "8",
            "Организация работы по заполнению муниципального сегмента и администрированию "
            "Навигатора дополнительного образования детей",
            _month("апрель 2019 года", 2019, 4),
            (moc,),
            20,
        ),
        (
            "9",
            "Организация работы по заполнению муниципального сегмента и администрированию "
            "информационного портала РМЦ",
            _month("апрель 2019 года", 2019, 4),
            (moc,),
            21,
        ),
        (
            "10",
            "Организация повышения квалификации сотрудников и руководителя МОЦ",
            _month("ноябрь 2019 года", 2019, 11),
            (edu, moc),
            22,
        ),
        (
            "11",
            "Формирование банка данных лучших муниципальных практик реализации современных, "
            "вариативных и востребованных дополнительных общеобразовательных программ для детей "
            "различных направленностей.",
            _month("ноябрь 2019 года", 2019, 11),
            (moc,),
            25,
        ),
        (
            "12",
            "Формирование муниципального перечня конкурсных мероприятий, олимпиад и "
            "соревнований, проводимых для школьников в 2019-2020 учебном году",
            _month("август 2019 года", 2019, 8),
            (edu, moc),
            26,
        ),
        (
            "13",
            "Организация и проведение муниципальных конкурсных мероприятий, олимпиад и "
            "соревнований для обучающихся",
            within_year,
            (edu, moc),
            27,
        ),
        (
            "14",
            "Организация и проведение муниципальных конкурсных мероприятий для педагогов и "
            "руководителей организаций дополнительного образования",
            within_year,
            (edu, moc),
            28,
        ),
        ("15", "Заключение соглашений о взаимодействии с ОО", within_year, (moc,), 29),
        (
            "16",
            "Подготовка ежегодного отчета о реализации мероприятий Плана деятельности МОЦ",
            _month("Декабрь 2019 года", 2019, 12),
            (moc,),
            30,
        ),
    ]
    activities = tuple(
        Activity(
            number=number,
            title=title,
            deadline=deadline,
            responsible=responsible,
            # Row 1 is the header; activity 10 goes on in row 12 after a page break (line 24).
            provenance=Location(table=1, row=index + 2 + (index >= 10), line=line),
        )
        for index, (number, title, deadline, responsible, line) in enumerate(rows)
    )
    issuer = (
        "муниципального учреждения управление образования муниципального образования "
        "«Чердаклинский район»"
    )
    return Roadmap(
        title="План мероприятий «дорожная карта» по созданию Муниципального опорного центра "
        "дополнительного образования детей",
        kind=PlanKind.CENTRE_CREATION_ROADMAP,
        region="RU-ULY",
        municipality="Чердаклинский район",
        period=period,
        approval=LegalActRef(
            text="приказу муниципального учреждения управление образования муниципального "
            "образования «Чердаклинский район» от 02.04.2019 № 175",
            kind=LegalActKind.ORDER,
            issuer=issuer,
            date=dt.date(2019, 4, 2),
            number="175",
        ),
        centres=(
            Centre(
                kind=CentreKind.MOC, name=MOC, region="RU-ULY", municipality="Чердаклинский район"
            ),
            Centre(kind=CentreKind.RMC, name=RMC, region="RU-ULY"),
        ),
        glossary=(Abbreviation("МОЦ", MOC), Abbreviation("РМЦ", RMC)),
        notes=(
            "ПРИЛОЖЕНИЕ №1 к приказу муниципального учреждения управление образования "
            "муниципального образования «Чердаклинский район» от 02.04.2019 № 175",
        ),
        columns=(ColumnRole.NUMBER, ColumnRole.TITLE, ColumnRole.DEADLINE, ColumnRole.RESPONSIBLE),
        headers=("№ п/п", "Наименование мероприятия", "Сроки", "Ответственный исполнитель"),
        unsectioned=activities,
        source=Source(
            name="ulyanovsk-cherdakly-moc-roadmap-2019.txt",
            format="text",
            sha256="e31098cabe466327d9eed25c373af2206140da4854f03ec8fe73d23a655babc5",
            encoding="utf-8",
        ),
    )


EXAMPLES = {"ulyanovsk-cherdakly-2019": ulyanovsk}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if committed files differ")
    args = parser.parse_args()
    stale = []
    for name, build in EXAMPLES.items():
        path = DATA / f"{name}.json"
        text = dumps(build())
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{path.relative_to(ROOT)} is out of date: run scripts/make_examples.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
