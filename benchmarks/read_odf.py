"""Speed of reading OpenDocument text roadmaps, against a bare lxml walk in the same run.

    python benchmarks/read_odf.py [--sections 63 1000] [--repeat 3]

Builds the consolidated roadmap of ``benchmarks/read_docx.py`` (SECTIONS municipal sections of
15 activities, a merged section row each, a responsible cell merged down each section) as a
Word file, and has LibreOffice save it as ``.odt``, as a user would (cached in the temporary
folder: a conversion of 16,000 rows takes a while). Then times, best of REPEAT:

* a bare lxml walk that unzips ``content.xml``, parses it and joins the text of every cell of
  every table row (``itertext``);
* the importer alone (``OdtImporter().read``: the package opened within the budgets, the body
  walked, lists numbered, cells on the grid);
* ``dod_model.read`` (the whole job: importer, layout, text semantics), as called by default.

The readers take turns, run by run, so that each meets the same load of the machine.
Printed as seconds and as ratios to the bare walk, at each size. The target (≤ 2.5×) is for
``dod_model.read`` at 1,000 rows.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from _timing import best
from lxml import etree
from read_docx import build

import dod_model
from dod_model.importers import OdtImporter
from dod_model.plugins import get_plugin_manager

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def odt(sections: int) -> bytes:
    """The roadmap of ``sections`` sections, saved as .odt by LibreOffice (cached)."""
    word = build(sections)
    cache = Path(tempfile.gettempdir(), "dod-model-benchmarks")
    cache.mkdir(exist_ok=True)
    body = zipfile.ZipFile(io.BytesIO(word)).read("word/document.xml")  # the zip has dates
    target = cache / f"roadmap-{hashlib.sha256(body).hexdigest()[:16]}.odt"
    if target.exists():
        return target.read_bytes()
    program = os.environ.get("DOD_MODEL_SOFFICE") or shutil.which("soffice")
    if not program:
        sys.exit("needs LibreOffice (soffice on PATH, or DOD_MODEL_SOFFICE)")
    with tempfile.TemporaryDirectory() as work:
        source = Path(work, "roadmap.docx")
        source.write_bytes(word)
        profile = Path(work, "profile").as_uri()
        subprocess.run(
            [program, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
             "odt:writer8", "--outdir", work, str(source)],
            check=True, capture_output=True, timeout=900,
        )  # fmt: skip
        shutil.move(Path(work, "roadmap.odt"), target)
    return target.read_bytes()


def bare_walk(data: bytes) -> int:
    """Parse content.xml and join the text of every cell: the least any reader must do."""
    xml = zipfile.ZipFile(io.BytesIO(data)).read("content.xml")
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, huge_tree=True))
    cells = 0
    for row in root.iter(f"{{{TABLE}}}table-row"):
        for cell in row.iter(f"{{{TABLE}}}table-cell"):
            "".join(cell.itertext())
            cells += 1
    return cells


def _measure(sections: int, repeat: int) -> dict[str, float]:
    """Seconds, best of ``repeat``, of each reader on a roadmap of ``sections`` sections."""
    plugins = get_plugin_manager(entry_points=False)
    data = odt(sections)
    roadmap = dod_model.read(io.BytesIO(data), format="odt", plugins=plugins)
    assert len(roadmap.activities) == sections * 15
    # Every cell but the covered ones: 5 in a section's first row, 4 in the others, 1 a section row
    assert bare_walk(data) == sections * 62 + 5
    readers = {
        "walk": lambda: bare_walk(data),
        "importer": lambda: OdtImporter().read(data, name="roadmap.odt"),
        "read": lambda: dod_model.read(io.BytesIO(data), format="odt", plugins=plugins),
    }
    # Run by run in turn, so that each reader meets the same load of the machine.
    seconds = {name: float("inf") for name in readers}
    for _ in range(repeat):
        for name, work in readers.items():
            seconds[name] = min(seconds[name], best(work, 1))
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, nargs="+", default=[63, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"best of {args.repeat}, wall-clock seconds")
    print(f"{'rows':>7} {'bare walk':>10} {'importer':>9} {'read':>8} {'importer/walk':>14} "
          f"{'read/walk':>10}")  # fmt: skip
    ratios = {}
    for sections in args.sections:
        seconds = _measure(sections, args.repeat)
        walk, importer, read = seconds["walk"], seconds["importer"], seconds["read"]
        rows = sections * 16
        ratios[rows] = read / walk
        print(f"{rows:>7} {walk:10.3f} {importer:9.3f} {read:8.3f} {importer / walk:13.2f}× "
              f"{read / walk:9.2f}×")  # fmt: skip
    rows, ratio = min(ratios.items(), key=lambda item: abs(item[0] - 1000))
    print(f"target read ≤ 2.5× bare walk at {rows:,} rows: "
          f"{'met' if ratio <= 2.5 else 'not met'} ({ratio:.2f}×)")  # fmt: skip


if __name__ == "__main__":
    main()
