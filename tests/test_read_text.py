"""Reading the five seed roadmaps (plain-text exports of Word tables), exactly and safely."""

from __future__ import annotations

import contextlib
import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import ColumnRole, DeadlineKind, DocumentError, LegalActKind, Period, examples
from dod_model.plugins import get_plugin_manager

C = ColumnRole
PLUGINS = get_plugin_manager(entry_points=False)
SEEDS = {
    "samara": "samara-oc-roadmap-2019.txt",
    "tambov": "tambov-target-model-roadmap-2020-2024.txt",
    "ulyanovsk": "ulyanovsk-cherdakly-moc-roadmap-2019.txt",
    "amur": "amur-rmc-first-steps-plan.txt",
    "sverdlovsk": "sverdlovsk-ekaterinburg-moc-plan-2019-2020.txt",
}


@pytest.fixture(scope="module")
def roadmaps(seeds):
    return {key: dod_model.read(seeds / name, plugins=PLUGINS) for key, name in SEEDS.items()}


# What a person reads in each seed, written out by hand.
EXPECTED = {
    "samara": {"region": "RU-SAM", "activities": 15, "sections": (),
               "period": (2019, 6, 1, 2019, 12, 31),
                   "columns": (C.NUMBER, C.TITLE, C.RESULT, C.DEADLINE),
                   "title": "Дорожная карта по созданию и функционированию опорных центров "
                   "дополнительного образования детей в Самарской области"},
    "tambov": {"region": "RU-TAM", "activities": 29, "sections": ("1", "2", "3", "4", "5"),
                   "period": (2020, 1, 1, 2024, 12, 31),
                   "columns": (C.NUMBER, C.TITLE, C.DEADLINE, C.RESULT, C.RESPONSIBLE),
                   "title": "ДОРОЖНАЯ КАРТА реализации мероприятий по достижению результата «Во "
                   "всех субъектах Российской Федерации внедрена целевая модель развития "
                   "региональных систем дополнительного образования детей» регионального "
                   "проекта «Успех каждого ребенка»"},
    "ulyanovsk": {"region": "RU-ULY", "activities": 16, "sections": (),
                      "period": (2019, 4, 1, 2019, 12, 31),
                      "columns": (C.NUMBER, C.TITLE, C.DEADLINE, C.RESPONSIBLE),
                      "title": "План мероприятий «дорожная карта» по созданию Муниципального "
                      "опорного центра дополнительного образования детей"},
    "amur": {"region": "RU-AMU", "activities": 14, "sections": (), "period": None,
                 "columns": (C.NUMBER, C.TITLE, C.RESULT),
                 "title": "ПЛАН ПЕРВООЧЕРЕДНЫХ ДЕЙСТВИЙ ПО СОЗДАНИЮ РЕГИОНАЛЬНОГО МОДЕЛЬНОГО "
                 "ЦЕНТРА ДОПОЛНИТЕЛЬНОГО ОБРАЗОВАНИЯ ДЕТЕЙ В АМУРСКОЙ ОБЛАСТИ"},
    "sverdlovsk": {"region": "RU-SVE", "activities": 15, "sections": (),
                       "period": (2019, 9, 1, 2020, 8, 31),
                       "columns": (C.NUMBER, C.TITLE, C.RESPONSIBLE, C.RESULT, C.DEADLINE),
                       "title": "ПЛАН мероприятий по созданию и обеспечению функционирования "
                       "муниципальных опорных центров в МО «город Екатеринбург» на 2019/2020 "
                       "учебный год"},
}  # fmt: skip


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_each_seed_reads_as_a_person_reads_it(roadmaps, key):
    roadmap, expected = roadmaps[key], EXPECTED[key]
    assert roadmap.title == expected["title"]
    assert roadmap.region == expected["region"]
    assert len(roadmap.activities) == expected["activities"]
    assert tuple(s.number for s in roadmap.sections) == expected["sections"]
    assert roadmap.columns == expected["columns"]
    if expected["period"] is None:
        assert roadmap.period is None
    else:
        y1, m1, d1, y2, m2, d2 = expected["period"]
        assert roadmap.period == Period(dt.date(y1, m1, d1), dt.date(y2, m2, d2))
    assert roadmap.source.name == SEEDS[key]
    assert roadmap.source.format == "text"
    numbers = [a.number for a in roadmap.activities]
    assert len(set(numbers)) == len(numbers)
    assert all(a.title for a in roadmap.activities)


def test_ulyanovsk_reads_to_the_hand_built_example(roadmaps):
    assert roadmaps["ulyanovsk"] == examples.load("ulyanovsk-cherdakly-2019")


def test_samara_rows_split_by_page_breaks_are_mended(roadmaps):
    samara = roadmaps["samara"]
    eight = samara.activity("8").deadline
    assert eight.kind is DeadlineKind.BY
    assert eight.end == dt.date(2019, 8, 15)
    assert eight.note == ("и далее по плану работы Областного экспертного совета по вопросам "
                          "дополнительного образования")  # fmt: skip
    thirteen = samara.activity("13").results[0].text
    assert thirteen.endswith("на базе ОО, реализующих дополнительные общеобразовательные "
                             "программы на территории муниципалитета")  # fmt: skip
    assert len(samara.activity("13").results) == 1
    assert all(a.responsible == () for a in samara.activities)
    first = samara.activity("1").results[0]
    assert [a.number for a in first.acts] == ["592-р", "637-р"]
    assert first.acts[0].kind is LegalActKind.DIRECTIVE
    assert first.urls[0].startswith("http://rmc.pioner-samara.ru/")
    assert [s.number for s in samara.activity("6").steps] == ["1", "2", "3"]


def test_tambov_cells_of_many_lines(roadmaps):
    tambov = roadmaps["tambov"]
    assert tambov.activity("2.3") is not None  # written «2.3..»
    first = tambov.activity("1.1")
    assert first.section == "1"
    assert first.deadline.dates == tuple(dt.date(y, 7, 1) for y in range(2020, 2025))
    assert [r.text for r in first.results] == ["Аналитический отчет", "Управленческие решения"]
    assert [p.name for p in first.responsible] == ["Образовательные организации",
                                                    "Отдел образования"]  # fmt: skip
    assert [p.name for p in tambov.activity("1.10").responsible] == [
        "Образовательные организации",
        "МБУ ДО ДДТ – Муниципальный опорный центр дополнительного образования детей",
        "МБУ ДО ДЮСШ",
    ]
    assert [p.name for p in tambov.activity("1.7").responsible] == [
        "МБУ ДО ДДТ – Муниципальный опорный центр дополнительного образования детей"
    ]
    assert tambov.activity("3.7").deadline.note.startswith("1 раз в год")
    assert tambov.activity("1.6").deadline.recurrence is dod_model.Recurrence.YEARLY
    assert tambov.section("5").title == ("Использование инфраструктурных и материально-технических "
                                         "ресурсов в муниципальной системе дополнительного "
                                         "образования детей")  # fmt: skip
    assert tambov.approval.kind is LegalActKind.ORDER
    assert tambov.approval.number is None
    assert tambov.notes[1].startswith("Внедрение основных положений")
    assert [c.organisation.short_name for c in tambov.centres] == ["МБУ ДО ДДТ"]


def test_sverdlovsk_repeated_headers_and_footnote(roadmaps):
    sverdlovsk = roadmaps["sverdlovsk"]
    assert [a.number for a in sverdlovsk.activities] == [str(n) for n in range(1, 16)]
    assert sverdlovsk.activity("5").deadline.kind is DeadlineKind.NONE
    assert sverdlovsk.municipality == "город Екатеринбург"
    (basis,) = sverdlovsk.basis
    assert (basis.kind, basis.number) == (LegalActKind.RESOLUTION, "461-ПП")
    assert sverdlovsk.notes == (
        "*Основание разработки – План деятельности регионального модельного центра "
        "дополнительного образования детей Свердловской области по реализации приоритетного "
        "проекта «Доступное дополнительное образование для детей» на 2019-2021 годы (утвержден "
        "Постановлением Правительства Свердловской области от 01.08.2019 № 461-ПП «О "
        "региональном модельном центре дополнительного образования детей Свердловской "
        "области»).",
    )
    assert [t.value for a in sverdlovsk.activities for r in a.results for t in r.targets] == [
        6,
        3,
        14,
        3,
    ]
    assert (
        sverdlovsk.activity("4").responsible[-1].name.endswith("Администрации города Екатеринбурга")
    )


def test_amur_pipes_and_column_numbers(roadmaps):
    amur = roadmaps["amur"]
    assert [a.number for a in amur.activities] == [str(n) for n in range(1, 15)]
    assert all(a.deadline.kind is DeadlineKind.NONE for a in amur.activities)
    assert [s.number for s in amur.activity("1").steps] == ["1", "2", "3", "4", "5"]
    assert amur.glossary[0].short == "РМЦ"
    assert amur.activity("1").provenance.row == 3  # the header, the column numbers, then it


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_each_seed_validates_with_its_region_rules(roadmaps, key):
    report = dod_model.validate(roadmaps[key], plugins=PLUGINS)
    assert report.ok
    assert report.region == EXPECTED[key]["region"]


def test_regional_findings_on_the_seeds(roadmaps):
    codes = {key: dod_model.validate(r, plugins=PLUGINS).codes() for key, r in roadmaps.items()}
    assert "samara/no-responsible" in codes["samara"]
    assert "tambov/year-not-covered" in codes["tambov"]
    assert "core/deadline-outside-period" in codes["sverdlovsk"]
    assert "sverdlovsk/targets" in codes["sverdlovsk"]
    assert "core/missing-deadline" in codes["amur"]
    assert "amur/founding-steps" not in codes["amur"]
    assert not [c for c in codes["ulyanovsk"] if c.startswith("ulyanovsk/")]
    tambov = dod_model.validate(roadmaps["tambov"], plugins=PLUGINS)
    flagged = [f.path for f in tambov.findings if f.code == "tambov/year-not-covered"]
    assert "/sections/4/activities/0/deadline" in flagged  # 5.1: 2021 and 2023 only


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1251", "utf-16"])
def test_encodings_are_detected(seeds, encoding):
    text = (seeds / SEEDS["ulyanovsk"]).read_text(encoding="utf-8")
    data = text.encode(encoding)
    roadmap = dod_model.read(io.BytesIO(data), plugins=PLUGINS)
    expected = examples.load("ulyanovsk-cherdakly-2019")
    assert roadmap.activities == expected.activities
    assert roadmap.title == expected.title
    assert roadmap.source.encoding == encoding


def test_region_and_format_can_be_given(seeds):
    roadmap = dod_model.read(seeds / SEEDS["amur"], region="RU-KIR", format="text",
                             plugins=PLUGINS)  # fmt: skip
    assert roadmap.region == "RU-KIR"
    with pytest.raises(DocumentError, match="no importer for format 'pages'"):
        dod_model.read(seeds / SEEDS["amur"], format="pages", plugins=PLUGINS)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "an empty file"),
        (b" \r\n\t\n", "a file of nothing but blank space"),
        ("Просто письмо\nбез таблицы\n".encode(), "no table"),
        (b"a\tb\tc\n1\t2\t3\n", "no roadmap table: no row names its columns"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "a damaged Office 97-2003 file"),
        (b"PK\x03\x04" + b"\x00" * 100, "not a readable Word file"),
        (b"\x00\x01\x02binary", "binary data of no format an importer reads"),
    ],
)
def test_what_is_not_a_roadmap_is_refused_with_a_reason(data, message):
    with pytest.raises(DocumentError, match=message) as info:
        dod_model.read(io.BytesIO(data), plugins=PLUGINS)
    assert str(info.value).startswith("<stream>: ")


def test_paths_and_streams_are_named_in_errors(tmp_path):
    with pytest.raises(DocumentError, match=r"absent\.txt: cannot read the file"):
        dod_model.read(tmp_path / "absent.txt", plugins=PLUGINS)
    with pytest.raises(DocumentError, match="a text-mode file object: open the file with 'rb'"):
        dod_model.read(io.StringIO("text"), plugins=PLUGINS)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000) | st.text(max_size=400).map(str.encode))
def test_nothing_but_document_error_escapes_on_random_bytes(data):
    with contextlib.suppress(DocumentError):
        dod_model.read(io.BytesIO(data), plugins=PLUGINS)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_nothing_but_document_error_escapes_on_mutated_seeds(seeds, data):
    name = data.draw(st.sampled_from(sorted(SEEDS.values())))
    original = (seeds / name).read_bytes()
    position = data.draw(st.integers(0, len(original)))
    cut = data.draw(st.integers(0, 200))
    inserted = data.draw(st.binary(max_size=20) | st.sampled_from([b"\t", b"\n", b" | ", b"\n\t"]))
    mutated = original[:position] + inserted + original[position + cut :]
    try:
        roadmap = dod_model.read(io.BytesIO(mutated), plugins=PLUGINS)
    except DocumentError:
        return
    assert dod_model.loads(dod_model.dumps(roadmap)) == roadmap


def test_a_remarks_column_is_kept_as_the_first_note_of_its_row():
    text = (
        "План мероприятий по созданию опорного центра\n\n"
        "№ п/п\tМероприятие\tСрок\tПримечание\n"
        "1.\tСоздание МОЦ\tмарт 2021 года\tпо согласованию с министерством\n"
        "(Позиция в редакции приказа от 01.02.2021 № 5)\n"
        "2.\tОткрытие МОЦ\tсентябрь 2021 года\t\n"
    )
    roadmap = dod_model.read(io.BytesIO(text.encode()), plugins=PLUGINS)
    first, second = roadmap.activities
    assert roadmap.columns == (C.NUMBER, C.TITLE, C.DEADLINE, C.NOTE)
    assert first.notes == ("по согласованию с министерством",
                           "(Позиция в редакции приказа от 01.02.2021 № 5)")  # fmt: skip
    assert second.notes == ()


def test_a_document_that_heads_its_sections_without_numbers_keeps_every_section():
    text = (
        "План мероприятий по созданию МОЦ\n\n"
        "№ п/п\tНаименование мероприятия\tСрок исполнения\tОтветственный исполнитель\n"
        "Организационные мероприятия\n"
        "1.\tСоздание МОЦ\tАвгуст 2019\tУправление образования\n"
        "2.\tРазработка положения\tСентябрь 2019\tУправление образования\n"
        "(Позиция в редакции приказа от 01.02.2021 № 5)\n"
        "Кадровое обеспечение\n"
        "3.\tОбучение педагогов\tдо 15.08.2019\tМОЦ\n"
    )
    roadmap = dod_model.read(io.BytesIO(text.encode()), plugins=PLUGINS)
    assert [(s.number, s.title) for s in roadmap.sections] == [
        ("", "Организационные мероприятия"), ("", "Кадровое обеспечение")]  # fmt: skip
    assert [a.number for a in roadmap.sections[1].activities] == ["3"]
    assert roadmap.activity("2").notes == ("(Позиция в редакции приказа от 01.02.2021 № 5)",)


@pytest.mark.parametrize("control", ["\x1b", "\x07", "\ufffe", "\x0b", "\x0c"])
def test_control_characters_xml_cannot_hold_are_not_read_into_the_model(control, tmp_path):
    # What Word cannot hold would be dropped by the Word export, and the roadmap would not read
    # back the same: it is dropped (a line or page break: a space) as the text is read.
    text = f"ПЛАН{control}\n№\tМероприятие\tСрок\n1\tСоздание{control}центра\t2020\n"
    roadmap = dod_model.read(io.BytesIO(text.encode()))
    title = roadmap.activities[0].title
    assert title in ("Созданиецентра", "Создание центра")
    assert not any(ord(c) < 32 or c in "\ufffe\uffff" for c in roadmap.title + title)
    out = tmp_path / "plan.docx"
    dod_model.write(roadmap, out)
    assert dod_model.read(out).activities[0].title == title
