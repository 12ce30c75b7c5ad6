"""Round trips: a roadmap that ``read()`` or ``loads()`` made is written, and reads back the same.

Of the formats :func:`dod_model.write` knows, two are read back: Word (by :func:`dod_model.read`)
and JSON (by :func:`dod_model.loads`). A roadmap read from a document, written in either, reads
back equal to it (from Word, but for its source and the positions of its rows, which the file
written has in other places). Each loss found is kept here as the smallest document that showed
it; the properties below look for the others of its kind.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import Activity, ColumnRole, ColumnText, DocumentError, LegalActKind, Roadmap
from dod_model.importers import RawCell, RawDocument, RawParagraph, RawRow, RawTable, build_roadmap
from dod_model.plugins import get_plugin_manager
from dod_model.testing import strategies

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


# -- the text before the table ---------------------------------------------------------------------

ACT = "В соответствии с приказом министерства образования от 01.02.2020 № 5"


@pytest.mark.parametrize("format", READ_BACK)
def test_a_paragraph_citing_an_act_before_the_title_stays_out_of_the_basis(format):
    roadmap = _read(*_paragraphs(ACT, TITLE), _table(("1", "Создание МОЦ", "2021", "", "")))
    assert (roadmap.notes, roadmap.basis, roadmap.approval) == ((ACT,), (), None)
    _assert_reads_back(roadmap, format)
    assert _back(roadmap, format).basis == ()


def test_a_preamble_is_written_between_the_title_and_the_table():
    roadmap = _read(*_paragraphs(ACT, TITLE), _table(("1", "Создание МОЦ", "2021", "", "")))
    with zipfile.ZipFile(io.BytesIO(_written(roadmap, "docx"))) as package:
        body = package.read("word/document.xml").decode()
    assert body.index(TITLE) < body.index(ACT) < body.index("<w:tbl>")


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        # Approval blocks above the title, the preamble below it, footnotes after the table.
        (
            ("УТВЕРЖДЕНА приказом от 01.03.2020 № 7", ACT, TITLE),
            ("* Основание – от 5.03.2020 № 12",),
        ),
        # An approval block after the table is a footnote: the plan's basis, not its approval.
        ((TITLE,), ("СОГЛАСОВАНО распоряжением от 5.03.2020 № 12",)),
        # A preamble that would run on into the next block read after the table stays before it.
        ((TITLE, "Сокращения:"), ("* Основание: распоряжение от 5.03.2020 № 12",)),
        # Two preambles, one without an act: both before the table, in their order.
        ((ACT, "Цель: охват детей", TITLE), ()),
    ],
    ids=["all three", "approval after the table", "running on", "two preambles"],
)
def test_the_notes_keep_their_places_around_the_table(head, tail):
    table = _table(("1", "Создание МОЦ", "2021", "", ""))
    roadmap = _read(*_paragraphs(*head), table, *_paragraphs(*tail))
    _assert_reads_back(roadmap, "docx")


# -- the table's rows ------------------------------------------------------------------------------


@pytest.mark.parametrize("format", READ_BACK)
def test_a_row_filled_only_where_the_header_names_no_column_keeps_its_cell(format):
    header = (*HEADER, "")  # a sixth column, its header cell empty
    roadmap = _read(
        *_paragraphs(TITLE),
        _table(
            ("", "", "", "", "", "500 тыс. руб."),
            ("1", "Создание МОЦ", "2021", "", ""),
            header=header,
        ),
    )
    assert [(a.title, a.extra) for a in roadmap.activities] == [
        ("", (ColumnText("", "500 тыс. руб."),)),
        ("Создание МОЦ", ()),
    ]
    _assert_reads_back(roadmap, format)  # the empty header written empty, and read so


def test_a_table_of_such_rows_has_no_activities():
    with pytest.raises(DocumentError, match="no activities"):
        _read(*_paragraphs(TITLE), _table(("", "", "", "", "", "x"), header=(*HEADER, "")))


@pytest.mark.parametrize("format", READ_BACK)
def test_an_activity_with_only_a_title_reads_back_as_an_activity(format):
    roadmap = _read(
        *_paragraphs(TITLE),
        _table(("", "Проведение семинаров", "", "", ""), ("1", "Создание МОЦ", "2021", "", "")),
    )
    assert [(a.number, a.title) for a in roadmap.activities] == [
        ("", "Проведение семинаров"),
        ("1", "Создание МОЦ"),
    ]
    assert roadmap.sections == ()
    _assert_reads_back(roadmap, format)


def test_a_cell_where_the_header_names_no_column_is_kept_under_its_header():
    header = ("Мероприятие", "Срок", "Ссылка на документ")
    rows = [("Создание МОЦ", "2021", "100 тыс. руб."), ("Проведение семинаров", "", "бюджет")]
    roadmap = _read(*_paragraphs(TITLE), _table(*rows, header=header))
    assert [a.extra for a in roadmap.activities] == [
        (ColumnText("Ссылка на документ", "100 тыс. руб."),),
        (ColumnText("Ссылка на документ", "бюджет"),),
    ]
    assert roadmap.headers == header
    _assert_reads_back(roadmap, "docx")


@pytest.mark.parametrize("format", READ_BACK)
def test_an_unnumbered_activity_below_another_stays_an_activity_of_its_own(format):
    # «.» is no number, but it makes the row an activity: written back, the row must not read
    # as the rest of the row above (a row a page break split).
    roadmap = _read(
        *_paragraphs(TITLE),
        _table(("1", "Создание МОЦ", "2021", "", ""), (".", "Проведение семинаров", "", "", "")),
    )
    assert [(a.number, a.title) for a in roadmap.activities] == [
        ("1", "Создание МОЦ"),
        ("", "Проведение семинаров"),
    ]
    _assert_reads_back(roadmap, format)


def test_unnumbered_activities_of_a_roadmap_built_in_code_stay_apart():
    roadmap = Roadmap(
        title=TITLE,
        unsectioned=(
            Activity(number="1", title="Создание МОЦ"),
            Activity(number="", title="Семинары"),
            Activity(number="", title="Отчёт"),
        ),
    )
    back = _back(roadmap, "docx")
    assert [(a.number, a.title) for a in back.activities] == [
        ("1", "Создание МОЦ"),
        ("", "Семинары"),
        ("", "Отчёт"),
    ]


@pytest.mark.parametrize("format", READ_BACK)
def test_a_number_reading_tidies_twice_reads_back_the_same(format):
    roadmap = _read(*_paragraphs(TITLE), _table(("№ №5", "Создание МОЦ", "2021", "", "")))
    assert roadmap.activities[0].number == "№5"
    _assert_reads_back(roadmap, format)


@pytest.mark.parametrize("format", READ_BACK)
def test_a_number_names_no_region(format):
    # Reading drops a number's trailing dots: the cell must not count as it stood either.
    roadmap = _read(*_paragraphs(TITLE), _table(("Самарская обл.", "Создание МОЦ", "", "", "")))
    assert roadmap.region is None
    _assert_reads_back(roadmap, format)


@pytest.mark.parametrize("format", READ_BACK)
def test_the_region_is_found_in_the_bodies_a_responsible_cell_names(format):
    # Reading keeps the bodies without the full stop that ends the cell: as kept they count.
    row = ("1", "Создание МОЦ", "", "", "Управление образования Тамбовской обл.")
    roadmap = _read(*_paragraphs(TITLE), _table(row))
    assert [p.name for p in roadmap.activities[0].responsible] == [
        "Управление образования Тамбовской обл"
    ]
    _assert_reads_back(roadmap, format)


# -- definitions of terms in the cells -------------------------------------------------------------


def test_a_split_row_s_cells_give_their_definitions_left_to_right():
    # The second row goes on with the first: its responsible cell is the first the row fills,
    # but stands left of the title, as the definitions are read.
    header = ("№", "Ответственный", "Мероприятие")
    rows = [
        ("1", "", "Создание центра (далее – МОЦ)"),
        ("", "Министерство образования (далее – Министерство)", ""),
    ]
    roadmap = _read(*_paragraphs(TITLE), _table(*rows, header=header))
    assert [a.short for a in roadmap.glossary] == ["Министерство", "МОЦ"]
    _assert_reads_back(roadmap, "docx")


DEFINED = "Управление образования Министерство образования (далее – Министерство)"


@pytest.mark.parametrize("format", READ_BACK)
def test_bodies_side_by_side_before_a_definition_keep_its_full_form(format):
    roadmap = _read(*_paragraphs(TITLE), _table(("1", "Создание МОЦ", "2021", "", DEFINED)))
    assert [p.name for p in roadmap.activities[0].responsible] == [
        "Управление образования",
        "Министерство образования (далее – Министерство)",
    ]
    assert [a.full for a in roadmap.glossary] == ["Управление образования Министерство образования"]
    _assert_reads_back(roadmap, format)


def test_a_term_defined_in_two_cells_keeps_both_forms_in_their_order():
    rows = [
        ("1", "Создание МОЦ", "2021", "", "Министерство образования (далее – Министерство)"),
        ("2", "Семинары", "2022", "", DEFINED),
    ]
    roadmap = _read(*_paragraphs(TITLE), _table(*rows))
    assert [a.full for a in roadmap.glossary] == [
        "Министерство образования",
        "Управление образования Министерство образования",
    ]
    _assert_reads_back(roadmap, "docx")


# -- a large cell ----------------------------------------------------------------------------------


def test_a_cell_of_a_megabyte_of_repetitive_text_reads_back():
    title = "Проведение семинаров для педагогов " * 18_000  # 630,000 characters, 1.1 MB in UTF-8
    roadmap = _read(*_paragraphs(TITLE), _table(("1", title.strip(), "2021", "", "")))
    data = _written(roadmap, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.getinfo("word/document.xml").file_size > 2**20  # inflated
    assert len(data) < 2**14  # compressed
    _assert_reads_back(roadmap, "docx")


# -- generated documents ---------------------------------------------------------------------------

# Characters XML 1.0 cannot hold: Word has no way to store them, and the exporter leaves them
# out (docs/writing.md). Text holding them cannot come back from Word, so none is generated.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_WORDS = ("создание", "центра", "проведение", "семинаров", "для", "педагогов", "детей", "МОЦ",
          "программ", "мониторинг", "отчёт", "навигатора")  # fmt: skip
_PHRASES = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(" ".join)
_ODD = strategies.russian_text(max_size=30).map(lambda text: _NOT_IN_XML.sub("", text))


def _cell(*written: str) -> st.SearchStrategy[str]:
    """A cell: as documents write it, new words, odd text, or two lines of them."""
    one = st.one_of(st.sampled_from(written), _PHRASES, _ODD) if written else _PHRASES | _ODD
    return st.one_of(one, one, st.lists(one, min_size=2, max_size=2).map("\n".join))


_CELLS = {
    ColumnRole.NUMBER: st.sampled_from(["1", "1.", "2.3", "1.10.", "IV", "", "№ 5"]) | _ODD,
    ColumnRole.TITLE: _cell(
        "Создание\tМОЦ",
        "Проведение семинаров: 1. Для педагогов. 2. Для родителей",
        "Создание центра (далее – МОЦ)",
    ),
    ColumnRole.DEADLINE: _cell(
        "март 2021",
        "до 01.09.2021",
        "2020-2024",
        "ежегодно",
        "с 01.09.2020 (ежегодно)",
        "постоянно",
        "31.12.9999",
    ),
    ColumnRole.RESULT: _cell("Приказ от 01.02.2020 № 5", "Охват не менее 75%", "Отчёт"),
    ColumnRole.RESPONSIBLE: _cell(
        "Управление образования",
        "МОЦ, РМЦ",
        "Министерство образования (далее – Министерство)",
        "Отдел; центр",
    ),
    ColumnRole.NOTE: _cell("по согласованию", "1. по согласованию"),
    None: _cell("500 тыс. руб.", "бюджет"),  # a column the header does not name
}
_HEADERS = {
    ColumnRole.NUMBER: st.sampled_from(["№ п/п", "№", ""]),
    ColumnRole.TITLE: st.sampled_from(["Наименование мероприятия", "Мероприятие", "Задачи"]),
    ColumnRole.DEADLINE: st.sampled_from(["Срок исполнения", "Сроки"]),
    ColumnRole.RESULT: st.sampled_from(["Результат", "Итоговый документ"]),
    ColumnRole.RESPONSIBLE: st.sampled_from(["Ответственный исполнитель", "Исполнители"]),
    ColumnRole.NOTE: st.just("Примечание"),
    None: st.sampled_from(["", "Финансирование", "Объём"]),
}
_OPTIONAL = (ColumnRole.DEADLINE, ColumnRole.RESULT, ColumnRole.RESPONSIBLE, ColumnRole.NOTE, None)
_HEAD = (
    "УТВЕРЖДЕНА приказом управления образования от 01.03.2020 № 7",
    "УТВЕРЖДАЮ",
    ACT,
    "Цель: охват детей дополнительным образованием",
    "Сокращения:",
)
_TAIL = (
    "* Основание разработки – распоряжение от 5.03.2020 № 12",
    "** по согласованию",
    "СОГЛАСОВАНО распоряжением от 5.03.2020 № 12",
    "Примечание:",
)
_AMENDMENT = "(Позиция в редакции приказа от 01.02.2021 № 5)"


@st.composite
def documents(draw: st.DrawFn) -> RawDocument:
    """A roadmap document as an importer gives it: text, a table, text.

    The table's columns in any order (a number column or none, one the header does not name),
    sections numbered or not, activities with any of their cells empty (one with a title
    only, one filled only where no column is named), notes across the table; approval blocks,
    a preamble citing an act before or after the title, footnotes after the table.
    """
    roles: list[ColumnRole | None] = draw(st.lists(st.sampled_from(_OPTIONAL), unique=True))
    roles.insert(draw(st.integers(0, len(roles))), ColumnRole.TITLE)
    if draw(st.booleans()):
        roles.insert(0, ColumnRole.NUMBER)
    header = tuple(draw(_HEADERS[role]) for role in roles)
    width = len(roles)
    rows: list[RawRow] = [
        RawRow(cells=tuple(RawCell(t, i) for i, t in enumerate(header, 1)), header=True)
    ]
    numbered = draw(st.booleans())  # a document numbers all its sections, or none
    for section in range(draw(st.integers(0, 2)) + 1):
        if section or draw(st.booleans()):
            title = draw(_PHRASES).capitalize()
            heading = f"{section + 1}. {title}" if numbered else title
            rows.append(RawRow(cells=(RawCell(heading, 1, span=width),)))
        for _ in range(draw(st.integers(1, 3))):
            cells = [draw(st.one_of(st.just(""), _CELLS[role])) for role in roles]
            rows.append(RawRow(cells=tuple(RawCell(t, i) for i, t in enumerate(cells, 1))))
            if draw(st.integers(0, 5)) == 0:
                rows.append(RawRow(cells=(RawCell(_AMENDMENT, 1, span=width),)))
    head = draw(st.lists(st.sampled_from(_HEAD), unique=True, max_size=3))
    head.insert(draw(st.integers(0, len(head))), draw(st.sampled_from([TITLE, "План на 2020 год"])))
    tail = draw(st.lists(st.sampled_from(_TAIL), unique=True, max_size=2))
    blocks = (*_paragraphs(*head), RawTable(rows=tuple(rows), columns=width), *_paragraphs(*tail))
    return RawDocument(blocks=blocks, name="generated")


def _built(document: RawDocument) -> Roadmap:
    try:
        return build_roadmap(document, plugins=PLUGINS)
    except DocumentError:  # no activity, or no header: not a roadmap
        assume(False)
        raise


def _examples(count: int) -> settings:
    """A few examples, the same on every run: each is a whole document written and read."""
    return settings(
        max_examples=count,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


@_examples(40)
@given(documents(), st.sampled_from(READ_BACK))
def test_a_roadmap_read_from_any_document_reads_back_the_same(document, format):
    _assert_reads_back(_built(document), format)


def _text_export(document: RawDocument) -> bytes:
    """The document as a text export of a row per line (cells on one line, tabs between)."""
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, RawParagraph):
            lines += [block.text, ""]
            continue
        for row in block.rows:
            texts = [" ".join(c.text.replace("\t", " ").splitlines()) for c in row.cells]
            lines.append("\t".join(texts + [""] * (block.columns - len(texts))))
        lines.append("")
    return ("\ufeff" + "\r\n".join(lines)).encode("utf-8")


@_examples(40)
@given(documents())
def test_a_roadmap_read_from_a_text_export_reads_back_the_same(document):
    try:
        roadmap = dod_model.read(io.BytesIO(_text_export(document)), plugins=PLUGINS)
    except DocumentError:  # no activity, or no header: not a roadmap
        assume(False)
        raise
    _assert_reads_back(roadmap, "docx")


@_examples(15)
@given(strategies.roadmaps())
def test_any_roadmap_once_read_back_from_word_reads_back_the_same_again(roadmap):
    # What Word keeps of any roadmap is a roadmap read() made; that one comes back whole.
    try:
        once = _back(roadmap, "docx")
    except DocumentError:  # no activity to make a table of
        assume(False)
        raise
    _assert_reads_back(once, "docx")


@_examples(10)
@given(strategies.roadmaps())
def test_any_roadmap_reads_back_from_json_the_same(roadmap):
    _assert_reads_back(roadmap, "json")


# -- a row that names the columns, but is not the header again -----------------------------------


@pytest.mark.parametrize("format", READ_BACK)
def test_a_row_naming_the_roles_in_other_words_than_the_header_is_an_activity(format):
    # Found by the fuzz run: a Word export writes its own header, and a data row «Мероприятия |
    # Результат» under it used to read as that header repeated on a new page, and went.
    header = ("Мероприятие", "Результат")
    roadmap = _read(
        *_paragraphs(TITLE),
        _table(("Создание МОЦ", "Приказ"), ("Мероприятия", "Результат"), header=header),
    )
    assert [a.title for a in roadmap.activities] == ["Создание МОЦ", "Мероприятия"]
    _assert_reads_back(roadmap, format)


def test_the_header_again_on_a_new_page_is_still_no_activity():
    header = ("Мероприятие", "Результат")
    again = _table(("Создание МОЦ", "Приказ"), header, ("Отчёт", "Справка"), header=header)
    assert [a.title for a in _read(*_paragraphs(TITLE), again).activities] == [
        "Создание МОЦ",
        "Отчёт",
    ]


# -- an approval block with a run of spaces in it --------------------------------------------------


def test_an_approval_block_reads_the_same_whatever_spaces_its_lines_hold():
    # Found by the fuzz run: a line of hundreds of spaces kept «к приказу» beyond the reach of
    # «от … №» in the text export, but not in its Word export, which writes the block in a line.
    block = ["УТВЕРЖДЕН", "приказом управления образования", "1" + " " * 300 + "а",
             "от 02.04.2019 № 175"]  # fmt: skip
    text = "\n".join([*block, "", TITLE, "", "\t".join(HEADER), "1\tСоздание МОЦ\t2019\t\t"])
    roadmap = dod_model.read(io.BytesIO(text.encode()), plugins=PLUGINS)
    assert roadmap.approval is not None
    assert (roadmap.approval.number, roadmap.approval.kind) == ("175", LegalActKind.ORDER)
    _assert_reads_back(roadmap, "docx")


def test_a_text_of_a_million_tabs_is_written_as_characters_and_reads_back():
    # Found by the fuzz run: a Word file holding two million tab characters in one w:t read as
    # a title of two million tabs; written a w:tab each, it took 5 s and was a package of two
    # million elements, which the reader refuses. Many tabs stay characters of one w:t.
    title = "Создание" + "\t" * 1_000_000 + "МОЦ"
    roadmap = _read(*_paragraphs(TITLE), _table(("1", title, "2021", "", "")))
    data = _written(roadmap, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.read("word/document.xml").count(b"<w:tab/>") == 0
    back = dod_model.read(io.BytesIO(data), plugins=PLUGINS)
    assert back.activities[0].title == title
