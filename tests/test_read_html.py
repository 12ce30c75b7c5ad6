"""Reading HTML pages: LibreOffice's and Word's "Save as HTML", legal-database pages.

The pages under ``tests/data/html`` are written by hand the way each program writes them:

* ``word-save-as-html-cp1251.htm``: Word's "Save as Web Page" in Windows-1251 (conditional
  comments, ``mso-list`` numbers, a section row across the table, a responsible cell merged
  down, hidden text, a bulleted list in a cell);
* ``legal-database-page.html``: a page of a legal database, the order and its appendix in the
  content, a cookie banner, a search form, menus, breadcrumbs, a sidebar and footers around it;
* ``thead-rowspans.html``: a hand-written HTML 4 page with a two-row ``<thead>``, a ``<tfoot>``
  before the body, rowspans (one of 0), an ``<ol>`` and a table nested in a cell.

The renditions ``tests/data/renditions/*.html`` are LibreOffice's "Save as HTML" of the bundled
Word files (``tests/renditions.py``).
"""

from __future__ import annotations

import html
import io
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import DocumentError
from dod_model.importers import HtmlImporter, RawCell, RawParagraph, RawTable
from dod_model.importers import _html as html_importer
from dod_model.importers import _html_tree as html_tree
from dod_model.plugins import get_plugin_manager
from tests.comparison import without_positions

DATA = Path(__file__).parent / "data"
PAGES = DATA / "html"
DOCUMENTS = Path(dod_model.__file__).parent / "examples/data/documents"
RENDITIONS = sorted((DATA / "renditions").glob("*.html"))
PLUGINS = get_plugin_manager(entry_points=False)
WORD_PAGE = PAGES / "word-save-as-html-cp1251.htm"
LEGAL_PAGE = PAGES / "legal-database-page.html"
THEAD_PAGE = PAGES / "thead-rowspans.html"


def _raw(data: bytes, name: str = "page.html"):
    return HtmlImporter().read(data, name=name)


def _tables(data: bytes) -> list[RawTable]:
    return [b for b in _raw(data).blocks if isinstance(b, RawTable)]


def _texts(raw) -> str:
    """Every text the raw document holds, paragraphs and cells, as one string."""
    parts = []
    for block in raw.blocks:
        if isinstance(block, RawParagraph):
            parts.append(block.text)
        else:
            parts.extend(cell.text for row in block.rows for cell in row.cells)
    return "\n".join(parts)


def _page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


# --- the renditions --------------------------------------------------------------------------


@pytest.mark.parametrize("page", RENDITIONS, ids=lambda p: p.stem)
def test_a_libreoffice_page_reads_as_its_word_file(page: Path) -> None:
    expected = dod_model.read(DOCUMENTS / f"{page.stem}.docx", plugins=PLUGINS)
    read = dod_model.read(page, plugins=PLUGINS)
    assert read.source is not None
    assert read.source.format == "html"
    assert without_positions(read) == without_positions(expected)
    assert len(read.activities) == len(expected.activities) >= 14


def test_a_run_of_spaces_the_page_holds_reads_as_one_as_a_browser_shows_it() -> None:
    tambov = (DATA / "renditions/tambov-target-model-roadmap-2020-2024.html").read_text("utf-8")
    assert "Подбор  дополнительных" in tambov
    read = dod_model.read(DATA / "renditions/tambov-target-model-roadmap-2020-2024.html")
    assert any(a.title.startswith("Подбор дополнительных") for a in read.activities)


def test_libreoffice_list_numbers_and_page_fields() -> None:
    """``<ol start="2"><li>`` gives the number shown; ``<sdfield type=PAGE>`` is no text."""
    raw = _raw((DATA / "renditions/samara-oc-roadmap-2019.html").read_bytes())
    table = raw.tables[0]
    assert table.rows[0].header
    assert [row.cells[0].text for row in table.rows[1:4]] == ["1.", "2.", ""]
    assert table.rows[1].cells[3].text == "Июнь-июль 2019"  # the page number «0» left out
    assert raw.tables[0].rows[0].cells[0].text == "№ п/п"  # &nbsp; read as a space


# --- telling pages from other text -----------------------------------------------------------

HEADS = {
    "libreoffice": (DATA / "renditions/samara-oc-roadmap-2019.html").read_bytes()[:8192],
    "word": WORD_PAGE.read_bytes()[:8192],
    "xhtml": b'<?xml version="1.0" encoding="windows-1251"?>\n<!DOCTYPE html PUBLIC "-//W3C//'
    b'DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml">',
    "xml prolog, then html": b"<?xml version='1.0'?><html><body>",
    "bom and comment": b"\xef\xbb\xbf  <!-- saved from url=(0034)https://docs.example/ -->\r\n"
    b"<!doctype HTML><html>",
    "utf-16": "\ufeff<!DOCTYPE html><html>".encode("utf-16-le"),
    "upper case": b"<HTML>\r\n<HEAD>",
}
NOT_PAGES = {
    "markdown": "# План\n\n| № | Мероприятие |\n|---|---|\n| 1 | <b>Создание</b> |\n".encode(),
    "csv": "number;title\n1;<b>Создание МОЦ</b>\n".encode(),
    "text export": "№ п/п\tНаименование\n1\tСоздание <b>МОЦ</b> <html>\n".encode("cp1251"),
    "a comment alone": b"<!-- <html> -->",
    "an html-ish word": b"<htmlfoo>",
    "docx": (DOCUMENTS / "samara-oc-roadmap-2019.docx").read_bytes()[:8192],
    "empty": b"",
    "an unclosed comment": b"<!-- <!DOCTYPE html>",
}


@pytest.mark.parametrize("head", HEADS.values(), ids=HEADS.keys())
def test_sniff_claims_pages(head: bytes) -> None:
    assert HtmlImporter().sniff(head)


@pytest.mark.parametrize("head", NOT_PAGES.values(), ids=NOT_PAGES.keys())
def test_sniff_claims_nothing_else(head: bytes) -> None:
    assert not HtmlImporter().sniff(head)


def test_read_picks_the_html_importer(tmp_path: Path) -> None:
    page = tmp_path / "Дорожная карта.htm"
    page.write_bytes(WORD_PAGE.read_bytes())
    roadmap = dod_model.read(page, plugins=PLUGINS)
    assert roadmap.source is not None
    assert roadmap.source.format == "html"
    assert [a.number for a in roadmap.activities] == ["1.1", "1.2", "2.1"]


# --- charsets --------------------------------------------------------------------------------


def test_the_charset_a_word_page_declares() -> None:
    raw = _raw(WORD_PAGE.read_bytes())
    assert raw.encoding == "cp1251"
    assert "ДОРОЖНАЯ КАРТА" in _texts(raw)


@pytest.mark.parametrize(
    ("head", "data_encoding", "expected"),
    [
        ('<meta charset="windows-1251">', "cp1251", "cp1251"),
        ("<meta http-equiv=Content-Type content='text/html; charset=KOI8-R'>", "koi8_r", "koi8-r"),
        ('<meta charset="utf-8">', "cp1251", "cp1251"),  # declared wrongly: detected
        ('<meta charset="x-no-such-charset">', "cp1251", "cp1251"),  # unknown: detected
        ('<meta charset="cp500">', "utf-8", "utf-8"),  # EBCDIC writes no ASCII markup
        ('<meta charset="utf-16">', "utf-8", "utf-8"),  # without its mark: as browsers do
        ("", "utf-8", "utf-8"),
    ],
)
def test_charsets(head: str, data_encoding: str, expected: str) -> None:
    body = "<p>Дорожная карта по созданию опорного центра дополнительного образования детей</p>"
    data = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    raw = _raw(data.encode(data_encoding))
    assert raw.encoding == expected
    assert raw.blocks[0].text.startswith("Дорожная карта")


def test_a_byte_order_mark_wins_over_the_declaration() -> None:
    data = '<html><head><meta charset="windows-1251"></head><body><p>Сроки</p></body></html>'
    raw = _raw(b"\xef\xbb\xbf" + data.encode())
    assert raw.encoding == "utf-8-sig"
    assert raw.blocks[0].text == "Сроки"
    assert _raw(data.encode("utf-16")).blocks[0].text == "Сроки"


# --- Word's "Save as HTML" -------------------------------------------------------------------


def test_a_word_page() -> None:
    roadmap = dod_model.read(WORD_PAGE, plugins=PLUGINS)
    assert roadmap.title.startswith(
        "ДОРОЖНАЯ КАРТА реализации мероприятий по достижению результата"
    )
    assert "скрытый текст" not in roadmap.title  # display:none; mso-hide:all
    assert [(s.number, s.title[:24]) for s in roadmap.sections] == [
        ("1", "Порядок обновления содер"),
        ("2", "Управление муниципальной"),
    ]
    first, second, third = roadmap.activities
    assert (first.number, second.number, third.number) == ("1.1", "1.2", "2.1")
    assert [d.isoformat() for d in first.deadline.dates][0::4] == ["2020-07-01", "2024-07-01"]
    assert [r.text for r in first.results] == ["Аналитический отчет", "Управленческие решения"]
    # The responsible cell merged down over two rows (rowspan=2) holds for both.
    assert [p.name for p in second.responsible] == [p.name for p in first.responsible] == [
        "Образовательные организации", "Отдел образования"]  # fmt: skip
    assert roadmap.approval is not None
    assert roadmap.approval.number == "12"


def test_word_list_markers_are_numbers_and_bullets_are_left_out() -> None:
    table = _raw(WORD_PAGE.read_bytes()).tables[0]
    section, first = table.rows[1], table.rows[2]
    assert section.cells == (
        RawCell("1. Порядок обновления содержания дополнительных общеобразовательных программ",
                1, span=5),
    )  # fmt: skip
    assert first.cells[0].text == "1.1."
    assert table.rows[3].cells[1].text == (
        "Разработка и внедрение в образовательный процесс дополнительных общеобразовательных "
        "программ:\nразноуровневых;\nсетевых."
    )
    assert table.rows[3].cells[4] == RawCell(first.cells[4].text, 5, merged=True)


# --- a legal database's page -----------------------------------------------------------------


def test_a_legal_database_page_reads_its_content_only() -> None:
    raw = _raw(LEGAL_PAGE.read_bytes())
    texts = _texts(raw)
    for site in ("cookie", "Поиск по документам", "Федеральное законодательство", "Главная",
                 "Статус документа", "Распечатать", "Поделиться", "Источник публикации",
                 "Все права защищены", "Подписаться", "dataLayer", "border-collapse"):  # fmt: skip
        assert site not in texts
    assert raw.blocks[0].text.startswith("МУНИЦИПАЛЬНОЕ УЧРЕЖДЕНИЕ УПРАВЛЕНИЕ ОБРАЗОВАНИЯ\n")
    roadmap = dod_model.read(LEGAL_PAGE, plugins=PLUGINS)
    assert roadmap.region == "RU-ULY"
    assert [a.number for a in roadmap.activities] == ["1", "2", "3", "4", "5"]
    assert {a.deadline.text for a in roadmap.activities[:4]} == {"Апрель 2019 года"}
    assert [p.name for p in roadmap.activities[2].responsible] == ["Управление образования МО",
                                                                   "МОЦ"]  # fmt: skip
    assert roadmap.approval is not None
    assert roadmap.approval.number == "175"
    assert "Начальник управления образования И.О. Фамилия" in roadmap.notes


def test_without_main_the_body_is_read_and_navigation_left_out() -> None:
    body = ("<nav><p>Меню сайта</p></nav><div role='navigation'>Главная / Акты</div>"
            "<header><p>Шапка сайта</p></header><p>План мероприятий</p>"
            "<table><tr><th>№</th><th>Мероприятие</th></tr><tr><td>1</td><td>Создание</td></tr>"
            "</table><footer>Подвал</footer><aside>Реклама</aside>")  # fmt: skip
    raw = _raw(_page(body))
    assert _texts(raw).split("\n") == ["План мероприятий", "№", "Мероприятие", "1", "Создание"]


def test_main_without_the_table_is_not_all_there_is() -> None:
    body = "<main><p>Аннотация</p></main><table><tr><td>1</td><td>Создание</td></tr></table>"
    assert len(_tables(_page(body))) == 1


# --- tables ----------------------------------------------------------------------------------


def test_thead_tfoot_and_rowspans() -> None:
    table = _tables(THEAD_PAGE.read_bytes())[0]
    assert [row.header for row in table.rows] == [True, True] + [False] * 6
    assert table.rows[-1].cells == (
        RawCell("* ОЦ – опорный центр дополнительного образования детей", 1, span=4),
    )  # the footer, written before the body, shown after it
    assert table.rows[4].cells[2] == RawCell("Локальный акт ОО", 3, merged=True)
    assert table.rows[5].cells[1].text.split("\n")[1:] == [
        "1. Методический блок для педагогов.",
        "2. Информационный блок для родителей (законных представителей) детей.",
        "3. Новостной блок о мероприятиях, конкурсах и т.д.",
    ]
    # rowspan=0 goes on to the end of its row group; a nested table is its rows, a line each.
    assert (
        table.rows[6].cells[2].text == "Соглашения о сотрудничестве\nРаздел в плане деятельности ОЦ"
    )
    assert table.rows[6].cells[3] == RawCell("постоянно", 4, merged=True)
    roadmap = dod_model.read(THEAD_PAGE, plugins=PLUGINS)
    assert [a.number for a in roadmap.activities] == ["1", "2", "3", "4", "5"]
    assert [s.number for s in roadmap.activities[3].steps] == ["1", "2", "3"]


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ("  Сроки \n\t проведения  ", "Сроки проведения"),
        ("Июнь<br>июль<br><br>2019<br>", "Июнь\nиюль\n\n2019"),
        ("<p>Отчет</p>\n<p> </p><div>Решения</div>", "Отчет\nРешения"),
        ("МОЦ&nbsp;&nbsp;ДДТ&shy;Т", "МОЦ  ДДТТ"),
        ("<span style='DISPLAY: NONE'>скрыто</span>видно<span hidden>нет</span>", "видно"),
        ("<ul><li>первое</li><li>второе</li></ul>", "первое\nвторое"),
        ("<ol type=I start=3><li>а<li value=9>б</ol>", "III. а\nIX. б"),
        ("<ol><li><p></p></ol>", "1."),
        ("до <b>1</b>.<i>09</i>.2020", "до 1.09.2020"),
        ("<script>var x = '<td>';</script>МОЦ<style>td{}</style>", "МОЦ"),
        ("a\x01b\x7f\u0085c", "abc"),
    ],
)
def test_cell_text_as_a_browser_shows_it(cell: str, text: str) -> None:
    table = _tables(_page(f"<table><tr><td>{cell}</td></tr></table>"))[0]
    assert table.rows[0].cells[0].text == text


def test_paragraphs_are_numbered_as_word_paragraphs_are() -> None:
    """Consecutive paragraphs group (the layout joins them); an empty one parts them."""
    body = "<p>ДОРОЖНАЯ КАРТА</p><p>по созданию центра</p><p>&nbsp;</p><p>Цель</p><table/>"
    lines = [b.line for b in _raw(_page(body)).blocks if isinstance(b, RawParagraph)]
    assert lines == [1, 2, 5]


# --- generated tables ------------------------------------------------------------------------

_WORDS = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВ0123456789.,-«»№()", min_size=1,
                 max_size=8)  # fmt: skip
_LINES = st.lists(st.lists(_WORDS, min_size=1, max_size=3).map(" ".join), min_size=0, max_size=3)


@st.composite
def _grids(draw: st.DrawFn) -> tuple[list[list[tuple[str, int, int]]], list[list[RawCell]]]:
    """A table: for each row, its cells (text, colspan, rowspan); and the cells read from it."""
    height, width = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    taken = [[False] * width for _ in range(height)]
    written: list[list[tuple[str, int, int]]] = [[] for _ in range(height)]
    expected: list[list[RawCell]] = [[] for _ in range(height)]
    for r in range(height):
        for c in range(width):
            if taken[r][c]:
                continue
            free = next((k for k in range(c, width) if taken[r][k]), width) - c
            span = draw(st.integers(1, free))
            down = draw(st.integers(1, height - r))
            while any(taken[r + d][k] for d in range(down) for k in range(c, c + span)):
                down -= 1
            text = "\n".join(draw(_LINES))
            written[r].append((text, span, down))
            for d in range(down):
                for k in range(c, c + span):
                    taken[r + d][k] = True
                expected[r + d].append(RawCell(text, c + 1, span, merged=d > 0))
    for row in expected:
        row.sort(key=lambda cell: cell.column)
    return written, expected


@settings(max_examples=60, deadline=None, derandomize=True)
@given(_grids())
def test_a_generated_table_reads_back_to_its_grid(grid) -> None:
    written, expected = grid
    rows = "".join(
        "<tr>" + "".join(
            f"<td colspan={span} rowspan={down}>"
            + "<br>".join(html.escape(line) for line in text.split("\n")) + "</td>"
            for text, span, down in row) + "</tr>\n"
        for row in written
    )  # fmt: skip
    table = _tables(_page(f"<table>\n{rows}</table>"))[0]
    assert [list(row.cells) for row in table.rows] == [row for row in expected if row]


# --- the fast paths --------------------------------------------------------------------------

# Pieces of a cell's text: blanks of every kind, characters shown otherwise or not at all, the
# private-use characters a fast path may join pieces with, and markup inside a line.
_PIECE = st.lists(
    st.sampled_from(["МОЦ", "2020", "а", " ", "  ", "\t", "\n", "\r\n", "\f", "\xa0",
                     "&nbsp;", "\xad", "&shy;", "\x01", "\x7f", "\x85", "\ufdd0", "\ufffe",
                     "\ue000", "\ue001", "\uf8ff", "\u2028", "&lt;", "&amp;"]),
    max_size=6,
).map("".join)  # fmt: skip
_INLINE = st.one_of(
    _PIECE, _PIECE.map(lambda t: f"<b>{t}</b>"), _PIECE.map(lambda t: f"<span><i>{t}</i></span>")
)
_LINE = st.lists(_INLINE, max_size=3).map("".join)
_BREAKS = st.sampled_from(["<br>", "<br/>", "<br>\n\t", "\n<br>\n"])
_BLOCK = st.tuples(
    st.sampled_from(["p", "div", "li", "span", ""]),
    st.lists(st.tuples(_LINE, _BREAKS), max_size=3),
    st.sampled_from(["", "\n", "\n\t\t", " ", "x"]),
)


def _block(tag: str, lines: list[tuple[str, str]], tail: str) -> str:
    inner = "".join(line + br for line, br in lines[:-1]) + (lines[-1][0] if lines else "")
    return (f"<{tag}>{inner}</{tag}>" if tag else inner) + tail


def test_what_shown_changes_is_unprintable() -> None:
    """A printable line is shown as it is (``_line`` translates only a line that is not)."""
    assert not any(chr(code).isprintable() for code in html_tree._SHOWN)


def test_no_other_character_lowers_into_the_words_looked_for() -> None:
    """The page's ASCII letters lowered find what its text lowered finds (``prune``)."""
    into_ascii = [c for c in range(0x80, 0x110000) if any(x.isascii() for x in chr(c).lower())]
    assert into_ascii == [0x130, 0x212A]
    assert [chr(c).lower() for c in into_ascii] == ["i\u0307", "k"]  # no word has a k or i̇


def _walked(reader: html_tree._Reader, cell) -> str:
    """A cell's text by the general walk, without the shortcuts of ``cell_text``."""
    layout = html_tree._Layout()
    for _ in reader.walk(cell, layout, top=False):
        pass
    return "\n".join(layout.take()[0])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.sampled_from(["", "\n", " \t", "x"]), st.lists(_BLOCK, max_size=3))
def test_a_cell_reads_as_the_walk_reads_it(head: str, blocks) -> None:
    body = head + "".join(_block(*block) for block in blocks)
    page = f"<!DOCTYPE html><html><body><table><tr><td>{body}</td></tr></table></body></html>"
    root = html_importer._parse(page.encode(), "page.html")
    reader = html_tree._Reader(set(), "page.html")
    for cell in root.iter("td"):
        if len(cell):
            assert reader.cell_text(cell) == _walked(reader, cell)
        else:  # text alone, as ``_line`` has always laid it out: a no-break space at an end kept
            shown = (
                html_tree._BLANKS.sub(" ", cell.text or "").strip(" ").translate(html_tree._SHOWN)
            )
            assert reader.cell_text(cell) == shown


# --- hostile pages ---------------------------------------------------------------------------


def _refused(data: bytes, *, seconds: float = 5.0) -> str:
    started = time.process_time()
    with pytest.raises(DocumentError) as caught:
        dod_model.read(io.BytesIO(data), plugins=PLUGINS, format="html")
    assert time.process_time() - started < seconds
    return str(caught.value)


def test_deep_nesting_is_refused() -> None:
    message = _refused(_page("<div>" * 100_000 + "x" + "</div>" * 100_000))
    assert "deeper than the 256 levels" in message


def test_millions_of_tags_are_refused_before_parsing() -> None:
    message = _refused(_page("<p>" * 3_000_000))
    assert "nodes a tree may have" in message


def test_attributes_without_values_are_counted() -> None:
    tag = "<a " + " ".join(f"a{i}" for i in range(60)) + ">"
    message = _refused(_page(tag * 30_000))
    assert "nodes a tree may have" in message


def test_an_element_of_many_attributes_is_refused() -> None:
    tag = "<td " + " ".join(f'a{i}=""' for i in range(20_000)) + ">"
    message = _refused(_page(f"<table><tr>{tag}x</td></tr></table>"), seconds=1.0)
    assert "more than 100 attributes on line 1" in message


def test_an_attribute_value_hides_no_tag_from_the_count() -> None:
    tag = '<a x=">" ' + " ".join(f"a{i}" for i in range(500)) + ">"
    assert "attributes" in _refused(_page(tag))


def test_rowspans_over_many_rows_are_bounded() -> None:
    cells = "<td rowspan=0>x</td>" * 1000
    message = _refused(_page(f"<table><tr>{cells}</tr>{'<tr>' * 300_000}</table>"))
    assert "cells on their grids" in message


def test_a_row_wider_than_a_row_may_be_is_refused() -> None:
    assert "more than 1,000 cells" in _refused(_page("<table><tr><td colspan=999>a<td colspan=9>b"))


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b"<!DOCTYPE html>", b"<html></html>", b"<!-- only a comment -->"],
    ids=["empty", "blank", "doctype", "empty html", "comment"],
)
def test_pages_without_a_table(data: bytes) -> None:
    _refused(data)


_SEEDS = [WORD_PAGE.read_bytes(), THEAD_PAGE.read_bytes(), LEGAL_PAGE.read_bytes()[:6000]]
_MARKUP = [b"<", b">", b"</td>", b"<td rowspan=0>", b"<tr>", b"<table>", b"colspan=99999",
           b"&#0;", b"\x00", b"\xff\xfe", b"<![if", b"<!--", b"charset=utf-16", b'"', b"<br>",
           b"<ol start=-1><li>", b"<span style='mso-list:Ignore'>"]  # fmt: skip


@st.composite
def _mutants(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(_SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "byte"]))
        if kind == "insert":
            data[at:at] = draw(st.sampled_from(_MARKUP) | st.binary(min_size=1, max_size=4))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 200))]
        elif at < len(data):
            data[at] = draw(st.integers(0, 255))
    return bytes(data)


@settings(max_examples=80, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(_mutants())
def test_mutated_pages_raise_only_document_errors(data: bytes) -> None:
    try:
        dod_model.read(io.BytesIO(data), plugins=PLUGINS, format="html")
    except DocumentError as exc:
        assert "please report" not in str(exc)
