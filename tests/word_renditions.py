"""Word renditions of the seed roadmaps, with the quirks real Word files have.

Built from the cells of the text exports, so that reading the Word file and reading the text
must give the same roadmap. Each rendition carries: a title in several paragraphs, the table
header marked as repeated (``w:tblHeader``), section rows merged across the table
(``w:gridSpan``), equal responsible cells of consecutive rows merged down (``w:vMerge``),
multi-line cells as several paragraphs, runs split inside words, an inserted
run (``w:ins``, kept) and a deleted one (``w:del``, dropped), a cell wrapped in a content control
(``w:sdt``), non-breaking spaces, a field whose instruction must not show, and, where the
seed's numbers allow, an auto-numbered number column (``w:numPr``) instead of typed numbers.
Long tables also carry what files converted from PDF have: the header row typed again in the
middle of the table (not marked as repeated) and an activity row cut in two by a page break in
the middle of its title. A signature table closes each document.

    python tests/word_renditions.py OUT_DIR   # writes one .docx per seed
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import attrs
import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from dod_model.importers import RawCell, RawParagraph, RawRow, RawTable, TextImporter
from dod_model.importers._rows import regroup_cells
from dod_model.text import core_headers

# The text exports of the seeds, bundled with the library beside the renditions built from them.
SEEDS = Path(__file__).resolve().parents[1] / "src/dod_model/examples/data/documents"


def _split_runs(paragraph, text: str, index: int) -> None:
    """Write text as several runs cut inside words; every fifth paragraph gets an insertion."""
    cuts = sorted({len(text) // 3, 2 * len(text) // 3})
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True) if a < b]
    for number, piece in enumerate(pieces):
        run = paragraph.add_run(piece.replace(" ", "\u00a0", 1) if number == 1 else piece)
        if index % 5 == 0 and number == len(pieces) - 1:
            inserted = OxmlElement("w:ins")
            inserted.set(qn("w:id"), str(index))
            inserted.set(qn("w:author"), "test")
            run._r.addprevious(inserted)
            inserted.append(run._r)
    if index % 7 == 0:  # deleted text must not be read
        deleted = OxmlElement("w:del")
        deleted.set(qn("w:id"), str(10000 + index))
        deleted.set(qn("w:author"), "test")
        run = OxmlElement("w:r")
        removed = OxmlElement("w:delText")
        removed.text = "УДАЛЁННЫЙ ТЕКСТ"
        run.append(removed)
        deleted.append(run)
        paragraph._p.append(deleted)
    if index % 11 == 0:  # a field: its instruction is hidden, its result shown (empty here)
        for kind, extra in (("begin", None), (None, " PAGE "), ("separate", None), ("end", None)):
            run = OxmlElement("w:r")
            if kind is not None:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run.append(char)
            else:
                instruction = OxmlElement("w:instrText")
                instruction.text = extra
                run.append(instruction)
            paragraph._p.append(run)


def _fill(cell, text: str, index: int) -> None:
    lines = text.split("\n")
    cell.paragraphs[0].text = ""
    for number, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
        _split_runs(paragraph, line, index + number)


def _wrap_in_content_control(cell) -> None:
    """Put a cell's paragraphs inside ``w:sdt``/``w:sdtContent``."""
    tc = cell._tc
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(OxmlElement("w:sdtPr"))
    sdt.append(content)
    paragraphs = [p for p in tc if p.tag == qn("w:p")]
    paragraphs[0].addprevious(sdt)
    for p in paragraphs:
        content.append(p)


def _mark_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


def _numbering(document) -> str:
    """Add a decimal list «%1» to the document; return its numId."""
    part = document.part.numbering_part
    numbering = part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "%1")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        level.append(element)
    abstract.append(level)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    reference = OxmlElement("w:abstractNumId")
    reference.set(qn("w:val"), "90")
    num.append(reference)
    numbering.append(num)
    return "90"


def _auto_number(paragraph, num_id: str) -> None:
    properties = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", num_id)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        num_pr.append(element)
    properties.append(num_pr)


def _merge_equal_runs(word_table, rows, width: int) -> None:
    """Merge down the last column where consecutive activity rows repeat its text (w:vMerge)."""
    column = width - 1
    start = None
    for index in range(1, len(rows) + 1):
        same = (
            index < len(rows)
            and start is not None
            and len(rows[index].cells) == width
            and rows[index].texts[column].strip()
            and rows[index].texts[column] == rows[start].texts[column]
        )
        if same:
            continue
        if start is not None and index - 1 > start:
            for row in range(start + 1, index):
                cell = word_table.cell(row, column)
                for paragraph in cell.paragraphs[1:]:
                    paragraph._p.getparent().remove(paragraph._p)
                for run in list(cell.paragraphs[0]._p):
                    if run.tag != qn("w:pPr"):
                        cell.paragraphs[0]._p.remove(run)
            word_table.cell(start, column).merge(word_table.cell(index - 1, column))
        has_text = index < len(rows) and len(rows[index].cells) == width
        start = index if has_text and rows[index].texts[column].strip() else None


SIGNATURE = ("Начальник управления образования", "И.О. Фамилия")


def _page_break_quirks(rows: list, width: int) -> list:
    """The rows with the header typed again halfway down, and one activity row cut in two.

    The cut falls on a space in the middle of the first one-line title of six words or more;
    the second half goes on in a row of its own with every other cell empty.
    """
    if len(rows) < 8 or width < 3:
        return rows
    rows = list(rows)
    for index, row in enumerate(rows[2:], start=2):
        title = row.texts[1] if len(row.cells) == width else ""
        words = title.split(" ")
        if "\n" not in title and len(words) >= 6 and all(words):
            half = len(words) // 2
            first = RawRow(cells=tuple(attrs.evolve(c, text=" ".join(words[:half]))
                                       if c.column == 2 else c for c in row.cells))  # fmt: skip
            rest = RawRow(cells=tuple(RawCell(" ".join(words[half:]) if c.column == 2 else "",
                                              c.column) for c in row.cells))  # fmt: skip
            rows[index : index + 1] = [first, rest]
            break
    middle = len(rows) // 2
    while len(rows[middle].cells) != width:
        middle += 1
    rows.insert(middle, rows[0])
    return rows


def _signature(document) -> None:
    table = document.add_table(rows=1, cols=2)
    for cell, text in zip(table.rows[0].cells, SIGNATURE, strict=True):
        cell.text = text


def render(seed: Path) -> bytes:
    """A Word rendition of a text seed."""
    raw = TextImporter().read(seed.read_bytes(), name=seed.name)
    document = docx.Document()
    num_id = _numbering(document)
    index = 0
    previous_line = 0
    for block in raw.blocks:
        if isinstance(block, RawParagraph):
            index += 1
            if block.line is not None and block.line > previous_line + 1:
                document.add_paragraph()  # a blank line of the export: an empty paragraph
            previous_line = block.line or previous_line
            _split_runs(document.add_paragraph(), block.text, index)
            continue
        table: RawTable = regroup_cells(block, core_headers()) if block.columns == 1 else block
        rows = [r for r in table.rows if any(t.strip() for t in r.texts)]
        width = table.columns
        plain = all(r.texts[0].strip().rstrip(".").isdigit() for r in rows[1:] if len(r.cells) > 1
                    and r.texts[0].strip())  # fmt: skip
        rows = _page_break_quirks(rows, width)
        counter = 0
        word_table = document.add_table(rows=len(rows), cols=width)
        for row_index, (row, word_row) in enumerate(zip(rows, word_table.rows, strict=True)):
            cells = row.cells
            if len(cells) == 1 and width > 1:
                merged = word_row.cells[0].merge(word_row.cells[width - 1])
                _fill(merged, cells[0].text, index)
                continue
            if row_index == 0:
                _mark_header(word_row)
            for cell, word_cell in zip(cells, word_row.cells, strict=False):
                index += 1
                text = cell.text
                number = text.strip().rstrip(".")
                if (
                    cell.column == 1
                    and plain
                    and row_index
                    and number.isdigit()
                    and (int(number) == counter + 1)
                ):
                    counter += 1
                    word_cell.paragraphs[0].text = ""
                    _auto_number(word_cell.paragraphs[0], num_id)
                    continue
                _fill(word_cell, text, index)
                if row_index == 2 and cell.column == 2:
                    _wrap_in_content_control(word_cell)
        _merge_equal_runs(word_table, rows, width)
        document.add_paragraph()
        previous_line = 10**9  # text after the table starts a new block
    _signature(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        (out / seed.with_suffix(".docx").name).write_bytes(render(seed))


if __name__ == "__main__":
    main()
