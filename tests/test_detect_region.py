"""Which region a document is about: every subject of the Federation, and the name that decided."""

from __future__ import annotations

import json
from importlib import resources

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import PluginConflictWarning, Region, hookimpl
from dod_model.plugins import RegionMatch, explain_region, get_plugin_manager, samara, subjects

PLUGINS = get_plugin_manager(entry_points=False)
SUBJECTS = subjects()
GENITIVES = {
    subject["code"]: subject["cases"]["gent"]
    for subject in json.loads(
        (resources.files("dod_model.model") / "data" / "subjects.json").read_text("utf-8")
    )["subjects"]
}


@pytest.mark.parametrize("code", sorted(SUBJECTS))
def test_every_subject_is_found_by_its_name_in_the_nominative_and_the_genitive(code):
    for name in (SUBJECTS[code].name, GENITIVES[code]):
        found = PLUGINS.explain_region([f"План мероприятий ({name}), 2024 год"])
        assert found is not None, name
        assert (found.region.code, found.name) == (code, name)


# What real roadmaps of the six regions the issue names write.
SENTENCES = {
    "RU-KOS": "Дорожная карта создания модели дополнительного образования в городе Костроме",
    "RU-YAR": "Департамент образования Ярославской обл.",
    "RU-PNZ": "Министерство образования Пензенской области",
    "RU-NVS": "МБУ ДО «Дом детского творчества» г. Новосибирска",
    "RU-SPE": "План работы МО Волковское по дополнительному образованию",
    "RU-KIR": "Министерство образования Кировской области",
}


@pytest.mark.parametrize(("code", "sentence"), sorted(SENTENCES.items()))
def test_documents_of_the_six_regions_of_the_issue_get_their_region(code, sentence):
    found = PLUGINS.explain_region([sentence])
    assert found is not None
    assert found.region.code == code


def test_the_match_tells_the_name_as_written_and_the_runners_up():
    found = PLUGINS.explain_region(
        ["План мероприятий ГОРОДА  КОСТРОМЫ на 2024 год", "Костромская область", "г. Москва"]
    )
    assert found == RegionMatch(
        region=PLUGINS.region("RU-KOS"), name="Костромская область", score=2 * 1 + 2,
        others=(("RU-MOW", 2),),
    )  # fmt: skip
    city = PLUGINS.explain_region(["План мероприятий ГОРОДА  КОСТРОМЫ на 2024 год"])
    assert (city.name, city.score) == ("КОСТРОМЫ", 2)  # a place, in the title
    guarded = PLUGINS.explain_region(["Работа ДДТ г.  Кирова"])
    assert guarded.name == "г.  Кирова"


def test_a_federal_ministry_and_an_address_in_moscow_leave_a_samara_roadmap_samaras():
    texts = [
        "Дорожная карта опорного центра Самарской области",
        "Во исполнение приказа Министерства просвещения Российской Федерации",
        "Методические рекомендации ФГБНУ «Институт изучения детства», г. Москва",
    ]
    found = PLUGINS.explain_region(texts)
    assert found.region is samara.REGION  # the plugin's region, its rules and navigator
    assert found.others == (("RU-MOW", 2),)


def test_surnames_and_words_that_are_also_cities_are_not_taken_for_them():
    for text in ("ДДТ им. С.М. Кирова", "ул. Энгельса, 5", "находка для юных техников",
                 "Орёл и решка", "конкурс «Грозный лес»", "Октябрьского района"):  # fmt: skip
        assert PLUGINS.detect_region([text]) is None, text


def test_a_tie_gives_no_region_and_no_explanation():
    texts = ["План", "Пензенской области и Ярославской области"]
    assert PLUGINS.detect_region(texts) is None
    assert PLUGINS.explain_region(texts) is None
    assert explain_region(["Ничего"], SUBJECTS) is None
    assert explain_region(["Пензенской области"], {}) is None


def test_the_builtin_regions_keep_their_objects_and_gain_every_case():
    assert PLUGINS.region("RU-SAM") is samara.REGION
    for text in ("Самарскую область", "Самарской областью", "г.о. Самара", "Тольятти"):
        assert PLUGINS.detect_region([text]) is samara.REGION, text
    assert PLUGINS.registered_regions().keys() == {"RU-AMU", "RU-SAM", "RU-SVE", "RU-TAM", "RU-ULY"}
    assert len(PLUGINS.regions()) == 89


def _kirov_plugin(region: Region) -> object:
    class Kirov:
        @hookimpl
        def dod_register_regions(self, register):
            register(region)

    return Kirov()


def test_a_plugins_region_overrides_the_subject_of_its_code():
    mine = Region(code="RU-KIR", name="Кировская область", navigator="dop.kirovreg.ru")
    plugins = get_plugin_manager(entry_points=False, extra=[_kirov_plugin(mine)])
    assert plugins.region("RU-KIR") is mine
    assert plugins.regions()["RU-KIR"] is mine
    # Found by the data's forms too, though the plugin gave only the nominative.
    assert plugins.detect_region(["в городе Кирове и Кировской обл."]) is mine
    assert PLUGINS.region("RU-KIR") is not mine  # another session keeps the data's
    assert PLUGINS.region("RU-KIR").name == "Кировская область"


def test_two_plugins_registering_one_code_is_a_conflict_and_one_is_kept():
    first = _kirov_plugin(Region(code="RU-KIR", name="Кировская область"))
    second = _kirov_plugin(Region(code="RU-KIR", name="Киров"))
    plugins = get_plugin_manager(entry_points=False, extra=[first, second])
    with pytest.warns(PluginConflictWarning, match="'RU-KIR' is registered by two plugins"):
        assert plugins.regions()["RU-KIR"].name in ("Кировская область", "Киров")


def test_a_region_a_plugin_invents_is_known_beside_the_subjects():
    mine = Region(code="RU-XX-TEST", name="Опытный край", aliases=("Опытного края",))
    plugins = get_plugin_manager(entry_points=False, extra=[_kirov_plugin(mine)])
    assert len(plugins.regions()) == 90
    assert plugins.detect_region(["Опытного края"]) is mine


def test_a_word_roadmap_of_kirov_reads_with_its_region(tmp_path):
    document = docx.Document()
    document.add_paragraph("УТВЕРЖДЕН приказом министерства образования от 12.03.2024 № 5-123")
    document.add_paragraph(
        "Дорожная карта по развитию дополнительного образования детей на 2024 – 2025 годы"
    )
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(
        table.rows[0].cells, ("№ п/п", "Наименование мероприятия", "Срок исполнения",
                              "Ответственный исполнитель", "Результат"), strict=True
    ):  # fmt: skip
        cell.text = text
    rows = (
        ("1", "Создание муниципального опорного центра в г. Кирове", "Сентябрь 2024",
         "Управление образования администрации города Кирова", "Приказ"),
        ("2", "Проведение семинара для педагогов Кировской области", "Октябрь 2024",
         "КОГОАУ ДО «Центр дополнительного образования одарённых школьников»", "Программа"),
        ("3", "Участие в форуме в г. Москва", "Ноябрь 2024", "МОЦ", "Отчёт"),
    )  # fmt: skip
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    path = tmp_path / "kirov.docx"
    document.save(str(path))
    roadmap = dod_model.read(path, plugins=PLUGINS)
    assert len(roadmap.activities) == 3
    assert roadmap.region == "RU-KIR"


FILLER = ("план", "мероприятий", "по", "развитию", "дополнительного", "образования", "детей",
          "на", "2024", "год", "—", "утверждён", "приказом", "№", "5", ",", ".", "(", ")", "\n",
          "Российской", "Федерации")  # fmt: skip
FORMS = sorted(
    (code, name) for code, region in SUBJECTS.items() for name in (region.name, *region.aliases)
)


@settings(max_examples=60, derandomize=True, deadline=None)
@given(
    before=st.lists(st.sampled_from(FILLER), max_size=6),
    form=st.sampled_from(FORMS),
    after=st.lists(st.sampled_from(FILLER), max_size=6),
)
def test_any_subjects_name_in_any_case_amid_filler_is_found(before, form, after):
    code, name = form
    text = " ".join([*before, name, *after])
    found = explain_region([text], SUBJECTS)
    assert found is not None
    assert found.region.code == code
    assert found.name == name
