"""Round trips: a roadmap that ``read()`` or ``loads()`` made is written, and reads back the same.

Of the formats :func:`dod_model.write` knows, two are read back: Word (by :func:`dod_model.read`)
and JSON (by :func:`dod_model.loads`). A roadmap read from a document, written in either, reads
back equal to it (from Word, but for its source and the positions of its rows, which the file
written has in other places). Each loss found is kept here as the smallest document that showed
it; the properties below look for the others of its kind.
"""

from __future__ import annotations

import io
import zipfile

import pytest

import dod_model
from dod_model import Roadmap
from dod_model.importers import RawCell, RawDocument, RawParagraph, RawRow, RawTable, build_roadmap
from dod_model.plugins import get_plugin_manager

from .comparison import without_positions

PLUGINS = get_plugin_manager(entry_points=False)
READ_BACK = ("docx", "json")  # the formats write() has a reader for
TITLE = "Дорожная карта по созданию муниципального опорного центра"
HEADER = ("№ п/п", "Наименование мероприятия", "Срок исполнения", "Результат", "Ответственный")


def _table(*rows: tuple[str, ...], header: tuple[str, ...] = HEADER) -> RawTable:
    def row(texts: tuple[str, ...], *, is_header: bool = False) -> RawRow:
        return RawRow(cells=tuple(RawCell(t, i) for i, t in enumerate(texts, 1)), header=is_header)

    width = max(len(r) for r in (header, *rows))
    return RawTable(rows=(row(header, is_header=True), *map(row, rows)), columns=width)


def _read(*blocks: RawParagraph | RawTable) -> Roadmap:
    """The roadmap ``read()`` makes of a document of these blocks."""
    return build_roadmap(RawDocument(blocks=blocks, name="plan"), plugins=PLUGINS)


def _paragraphs(*texts: str) -> tuple[RawParagraph, ...]:
    """Paragraphs with a blank line between each, as separate blocks of text stand."""
    return tuple(RawParagraph(text=text, line=2 * i + 1) for i, text in enumerate(texts))


def _written(roadmap: Roadmap, format: str) -> bytes:
    out = io.BytesIO()
    dod_model.write(roadmap, out, format=format, plugins=PLUGINS)
    return out.getvalue()


def _back(roadmap: Roadmap, format: str) -> Roadmap:
    """The roadmap written in ``format`` and read back by that format's reader."""
    data = _written(roadmap, format)
    if format == "json":
        return dod_model.loads(data, cls=Roadmap)
    return dod_model.read(io.BytesIO(data), plugins=PLUGINS)


def _assert_reads_back(roadmap: Roadmap, format: str) -> None:
    back = _back(roadmap, format)
    if format == "json":  # the very same object, source and positions included
        assert back == roadmap
    else:
        assert without_positions(back) == without_positions(roadmap)


# -- a tab in a cell -------------------------------------------------------------------------------


@pytest.mark.parametrize("format", READ_BACK)
def test_a_tab_inside_a_cell_reads_back_as_a_tab(format):
    roadmap = _read(*_paragraphs(TITLE), _table(("1", "Создание\tМОЦ", "март 2021", "", "")))
    assert roadmap.activities[0].title == "Создание\tМОЦ"
    _assert_reads_back(roadmap, format)


def test_a_tab_is_written_as_a_word_tab_and_word_tabs_read_as_tabs():
    roadmap = _read(*_paragraphs(TITLE), _table(("1", "Создание\tМОЦ", "до\t01.09.2021", "", "")))
    data = _written(roadmap, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = package.read("word/document.xml").decode()
    assert "<w:t>Создание</w:t><w:tab/><w:t>МОЦ</w:t>" in body
    back = dod_model.read(io.BytesIO(data), plugins=PLUGINS).activities[0]
    assert (back.title, back.deadline.text) == ("Создание\tМОЦ", "до\t01.09.2021")
    assert back.deadline == roadmap.activities[0].deadline  # a tab is whitespace to the parser
