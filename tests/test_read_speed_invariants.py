"""What the fast paths of reading must keep: the same text, centres, cells and meanings.

Each shortcut taken for speed is checked here against the plain way it replaces: the NUL-piece
search for centres against a full scan, a clean cell taken as it is against line-by-line
cleaning, the per-document reading of repeated cells against reading each cell, and the Word
walk's one pass for paragraphs that need care against paragraphs read one by one.
"""

from __future__ import annotations

import io
import re
import zipfile
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

import dod_model
from dod_model import Deadline, Result
from dod_model.importers import DocxImporter, RawCell, RawDocument, RawRow, RawTable
from dod_model.importers._layout import _clean_lines, _is_column_numbers, build_roadmap
from dod_model.model import Centre, CentreKind
from dod_model.plugins import get_plugin_manager
from dod_model.text import _numbering, find_centres, find_steps, split_parties
from dod_model.text._documents import _CENTRE_PATTERNS, _mentions

PLUGINS = get_plugin_manager(entry_points=False)

_FRAGMENTS = (
    "Региональный модельный центр Свердловской области (РМЦ СО)",
    "МБУ ДО ДДТ – Муниципальный опорный центр дополнительного образования детей",
    "муниципального опорного центра",
    "опорных центров дополнительного образования детей",
    "РЕГИОНАЛЬНЫЙ МОДЕЛЬНЫЙ ЦЕНТР",
    "ЦЕНТР",
    "центр",
    "ГАУ ДО ЦДО – ",
    "Управление образования",
    "\x00",
    "\n",
    " ",
    "(далее – МОЦ)",
)


def _full_scan(texts: list[str]) -> list[tuple[int, int, CentreKind, str | None, str]]:
    """Every centre mention, each pattern run over the whole of each text."""
    found = [
        (order, match.start(), kind, match["org"], " ".join(match["name"].split()))
        for order, text in enumerate(texts)
        for kind, pattern in _CENTRE_PATTERNS
        for match in pattern.finditer(text)
    ]
    return sorted(found, key=lambda m: m[:2])


@given(st.lists(st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map("".join), max_size=3))
def test_centres_found_in_pieces_are_those_a_full_scan_finds(texts):
    assert _mentions(texts) == _full_scan(texts)


def test_centres_across_cells_joined_with_nul():
    cells = ["Создание центра", "МБУ ДО ДДТ – Муниципальный опорный центр", "МОЦ"]
    (centre,) = find_centres(["Дорожная карта", "\x00".join(cells)])
    assert centre == Centre(
        kind=CentreKind.MOC,
        name="Муниципальный опорный центр",
        organisation=centre.organisation,
    )
    assert centre.organisation is not None
    assert centre.organisation.short_name == "МБУ ДО ДДТ"


def _clean_lines_slowly(text: str) -> str:
    lines = (line.replace("\u00a0", " ").replace("\u00ad", "").strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


@given(st.text(alphabet="аб1. \n\t\r\u00a0\u00ad\u2003\x0b\x1c", max_size=20))
def test_a_clean_cell_is_taken_as_it_is(text):
    assert _clean_lines(text) == _clean_lines_slowly(text)


@given(st.lists(st.sampled_from(["", " ", "1", "2", " 3 ", "4", "1.1", "x"]), max_size=6))
def test_column_numbers_stop_at_the_first_cell_that_is_not_one(texts):
    row = RawRow(cells=tuple(RawCell(t, i + 1) for i, t in enumerate(texts)))
    stripped = [t.strip() for t in texts if t.strip()]
    expected = len(stripped) >= 2 and stripped == [str(i) for i in range(1, len(stripped) + 1)]
    assert _is_column_numbers(row) is expected


def test_repeated_cells_read_once_mean_what_each_cell_means():
    header = ("№", "Мероприятие", "Срок", "Результат", "Ответственный")
    rows = [RawRow(cells=tuple(RawCell(t, i + 1) for i, t in enumerate(header)), header=True)]
    deadlines = ("постоянно", "01.02.2021\n01.02.2022", "до 1 марта", "постоянно")
    for number, deadline in enumerate(deadlines, start=1):
        result = "Приказ от 02.04.2019 № 175\nне менее 6 программ"
        texts = (str(number), f"Мероприятие {number}", deadline, result, "Отдел образования, МОЦ")
        rows.append(RawRow(cells=tuple(RawCell(t, i + 1) for i, t in enumerate(texts))))
    raw = RawDocument(blocks=(RawTable(rows=tuple(rows), columns=5),))
    roadmap = build_roadmap(raw, plugins=PLUGINS)
    assert roadmap.period is not None
    glossary = PLUGINS.glossary(roadmap.region)
    for activity, deadline in zip(roadmap.activities, deadlines, strict=True):
        assert activity.deadline == Deadline.parse(deadline, roadmap.period)
        assert activity.results == (
            Result.parse("Приказ от 02.04.2019 № 175"),
            Result.parse("не менее 6 программ"),
        )
        assert activity.responsible == split_parties("Отдел образования, МОЦ", glossary)
    # «до 1 марта» has no year: the plan's period, known only once every deadline is read,
    # gives it one.
    assert roadmap.activity("3").deadline.end is not None


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(table_rows: str) -> bytes:
    body = (
        f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>'
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        f"{table_rows}</w:tbl></w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", body)
    return out.getvalue()


def _tc(*paragraphs: str) -> str:
    return "<w:tc><w:tcPr/>" + "".join(f"<w:p>{p}</w:p>" for p in paragraphs) + "</w:tc>"


def test_only_the_paragraphs_that_need_care_are_walked_with_care():
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    rows = (
        "<w:tr>"
        + _tc(f"<w:r><w:t>до </w:t></w:r>{field}", "<w:r><w:t>плановый</w:t></w:r>")
        + _tc(
            '<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
            "<w:r><w:t>а</w:t><w:tab/><w:t>б</w:t><w:br/><w:t>в</w:t><w:noBreakHyphen/>"
            "<w:t>г</w:t></w:r>",
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>скрытый</w:t></w:r><w:r><w:t>виден</w:t></w:r>",
        )
        + "</w:tr>"
    )
    raw = DocxImporter().read(_docx(rows), name="t.docx")
    (table,) = raw.tables
    assert table.rows[0].texts == ("до 7\nплановый", "а б\nв-г\nвиден")


def test_tags_a_document_never_uses_are_not_looked_for_and_those_it_uses_are():
    plain = DocxImporter().read(_docx("<w:tr>" + _tc("<w:r><w:t>один</w:t></w:r>") + "</w:tr>"),
                                name="plain.docx")  # fmt: skip
    broken = DocxImporter().read(
        _docx("<w:tr>" + _tc("<w:r><w:t>один</w:t><w:cr/><w:t>два</w:t></w:r>") + "</w:tr>"),
        name="broken.docx",
    )
    assert plain.tables[0].rows[0].texts == ("один",)
    assert broken.tables[0].rows[0].texts == ("один\nдва",)


def test_reading_twice_gives_equal_roadmaps():
    rows = "<w:tr>" + _tc("<w:r><w:t>Мероприятие</w:t></w:r>") + _tc("<w:r><w:t>Срок</w:t></w:r>")
    rows += "</w:tr><w:tr>" + _tc("<w:r><w:t>Создание МОЦ</w:t></w:r>")
    rows += _tc("<w:r><w:t>2021 год</w:t></w:r>") + "</w:tr>"
    data = _docx(rows)
    first = dod_model.read(io.BytesIO(data), plugins=PLUGINS)
    assert first == dod_model.read(io.BytesIO(data), plugins=PLUGINS)
    assert first.activities[0].deadline == Deadline.parse("2021 год", first.period)


@given(st.text(alphabet="1234.) :;\n-–•АаBb", max_size=40))
def test_steps_found_after_a_hint_are_those_a_full_search_finds(title):
    everywhere = re.compile("")
    with (
        mock.patch.object(_numbering, "_STEP_HINT", everywhere),
        mock.patch.object(_numbering, "_BULLET_HINT", everywhere),
    ):
        expected = find_steps(title)
    assert find_steps(title) == expected
