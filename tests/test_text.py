"""Text semantics beyond deadlines, on the seeds' own cells: parties, acts, targets, numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dod_model import CentreKind, Comparator, Deadline, LegalActKind, Period, PlanKind, Result, text
from dod_model.model import Abbreviation, Step

SAMARA = "samara-oc-roadmap-2019.txt"
ULYANOVSK = "ulyanovsk-cherdakly-moc-roadmap-2019.txt"
SVERDLOVSK = "sverdlovsk-ekaterinburg-moc-plan-2019-2020.txt"
TAMBOV = "tambov-target-model-roadmap-2020-2024.txt"
AMUR = "amur-rmc-first-steps-plan.txt"

DOD = "дополнительного образования детей"
DDT = "МБУ ДО ДДТ – Муниципальный опорный центр дополнительного образования детей"
DDT_LOWER = "МБУ ДО ДДТ – муниципальный опорный центр дополнительного образования детей"
EKB = "Департамент образования Администрации города Екатеринбурга"
PROVIDERS = "реализующие дополнительные общеобразовательные программы"
CULTURE = "отдел по делам культуры, спорта и вопросам молодежной политики"

# Every responsible cell of the seeds that have a responsible column, as the export writes it,
# with the parties written out by hand. (Samara and Amur have no responsible column.)
SEED_PARTIES = [
    (ULYANOVSK, "Управление образования МО", ["Управление образования МО"]),
    (ULYANOVSK, "Управление образования МО МОЦ", ["Управление образования МО", "МОЦ"]),
    (ULYANOVSK, "Управление образования МО\n\n\t\t\tМОЦ", ["Управление образования МО", "МОЦ"]),
    (ULYANOVSK, "\tМОЦ\n", ["МОЦ"]),
    (SVERDLOVSK, EKB, [EKB]),
    (SVERDLOVSK, f"{EKB}, районные управления образования, руководители МОЦ",
     [EKB, "районные управления образования", "руководители МОЦ"]),
    (SVERDLOVSK, f"{EKB}, Региональный модельный центр Свердловской области (РМЦ СО)",
     [EKB, "Региональный модельный центр Свердловской области (РМЦ СО)"]),
    (SVERDLOVSK, "Департамент образования, Управление культуры, Управление по физической "
     "культуре и спорту, Комитет по молодежной политике (далее – Ведомства) Администрации "
     "города Екатеринбурга",
     ["Департамент образования", "Управление культуры", "Управление по физической культуре и "
      "спорту", "Комитет по молодежной политике (далее – Ведомства) Администрации города "
      "Екатеринбурга"]),
    (SVERDLOVSK, "Департамент образования, Ведомства, руководители МОЦ",
     ["Департамент образования", "Ведомства", "руководители МОЦ"]),
    (SVERDLOVSK, f"{EKB}, руководители МОЦ", [EKB, "руководители МОЦ"]),
    (SVERDLOVSK, f"МОЦ, организации и учреждения Екатеринбурга, {PROVIDERS}",
     ["МОЦ", f"организации и учреждения Екатеринбурга, {PROVIDERS}"]),
    (SVERDLOVSK, "\tМОЦ\t", ["МОЦ"]),
    (SVERDLOVSK, "Департамент образования, МОЦ", ["Департамент образования", "МОЦ"]),
    (SVERDLOVSK, "\tРМЦ СО\t", ["РМЦ СО"]),
    (SVERDLOVSK, f"РМЦ СО, МОЦ, организации и учреждения Екатеринбурга, {PROVIDERS}",
     ["РМЦ СО", "МОЦ", f"организации и учреждения Екатеринбурга, {PROVIDERS}"]),
    (SVERDLOVSK, "ГАНОУ СО «Дворец молодёжи», МОЦ", ["ГАНОУ СО «Дворец молодёжи»", "МОЦ"]),
    (SVERDLOVSK, f"РМЦ СО, МОЦ, организации, {PROVIDERS}",
     ["РМЦ СО", "МОЦ", f"организации, {PROVIDERS}"]),
    (TAMBOV, "Образовательные организации \nОтдел образования",
     ["Образовательные организации", "Отдел образования"]),
    (TAMBOV, f"Образовательные организации\n{DDT}", ["Образовательные организации", DDT]),
    (TAMBOV, "Образовательные организации\nМБУ ДО ДДТ – Муниципальный опорный центр "
     "дополнительного образования  детей", ["Образовательные организации", DDT]),
    (TAMBOV, "Образовательные организации \nОтдел образования, МКУ ИМЦ",
     ["Образовательные организации", "Отдел образования", "МКУ ИМЦ"]),
    (TAMBOV, "Отдел образования, Образовательные организации",
     ["Отдел образования", "Образовательные организации"]),
    (TAMBOV, f"Образовательные организации.\n{DDT}\nМБУ ДО ДЮСШ, отдел образования, МКУ ИМЦ",
     ["Образовательные организации", DDT, "МБУ ДО ДЮСШ", "отдел образования", "МКУ ИМЦ"]),
    (TAMBOV, f"\t\n{DDT}\n", [DDT]),
    (TAMBOV, f"Отдел образования, {DDT}", ["Отдел образования", DDT]),
    (TAMBOV, f"Образовательные организации,\n\n{DDT}\nМБУ ДО ДЮСШ",
     ["Образовательные организации", DDT, "МБУ ДО ДЮСШ"]),
    (TAMBOV, "Отдел образования, МКУ ИМЦ . МБУ ДО ДДТ - _ муниципальный опорный центр "
     "дополнительного образования детей",
     ["Отдел образования", "МКУ ИМЦ", "МБУ ДО ДДТ - _ муниципальный опорный центр "
      "дополнительного образования детей"]),
    (TAMBOV, "\tОтдел образования\n", ["Отдел образования"]),
    (TAMBOV, "Отдел образования, МКУ ИМЦ, образовательные организации",
     ["Отдел образования", "МКУ ИМЦ", "образовательные организации"]),
    (TAMBOV, "Образовательные организации\n\nОтдел образования\nМКУ ИМЦ",
     ["Образовательные организации", "Отдел образования", "МКУ ИМЦ"]),
    (TAMBOV, "Отдел образования, МКУ ИМЙ, образовательные организации",
     ["Отдел образования", "МКУ ИМЙ", "образовательные организации"]),
    (TAMBOV, "МКУ ИМЦ, образовательные организации", ["МКУ ИМЦ", "образовательные организации"]),
    (TAMBOV, "Отдел образования, образовательные организации",
     ["Отдел образования", "образовательные организации"]),
    (TAMBOV, "Образовательные организации \nМКУ ИМЦ, МБУ ДО ДДТ – муниципальный опорный центр "
     "дополнительного образования\n",
     ["Образовательные организации", "МКУ ИМЦ", "МБУ ДО ДДТ – муниципальный опорный центр "
      "дополнительного образования"]),
    (TAMBOV, f"Отдел образования, {DDT_LOWER}, Образовательные организации",
     ["Отдел образования", DDT_LOWER, "Образовательные организации"]),
    (TAMBOV, f"Образовательные организации отдел образования\n{DDT_LOWER}",
     ["Образовательные организации", "отдел образования", DDT_LOWER]),
    (TAMBOV, ".МКУ ИМЦ, МБУ ДО ДДТ – муниципальный опорный центр, образовательные организации",
     ["МКУ ИМЦ", "МБУ ДО ДДТ – муниципальный опорный центр", "образовательные организации"]),
    (TAMBOV, "Отдел образования. МКУ ИМЦ, образовательные организации",
     ["Отдел образования", "МКУ ИМЦ", "образовательные организации"]),
    (TAMBOV, "Отдел образования, МБУ ДО ДДТ, МБУ ДО ДЮСШ, МБУ ДО СЮТ",
     ["Отдел образования", "МБУ ДО ДДТ", "МБУ ДО ДЮСШ", "МБУ ДО СЮТ"]),
    (TAMBOV, f" Отдел образования, МКУ ИМЦ, {CULTURE}", ["Отдел образования", "МКУ ИМЦ", CULTURE]),
    (TAMBOV, "Отдел образования. Учреждения дополнительного образования",
     ["Отдел образования", "Учреждения дополнительного образования"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("seed", "cell", "names"),
    SEED_PARTIES,
    ids=[f"{s.split('-')[0]}:{c.strip()[:30]!r}" for s, c, _ in SEED_PARTIES],
)
def test_every_responsible_cell_of_the_seeds(seeds, seed, cell, names):  # fmt: skip
    assert cell in (seeds / seed).read_text(encoding="utf-8"), "the cell is not in its seed"
    assert [p.name for p in text.split_parties(cell)] == names


def test_parties_are_expanded_only_where_the_abbreviation_names_the_body():
    parties = text.split_parties("МКУ ИМЦ, Управление образования МО МОЦ, руководители МОЦ")
    assert [(p.name, p.canonical) for p in parties] == [
        ("МКУ ИМЦ", "муниципальное казённое учреждение «Информационно-методический центр»"),
        ("Управление образования МО", None),
        ("МОЦ", "муниципальный опорный центр дополнительного образования детей"),
        ("руководители МОЦ", None),
    ]
    custom = text.Glossary({"МОиН СО": "министерство образования и науки Самарской области"})
    assert text.split_parties("МОиН СО", custom)[0].canonical.startswith("министерство")
    assert text.split_parties("", custom) == ()


def test_a_typo_keeps_its_name_and_is_not_silently_corrected():
    (typo,) = [p for p in text.split_parties("Отдел образования, МКУ ИМЙ") if "ИМЙ" in p.name]
    assert typo.name == "МКУ ИМЙ"
    assert typo.canonical == "муниципальное казённое учреждение ИМЙ"


def test_glossaries_merge_with_the_later_winning():
    core = text.core_glossary()
    assert "МБУ ДО ДДТ" in core
    assert len(core) >= 20
    regional = core.merged([Abbreviation("ОО", "общеобразовательная организация")])
    assert regional.expand("ОО") == "общеобразовательная организация"
    assert core.expand("ОО") == "образовательная организация"
    assert Abbreviation("РМЦ", core.entries["РМЦ"]) in list(core)


# --- legal acts, URLs, targets ------------------------------------------------------------------


def test_samara_result_cites_two_directives_and_a_registry_url(seeds):
    cell = ("Распоряжения МОиН СО от 28.06.2019г № 592-р, от 22.07.2019г. № 637-р. Муниципальные "
            "НПА. Реестр ОЦ (http://rmc.pioner-samara.ru/index.php/opornye-tsentry-dopolnitelnogo"
            "-obrazovaniya-detej)")  # fmt: skip
    assert cell in (seeds / SAMARA).read_text(encoding="utf-8")
    result = Result.parse(cell)
    assert [(a.kind, a.issuer, a.date, a.number, a.text) for a in result.acts] == [
        (LegalActKind.DIRECTIVE, "МОиН СО", dt.date(2019, 6, 28), "592-р",
         "Распоряжения МОиН СО от 28.06.2019г № 592-р"),
        (LegalActKind.DIRECTIVE, "МОиН СО", dt.date(2019, 7, 22), "637-р",
         "от 22.07.2019г. № 637-р"),
    ]  # fmt: skip
    assert result.urls == (
        "http://rmc.pioner-samara.ru/index.php/opornye-tsentry-dopolnitelnogo-obrazovaniya-detej",
    )
    assert result.targets == ()


def test_sverdlovsk_footnote_cites_the_resolution_with_its_title(seeds):
    footnote = (seeds / SVERDLOVSK).read_text(encoding="utf-8").split("*Основание разработки –")[1]
    (act,) = text.find_legal_acts(footnote)
    assert (act.kind, act.issuer, act.date, act.number) == (
        LegalActKind.RESOLUTION, "Правительства Свердловской области", dt.date(2019, 8, 1),
        "461-ПП",
    )  # fmt: skip
    assert (
        act.title
        == "О региональном модельном центре дополнительного образования детей Свердловской области"
    )


def test_ulyanovsk_approval_block_across_lines(seeds):
    block = (seeds / ULYANOVSK).read_text(encoding="utf-8").split("План мероприятий")[0]
    (act,) = text.find_legal_acts(block)
    assert (act.kind, act.date, act.number) == (LegalActKind.ORDER, dt.date(2019, 4, 2), "175")
    assert act.issuer == ("муниципального учреждения управление образования муниципального "
                          "образования «Чердаклинский район»")  # fmt: skip


def test_tambov_approval_with_blanks_has_no_date_or_number(seeds):
    block = (seeds / TAMBOV).read_text(encoding="utf-8").split("ДОРОЖНАЯ КАРТА")[0]
    (act,) = text.find_legal_acts(block)
    assert (act.kind, act.issuer, act.date, act.number) == (
        LegalActKind.ORDER,
        "отдела образования администрации города",
        None,
        None,
    )


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("приказ Минпросвещения России от 03.09.2019 № 467",
         (LegalActKind.ORDER, "Минпросвещения России", dt.date(2019, 9, 3), "467")),
        ("распоряжение Правительства РФ от 31.03.2022 № 678-р",
         (LegalActKind.DIRECTIVE, "Правительства РФ", dt.date(2022, 3, 31), "678-р")),
        ("№ 629 от 27 июля 2022 г.", (None, None, dt.date(2022, 7, 27), "629")),
        ("Закон Самарской области от 31. 12.2020 № 12-ГД",
         (LegalActKind.LAW, "Самарской области", dt.date(2020, 12, 31), "12-ГД")),
    ],
)  # fmt: skip
def test_legal_acts_beyond_the_seeds(phrase, expected):
    (act,) = text.find_legal_acts(phrase)
    assert (act.kind, act.issuer, act.date, act.number) == expected


def test_text_without_date_or_number_cites_no_act():
    assert text.find_legal_acts("Правовой акт Правительства Амурской области") == ()
    assert text.find_legal_acts("Локальный акт ОО") == ()


SVERDLOVSK_TARGETS = [
    ("Апробировано и внедрено не менее 6 типов общеобразовательных программ в сетевой форме",
     Comparator.AT_LEAST, 6, "типов общеобразовательных программ в сетевой форме"),
    ("Апробировано и внедрено не менее 3 моделей обеспечения доступности дополнительного "
     "образования для детей из сельской местности, детей", Comparator.AT_LEAST, 3,
     "моделей обеспечения доступности дополнительного образования для детей из сельской "
     "местности"),
    ("Внедрены дистанционные курсы не менее чем по 14 дополнительным общеобразовательным "
     "программам, за исключением", Comparator.AT_LEAST, 14,
     "дополнительным общеобразовательным программам"),
    ("Организовано участие в 3 школах для обучающихся по дополнительным общеобразовательным "
     "программам", Comparator.EXACTLY, 3,
     "школах для обучающихся по дополнительным общеобразовательным программам"),
]  # fmt: skip


@pytest.mark.parametrize(("cell", "comparator", "value", "unit"), SVERDLOVSK_TARGETS)
def test_sverdlovsk_targets(seeds, cell, comparator, value, unit):
    assert cell in (seeds / SVERDLOVSK).read_text(encoding="utf-8")
    (target,) = Result.parse(cell).targets
    assert (target.comparator, target.value, target.unit) == (comparator, value, unit)
    assert target.text in cell


@pytest.mark.parametrize(
    "phrase",
    ["детьми в возрасте от 5 до 18 лет", "в 2020 году", "в 3 раза", "в том числе 5 программ",
     "Приказ № 175", "01.07.2020", "в 1 квартале", "31.12.2024"],
)  # fmt: skip
def test_dates_years_ages_and_numbers_are_not_targets(phrase):
    assert text.find_targets(phrase) == ()


def test_targets_with_other_comparators_and_numbers():
    found = text.find_targets("охват не менее 80,5 % детей; не более 1 000 рублей; свыше 12 школ")
    assert [(t.comparator, t.value, t.unit) for t in found] == [
        (Comparator.AT_LEAST, 80.5, "% детей"),
        (Comparator.AT_MOST, 1000, "рублей"),
        (Comparator.MORE_THAN, 12, "школ"),
    ]


# --- numbers, sections, steps, definitions -----------------------------------------------------


@pytest.mark.parametrize(
    ("written", "number"),
    [("1.1.", "1.1"), ("1.9", "1.9"), ("1.10.", "1.10"), ("2.3..", "2.3"), ("1.", "1"),
     ("1", "1"), (" 15. ", "15"), ("№ 4", "4"), ("IV.", "IV"), ("3 . 2 .", "3.2")],
)  # fmt: skip
def test_activity_numbers_lose_trailing_and_doubled_dots(written, number):
    assert text.normalise_number(written) == number


def test_every_tambov_section_row_is_a_section_heading(seeds):
    lines = (seeds / TAMBOV).read_text(encoding="utf-8").splitlines()
    headings = [h for line in lines if (h := text.section_heading(line.strip("\t")))]
    assert [number for number, _ in headings] == ["1", "2", "3", "4", "5"]
    assert (
        headings[0][1]
        == "Порядок обновления содержания дополнительных общеобразовательных программ"
    )
    numbers = [
        text.normalise_number(line)
        for line in lines
        if line.startswith("\t") and line.strip()[:1].isdigit() and len(line.strip()) <= 6
    ]
    assert numbers[:3] == ["1.1", "1.2", "1.3"]
    assert "2.3" in numbers
    assert "1.9" in numbers


@pytest.mark.parametrize("row", ["1.1. Проведение анализа", "12", "2020 год", "1.", "V", "1. 2"])
def test_activity_rows_are_not_section_headings(row):
    assert text.section_heading(row) is None


def test_roman_section_headings():
    assert text.section_heading("I. Совершенствование управления") == (
        "I",
        "Совершенствование управления",
    )
    assert text.section_heading("IIII. Нет") is None


def test_amur_first_activity_has_five_founding_steps(seeds):
    seed = (seeds / AMUR).read_text(encoding="utf-8")
    title = seed.split("\n1. | ")[1].split(" | ")[0]
    steps = text.find_steps(title)
    assert [s.number for s in steps] == ["1", "2", "3", "4", "5"]
    assert steps[0] == Step("1", "Отбор площадки для РМЦ.")
    assert steps[2] == Step("3", "Назначение директора (руководителя) РМЦ.")
    assert steps[4].text.startswith("Утверждение положения о деятельности РМЦ.")


def test_samara_web_page_activity_has_three_blocks(seeds):
    title = ("Создание интернет-страницы ОЦ на официальном сайте ОО, включающей: 1. Методический "
             "блок для педагогов. 2. Информационный блок для родителей (законных представителей) "
             "детей. 3. Новостной блок о мероприятиях, конкурсах и т.д.")  # fmt: skip
    assert title in (seeds / SAMARA).read_text(encoding="utf-8")
    assert [s.text for s in text.find_steps(title)] == [
        "Методический блок для педагогов.",
        "Информационный блок для родителей (законных представителей) детей.",
        "Новостной блок о мероприятиях, конкурсах и т.д.",
    ]


def test_tambov_dashed_list_gives_unnumbered_steps(seeds):
    title = ("Разработка и внедрение в образовательный процесс дополнительных общеобразовательных "
             "программ, в т.ч. для детей с различными образовательными потребностями и "
             "индивидуальными возможностями:\n- разноуровневые;\n- сетевые;\n- модульные;\n- "
             "дистанционные;\n- адаптированные;\n- краткосрочные, в том числе реализуемые в "
             "каникулярный период и период летнего отдыха")  # fmt: skip
    assert title in (seeds / TAMBOV).read_text(encoding="utf-8")
    steps = text.find_steps(title)
    assert [s.text for s in steps][:3] == ["разноуровневые", "сетевые", "модульные"]
    assert {s.number for s in steps} == {""}


def test_no_steps_in_plain_titles_or_dotted_numbers():
    assert text.find_steps("Проведение мониторинга внедрения целевой модели") == ()
    assert text.find_steps("Пункт 1.1 и 2.2 приказа от 01.01.2020") == ()
    assert text.find_steps("Только 1. Один пункт") == ()


def test_inline_definitions_of_the_seeds(seeds):
    found = {}
    for name in (ULYANOVSK, SVERDLOVSK, AMUR):
        for abbreviation in text.find_definitions((seeds / name).read_text(encoding="utf-8")):
            found.setdefault((name, abbreviation.short), abbreviation.full)
    assert found == {
        (ULYANOVSK, "МОЦ"): "Муниципального опорного центра дополнительного образования детей",
        (ULYANOVSK, "РМЦ"): "Региональным модельным центром дополнительного образования детей",
        (SVERDLOVSK, "МОЦ"): "муниципальных опорных центров",
        (SVERDLOVSK, "Ведомства"): "Департамент образования, Управление культуры, Управление по "
        "физической культуре и спорту, Комитет по молодежной политике",
        (AMUR, "РМЦ"): "регионального модельного центра дополнительного образования детей в "
        "Амурской области",
    }


# --- the roadmap as a whole ---------------------------------------------------------------------

SEED_TITLES = {
    SAMARA: (PlanKind.CENTRE_CREATION_ROADMAP, None),
    ULYANOVSK: (PlanKind.CENTRE_CREATION_ROADMAP, None),
    AMUR: (PlanKind.RMC_FIRST_STEPS, None),
    TAMBOV: (PlanKind.TARGET_MODEL_ROADMAP, None),
    SVERDLOVSK: (PlanKind.CENTRE_CREATION_ROADMAP,
                 Period(dt.date(2019, 9, 1), dt.date(2020, 8, 31))),
}  # fmt: skip


@pytest.mark.parametrize("seed", sorted(SEED_TITLES))
def test_kind_and_period_of_each_seed_from_its_opening(seeds, seed):
    opening = (seeds / seed).read_text(encoding="utf-8")[:700]
    kind, period = SEED_TITLES[seed]
    assert text.plan_kind(opening) is kind
    assert text.plan_period(opening) == period


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("на 2020 год и плановый период 2021 - 2022 годов", 2020, 2022),
        ("Дорожная карта на 2022-2024 годы", 2022, 2024),
        ("план на 2021 год", 2021, 2021),
        ("на 2019 – 2021 гг.", 2019, 2021),
    ],
)
def test_plan_periods_named_in_titles(phrase, start, end):
    assert text.plan_period(phrase) == Period(dt.date(start, 1, 1), dt.date(end, 12, 31))


def test_tambov_period_comes_from_its_deadlines():
    deadlines = [Deadline.parse(t) for t in ("01.07.2020\n01.07.2024", "01.01.2020 -31.12.2024",
                                             "постоянно", "31.05.2022")]  # fmt: skip
    assert text.period_from_deadlines(deadlines) == Period(
        dt.date(2020, 1, 1), dt.date(2024, 12, 31)
    )
    assert text.period_from_deadlines([Deadline.parse("постоянно")]) is None


@pytest.mark.parametrize(
    ("seed", "centres"),
    [
        (SAMARA, [(CentreKind.OC, "опорных центров дополнительного образования детей", None)]),
        (ULYANOVSK, [
            (CentreKind.MOC, f"Муниципального опорного центра {DOD}", None),
            (CentreKind.RMC, f"Региональным модельным центром {DOD}", None),
        ]),
        (AMUR, [(CentreKind.RMC, "регионального модельного центра дополнительного образования "
                 "детей в Амурской области", None)]),
        (TAMBOV, [(CentreKind.MOC, "Муниципальный опорный центр дополнительного образования детей",
                   "МБУ ДО ДДТ")]),
        (SVERDLOVSK, [
            (CentreKind.MOC, "муниципальных опорных центров", None),
            (CentreKind.RMC, "Региональный модельный центр Свердловской области", None),
        ]),
    ],
)  # fmt: skip
def test_centres_each_seed_names(seeds, seed, centres):
    document = (seeds / seed).read_text(encoding="utf-8")
    found = text.find_centres([document], region="RU-XXX", municipality="М")
    assert [
        (c.kind, c.name, c.organisation and c.organisation.short_name) for c in found
    ] == centres
    assert all(c.region == "RU-XXX" for c in found)
    assert all((c.municipality is None) == (c.kind is CentreKind.RMC) for c in found)


@given(st.text())
def test_every_text_function_is_total(written):
    text.split_parties(written)
    text.find_legal_acts(written)
    text.find_urls(written)
    text.find_targets(written)
    text.find_steps(written)
    text.find_definitions(written)
    text.is_approval_block(written)
    text.normalise_number(written)
    text.section_heading(written)
    text.plan_kind(written)
    text.plan_period(written)
    text.find_centres([written])
    Result.parse(written)


def _definitions_clause_by_clause(written: str) -> tuple[Abbreviation, ...]:
    """find_definitions as first written: each definition's clause sought in the text before it."""
    from dod_model.text import _glossary as g  # noqa: PLC0415 - the private helpers it reuses

    found = []
    for match in g._DEFINITION.finditer(written):
        short = " ".join(match["short"].split())
        before = written[: match.start()]
        clause_start = max((m.end() for m in g._SENTENCE_START.finditer(before)), default=0)
        words = list(g._WORD.finditer(before, clause_start))
        first = g._acronym_start(words, short) if short.isupper() or g._initials(short) else None
        start = words[first].start() if first is not None and words else clause_start
        full = " ".join(before[start:].split()).strip(" ,;:-–—")
        if full:
            found.append(Abbreviation(short, full))
    return tuple(found)


PIECES = st.sampled_from([
    "Региональный модельный центр ", "(далее – РМЦ)", "(далее - МОЦ) ", "опорный центр",
    ". ", "; ", "\n", ", ", "(далее – Ведомства)", "отдел образования ", "\t", "|",
    "(далее по тексту – «Навигатор»)",
])  # fmt: skip


@given(st.lists(PIECES, max_size=40).map("".join))
def test_definitions_in_a_long_text_are_those_each_clause_gives(written):
    assert text.find_definitions(written) == _definitions_clause_by_clause(written)


@pytest.mark.parametrize(
    ("written", "opens"),
    [
        ("ПРИЛОЖЕНИЕ № 1 к приказу управления образования", True),
        ("  УТВЕРЖДЕНА приказом отдела образования от 01.03.2020 № 7", True),
        ("СОГЛАСОВАНО: начальник управления", True),
        ("Дорожная карта по созданию МОЦ, утверждённая приказом", False),
        ("*Основание разработки – распоряжение от 5.03.2020 № 12", False),
    ],
)
def test_an_approval_block_is_told_by_how_it_opens(written, opens):
    assert text.is_approval_block(written) is opens
