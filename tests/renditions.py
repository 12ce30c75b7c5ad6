"""Renditions of the bundled Word roadmaps in every format a roadmap comes in.

Each bundled ``.docx``, as Word would save it (:func:`as_saved`), is converted the way users
convert their files:

* by LibreOffice Writer to ``.pdf`` (a published order), ``.doc`` (Word 97), ``.rtf``, ``.odt``
  and ``.html`` ("Save as HTML");
* by openpyxl to ``.xlsx``: a sheet holding the title paragraphs as rows above the table (a blank
  row for an empty paragraph), the
  table with its merged cells (section rows across the table, responsible cells merged down) as
  merged ranges, multi-line cells wrapped, and the text after the table below it;
* by LibreOffice Calc from that workbook to ``.xls`` and ``.ods``.

Every rendition must read to the same roadmap as its Word file (``tests/test_renditions.py``).
The files are committed (``tests/data/renditions``), so the suite reads them without LibreOffice;
run this script again when the bundled Word files change::

    python tests/renditions.py tests/data/renditions

LibreOffice is found on ``PATH`` (``soffice``) or through ``DOD_MODEL_SOFFICE``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
import docx.document
import docx.table
import openpyxl
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from dod_model.importers import DocxImporter, RawParagraph, RawTable

# The Word files of the seed roadmaps, as the library bundles them.
DOCUMENTS = Path(__file__).resolve().parents[1] / "src/dod_model/examples/data/documents"

# Format → LibreOffice's output filter, for what Writer makes from a Word file.
WRITER = {
    "pdf": "pdf:writer_pdf_Export",
    "doc": "doc:MS Word 97",
    "rtf": "rtf:Rich Text Format",
    "odt": "odt:writer8",
    "html": "html:HTML (StarWriter)",
}
# And what Calc makes from the workbook.
CALC = {"xls": "xls:MS Excel 97", "ods": "ods:calc8"}


def soffice() -> str:
    """The LibreOffice program: ``DOD_MODEL_SOFFICE``, else ``soffice`` on ``PATH``."""
    found = os.environ.get("DOD_MODEL_SOFFICE") or shutil.which("soffice")
    if not found:
        sys.exit("needs LibreOffice (libreoffice-writer-nogui, libreoffice-calc-nogui)")
    return found


def as_saved(word: Path, folder: Path) -> Path:
    """The Word file as Word itself would save it, for LibreOffice to convert.

    The bundled files are built by python-docx with quirks for the Word importer: a page-number
    field inside cells, whose result Word leaves empty but every converter fills in with the
    page it lays the cell out on; tracked changes, which a converter shows as marked-up text;
    tables without borders; and a body ending in a table, which Word never writes (it keeps a
    paragraph after the last table). Here the fields go, the changes are accepted, the tables
    get the single lines of Word's «Table Grid» and the paragraph is added.
    """
    document = docx.Document(str(word))
    body = document.element.body
    for run in list(body.iter(qn("w:r"))):
        if run.find(qn("w:fldChar")) is not None or run.find(qn("w:instrText")) is not None:
            run.getparent().remove(run)
    for deleted in list(body.iter(qn("w:del"))):
        deleted.getparent().remove(deleted)
    for inserted in list(body.iter(qn("w:ins"))):
        for child in list(inserted):
            inserted.addprevious(child)
        inserted.getparent().remove(inserted)
    for properties in body.iter(qn("w:tblPr")):
        borders = OxmlElement("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            line = OxmlElement(f"w:{side}")
            for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
                line.set(qn(f"w:{key}"), value)
            borders.append(line)
        look = properties.find(qn("w:tblLook"))
        if look is not None:
            look.addprevious(borders)
        else:
            properties.append(borders)
    _landscape(document)
    for table in document.tables:
        _widths(table)
    last = [child for child in body if child.tag != qn("w:sectPr")][-1]
    if last.tag == qn("w:tbl"):
        last.addnext(OxmlElement("w:p"))
    saved = folder / word.name
    document.save(str(saved))
    return saved


# Twips: an A4 page turned landscape, 2 cm margins, as a roadmap's appendix is printed.
_PAGE, _MARGIN = (16838, 11906), 1134


def _landscape(document: docx.document.Document) -> None:
    for section_properties in document.element.body.iter(qn("w:sectPr")):
        size = section_properties.find(qn("w:pgSz"))
        if size is not None:
            size.set(qn("w:w"), str(_PAGE[0]))
            size.set(qn("w:h"), str(_PAGE[1]))
            size.set(qn("w:orient"), "landscape")
        margins = section_properties.find(qn("w:pgMar"))
        if margins is not None:
            for side in ("top", "right", "bottom", "left"):
                margins.set(qn(f"w:{side}"), str(_MARGIN))


def _weight(header: str) -> float:
    """How wide a column is laid out, by its header: titles widest, numbers narrowest."""
    header = header.casefold()
    if header.strip() in ("", "№", "№ п/п", "n п/п"):
        return 0.4
    if "мероприяти" in header or "наименовани" in header or "содержани" in header:
        return 3.0
    if "ответствен" in header or "исполнител" in header:
        return 1.8
    return 1.6 if "результат" in header else 1.25


def _widths(table: docx.table.Table) -> None:
    """Column widths a person would give the table, its cells sized to their grid columns."""
    grid = table._tbl.tblGrid
    columns = grid.findall(qn("w:gridCol"))
    first = table._tbl.tr_lst[0]
    headers = (
        [tc.xpath("string(.)") for tc in first.tc_lst]
        if len(first.tc_lst) == len(columns)
        else [""] * len(columns)
    )
    weights = [_weight(h) if len(columns) > 2 else 1.0 for h in headers]
    usable = _PAGE[0] - 2 * _MARGIN
    widths = [round(usable * w / sum(weights)) for w in weights]
    for column, width in zip(columns, widths, strict=True):
        column.set(qn("w:w"), str(width))
    for row in table._tbl.tr_lst:
        start = 0
        for tc in row.tc_lst:
            span = tc.grid_span
            width = tc.tcPr.find(qn("w:tcW")) if tc.tcPr is not None else None
            if width is not None:
                width.set(qn("w:w"), str(sum(widths[start : start + span])))
                width.set(qn("w:type"), "dxa")
            start += span


def convert(source: Path, target: Path, output_filter: str) -> None:
    """``source`` converted by LibreOffice with ``output_filter`` to ``target``."""
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work, "profile").as_uri()
        subprocess.run(
            [soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to",
             output_filter, "--outdir", work, str(source)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        made = Path(work, source.stem + "." + output_filter.partition(":")[0])
        shutil.move(made, target)


def workbook(word: Path, target: Path) -> None:
    """The Word file's paragraphs and tables written to one sheet, as a user would lay it out."""
    raw = DocxImporter().read(word.read_bytes(), name=word.name)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Дорожная карта"
    width = max(b.columns for b in raw.blocks if isinstance(b, RawTable))
    wrap = Alignment(wrap_text=True, vertical="top")
    row = 0
    line = None  # of the paragraph before, in the Word file
    for block in raw.blocks:
        if isinstance(block, RawParagraph):
            # A blank row where the Word file has an empty paragraph, as a user lays it out.
            row += 1 if line is None or block.line is None or block.line == line + 1 else 2
            line = block.line
            sheet.cell(row, 1, block.text).alignment = wrap
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            continue
        row += 1  # a blank row before each table, as users leave one
        line = None
        started: dict[int, int] = {}  # column → the row its vertical merge begins at
        for raw_row in block.rows:
            row += 1
            for cell in raw_row.cells:
                last = cell.column + cell.span - 1
                if cell.merged and cell.column in started:
                    top = started[cell.column]
                    for merged in list(sheet.merged_cells.ranges):
                        if merged.min_row == top and merged.min_col == cell.column:
                            sheet.merged_cells.remove(merged)
                    sheet.merge_cells(start_row=top, start_column=cell.column, end_row=row,
                                      end_column=last)  # fmt: skip
                    continue
                started[cell.column] = row
                sheet.cell(row, cell.column, cell.text or None).alignment = wrap
                if last > cell.column:
                    sheet.merge_cells(start_row=row, start_column=cell.column, end_row=row,
                                      end_column=last)  # fmt: skip
    for column in range(1, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 12 if column == 1 else 40
    book.save(target)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for word in sorted(DOCUMENTS.glob("*.docx")):
        with tempfile.TemporaryDirectory() as work:
            saved = as_saved(word, Path(work))
            for suffix, output_filter in WRITER.items():
                convert(saved, out / f"{word.stem}.{suffix}", output_filter)
        book = out / f"{word.stem}.xlsx"
        workbook(word, book)
        for suffix, output_filter in CALC.items():
            convert(book, out / f"{word.stem}.{suffix}", output_filter)
        print(word.stem)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
