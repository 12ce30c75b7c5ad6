"""Odd tables and odd bytes: each is read, or refused with a message about the file.

Word files come with rows that hold no cell (``<w:tr/>``), grid spans of 0 or of a billion, a
negative number of grid columns before a row's first cell, tables with a header and nothing
else; text exports with a byte-order mark that their bytes do not follow. None of them is a bug
to report: ``read`` gives a roadmap, or a :class:`~dod_model.DocumentError` that names the file
and what is wrong with it.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import DocumentError
from dod_model._base import budgets, decode_text
from dod_model.importers import RawCell, RawDocument, RawParagraph, RawRow, RawTable
from dod_model.importers._layout import build_roadmap
from dod_model.plugins import get_plugin_manager

from .conftest import SEED_FILES

PLUGINS = get_plugin_manager(entry_points=False)

_BODY = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
    '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body>'
    "</w:document>"
)


def _word_file(body: str, name: str = "plan.docx") -> io.BytesIO:
    """A Word file of ``body`` (WordprocessingML inside ``w:body``): only its main part."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", _BODY % body)
    data = io.BytesIO(out.getvalue())
    data.name = name
    return data


def _cell(text: str, properties: str = "") -> str:
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:tc>{properties and f'<w:tcPr>{properties}</w:tcPr>'}<w:p>{run}</w:p></w:tc>"


def _row(*texts: str, properties: str = "") -> str:
    cells = "".join(map(_cell, texts))
    return f"<w:tr>{properties and f'<w:trPr>{properties}</w:trPr>'}{cells}</w:tr>"


def _table(*rows: str) -> str:
    return f"<w:tbl>{''.join(rows)}</w:tbl>"


_HEADER = _row("№", "Мероприятие", "Срок")


def _read_or_refused(source: io.BytesIO) -> dod_model.Roadmap | DocumentError:
    """The roadmap, or the refusal, of a document: a refusal about the file, not a bug."""
    try:
        return dod_model.read(source, plugins=PLUGINS)
    except DocumentError as exc:
        message = str(exc)
        assert "please report" not in message, message
        assert message.startswith(f"{getattr(source, 'name', '<stream>')}: "), message
        return exc


# --- rows without cells ---------------------------------------------------------------------------

# A one-column table, a cell a row (as a text export written a cell per line, pasted into Word).
_ONE_CELL_A_ROW = ["№", "Мероприятие", "Срок", "1", "Создание центра", "2020", "2", "Отчёт", "2021"]


@pytest.mark.parametrize("where", [0, 3, 4, 9], ids=["first", "before-a-row", "in-a-row", "last"])
def test_a_row_without_cells_in_a_one_column_table_holds_nothing(where):
    rows = [_row(text) for text in _ONE_CELL_A_ROW]
    plain = dod_model.read(_word_file(_table(*rows)), plugins=PLUGINS)
    rows.insert(where, "<w:tr/>")
    with_empty_row = dod_model.read(_word_file(_table(*rows)), plugins=PLUGINS)
    assert [(a.number, a.title, a.deadline.text) for a in with_empty_row.activities] == [
        ("1", "Создание центра", "2020"),
        ("2", "Отчёт", "2021"),
    ]
    assert [a.title for a in plain.activities] == [a.title for a in with_empty_row.activities]


def test_the_smallest_one_column_table_with_an_empty_row_is_no_roadmap():
    refusal = _read_or_refused(_word_file(_table(_row(""), "<w:tr/>")))
    assert isinstance(refusal, DocumentError)
    assert "no roadmap table" in str(refusal)


# Each: Word's markup for a table of an odd shape, and the activities read from it (number and
# title), or the words of the refusal.
ODD_WORD_TABLES = {
    "no rows": (_table(), "no roadmap table"),
    "only rows without cells": (_table("<w:tr/>", "<w:tr/>"), "no roadmap table"),
    "a cell without a paragraph": (_table(_HEADER, "<w:tr><w:tc/></w:tr>"), "no activities"),
    "a header only": (_table(_HEADER), "no activities"),
    "a header twice": (_table(_HEADER, _HEADER), "no activities"),
    "rows without cells among rows": (
        _table(_HEADER, "<w:tr/>", _row("1", "Создание центра", "2020"), "<w:tr/>"),
        [("1", "Создание центра")],
    ),
    "a row longer than the header": (
        _table(_HEADER, _row("1", "Создание центра", "2020", "лишнее", "ещё")),
        [("1", "Создание центра")],
    ),
    "a row shorter than the header": (
        _table(_HEADER, _row("1"), _row("2", "Отчёт")),
        [("1", ""), ("2", "Отчёт")],
    ),
    "a span of 0": (
        _table(
            _HEADER,
            "<w:tr>" + _cell("1", '<w:gridSpan w:val="0"/>') + _cell("Отчёт") + "</w:tr>",
        ),
        [("1", "Отчёт")],
    ),
    "a span of no number": (
        _table(
            _HEADER,
            "<w:tr>" + _cell("1", '<w:gridSpan w:val="два"/>') + _cell("Отчёт") + "</w:tr>",
        ),
        [("1", "Отчёт")],
    ),
    "a span of a trillion": (
        _table(
            _HEADER,
            "<w:tr>"
            + _cell("1", '<w:gridSpan w:val="1000000000000"/>')
            + _cell("Отчёт")
            + "</w:tr>",
            _row("2", "Создание центра", "2020"),
        ),
        # The number spans the whole table, and a cell stands beyond it: a row of its own,
        # the cell kept under no header rather than dropped.
        [("1", ""), ("2", "Создание центра")],
    ),
    "a trillion grid columns before a row": (
        _table(
            _HEADER,
            _row("1", "Отчёт", properties='<w:gridBefore w:val="1000000000000"/>'),
            _row("2", "Создание центра", "2020"),
        ),
        None,  # read: what the cells far beyond the header give is for the layout to say
    ),
    "a negative count of grid columns before a row": (
        _table(_HEADER, _row("1", "Отчёт", properties='<w:gridBefore w:val="-5"/>')),
        None,
    ),
    "a merge that goes on from no cell": (
        _table(
            _HEADER,
            "<w:tr>" + _cell("1", '<w:vMerge w:val="continue"/>') + _cell("Отчёт") + "</w:tr>",
        ),
        None,
    ),
    "a one-column table with a header of one cell": (
        _table(_row("Мероприятие"), "<w:tr/>", _row("Отчёт")),
        "no roadmap table",
    ),
}


@pytest.mark.parametrize("case", sorted(ODD_WORD_TABLES))
def test_an_odd_word_table_is_read_or_refused_as_a_file(case):
    body, expected = ODD_WORD_TABLES[case]
    outcome = _read_or_refused(_word_file(body))
    if isinstance(expected, str):
        assert isinstance(outcome, DocumentError)
        assert expected in str(outcome)
    elif expected is not None:
        assert isinstance(outcome, dod_model.Roadmap), outcome
        assert [(a.number, a.title) for a in outcome.activities] == expected


ODD_TEXT_EXPORTS = {
    "cells: an empty cell line in the header": "\t№\n\tМероприятие\n\tСрок\n\t\n\t1\n\tа\n\t2020\n",
    "cells: empty cell lines only": "\t\n\t\n\t\n",
    "cells: a header only": "\t№\n\tМероприятие\n\tСрок\n",
    "cells: a header, then empty cells": "\t№\n\tМероприятие\n\tСрок\n\t\n\t\n",
    "cells: blank lines, then the table": "\n\n\t\n\t№\n\tМероприятие\n\tСрок\n\t1\n\tа\n\t2020\n",
    "pipes: a row of empty cells": "| № | Мероприятие | Срок |\n||||\n| 1 | а | 2020 |\n",
    "pipes: bars only": "|||\n|||\n",
    "pipes: one column": "| Мероприятие |\n| а |\n",
    "pipes: a header twice": "| № | Мероприятие | Срок |\n| № | Мероприятие | Срок |\n",
    "rows: tabs only": "\t\t\n\t\t\n",
    "rows: a header only": "№\tМероприятие\tСрок\n",
    "rows: a row longer than the header": "№\tМероприятие\tСрок\n1\tа\t2020\tx\ty\tz\n",
    "rows: a number and nothing else": "№\tМероприятие\tСрок\n1\t\t\n",
    "nothing": "",
    "a byte-order mark and nothing else": "\ufeff",
    "carriage returns only": "\r\r\r",
}


@pytest.mark.parametrize("case", sorted(ODD_TEXT_EXPORTS))
def test_an_odd_text_export_is_read_or_refused_as_a_file(case):
    source = io.BytesIO(ODD_TEXT_EXPORTS[case].encode())
    source.name = "plan.txt"
    _read_or_refused(source)


_WORDS = [
    "", " ", "№", "№ п/п", "Мероприятие", "Наименование мероприятия", "Срок", "Ответственный",
    "Результат", "Примечание", "1", "2", "1.1", "1.", "IV", "I. Раздел", "2020", "до 01.02.2020",
    "текст", "\n", "1\n2", "Продолжение таблицы", "(позиция 3 в редакции приказа)",
    "УТВЕРЖДЕНО приказом от 01.02.2020 № 5", "Дорожная карта", "а\nб",
]  # fmt: skip
_COLUMNS = st.integers(-3, 8) | st.just(10**12)
_CELLS = st.builds(RawCell, st.sampled_from(_WORDS), _COLUMNS, st.integers(-1, 4) | st.just(10**9),
                   st.booleans())  # fmt: skip
_LINES = st.none() | st.integers(1, 50)
_ROWS = st.builds(RawRow, cells=st.lists(_CELLS, max_size=6).map(tuple), header=st.booleans(),
                  line=_LINES)  # fmt: skip
_TABLES = st.builds(RawTable, rows=st.lists(_ROWS, max_size=8).map(tuple), columns=_COLUMNS,
                    line=_LINES)  # fmt: skip
_PARAGRAPHS = st.builds(RawParagraph, text=st.sampled_from(_WORDS), line=_LINES)


@settings(max_examples=80, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(st.lists(_TABLES | _PARAGRAPHS, max_size=5).map(tuple))
def test_the_layout_reads_any_raw_document_or_says_it_holds_no_roadmap(blocks):
    # Any importer's output, a plugin's too: rows without cells, columns before the first or
    # far past the last, spans of 0 or a billion, merged cells with nothing above.
    try:
        build_roadmap(RawDocument(blocks=blocks), plugins=PLUGINS)
    except DocumentError as exc:
        assert "please report" not in str(exc)


# --- a byte-order mark the bytes do not follow ---------------------------------------------------

_SEED = SEED_FILES[0].read_text(encoding="utf-8")


def test_a_utf8_mark_before_windows_1251_says_so_and_what_to_do():
    source = io.BytesIO(b"\xef\xbb\xbf" + _SEED.encode("cp1251"))
    source.name = "plan.txt"
    refusal = _read_or_refused(source)
    assert isinstance(refusal, DocumentError)
    message = str(refusal)
    first = next(i for i, b in enumerate(_SEED.encode("cp1251")) if b >= 0x80) + 3
    assert f"begins with the UTF-8 byte-order mark, but byte {first:,} " in message
    assert "reads as Windows-1251" in message
    assert "save the file again as UTF-8, or delete the mark" in message


def test_a_utf8_mark_before_bytes_of_no_encoding_says_the_file_is_damaged():
    with pytest.raises(DocumentError, match=r"byte 5 \(FF\) is not UTF-8 .*damaged or cut short"):
        decode_text(b"\xef\xbb\xbf\xd0\x9f\xff\xfe\x00\x01", "plan.txt")


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b"\xff\xfe" + "Мероприятие".encode("utf-16-le") + b"\x04", "byte 24 (04)"),
        (b"\xff\xfe\x00\xd8" + "Мероприятие".encode("utf-16-le"), "byte 2 (00)"),
        (b"\xfe\xff" + "Срок".encode("utf-16-be") + b"\xdc\x00", "byte 10 (DC)"),
    ],
    ids=["cut-short", "lone-surrogate", "big-endian-low-surrogate"],
)
def test_a_utf16_mark_before_what_is_not_utf16_says_where(data, where):
    with pytest.raises(
        DocumentError, match=rf"^plan\.txt: .*UTF-16 byte-order mark, but {re.escape(where)} "
    ):
        decode_text(data, "plan.txt")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "cp1251"])
def test_text_in_the_encoding_its_mark_names_reads_as_before(encoding):
    data = _SEED.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    text, found = decode_text(data, "plan.txt")
    assert text == _SEED
    assert found == {"utf-16-be": "utf-16"}.get(encoding, encoding)


def test_a_text_line_of_more_cells_than_a_row_may_have_is_refused_by_its_line():
    # A line of two million tabs: two million cells, gigabytes of memory, no roadmap.
    lines = ["ПЛАН", "№\tМероприятие\tСрок", "1\tСоздание центра\t2020", "\t" * 2_000_000]
    data = "\n".join(lines).encode()
    with pytest.raises(DocumentError, match=r"plan\.txt: line 4 holds 2,000,001 cells, more"):
        dod_model.read(_named(data, "plan.txt"))


def _named(data: bytes, name: str) -> io.BytesIO:
    stream = io.BytesIO(data)
    stream.name = name
    return stream


def test_a_word_row_of_more_cells_than_a_row_may_have_is_refused():
    wide = "<w:tr>" + _cell("x") * (budgets.ROW_CELLS + 1) + "</w:tr>"
    # Read in one pass, and (a table with hidden text in it) child by child.
    careful = wide.replace("<w:r>", "<w:r><w:rPr><w:vanish/></w:rPr>", 1)
    for body in (_table(_HEADER, wide), _table(_HEADER, careful)):
        outcome = _read_or_refused(_word_file(body))
        assert isinstance(outcome, DocumentError)
        assert "a table row of more than 1,000 cells" in str(outcome)


def test_a_negative_grid_before_counts_as_none():
    body = _table(
        _HEADER,
        '<w:tr><w:trPr><w:gridBefore w:val="-5"/></w:trPr>'
        + _cell("1")
        + _cell("Отчёт")
        + _cell("2020")
        + "</w:tr>",
    )
    outcome = _read_or_refused(_word_file(body))
    assert isinstance(outcome, dod_model.Roadmap), outcome
    assert [(a.number, a.title) for a in outcome.activities] == [("1", "Отчёт")]


def test_a_text_line_longer_than_a_line_may_be_is_refused_by_its_line():
    # A paragraph of ten megabytes took 7.6 s and 470 MB to read, and its Word export held a
    # text node longer than the XML parser takes: no roadmap's line.
    lines = [
        "ПЛАН",
        "аб " * (budgets.TEXT_CHARS // 3 + 1),
        "№\tМероприятие\tСрок",
        "1\tОтчёт\t2020",
    ]
    with pytest.raises(DocumentError, match=r"plan\.txt: line 2 holds 2,000,001 characters"):
        dod_model.read(_named("\n".join(lines).encode(), "plan.txt"))
