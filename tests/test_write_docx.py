"""The Word exporter: the official layout, and a file that reads back to the same roadmap."""

from __future__ import annotations

import io
import zipfile

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import dod_model
from dod_model import ColumnRole, Roadmap, examples
from dod_model.exporters import DocxExporter
from dod_model.importers import RawCell, RawDocument, RawParagraph, RawRow, RawTable, build_roadmap
from dod_model.plugins import get_plugin_manager
from dod_model.testing import strategies

from .comparison import without_positions
from .conftest import SEEDS

PLUGINS = get_plugin_manager(entry_points=False)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _through_word(roadmap: Roadmap) -> Roadmap:
    out = io.BytesIO()
    dod_model.write(roadmap, out, format="docx", plugins=PLUGINS)
    return dod_model.read(io.BytesIO(out.getvalue()), plugins=PLUGINS)


def _document_xml(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read("word/document.xml"))


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem.split("-")[0])
def test_every_seed_reads_back_from_word_as_the_same_roadmap(seed):
    roadmap = dod_model.read(seed, plugins=PLUGINS)
    back = _through_word(roadmap)
    assert without_positions(back) == without_positions(roadmap)
    assert back.source.format == "docx"


@pytest.mark.parametrize("name", ["amur", "samara", "sverdlovsk", "tambov", "ulyanovsk"])
def test_every_bundled_word_example_survives_a_second_trip(name):
    roadmap = dod_model.read(examples.path(name), plugins=PLUGINS)
    assert without_positions(_through_word(roadmap)) == without_positions(roadmap)


def test_the_official_layout():
    roadmap = dod_model.read(examples.path("tambov"), plugins=PLUGINS)
    data = DocxExporter().export(roadmap)
    body = _document_xml(data)
    (table,) = body.iter(f"{W}tbl")
    rows = table.findall(f"{W}tr")
    header = rows[0]
    assert header.find(f"{W}trPr/{W}tblHeader") is not None  # repeated on every page
    # The roadmap's own headers, as its source wrote them.
    assert ["".join(c.itertext()) for c in header.findall(f"{W}tc")] == [
        "№", "Мероприятия", "Сроки проведения", "Результат", "Ответственные",
    ]  # fmt: skip
    spanning = [r for r in rows if r.find(f"{W}tc/{W}tcPr/{W}gridSpan") is not None]
    assert ["".join(r.itertext()).split(".")[0] for r in spanning] == ["1", "2", "3", "4", "5"]
    paragraphs = [p for p in body.find(f"{W}body").iterchildren(f"{W}p") if "".join(p.itertext())]
    assert "".join(paragraphs[0].itertext()).startswith("ПРИЛОЖЕНИЕ № 1")  # approval on top
    assert paragraphs[1].find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Title"
    assert body.find(f"{W}body/{W}sectPr/{W}pgSz").get(f"{W}orient") == "landscape"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert b'w:ascii="Times New Roman"' in package.read("word/styles.xml")
        assert f"<dc:title>{roadmap.title}</dc:title>" in package.read("docProps/core.xml").decode()


def test_the_same_roadmap_gives_the_same_bytes():
    roadmap = examples.load("ulyanovsk-cherdakly-2019")
    assert DocxExporter().export(roadmap) == DocxExporter().export(roadmap)


def test_write_takes_the_format_from_the_suffix(tmp_path):
    roadmap = examples.load("ulyanovsk-cherdakly-2019")
    dod_model.write(roadmap, tmp_path / "plan.docx", plugins=PLUGINS)
    assert zipfile.is_zipfile(tmp_path / "plan.docx")
    back = dod_model.read(tmp_path / "plan.docx", plugins=PLUGINS)
    assert [a.title for a in back.activities] == [a.title for a in roadmap.activities]
    assert [a.deadline for a in back.activities] == [a.deadline for a in roadmap.activities]


def test_columns_the_activities_need_are_added_not_their_data_dropped():
    plan = examples.load("ulyanovsk-cherdakly-2019")
    first = attrs.evolve(plan.activities[0], results=(dod_model.Result.parse("Приказ"),))
    roadmap = attrs.evolve(plan, unsectioned=(first, *plan.unsectioned[1:]))
    assert ColumnRole.RESULT not in roadmap.columns
    back = _through_word(roadmap)
    assert back.columns == (ColumnRole.NUMBER, ColumnRole.TITLE, ColumnRole.DEADLINE,
                            ColumnRole.RESULT, ColumnRole.RESPONSIBLE)  # fmt: skip
    assert back.activities[0].results == first.results


def test_a_roadmap_without_columns_gets_the_standard_five():
    roadmap = attrs.evolve(examples.load("ulyanovsk-cherdakly-2019"), columns=())
    back = _through_word(roadmap)
    assert back.columns == (ColumnRole.NUMBER, ColumnRole.TITLE, ColumnRole.DEADLINE,
                            ColumnRole.RESULT, ColumnRole.RESPONSIBLE)  # fmt: skip


# -- generated documents -------------------------------------------------------------------------


def _seed_cells() -> dict[ColumnRole, list[str]]:
    """Cell texts of the five seeds by role: the wordings the generator draws from."""
    cells: dict[ColumnRole, list[str]] = {role: [] for role in ColumnRole}
    for seed in SEED_FILES:
        for activity in dod_model.read(seed, plugins=PLUGINS).activities:
            cells[ColumnRole.TITLE].append(activity.title)
            cells[ColumnRole.DEADLINE].append(activity.deadline.text)
            cells[ColumnRole.RESULT] += [r.text for r in activity.results]
            cells[ColumnRole.RESPONSIBLE] += [p.name for p in activity.responsible]
    return {role: sorted(set(texts)) for role, texts in cells.items() if texts}


SEED_CELLS = _seed_cells()
HEADERS = {ColumnRole.NUMBER: "№ п/п", ColumnRole.TITLE: "Мероприятие", ColumnRole.DEADLINE:
           "Сроки", ColumnRole.RESULT: "Итоговый документ", ColumnRole.RESPONSIBLE:
           "Ответственные", ColumnRole.NOTE: "Примечание"}  # fmt: skip
VOCABULARY = ("создание", "центра", "проведение", "семинаров", "для", "педагогов", "детей",
              "программ", "сертификатов", "навигатора", "мониторинг", "отчёт")  # fmt: skip
WORDS = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8).map(" ".join)


def _text(role: ColumnRole) -> st.SearchStrategy[str]:
    """A cell: a seed's wording, new words, or a few lines of them."""
    pool = SEED_CELLS.get(role, [])
    if role is ColumnRole.NOTE:  # a remark, sometimes numbered like a section heading
        pool = ["по согласованию", "1. по согласованию с министерством", "II. Перенесено"]
    one = st.one_of(st.sampled_from(pool), WORDS) if pool else WORDS
    return st.lists(one, min_size=1, max_size=2).map("\n".join)


# Built once: a strategy built inside a draw is built and checked again on every draw.
TEXTS = {role: _text(role) for role in ColumnRole}
MAYBE_TEXTS = {role: st.one_of(st.just(""), TEXTS[role]) for role in ColumnRole}
OPTIONAL_ROLES = st.lists(st.sampled_from([ColumnRole.DEADLINE, ColumnRole.RESULT,
                                           ColumnRole.RESPONSIBLE, ColumnRole.NOTE]),
                          unique=True)  # fmt: skip
TITLES = st.sampled_from(["Дорожная карта по созданию МОЦ", "План мероприятий на 2020 год",
                          "ДОРОЖНАЯ КАРТА внедрения целевой модели"])  # fmt: skip


@st.composite
def documents(draw: st.DrawFn) -> RawDocument:
    """A roadmap document as an importer sees it: title paragraphs and a numbered table."""
    roles = [ColumnRole.NUMBER, ColumnRole.TITLE]
    roles += draw(OPTIONAL_ROLES)
    rows = [RawRow(cells=tuple(RawCell(HEADERS[r], i + 1) for i, r in enumerate(roles)),
                   header=True)]  # fmt: skip
    numbered_sections = draw(st.booleans())  # a document numbers all its sections, or none
    for section in range(1, draw(st.integers(0, 3)) + 1):
        if draw(st.booleans()) or section > 1:
            title = draw(WORDS).capitalize()
            heading = f"{section}. {title}" if numbered_sections else title
            rows.append(RawRow(cells=(RawCell(heading, 1, span=len(roles)),)))
        for number in range(1, draw(st.integers(1, 4)) + 1):
            cells = [f"{section}.{number}.", draw(TEXTS[ColumnRole.TITLE])]
            cells += [draw(MAYBE_TEXTS[role]) for role in roles[2:]]
            rows.append(RawRow(cells=tuple(RawCell(t, i + 1) for i, t in enumerate(cells))))
            if draw(st.integers(0, 9)) == 0:
                note = "(Позиция в редакции приказа от 01.02.2021 № 5)"
                rows.append(RawRow(cells=(RawCell(note, 1, span=len(roles)),)))
    title = draw(TITLES)
    blocks: list[RawParagraph | RawTable] = []
    if draw(st.booleans()):
        approval = "УТВЕРЖДЕНА приказом управления образования от 01.03.2020 № 7"
        blocks.append(RawParagraph(text=approval, line=1))
    blocks += [RawParagraph(text=title, line=3), RawTable(rows=tuple(rows), columns=len(roles))]
    if draw(st.booleans()):
        blocks.append(RawParagraph(text="*Основание разработки – распоряжение от 5.03.2020 № 12"))
    return RawDocument(blocks=tuple(blocks), name="generated")


@given(documents())
def test_generated_roadmaps_read_back_from_word_unchanged(document):
    if not any(len(r.cells) > 1 for r in document.tables[0].rows[1:]):
        return
    roadmap = build_roadmap(document, plugins=PLUGINS)
    assert without_positions(_through_word(roadmap)) == without_positions(roadmap)


@settings(max_examples=40)  # whole roadmaps: drawing them is most of the time
@given(strategies.roadmaps())
def test_any_roadmap_exports_to_a_well_formed_package(roadmap):
    data = DocxExporter().export(roadmap)
    body = _document_xml(data)
    rows = list(body.iter(f"{W}tr"))
    in_column = ColumnRole.NOTE in roadmap.columns  # the first note of each goes in its cell
    notes = sum(max(0, len(a.notes) - in_column) for a in roadmap.activities)
    assert len(rows) == 1 + len(roadmap.sections) + len(roadmap.activities) + notes


STRICT = {
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main":
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    b"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships/metadata/core-properties",
    b"<w:document ": b'<w:document w:conformance="strict" ',
}  # fmt: skip


@pytest.mark.parametrize("name", ["tambov", "sverdlovsk"])
def test_a_strict_ooxml_roadmap_reads_like_its_transitional_twin(name):
    roadmap = dod_model.read(examples.path(name), plugins=PLUGINS)
    transitional = DocxExporter().export(roadmap)
    parts = {}
    with zipfile.ZipFile(io.BytesIO(transitional)) as source:
        for item in source.infolist():
            parts[item.filename] = source.read(item)
            for old, new in STRICT.items():
                parts[item.filename] = parts[item.filename].replace(old, new)
    assert not any(b"schemas.openxmlformats.org/wordprocessingml" in p for p in parts.values())
    assert not any(b"/officeDocument/2006/" in p for p in parts.values())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as strict:
        for name, data in parts.items():
            strict.writestr(name, data)
    back = dod_model.read(io.BytesIO(out.getvalue()), plugins=PLUGINS)
    assert without_positions(back) == without_positions(roadmap)
