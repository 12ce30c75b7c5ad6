"""Speed of reading PDF roadmaps, against pdfplumber's own table extraction in the same run.

    python benchmarks/read_pdf.py [--sections 67] [--repeat 3]

Builds the Word roadmap of ``read_docx.py`` (SECTIONS municipal sections of 15 activities: 67
make about 1,000 rows), saved as the renditions are (ruled, A4 landscape), and has LibreOffice
export it to PDF once (kept in a temporary
directory for the next run). Then times, best of REPEAT:

* pdfplumber's ``page.extract_tables()`` over every page (the bare library walk);
* ``dod_model.read`` of the same file (importer, layout, text semantics).

The target: the read within 1.3 times the bare walk.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pdfplumber
from _timing import best
from read_docx import build

import dod_model
from dod_model.plugins import get_plugin_manager

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests import renditions  # the preparation the renditions are made with


def _with_table_properties(docx: bytes) -> bytes:
    """The Word file with a ``w:tblPr`` on each table, for ``as_saved`` to draw borders in."""
    source, out = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:tbl><w:tblGrid>", b"<w:tbl><w:tblPr/><w:tblGrid>")
            target.writestr(item, data)
    return out.getvalue()


def pdf_of(sections: int) -> Path:
    """The roadmap as a PDF exported by LibreOffice, made once and kept.

    The Word file is first saved as the renditions are (``tests/renditions.py``: ``as_saved``):
    ruled with Word's «Table Grid» lines, on A4 landscape pages, its columns sized by their
    headers, a paragraph after the table.
    """
    docx = _with_table_properties(build(sections))
    key = hashlib.sha256(docx + Path(renditions.__file__).read_bytes()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir(), "dod-model-benchmark-pdf")
    target = cache / f"roadmap-{key}.pdf"
    if target.exists():
        return target
    cache.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        built = Path(work, "built")
        built.mkdir()
        (built / "roadmap.docx").write_bytes(docx)
        source = renditions.as_saved(built / "roadmap.docx", Path(work))
        subprocess.run(
            [shutil.which("soffice") or "soffice", f"-env:UserInstallation=file://{work}/p",
             "--headless", "--convert-to", "pdf", "--outdir", work, str(source)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
        shutil.move(Path(work, "roadmap.pdf"), target)
    return target


def bare(path: Path) -> int:
    """pdfplumber's own table extraction over every page: the number of rows."""
    rows = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows += len(table)
            page.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sections", type=int, default=67)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = pdf_of(args.sections)
    plugins = get_plugin_manager(entry_points=False)
    roadmap = dod_model.read(path, plugins=plugins)
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
    print(f"{path.name}: {pages} pages, {bare(path)} table rows, "
          f"{len(roadmap.activities)} activities")  # fmt: skip
    walk = best(lambda: bare(path), args.repeat)
    read = best(lambda: dod_model.read(path, plugins=plugins), args.repeat)
    print(f"pdfplumber extract_tables: {walk:.2f} s")
    print(f"dod_model.read:            {read:.2f} s   ratio {read / walk:.2f} (target <= 1.3)")


if __name__ == "__main__":
    main()
