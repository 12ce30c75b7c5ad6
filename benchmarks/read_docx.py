"""Speed of reading Word roadmaps, against a bare lxml walk and python-docx in the same run.

    python benchmarks/read_docx.py [--sections 1000] [--repeat 3] [--skip-python-docx]

Builds a consolidated roadmap: SECTIONS municipal sections (a merged row each) of 15 activities,
with multi-line deadlines that differ per municipality and a responsible cell merged down each
section. Then times, best of REPEAT:

* a bare lxml walk that parses ``word/document.xml`` and joins the text of every cell;
* ``dod_model.read`` (the whole job: importer, layout, text semantics), as called by default,
  the garbage collector left alone;
* ``dod_model.read(..., pause_collector=True)``, the opt-in that pauses the collector;
* python-docx reading ``cell.text`` of every cell of every row.

Printed as seconds and as ratios (read to the bare walk, python-docx to read), at a tenth of the
size and at the full size, with how much each grew between them: linear cost grows as the rows do.
The targets are for the default read.
"""

from __future__ import annotations

import argparse
import io
import zipfile
from xml.sax.saxutils import escape

from _timing import best
from lxml import etree

import dod_model
from dod_model.plugins import get_plugin_manager

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application'
    '/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org'
    '/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _p(text: str) -> str:
    return "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(line)}</w:t></w:r></w:p>"
                   for line in text.split("\n")) or "<w:p/>"  # fmt: skip


def _tc(text: str, extra: str = "") -> str:
    return f"<w:tc><w:tcPr>{extra}</w:tcPr>{_p(text)}</w:tc>"


_SPAN = '<w:gridSpan w:val="5"/>'


def build(sections: int) -> bytes:
    """A consolidated roadmap of ``sections`` × 15 activities as a .docx file."""
    rows = ["<w:tr><w:trPr><w:tblHeader/></w:trPr>" + "".join(_tc(h) for h in (
        "№ п/п", "Наименование мероприятия", "Сроки", "Результат", "Ответственный исполнитель"))
        + "</w:tr>"]  # fmt: skip
    for s in range(1, sections + 1):
        section_cell = _tc(f"{s}. Муниципалитет № {s}", _SPAN)
        rows.append(f"<w:tr>{section_cell}</w:tr>")
        for a in range(1, 16):
            years = "\n".join(
                f"{(s + a) % 28 + 1:02d}.{(a % 12) + 1:02d}.{y}" for y in range(2020, 2025)
            )
            merge = '<w:vMerge w:val="restart"/>' if a == 1 else "<w:vMerge/>"
            title = f"Мероприятие {a} муниципалитета {s}: проведение мониторинга и анализа"
            cells = (
                _tc(f"{s}.{a}."),
                _tc(title),
                _tc(years),
                _tc("Аналитический отчет\nУправленческие решения"),
                _tc(f"Управление образования МО {s}, МОЦ", merge),
            )
            rows.append(f"<w:tr>{''.join(cells)}</w:tr>")
    body = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
            f"{_p('ДОРОЖНАЯ КАРТА внедрения целевой модели на 2020-2024 годы')}"
            f"<w:tbl><w:tblGrid>{'<w:gridCol/>' * 5}</w:tblGrid>{''.join(rows)}</w:tbl>"
            "</w:body></w:document>")  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/document.xml", body)
    return out.getvalue()


def bare_walk(data: bytes) -> int:
    """Parse the main part and join the text of every cell: the least any reader must do."""
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, huge_tree=True))
    cells = 0
    for cell in root.iter(f"{{{W}}}tc"):
        "".join(t.text or "" for t in cell.iter(f"{{{W}}}t"))
        cells += 1
    return cells


def python_docx(data: bytes) -> int:
    import docx  # noqa: PLC0415 - optional: only this comparison needs it

    document = docx.Document(io.BytesIO(data))
    cells = 0
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                cell.text  # noqa: B018 - the reading is what is timed
                cells += 1
    return cells


def _measure(sections: int, repeat: int, *, python_docx_too: bool) -> dict[str, float]:
    """Seconds, best of ``repeat``, of each reader on a roadmap of ``sections`` sections."""
    plugins = get_plugin_manager(entry_points=False)
    data = build(sections)
    roadmap = dod_model.read(io.BytesIO(data), plugins=plugins)
    assert len(roadmap.activities) == sections * 15
    assert bare_walk(data) == sections * 76 + 5  # every cell: 5 a row, one a section row
    seconds = {
        "walk": best(lambda: bare_walk(data), repeat),
        "read": best(lambda: dod_model.read(io.BytesIO(data), plugins=plugins), repeat),
        "paused": best(
            lambda: dod_model.read(io.BytesIO(data), plugins=plugins, pause_collector=True), repeat
        ),
    }
    if python_docx_too:
        seconds["python-docx"] = best(lambda: python_docx(data), repeat)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-python-docx", action="store_true")
    args = parser.parse_args()
    sizes = (max(args.sections // 10, 1), args.sections)
    print(f"best of {args.repeat}, wall-clock seconds")
    print(f"{'rows':>7} {'bare walk':>10} {'read':>8} {'paused':>8} {'python-docx':>12} "
          f"{'read/walk':>10} {'paused/walk':>12} {'docx/read':>10}")  # fmt: skip
    results = []
    for sections in sizes:
        seconds = _measure(sections, args.repeat, python_docx_too=not args.skip_python_docx)
        results.append(seconds)
        walk, read = seconds["walk"], seconds["read"]
        other = seconds.get("python-docx")
        paused = seconds["paused"]
        line = f"{sections * 16:>7} {walk:10.3f} {read:8.3f} {paused:8.3f} "
        line += f"{other:12.3f}" if other is not None else f"{'-':>12}"
        line += f" {read / walk:9.2f}× {paused / walk:11.2f}×"
        line += f" {other / read:9.2f}×" if other is not None else f" {'-':>10}"
        print(line)
    small, large = results
    growth = ", ".join(f"{name} ×{large[name] / small[name]:.1f}" for name in large)
    print(f"growth from {sizes[0] * 16} to {sizes[1] * 16} rows (×{sizes[1] / sizes[0]:.0f}): "
          f"{growth}")  # fmt: skip
    ratio = large["read"] / large["walk"]
    print(f"target read ≤ 2.5× bare walk: {'met' if ratio <= 2.5 else 'not met'} ({ratio:.2f}×)")
    if "python-docx" in large:
        faster = large["python-docx"] / large["read"]
        print(f"target read ≥ 5× faster than python-docx: {'met' if faster >= 5 else 'not met'} "
              f"({faster:.2f}×)")  # fmt: skip


if __name__ == "__main__":
    main()
