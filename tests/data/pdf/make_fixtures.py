"""PDF roadmaps as published orders are: Word files with ruled tables, exported by LibreOffice.

The bundled Word roadmaps (``src/dod_model/examples/data/documents``) draw no table borders, and
carry tracked changes and fields that a published PDF shows otherwise (LibreOffice prints a
deletion struck through and a ``PAGE`` field as the page number). Before each is exported here,
its tables are given single borders, and the deletions and fields (whose shown result, read from
the Word file, is empty) are taken out: what the Word file reads to is unchanged, and the PDF is
what an approved order exported from it looks like. The long Tambov roadmap runs over many pages,
its rows split by page breaks and its header repeated on each page.

``split-row.pdf`` comes by another route: an HTML page of a ruled table (as legal databases save
them) exported by LibreOffice, one row of which is long enough to be split by a page break.

    python tests/data/pdf/make_fixtures.py     # rewrites the PDFs beside this script

LibreOffice is found on ``PATH`` (``soffice``) or through ``DOD_MODEL_SOFFICE``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HERE = Path(__file__).resolve().parent
DOCUMENTS = HERE.parents[2] / "src/dod_model/examples/data/documents"


def soffice() -> str:
    """The LibreOffice program: ``DOD_MODEL_SOFFICE``, else ``soffice`` on ``PATH``."""
    found = os.environ.get("DOD_MODEL_SOFFICE") or shutil.which("soffice")
    if not found:
        sys.exit("needs LibreOffice (libreoffice-writer-nogui)")
    return found


def to_pdf(source: Path, target: Path, output_filter: str = "pdf:writer_pdf_Export") -> None:
    """``source`` exported to PDF by LibreOffice, in a profile of its own."""
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work, "profile").as_uri()
        subprocess.run(
            [soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to",
             output_filter, "--outdir", work, str(source)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        shutil.move(Path(work, source.stem + ".pdf"), target)


def _borders(table) -> None:
    """Single borders around and between every cell of a Word table."""
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for name, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
            line.set(qn(f"w:{name}"), value)
        borders.append(line)
    properties.append(borders)


def published(word: Path, target: Path) -> None:
    """A bundled Word roadmap as its approved order is published: ruled, changes accepted."""
    document = docx.Document(str(word))
    body = document.element.body
    for table in document.tables:
        _borders(table)
    for deleted in list(body.iter(qn("w:del"))):
        deleted.getparent().remove(deleted)
    for run in list(body.iter(qn("w:r"))):
        if run.find(qn("w:fldChar")) is not None or run.find(qn("w:instrText")) is not None:
            run.getparent().remove(run)
    with tempfile.TemporaryDirectory() as work:
        ruled = Path(work, word.name)
        document.save(str(ruled))
        to_pdf(ruled, target)


_LONG = " ".join(
    f"{n}) проведение семинара для педагогов дополнительного образования в муниципалитете № {n}"
    for n in range(1, 60)
)
SPLIT_ROW_ACTIVITIES = (
    ("1.", "Создание муниципального опорного центра дополнительного образования детей",
     "Сентябрь 2019", "Приказ об открытии МОЦ", "Управление образования"),
    ("2.", f"Методическое сопровождение: {_LONG}", "В течение 2019 года",
     "Отчет о проведенных семинарах", "МОЦ"),
    ("3.", "Мониторинг охвата детей дополнительным образованием", "Декабрь 2019",
     "Аналитическая справка", "МОЦ"),
)  # fmt: skip


def split_row_page() -> str:
    """An HTML page of a ruled roadmap table whose second row runs over a page break."""
    header = ("№ п/п", "Наименование мероприятия", "Срок исполнения", "Результат",
              "Ответственный исполнитель")  # fmt: skip

    def row(cells: tuple[str, ...], tag: str = "td") -> str:
        return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"

    rows = "\n".join(row(a) for a in SPLIT_ROW_ACTIVITIES)
    return f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>План</title>
<style>table {{ border-collapse: collapse; }} td, th {{ border: 1px solid black; }}</style>
</head><body>
<p>ПЛАН МЕРОПРИЯТИЙ ПО СОЗДАНИЮ МУНИЦИПАЛЬНОГО ОПОРНОГО ЦЕНТРА</p>
<table width="100%" border="1" cellpadding="4" cellspacing="0">
<thead>{row(header, "th")}</thead>
<tbody>
{rows}
</tbody></table>
<p>Начальник управления образования И.О. Фамилия</p>
</body></html>
"""


def _options(**values: str) -> str:
    """LibreOffice's PDF export options as JSON: each a string, or a boolean if «true»."""
    kinds = {k: "boolean" if v == "true" else "string" for k, v in values.items()}
    return json.dumps({k: {"type": kinds[k], "value": v} for k, v in values.items()})


# Encrypted exports of the same page: one that opens without a password (only editing and
# copying are locked, as published orders often are), one that needs its password to open.
ENCRYPTED = {
    "locked-editing.pdf": _options(EncryptFile="true", PermissionPassword="owner",
                                   RestrictPermissions="true", Changes="0"),
    "password.pdf": _options(EncryptFile="true", DocumentOpenPassword="secret"),
}  # fmt: skip


def main() -> None:
    for word in sorted(DOCUMENTS.glob("*.docx")):
        published(word, HERE / f"{word.stem}.pdf")
        print(word.stem)
    with tempfile.TemporaryDirectory() as work:
        page = Path(work, "split-row.html")
        page.write_text(split_row_page(), encoding="utf-8")
        to_pdf(page, HERE / "split-row.pdf", "pdf:writer_web_pdf_Export")
        for target, options in ENCRYPTED.items():
            to_pdf(page, HERE / target, f"pdf:writer_web_pdf_Export:{options}")
    print("split-row")


if __name__ == "__main__":
    main()
