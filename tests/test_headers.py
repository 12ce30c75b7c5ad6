"""The header vocabulary: package data, matched by words in any ending, extended by plugins."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import ColumnRole, PluginError, hookimpl
from dod_model.importers import column_role
from dod_model.plugins import get_plugin_manager
from dod_model.text import HeaderVocabulary, core_headers

# The headers real roadmaps use, as the layouts of other regions write them.
REAL_HEADERS = {
    "Результат": ColumnRole.RESULT,
    "Ожидаемый результат": ColumnRole.RESULT,
    "Планируемый результат": ColumnRole.RESULT,
    "Итоговый документ": ColumnRole.RESULT,
    "Форма отчетности": ColumnRole.RESULT,
    "Форма отчётности": ColumnRole.RESULT,
    "Форма завершения": ColumnRole.RESULT,
    "Результат реализации мероприятия": ColumnRole.RESULT,
    "Срок": ColumnRole.DEADLINE,
    "Сроки": ColumnRole.DEADLINE,
    "Срок(и)": ColumnRole.DEADLINE,
    "Срок исполнения": ColumnRole.DEADLINE,
    "Срок реализации": ColumnRole.DEADLINE,
    "Сроки проведения": ColumnRole.DEADLINE,
    "Период исполнения": ColumnRole.DEADLINE,
    "Дата проведения": ColumnRole.DEADLINE,
    "Дата проведения мероприятия": ColumnRole.DEADLINE,
    "Наименование мероприятия": ColumnRole.TITLE,
    "Мероприятия": ColumnRole.TITLE,
    "Содержание мероприятия": ColumnRole.TITLE,
    "Содержание деятельности": ColumnRole.TITLE,
    "Направление": ColumnRole.TITLE,
    "Ответственный (исполнитель)": ColumnRole.RESPONSIBLE,
    "Ответственный исполнитель": ColumnRole.RESPONSIBLE,
    "Исполнители": ColumnRole.RESPONSIBLE,
    "Ответственные за исполнение": ColumnRole.RESPONSIBLE,
    "Ответственный за проведение мероприятия": ColumnRole.RESPONSIBLE,
    "Соисполнители": ColumnRole.RESPONSIBLE,
    "Показатель": ColumnRole.INDICATOR,
    "Целевой показатель": ColumnRole.INDICATOR,
    "Номер целевого показателя": ColumnRole.INDICATOR,
    "Источник финансирования": ColumnRole.FUNDING,
    "Объём финансирования": ColumnRole.FUNDING,
    "Объем финансирования, тыс. руб.": ColumnRole.FUNDING,
    "Целевая аудитория": ColumnRole.AUDIENCE,
    "Участники": ColumnRole.AUDIENCE,
    "Кол-во участников": ColumnRole.AUDIENCE,
    "Место проведения": ColumnRole.PLACE,
    "Отметка о выполнении": ColumnRole.COMPLETION,
    "Статус": ColumnRole.COMPLETION,
    "Примечание": ColumnRole.NOTE,
    "№ п/п": ColumnRole.NUMBER,
    "N п/п": ColumnRole.NUMBER,
    "№": ColumnRole.NUMBER,
    "No.": ColumnRole.NUMBER,
}


@pytest.mark.parametrize(("header", "role"), sorted(REAL_HEADERS.items()))
def test_real_headers_name_their_roles(header, role):
    assert column_role(header) is role


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("СРОК ИСПОЛНЕНИЯ", ColumnRole.DEADLINE),  # capitals
        ("Срок испол-\nнения", ColumnRole.DEADLINE),  # hyphenated across lines
        ("Срок испол\u00adнения", ColumnRole.DEADLINE),  # a soft hyphen
        ("Срок*", ColumnRole.DEADLINE),  # a footnote mark
        ("Сроки **", ColumnRole.DEADLINE),
        ("Ответствен-\nные за ис-\nполнение", ColumnRole.RESPONSIBLE),
        ("Форма\nотчетности", ColumnRole.RESULT),
    ],
)
def test_headers_match_however_they_are_written(header, role):
    assert column_role(header) is role


@pytest.mark.parametrize(
    "header", ["Ссылка на документ", "Код", "", "   ", "1", "Дорожная карта", "x" * 50]
)
def test_a_header_of_no_known_phrase_names_no_role(header):
    assert column_role(header) is None


def test_the_phrase_of_most_words_names_the_role():
    vocabulary = core_headers()
    # «Номер» alone is a number; «номер целевого показателя» is longer.
    assert vocabulary.match("Номер целевого показателя").phrase == "номер целевого показателя"
    # Two phrases of one word: the one that begins first.
    assert vocabulary.role("Ответственный за мероприятие") is ColumnRole.RESPONSIBLE
    assert vocabulary.role("Мероприятие, ответственный") is ColumnRole.TITLE


def test_words_of_one_or_two_letters_match_only_whole():
    # «N» and «No» are numbers; «Наименование» is not «n…».
    assert column_role("Nр") is None
    assert column_role("No") is ColumnRole.NUMBER
    assert column_role("Наименование") is ColumnRole.TITLE


def test_every_phrase_of_the_data_names_its_own_role_or_a_longer_one():
    for role, phrases in core_headers().phrases:
        for phrase in phrases:
            found = core_headers().match(phrase)
            assert found is not None, phrase
            assert found.role is role or len(found.phrase.split()) > len(phrase.split()), phrase


def test_the_data_is_documented_and_knows_only_roles_of_the_model():
    path = dod_model.text.__file__.replace("__init__.py", "data/headers.json")
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    assert data["about"]
    assert set(data["roles"]) == {str(role) for role in ColumnRole}


@settings(max_examples=60, derandomize=True)
@given(
    st.sampled_from(sorted(REAL_HEADERS)),
    st.sampled_from(["", "*", " *", "**", ":", ")"]),
    st.booleans(),
)
def test_a_known_header_in_capitals_or_with_marks_names_the_same_role(header, mark, upper):
    written = (header.upper() if upper else header) + mark
    assert column_role(written) is REAL_HEADERS[header]


@settings(max_examples=100, derandomize=True)
@given(st.text(max_size=80))
def test_any_text_names_a_role_or_none(text):
    assert column_role(text) in (None, *ColumnRole)


def test_merged_adds_phrases_after_each_roles_own():
    vocabulary = core_headers().merged({"result": ["форма контроля"]})
    assert vocabulary.role("Форма контроля") is ColumnRole.RESULT
    assert core_headers().role("Форма контроля") is None
    assert dict(vocabulary.phrases)[ColumnRole.RESULT][-1] == "форма контроля"


def test_a_vocabulary_can_be_built_from_nothing():
    vocabulary = HeaderVocabulary({ColumnRole.TITLE: ["работа"], "deadline": ["когда"]})
    assert vocabulary.role("Работа") is ColumnRole.TITLE
    assert vocabulary.role("Когда") is ColumnRole.DEADLINE
    assert vocabulary.role("Мероприятие") is None


class _Vendor:
    @hookimpl
    def dod_register_headers(self, register):
        register({ColumnRole.RESULT: ["форма контроля"], "place": ["площадка"]})


TABLE = (
    "План мероприятий\n\n№\tМероприятие\tСрок\tФорма контроля\tПлощадка\n"
    "1\tСеминар\tмарт 2021 г.\tПротокол\tДК\n"
)


def test_a_plugins_wordings_are_read_in_documents():
    plugins = get_plugin_manager(entry_points=False)
    plugins.register(_Vendor(), "vendor")
    roadmap = dod_model.read(_stream(TABLE), plugins=plugins)
    activity = roadmap.activities[0]
    assert [r.text for r in activity.results] == ["Протокол"]
    assert activity.place == "ДК"
    assert activity.extra == ()


def test_without_the_plugin_the_columns_are_kept_under_their_headers():
    roadmap = dod_model.read(_stream(TABLE), plugins=get_plugin_manager(entry_points=False))
    activity = roadmap.activities[0]
    assert activity.results == ()
    assert [(c.header, c.text) for c in activity.extra] == [
        ("Форма контроля", "Протокол"),
        ("Площадка", "ДК"),
    ]


class _BadRole:
    @hookimpl
    def dod_register_headers(self, register):
        register({"deadlines": ["когда"]})


class _BadPhrases:
    @hookimpl
    def dod_register_headers(self, register):
        register({"deadline": "когда"})


@pytest.mark.parametrize(
    ("plugin", "words"), [(_BadRole(), "'deadlines'"), (_BadPhrases(), "'deadline': 'когда'")]
)
def test_a_plugin_registering_what_is_no_vocabulary_is_told_what_is(plugin, words):
    plugins = get_plugin_manager(entry_points=False)
    plugins.register(plugin, "bad")
    with pytest.raises(
        PluginError, match=f"plugin 'bad': register\\(\\) got {words}.*one of number"
    ):
        plugins.headers()


def _stream(text: str) -> io.BytesIO:
    source = io.BytesIO(text.encode())
    source.name = "plan.txt"
    return source
