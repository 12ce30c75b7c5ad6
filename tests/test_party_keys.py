"""One body counts once however it is written: Party.key, count_parties and ``summary``."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import Party
from dod_model.analysis import count_parties
from dod_model.cli import main


def seed(seeds, name):
    (path,) = seeds.glob(f"{name}-*.txt")
    return dod_model.read(path)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Отдел образования", "отдел образования"),
        ("Отдел образования", "  ОТДЕЛ\nобразования. "),
        ("Отдел образования", "Отдел\u00a0образования"),
        ("ГАНОУ СО «Дворец молодёжи»", 'ГАНОУ СО "Дворец молодежи"'),
        ("ГАНОУ СО «Дворец молодёжи»", "ГАНОУ СО “Дворец молодёжи”"),
        ("МБУ ДО ДДТ – МОЦ", "МБУ ДО ДДТ - МОЦ"),
        ("МБУ ДО ДДТ – МОЦ", "МБУ ДО ДДТ—МОЦ"),
        ("Информационно-методический центр", "Информационно - методический центр"),
        ("Администрация г. Тамбова", "Администрация г.Тамбова"),
        ("МБУ ДО ДДТ – МОЦ", "МБУ ДО ДДТ - _ МОЦ"),
        ("Региональный модельный центр Свердловской области (РМЦ СО)",
         "Региональный модельный центр Свердловской области"),
    ],
)  # fmt: skip
def test_spellings_of_one_body_have_one_key(one, other):
    assert Party(name=one).key == Party(name=other).key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Отдел образования", "Департамент образования"),
        ("Управление культуры", "Управление по физической культуре и спорту"),
        ("Комитет (далее – Ведомства)", "Комитет"),  # a bracket of words is part of the name
        ("МОЦ", "РМЦ"),
    ],
)
def test_different_bodies_keep_different_keys(one, other):
    assert Party(name=one).key != Party(name=other).key


def test_an_abbreviation_counts_as_the_name_it_stands_for():
    glossary = dod_model.text.core_glossary()
    short = dod_model.text.split_parties("МКУ ИМЦ", glossary)[0]
    full = Party(name="Муниципальное казенное учреждение «Информационно-методический центр»")
    assert short.canonical is not None
    assert short.key == full.key
    assert short.name == "МКУ ИМЦ"  # the text as written is kept


@settings(max_examples=50, derandomize=True)
@given(st.text(alphabet='абвгдеёжзАБВГДЕЁЖЗ «»"-–. ', max_size=40))
def test_a_key_folds_case_and_is_its_own_key(name):
    key = Party(name=name).key
    assert Party(name=key).key == key
    assert Party(name=name.upper()).key == Party(name=name.lower()).key


def test_counts_show_the_first_spelling_and_keep_every_other():
    parties = [Party(name=n) for n in ("МОЦ", "отдел образования", "Отдел образования", "моц")]
    counts = count_parties(parties)
    assert [(c.party.name, c.count, c.spellings) for c in counts] == [
        ("МОЦ", 2, ("МОЦ", "моц")),
        ("отдел образования", 2, ("отдел образования", "Отдел образования")),
    ]
    assert count_parties([]) == ()


# Distinct bodies of the seeds, written out by hand from the documents.
TAMBOV = {
    "Отдел образования": 22,  # also written «отдел образования»
    "Образовательные организации": 21,  # also «образовательные организации»
    "МКУ ИМЦ": 13,
    # «… Муниципальный опорный центр …», «… муниципальный …», «МБУ ДО ДДТ - _ муниципальный …»
    "МБУ ДО ДДТ – Муниципальный опорный центр дополнительного образования детей": 9,
    "МБУ ДО ДЮСШ": 3,
    "отдел по делам культуры, спорта и вопросам молодежной политики": 2,
    "МКУ ИМЙ": 1,  # a typo of МКУ ИМЦ, kept: it is no spelling of the same words
    "МБУ ДО ДДТ – муниципальный опорный центр дополнительного образования": 1,
    "МБУ ДО ДДТ – муниципальный опорный центр": 1,
    "МБУ ДО ДДТ": 1,
    "МБУ ДО СЮТ": 1,
    "Учреждения дополнительного образования": 1,
}
SVERDLOVSK = {
    "МОЦ": 8,
    # written so once, and «РМЦ СО» (the abbreviation it defines) 5 times
    "Региональный модельный центр Свердловской области (РМЦ СО)": 6,
    "Департамент образования Администрации города Екатеринбурга": 4,
    "организации и учреждения Екатеринбурга, реализующие дополнительные общеобразовательные "
    "программы": 4,
    "руководители МОЦ": 3,
    "Департамент образования": 3,
    "районные управления образования": 1,
    "Управление культуры": 1,
    "Управление по физической культуре и спорту": 1,
    "Комитет по молодежной политике (далее – Ведомства) Администрации города Екатеринбурга": 1,
    "Ведомства": 1,
    "ГАНОУ СО «Дворец молодёжи»": 1,
    "организации, реализующие дополнительные общеобразовательные программы": 1,
}
ULYANOVSK = {"МОЦ": 15, "Управление образования МО": 10}


@pytest.mark.parametrize(
    ("name", "expected"),
    [("tambov", TAMBOV), ("sverdlovsk", SVERDLOVSK), ("ulyanovsk", ULYANOVSK)],
)
def test_the_bodies_of_the_seeds_counted_once_each(seeds, name, expected):
    roadmap = seed(seeds, name)
    counts = count_parties(p for a in roadmap.activities for p in a.responsible)
    assert {c.party.name: c.count for c in counts} == expected
    assert sum(expected.values()) == sum(len(a.responsible) for a in roadmap.activities)


def test_summary_counts_one_body_once(capsys, seeds):
    (path,) = seeds.glob("tambov-*.txt")
    assert main(["summary", str(path), "--json"]) == 0
    responsible = json.loads(capsys.readouterr().out)["responsible"]
    assert responsible == TAMBOV
    assert "отдел образования" not in responsible
