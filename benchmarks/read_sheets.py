"""Speed of reading spreadsheet roadmaps, against the bare sheet iteration in the same run.

    python benchmarks/read_sheets.py [--rows 1000] [--repeat 3]

Builds a roadmap of ROWS activities as an ``.xlsx`` with openpyxl, laid out as the renditions
are (``tests/renditions.py``): title rows merged across the table, a header, sections of 15
activities each under a section row merged across the table, multi-line deadlines, and a
responsible cell merged down each section; and the same workbook saved as ``.xls`` by
LibreOffice Calc, when it is installed. Then times, best of REPEAT:

* openpyxl's ``load_workbook(read_only=True)`` iterating ``ws.iter_rows(values_only=True)``:
  the bare iteration, which gives values, not merged ranges nor shown texts;
* ``dod_model.read`` of the ``.xlsx`` (the whole job: the importer, the layout, the text
  semantics);
* python-calamine iterating the ``.xls`` sheet's rows, and ``dod_model.read`` of the ``.xls``.

The target: read ≤ 2× the bare iteration. calamine's walk, in Rust, takes a hundredth of the
time the layout and the text semantics take, whatever the format: for ``.xls`` the importer's
share is printed as well.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl
from _timing import best
from openpyxl.styles import Alignment

import dod_model
from dod_model.importers import XlsImporter, XlsxImporter
from dod_model.plugins import get_plugin_manager

HEADER = ("№ п/п", "Наименование мероприятия", "Сроки", "Результат", "Ответственный исполнитель")


def build(rows: int) -> bytes:
    """A roadmap of ``rows`` activities (sections of 15) as an .xlsx file."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Дорожная карта"
    wrap = Alignment(wrap_text=True, vertical="top")
    sheet["A1"] = "ДОРОЖНАЯ КАРТА внедрения целевой модели на 2020-2024 годы"
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(HEADER)
    sections = (rows + 14) // 15
    for s in range(1, sections + 1):
        sheet.append([f"{s}. Муниципалитет № {s}"])
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row,
                          end_column=5)  # fmt: skip
        first = sheet.max_row + 1
        for a in range(1, min(15, rows - (s - 1) * 15) + 1):
            years = "\n".join(f"{(s + a) % 28 + 1:02d}.{(a % 12) + 1:02d}.{y}"
                              for y in range(2020, 2025))  # fmt: skip
            title = f"Мероприятие {a} муниципалитета {s}: проведение мониторинга и анализа"
            sheet.append([f"{s}.{a}.", title, years, "Аналитический отчет\nУправленческие решения",
                          f"Управление образования МО {s}, МОЦ" if a == 1 else None])  # fmt: skip
            for column in (2, 3, 4):
                sheet.cell(sheet.max_row, column).alignment = wrap
        if sheet.max_row > first:
            sheet.merge_cells(start_row=first, start_column=5, end_row=sheet.max_row,
                              end_column=5)  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_xls(data: bytes) -> bytes | None:
    """The workbook saved by LibreOffice Calc as .xls; ``None`` without LibreOffice."""
    program = os.environ.get("DOD_MODEL_SOFFICE") or shutil.which("soffice")
    if not program:
        return None
    with tempfile.TemporaryDirectory() as work:
        Path(work, "roadmap.xlsx").write_bytes(data)
        subprocess.run([program, f"-env:UserInstallation={Path(work, 'p').as_uri()}",
                        "--headless", "--convert-to", "xls:MS Excel 97", "--outdir", work,
                        str(Path(work, "roadmap.xlsx"))],
                       check=True, capture_output=True, timeout=300)  # fmt: skip
        return Path(work, "roadmap.xls").read_bytes()


def openpyxl_rows(data: bytes) -> int:
    """openpyxl's read-only iteration of the sheet's values: the bare walk."""
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        return sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()


def calamine_rows(data: bytes) -> int:
    """python-calamine's iteration of the sheet's rows."""
    import python_calamine  # noqa: PLC0415 - an optional extra

    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return sum(1 for _ in book.get_sheet_by_index(0).iter_rows())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    plugins = get_plugin_manager(entry_points=False)
    xlsx = build(args.rows)
    xls = as_xls(xlsx)

    def read(data: bytes, name: str) -> dod_model.Roadmap:
        stream = io.BytesIO(data)
        stream.name = name
        return dod_model.read(stream, plugins=plugins)

    assert len(read(xlsx, "roadmap.xlsx").activities) == args.rows
    print(f"{args.rows} activities, best of {args.repeat}, wall-clock seconds")
    bare = best(lambda: openpyxl_rows(xlsx), args.repeat)
    ours = best(lambda: read(xlsx, "roadmap.xlsx"), args.repeat)
    print(
        f".xlsx  openpyxl iter_rows {bare:7.3f}   read {ours:7.3f}   read/bare {ours / bare:5.2f}×"
    )
    ratio = ours / bare
    alone = best(lambda: XlsxImporter().read(xlsx, name="roadmap.xlsx"), args.repeat)
    print(f"       the importer alone (raw blocks, no layout) {alone:7.3f}")
    if xls is not None:
        assert len(read(xls, "roadmap.xls").activities) == args.rows
        bare = best(lambda: calamine_rows(xls), args.repeat)
        ours = best(lambda: read(xls, "roadmap.xls"), args.repeat)
        alone = best(lambda: XlsImporter().read(xls, name="roadmap.xls"), args.repeat)
        print(f".xls   calamine iter_rows {bare:7.3f}   read {ours:7.3f}   read/bare "
              f"{ours / bare:5.2f}×")  # fmt: skip
        print(f"       the importer alone (raw blocks, no layout) {alone:7.3f}  "
              f"importer/bare {alone / bare:5.2f}×")  # fmt: skip
    print(f"target .xlsx read ≤ 2× bare iteration: {'met' if ratio <= 2 else 'not met'} "
          f"({ratio:.2f}×)")  # fmt: skip


if __name__ == "__main__":
    main()
