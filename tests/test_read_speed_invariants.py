"""What the fast paths of reading must keep: the same text, centres, cells and meanings.

Each shortcut taken for speed is checked here against the plain way it replaces: the NUL-piece
search for centres against a full scan, a clean cell taken as it is against line-by-line
cleaning, the per-document reading of repeated cells against reading each cell, and the Word
walk's one pass for paragraphs that need care against paragraphs read one by one.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

import dod_model
from dod_model import Deadline, DocumentError, Result, examples
from dod_model.exporters import DocxExporter
from dod_model.importers import DocxImporter, RawCell, RawDocument, RawRow, RawTable
from dod_model.importers import _docx as docx_walk
from dod_model.importers._columns import is_column_numbers as _is_column_numbers
from dod_model.importers._layout import build_roadmap
from dod_model.importers._rows import clean_lines as _clean_lines
from dod_model.model import Centre, CentreKind, _region
from dod_model.plugins import get_plugin_manager
from dod_model.text import _numbering, _parties, find_centres, find_steps, fold, split_parties
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
    return "\n".join(re.sub(" +", " ", line) for line in lines if line)


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
    careful_walk, plain_walk = docx_walk._careful_text, docx_walk._Reader._plain_text
    walked: dict[str, list[str]] = {"careful": [], "plain": []}

    def careful(paragraph):
        walked["careful"].append(text := careful_walk(paragraph))
        return text

    def plain(reader, paragraph):
        walked["plain"].append(text := plain_walk(reader, paragraph))
        return text

    with (
        mock.patch.object(docx_walk, "_careful_text", careful),
        mock.patch.object(docx_walk._Reader, "_plain_text", plain),
    ):
        raw = DocxImporter().read(_docx(rows), name="t.docx")
    (table,) = raw.tables
    assert table.rows[0].texts == ("до 7\nплановый", "а\tб\nв-г\nвиден")
    # The field and the hidden run need care; tabs, breaks and hyphens do not.
    assert walked == {"careful": ["до 7", "виден"], "plain": ["плановый", "а\tб\nв-г"]}


def test_tags_a_document_never_uses_are_not_looked_for_and_those_it_uses_are():
    readers = []
    start = docx_walk._Reader.__init__

    def started(reader, *args, **kwargs):
        start(reader, *args, **kwargs)
        readers.append(reader)

    with mock.patch.object(docx_walk._Reader, "__init__", started):
        plain = DocxImporter().read(
            _docx("<w:tr>" + _tc("<w:r><w:t>один</w:t></w:r>") + "</w:tr>"), name="plain.docx"
        )
        broken = DocxImporter().read(
            _docx("<w:tr>" + _tc("<w:r><w:t>один</w:t><w:cr/><w:t>два</w:t></w:r>") + "</w:tr>"),
            name="broken.docx",
        )
    assert plain.tables[0].rows[0].texts == ("один",)
    assert broken.tables[0].rows[0].texts == ("один\nдва",)
    # The text-bearing tags each walk looks for: «t» always, the others where the body has them.
    looked_for = [[tag.rpartition("}")[2] for tag in reader._plain] for reader in readers]
    assert looked_for == [["t"], ["t", "cr"]]


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
        mock.patch.object(_numbering, "_HINT", everywhere),
        mock.patch.object(_numbering, "_STEP_HINT", everywhere),
        mock.patch.object(_numbering, "_BULLET_HINT", everywhere),
    ):
        expected = find_steps(title)
    assert find_steps(title) == expected


# Word tables built from the pieces the one-pass walk of plain tables must read as the careful
# walk does: wrappers at every level, row and cell properties, runs split anywhere, list numbers.
_NUMBERING = (
    f'<?xml version="1.0"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
    '</w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)
_STYLES = (
    f'<?xml version="1.0"?><w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="L">'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Plain"/></w:styles>'
)
_RUN_PIECES = st.sampled_from([
    "<w:t>Срок</w:t>", "<w:t xml:space=\"preserve\"> до 2021 </w:t>", "<w:t/>", "<w:tab/>",
    "<w:br/>", "<w:cr/>", "<w:noBreakHyphen/>", "<w:t>\u00a0мая\u00ad</w:t>", "<w:t>МОЦ</w:t>",
    "<w:rPr><w:b/></w:rPr>", "<w:lastRenderedPageBreak/>",
])  # fmt: skip
_RUNS = st.lists(_RUN_PIECES, max_size=4).map(lambda pieces: f"<w:r>{''.join(pieces)}</w:r>")
_RUN_WRAPS = ("{}", "<w:ins>{}</w:ins>", "<w:hyperlink>{}</w:hyperlink>",
              "<w:smartTag>{}</w:smartTag>", "<w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt>",
              "<w:fldSimple>{}</w:fldSimple>", "<w:proofErr/>{}<w:bookmarkEnd/>")  # fmt: skip
_PROPERTIES = st.sampled_from([
    "", "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>",
    "<w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>",
    "<w:pPr><w:pStyle w:val=\"L\"/></w:pPr>", "<w:pPr><w:pStyle w:val=\"Plain\"/></w:pPr>",
    "<w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>",
])  # fmt: skip
_WRAPS = ("{}", "<w:sdt><w:sdtPr/><w:sdtContent>{}</w:sdtContent></w:sdt>",
          "<w:customXml>{}</w:customXml>")  # fmt: skip


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    runs = "".join(draw(st.sampled_from(_RUN_WRAPS)).format(run)
                   for run in draw(st.lists(_RUNS, max_size=3)))  # fmt: skip
    return draw(st.sampled_from(_WRAPS)).format(f"<w:p>{draw(_PROPERTIES)}{runs}</w:p>")


# What Word would not open, but a hand-made file may hold: rows, cells and paragraphs where the
# schema has none, properties twice or out of place. Mostly nothing.
_ODD_IN_CELL = st.sampled_from(
    [""] * 12 + ["<w:tr><w:tc><w:p><w:r><w:t>строка в ячейке</w:t></w:r></w:p></w:tc></w:tr>",
                 '<w:tcPr><w:gridSpan w:val="3"/></w:tcPr>', "<w:tcPr><w:vMerge/></w:tcPr>",
                 "<w:p><w:pPr><w:vMerge/></w:pPr><w:r><w:t>а</w:t></w:r></w:p>",
                 "<w:tcPr><w:tblHeader/></w:tcPr>",
                 "<w:p><w:tc><w:p><w:r><w:t>ячейка в абзаце</w:t></w:r></w:p></w:tc></w:p>"]
)  # fmt: skip
_ODD_IN_ROW = st.sampled_from(
    [""] * 12 + ["<w:p><w:r><w:t>абзац в строке</w:t></w:r></w:p>",
                 "<w:trPr><w:tblHeader/></w:trPr>", '<w:trPr><w:gridBefore w:val="2"/></w:trPr>',
                 "<w:tblHeader/>", "<w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>"]
)  # fmt: skip
_ODD_IN_TABLE = st.sampled_from(
    [""] * 12 + ["<w:p><w:r><w:t>абзац в таблице</w:t></w:r></w:p>",
                 "<w:tc><w:p><w:r><w:t>ячейка в таблице</w:t></w:r></w:p></w:tc>"]
)  # fmt: skip


@st.composite
def _cell(draw: st.DrawFn) -> str:
    span = draw(st.sampled_from(["", '<w:gridSpan w:val="2"/>', '<w:gridSpan w:val="x"/>']))
    merge = draw(st.sampled_from(["", "<w:vMerge/>", '<w:vMerge w:val="restart"/>',
                                  '<w:vMerge w:val="continue"/>']))  # fmt: skip
    properties = draw(st.sampled_from(["", f"<w:tcPr>{span}{merge}</w:tcPr>"]))
    paragraphs = [draw(_paragraph()) for _ in range(draw(st.integers(1, 3)))]
    paragraphs.insert(draw(st.integers(0, len(paragraphs))), draw(_ODD_IN_CELL))
    return draw(st.sampled_from(_WRAPS)).format(f"<w:tc>{properties}{''.join(paragraphs)}</w:tc>")


@st.composite
def _row(draw: st.DrawFn) -> str:
    header = draw(st.sampled_from(["", "<w:tblHeader/>", '<w:tblHeader w:val="0"/>']))
    before = draw(st.sampled_from(["", '<w:gridBefore w:val="1"/>']))
    properties = draw(st.sampled_from(["", f"<w:trPr>{header}{before}</w:trPr>"]))
    cells = [draw(_cell()) for _ in range(draw(st.integers(0, 4)))]
    cells.insert(draw(st.integers(0, len(cells))), draw(_ODD_IN_ROW))
    return draw(st.sampled_from(_WRAPS)).format(f"<w:tr>{properties}{''.join(cells)}</w:tr>")


@st.composite
def _word_tables(draw: st.DrawFn) -> bytes:
    tables = []
    for _ in range(draw(st.integers(1, 2))):
        rows = [draw(_row()) for _ in range(draw(st.integers(0, 5)))]
        rows.insert(draw(st.integers(0, len(rows))), draw(_ODD_IN_TABLE))
        rows = "".join(rows)
        grid = "<w:gridCol/>" * draw(st.integers(0, 4))
        tables.append(f"{draw(_paragraph())}<w:tbl><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>")
    body = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{"".join(tables)}'
    body += f"{draw(_paragraph())}</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", body)
        package.writestr("word/numbering.xml", _NUMBERING)
        package.writestr("word/styles.xml", _STYLES)
    return out.getvalue()


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


def _read_carefully(data: bytes, name: str) -> RawDocument:
    """What the importer reads walking every table with care, every paragraph for a number."""
    original = docx_walk._Reader.__init__

    def init(self: docx_walk._Reader, *args: object) -> None:
        original(self, *args)
        self._numbered = _Everything()

    with (
        mock.patch.object(docx_walk._Reader, "__init__", init),
        mock.patch.object(docx_walk._Reader, "table", docx_walk._Reader._careful_table),
    ):
        return DocxImporter().read(data, name=name)


@given(_word_tables())
def test_plain_tables_read_in_one_pass_as_the_careful_walk_reads_them(data):
    assert DocxImporter().read(data, name="t.docx") == _read_carefully(data, "t.docx")


def _read_in_one_pass_as_carefully(files: list[bytes]) -> int:
    """How many of the Word files read, each checked to read in one pass as carefully."""
    checked = 0
    for data in files:
        try:
            expected = _read_carefully(data, "f.docx")
        except DocumentError:
            continue
        assert DocxImporter().read(data, name="f.docx") == expected
        checked += 1
    return checked


def test_word_files_read_in_one_pass_as_the_careful_walk_reads_them():
    """The bundled Word examples, and Word exports (plain tables all through)."""
    files = [examples.path(name).read_bytes() for name in examples.documents()]
    files += [DocxExporter().export(dod_model.read(examples.path(name), plugins=PLUGINS))
              for name in ("samara", "amur")]  # fmt: skip
    assert _read_in_one_pass_as_carefully(files) == 7  # the text exports are no Word files


def test_corpus_files_read_in_one_pass_as_the_careful_walk_reads_them(corpus):
    files = [file.read_bytes() for file in sorted(corpus.rglob("*.docx"))]
    assert _read_in_one_pass_as_carefully(files) >= 250


def _pieces_char_by_char(text: str) -> list[tuple[str, str]]:
    """The responsible cell split as it was, looking at every character."""
    pieces: list[tuple[str, str]] = []
    depth, buffer, separator = 0, [], ""
    for index, char in enumerate(text):
        if char in "(«[":
            depth += 1
        elif char in ")»]" and depth:
            depth -= 1
        if depth == 0 and char in "\n;,.":
            before = re.search(r"(\w+)\W*$", text[:index])
            after = text[index + 1 :].lstrip(" \t")
            ends = before is not None and before[1].casefold() not in _parties._DOTTED
            ends = ends and len(before[1]) >= 3 and (not after or after[0].isupper()
                                                     or after[0] in "\n.")  # fmt: skip
            if char != "." or ends:
                pieces.append((separator, "".join(buffer)))
                buffer, separator = [], char
                continue
        buffer.append(char)
    pieces.append((separator, "".join(buffer)))
    return pieces


@given(st.lists(st.sampled_from(["Отдел образования", "г", "им", "ОО", ".", ". ", ",", ";", "\n",
                                 "(", ")", "«", "»", "[", "]", " ", "\t", "_", "Ⅻ", "а1",
                                 "...", "ГБУ", "\u00a0"]),
                max_size=14).map("".join))  # fmt: skip
def test_responsible_cells_split_at_punctuation_as_char_by_char(text):
    assert _parties._top_level_pieces(text) == _pieces_char_by_char(text)


def _region_text_by_text(texts: list[str]) -> str | None:
    """The region found searching every text on its own, repeats and all, the title twice."""
    _, weights = _region._matcher(tuple(PLUGINS.regions().values()))
    # Every name and place an alternative of its own, the longest first.
    names = "|".join(re.escape(w) for w in sorted(weights, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{names})(?!\w)")
    scores: dict[str, int] = {}
    for text in [*texts[:1], *texts]:
        for match in pattern.finditer(fold(text)):
            code, weight = weights[match[0]]
            scores[code] = scores.get(code, 0) + weight
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


# Every name and place the regions know, as written and as folded, and what may stand beside.
_REGION_WORDS = sorted(
    {word for region in PLUGINS.regions().values() for word in (*region.names, *region.places)}
    | set(_region._matcher(tuple(PLUGINS.regions().values()))[1])
)
_AROUND = [" ", "\n", "х", "г. ", "МО «город ", "»", "\x00", "-", "ая", "1"]


@given(st.lists(st.lists(st.sampled_from(_REGION_WORDS + _AROUND), max_size=4).map("".join),
                max_size=8))  # fmt: skip
def test_regions_counted_once_per_distinct_text_are_counted_as_text_by_text(texts):
    found = PLUGINS.detect_region(texts)
    assert (found.code if found else None) == _region_text_by_text(texts)


def test_a_read_leaves_the_collector_alone():
    """No process-wide state changes: a threaded host's collector is its own."""
    import gc  # noqa: PLC0415 - only these tests touch it

    good = examples.path("tambov").read_bytes()
    thresholds = gc.get_threshold()
    refuse = mock.Mock(side_effect=AssertionError("read() changed the collector"))
    with (
        mock.patch.object(gc, "disable", refuse),
        mock.patch.object(gc, "enable", refuse),
        mock.patch.object(gc, "freeze", refuse),
        mock.patch.object(gc, "set_threshold", refuse),
    ):
        dod_model.read(io.BytesIO(good), plugins=PLUGINS)
        with contextlib.suppress(DocumentError):
            dod_model.read(io.BytesIO(good[:-200]), plugins=PLUGINS)
    assert gc.isenabled()
    assert gc.get_threshold() == thresholds


def test_the_collector_paused_on_request_is_left_as_it_was():
    import gc  # noqa: PLC0415 - only these tests touch it

    good = examples.path("tambov").read_bytes()
    paused = dod_model.read(io.BytesIO(good), plugins=PLUGINS, pause_collector=True)
    assert gc.isenabled()
    assert paused == dod_model.read(io.BytesIO(good), plugins=PLUGINS)
    with contextlib.suppress(DocumentError):
        dod_model.read(io.BytesIO(good[:-200]), plugins=PLUGINS, pause_collector=True)
    assert gc.isenabled()
    gc.disable()
    try:
        dod_model.read(io.BytesIO(good), plugins=PLUGINS, pause_collector=True)
        assert not gc.isenabled()
    finally:
        gc.enable()


@given(st.text(alphabet="0123456789.№ \t١", max_size=8))
def test_tidy_numbers_taken_as_they_are_are_those_tidying_gives(text):
    with mock.patch.object(_numbering, "_TIDY", re.compile(r"(?!)")):
        expected = _numbering.normalise_number(text)
    assert _numbering.normalise_number(text) == expected
