"""Reading back the library's own CSV and Markdown exports, and CSV tables saved from spreadsheets.

A roadmap written as CSV reads back to the same roadmap (but for the positions of its rows,
which the file written has in other places), as from Word. A Markdown page shows the standard
five columns and a run of spaces as one: what it reads back to differs from the roadmap in
that alone.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import DocumentError, Roadmap, examples
from dod_model.exporters import CSV_COLUMNS
from dod_model.importers import CsvImporter, MarkdownImporter
from dod_model.importers._csv_export import EXPORT_COLUMNS
from dod_model.plugins import get_plugin_manager
from dod_model.testing import strategies

from .comparison import without_positions
from .conftest import SEED_FILES

PLUGINS = get_plugin_manager(entry_points=False)
DATA = Path(__file__).parent / "data" / "csv"
WORD_FILES = sorted(path.with_suffix(".docx") for path in SEED_FILES)
BUNDLED = [*WORD_FILES, *SEED_FILES]  # each Word example and its text export


def _written(roadmap: Roadmap, format: str) -> bytes:
    out = io.BytesIO()
    dod_model.write(roadmap, out, format=format, plugins=PLUGINS)
    return out.getvalue()


def _back(roadmap: Roadmap, format: str) -> Roadmap:
    """The roadmap written in ``format`` and read back, the format told by the content."""
    stream = io.BytesIO(_written(roadmap, format))
    return dod_model.read(stream, plugins=PLUGINS)


_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029")  # what the page writes as <br>


def as_a_page_shows(roadmap: Roadmap) -> Roadmap:
    """The roadmap as a Markdown page can show it: what the page cannot carry left out.

    A page's tables have the standard five columns (and «Примечание» where notes are, then the
    other roles and the unknown columns its activities fill), whatever the roadmap's were and
    however its source headed them; a run of whitespace is one space, as a page renders it; and the
    notes of an activity are the lines of its «Примечание» cell, a note of two lines two notes.
    """

    def tidy(value: object) -> object:
        if isinstance(value, dod_model.Activity):
            lines = tuple(line for note in value.notes for line in note.split("\n"))
            value = attrs.evolve(value, notes=lines)
        if isinstance(value, str):
            lines = (" ".join(line.split()) for line in _BREAKS.split(value))
            return "\n".join(line for line in lines if line)
        if isinstance(value, tuple):
            return tuple(tidy(item) for item in value)
        if attrs.has(type(value)):
            changes = {f.name: tidy(getattr(value, f.name)) for f in attrs.fields(type(value))}
            return attrs.evolve(value, **changes)
        return value

    tidied = tidy(without_positions(roadmap))
    assert isinstance(tidied, Roadmap)
    return attrs.evolve(tidied, columns=(), headers=())


# -- the text importer: a pipe table's separator line ----------------------------------------------


@pytest.mark.parametrize("word", WORD_FILES, ids=lambda p: p.stem.split("-")[0])
def test_a_markdown_export_read_as_text_has_the_activities_of_the_word_file(word):
    roadmap = dod_model.read(word, plugins=PLUGINS)
    page = io.BytesIO(_written(roadmap, "md"))
    as_text = dod_model.read(page, format="text", plugins=PLUGINS)
    assert len(as_text.activities) == len(roadmap.activities)  # Samara: 15, not 16 with «---»
    assert "---" not in [a.number for a in as_text.activities]


def test_a_separator_line_with_alignment_colons_is_no_row():
    text = (
        "План мероприятий\n\n| № | Мероприятие | Срок |\n| :--- | :---: | ---: |\n"
        "| 1 | Создание МОЦ | 2021 |\n"
    )
    roadmap = dod_model.read(io.BytesIO(text.encode()), format="text", plugins=PLUGINS)
    assert [(a.number, a.title) for a in roadmap.activities] == [("1", "Создание МОЦ")]


# -- CSV: the library's own export ---------------------------------------------------------------


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_example_reads_back_from_csv_as_the_same_roadmap(path, tmp_path):
    roadmap = dod_model.read(path, plugins=PLUGINS)
    dod_model.write(roadmap, tmp_path / "x.csv", plugins=PLUGINS)
    back = dod_model.read(tmp_path / "x.csv", plugins=PLUGINS)
    assert back.source.format == "csv"
    assert without_positions(back) == without_positions(roadmap)


def test_the_importer_knows_the_columns_of_the_export():
    # The importer cannot import the exporter (they are siblings): the two lists must agree.
    assert CSV_COLUMNS[: len(EXPORT_COLUMNS)] == EXPORT_COLUMNS


def test_a_csv_export_of_0_2_reads_to_its_table_alone():
    # Written before the plan_ columns: no title, no notes, the standard five columns.
    roadmap = examples.load("ulyanovsk-cherdakly-2019")
    lines = _written(roadmap, "csv").decode("utf-8-sig").split("\r\n")
    header = lines[0].split(",")
    old = "\r\n".join([",".join(header[:16]), *lines[1:]])  # plan_ cells left as extra fields
    back = dod_model.read(io.BytesIO(old.encode("utf-8-sig")), format="csv", plugins=PLUGINS)
    assert [a.title for a in back.activities] == [a.title for a in roadmap.activities]
    assert [a.deadline for a in back.activities] == [a.deadline for a in roadmap.activities]
    assert back.title == ""


def test_columns_a_later_version_adds_change_nothing():
    roadmap = dod_model.read(WORD_FILES[0], plugins=PLUGINS)
    rows = _written(roadmap, "csv").decode("utf-8-sig").split("\r\n", 1)
    later = f"{rows[0]},budget\r\n{rows[1].replace(chr(13) + chr(10), ',1' + chr(13) + chr(10), 1)}"
    back = dod_model.read(io.BytesIO(later.encode("utf-8-sig")), format="csv", plugins=PLUGINS)
    assert without_positions(back) == without_positions(roadmap)


def test_a_section_without_activities_and_multiline_notes_read_back():
    roadmap = dod_model.read(WORD_FILES[0], plugins=PLUGINS)
    first = attrs.evolve(roadmap.activities[0], notes=("по согласованию\nс министерством", "II"))
    sections = (
        dod_model.Section(number="1", title="Организация", activities=()),
        dod_model.Section(
            number="2",
            title="Кадры",
            activities=tuple(attrs.evolve(a, section="2") for a in (first,)),
        ),
        dod_model.Section(number="3", title="Отчётность"),
    )
    built = attrs.evolve(roadmap, unsectioned=(), sections=sections)
    once = _back(built, "docx")  # as read() makes it
    assert [len(s.activities) for s in once.sections] == [0, 1, 0]
    assert without_positions(_back(once, "csv")) == without_positions(once)


# -- CSV: tables saved from spreadsheets ---------------------------------------------------------


def test_a_libreoffice_csv_of_a_rendition_workbook_reads_as_the_word_file():
    # Saved by Calc as Excel does in a Russian locale: «;», Windows-1251, title rows above the
    # table, a row a page break split, the header again, a signature below (make_csv.py).
    path = DATA / "samara-oc-roadmap-2019.csv"
    assert b";" in path.read_bytes()[:200]
    roadmap = dod_model.read(path, plugins=PLUGINS)
    assert (roadmap.source.format, roadmap.source.encoding) == ("csv", "cp1251")
    word = dod_model.read(examples.path("samara"), plugins=PLUGINS)
    assert without_positions(roadmap) == without_positions(word)


def test_a_csv_of_utf8_with_bom_and_quoted_multiline_cells():
    text = (
        "\ufeffДорожная карта по созданию МОЦ;;\r\n;;\r\n"
        "№;Мероприятие;Срок\r\n"
        '1;"Создание центра;\r\nпервый этап";"до 01.09.2021"\r\n'
        '2;"Семинары ""для педагогов""";2022\r\n'
    )
    roadmap = dod_model.read(io.BytesIO(text.encode()), plugins=PLUGINS)
    assert roadmap.source.format == "csv"
    assert roadmap.title == "Дорожная карта по созданию МОЦ"
    assert [a.title for a in roadmap.activities] == [
        "Создание центра;\nпервый этап",
        'Семинары "для педагогов"',
    ]
    assert roadmap.activities[0].deadline.end.isoformat() == "2021-09-01"


def test_a_csv_registry_of_organisations_is_no_roadmap():
    text = (
        "ИНН,Наименование,Адрес\r\n"
        "6311000001,МБОУ СОШ № 1,г. Самара\r\n6311000002,ЦДТ,г. Самара\r\n"
    )
    assert CsvImporter().sniff(text.encode())
    with pytest.raises(DocumentError, match="no roadmap table"):
        dod_model.read(io.BytesIO(text.encode()), plugins=PLUGINS)


def test_a_cell_longer_than_the_csv_module_takes_reads():
    roadmap = dod_model.read(WORD_FILES[0], plugins=PLUGINS)
    long = attrs.evolve(roadmap.activities[0], title="Проведение семинаров " * 10_000)
    built = attrs.evolve(roadmap, unsectioned=(long, *roadmap.unsectioned[1:]))
    assert len(long.title) > 131_072
    assert _back(built, "csv").activities[0].title == long.title.strip()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbfsection,section_title,number\r\n1,a,1.1\r\n", True),
        ("Дорожная карта;;\n№;Мероприятие;Срок\n1;Создание;2020\n".encode("cp1251"), True),
        (b"PK\x03\x04;;;\n;;;\n", False),
        ("Дорожная карта\n\n№\tМероприятие\n1\tСоздание\n".encode(), False),  # a text export
        ("\t№\n\tМероприятие\n\tСрок\n".encode(), False),  # a cell per line, one filled each
        ("Текст, с запятой\nи без\n".encode(), False),
        (b"a;b\x00;c\n1;2;3\n", False),
    ],
    ids=["export", "cp1251", "zip", "text", "cells", "prose", "nul"],
)
def test_the_csv_sniff_is_strict(data, expected):
    assert CsvImporter().sniff(data) is expected


# -- Markdown ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_example_reads_back_from_markdown_as_a_page_shows_it(path, tmp_path):
    roadmap = dod_model.read(path, plugins=PLUGINS)
    dod_model.write(roadmap, tmp_path / "x.md", plugins=PLUGINS)
    back = dod_model.read(tmp_path / "x.md", plugins=PLUGINS)
    assert back.source.format == "markdown"
    assert as_a_page_shows(back) == as_a_page_shows(roadmap)


def test_a_page_keeps_the_places_of_the_notes_by_its_facts():
    # Ulyanovsk: the approval block goes above the title (the facts say «Утверждён»), the
    # signature below the table.
    roadmap = dod_model.read(examples.path("ulyanovsk"), plugins=PLUGINS)
    back = _back(roadmap, "md")
    assert back.approval == roadmap.approval is not None
    assert (back.notes, back.basis, back.municipality) == (
        roadmap.notes,
        roadmap.basis,
        roadmap.municipality,
    )


def test_markdown_cells_keep_escaped_bars_and_line_breaks():
    roadmap = dod_model.read(WORD_FILES[0], plugins=PLUGINS)
    odd = attrs.evolve(roadmap.activities[0], title="A | B *важно* <br> 1. _x_\nвторая строка")
    built = attrs.evolve(roadmap, unsectioned=(odd, *roadmap.unsectioned[1:]))
    assert _back(built, "md").activities[0].title == odd.title


def test_a_generic_markdown_page_gives_its_table_and_paragraphs():
    page = (
        "# План мероприятий по созданию МОЦ\n\nУтверждён на заседании.\n\n"
        "| № | Наименование мероприятия | Срок исполнения |\n|:--|:--|--:|\n"
        "| 1 | Создание \\| открытие МОЦ | 2021 |\n| 2 | Семинары<br>для педагогов | 2022 |\n"
    )
    raw = MarkdownImporter().read(page.encode(), name="plan.md")
    assert [type(b).__name__ for b in raw.blocks] == ["RawParagraph", "RawParagraph", "RawTable"]
    roadmap = dod_model.read(io.BytesIO(page.encode()), plugins=PLUGINS)
    assert roadmap.source.format == "markdown"
    assert [a.title for a in roadmap.activities] == ["Создание | открытие МОЦ",
                                                     "Семинары\nдля педагогов"]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("# План\n\n| № | Мероприятие |\n| --- | --- |\n| 1 | а |\n".encode(), True),
        (b"| a | b |\n|:-|-:|\n", True),
        ("# План\n\nТекст | с чертой\n".encode(), False),
        ("№ | Мероприятие |\n1 | а |\n".encode(), False),  # pipes, no separator line
        (b"PK\x03\x04|---|", False),
    ],
    ids=["export", "bare table", "a bar in prose", "pipes text", "zip"],
)
def test_the_markdown_sniff_is_strict(data, expected):
    assert MarkdownImporter().sniff(data) is expected


# -- generated roadmaps ----------------------------------------------------------------------------


def _examples(count: int) -> settings:
    return settings(
        max_examples=count,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


def _once(roadmap: Roadmap) -> Roadmap:
    """What Word keeps of any roadmap: a roadmap read() made."""
    try:
        return _back(roadmap, "docx")
    except DocumentError:  # no activity to make a table of
        assume(False)
        raise


@_examples(15)
@given(strategies.roadmaps())
def test_any_roadmap_once_read_back_reads_back_from_csv_the_same(roadmap):
    once = _once(roadmap)
    back = _back(once, "csv")
    assert without_positions(back) == without_positions(once)


@_examples(15)
@given(strategies.roadmaps())
def test_any_roadmap_once_read_back_reads_back_from_markdown_as_a_page_shows_it(roadmap):
    # In the standard columns, as a page shows them: in others, a row across the table that
    # Word's reading takes as a note (the number column not first) would head a section here.
    once = _once(attrs.evolve(roadmap, columns=()))
    assert as_a_page_shows(_back(once, "md")) == as_a_page_shows(once)


# -- damaged files ---------------------------------------------------------------------------------

_SAMARA = dod_model.read(examples.path("samara"), plugins=PLUGINS)
_FILES = {
    "csv": _written(_SAMARA, "csv"),
    "md": _written(_SAMARA, "md"),
    "libreoffice": (DATA / "samara-oc-roadmap-2019.csv").read_bytes(),
}


@st.composite
def _mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(sorted(_FILES)))
    data = bytearray(_FILES[kind])
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        what = draw(st.sampled_from(["flip", "cut", "insert"]))
        if what == "flip":
            data[at] = draw(st.integers(0, 255))
        elif what == "cut":
            del data[at : at + draw(st.integers(1, 400))]
        else:
            data[at:at] = draw(st.sampled_from([b'"', b";", b",", b"|", b"\r\n", b"\\", b"<br>",
                                                b"plan_sections", b"[[", b"\x00"]))  # fmt: skip
        if not data:
            data = bytearray(b";")
    return kind, bytes(data)


@_examples(60)
@given(_mutated(), st.sampled_from([None, "csv", "markdown"]))
def test_mutated_exports_raise_only_document_errors(mutated, format):
    _, data = mutated
    try:
        roadmap = dod_model.read(io.BytesIO(data), format=format, plugins=PLUGINS)
    except DocumentError as exc:
        assert "please report" not in str(exc)
    else:
        assert isinstance(roadmap, Roadmap)
