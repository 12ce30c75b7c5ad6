"""Speed of writing Word roadmaps, against python-docx building the same table in the same run.

    python benchmarks/write_docx.py [--sections 1000] [--repeat 3]

Reads the five seed roadmaps' Word renditions, and builds from their activities a consolidated
roadmap of SECTIONS sections × 15 activities (each municipality's deadlines shifted by its
number, so no two sections are alike). Then times, best of REPEAT:

* ``DocxExporter().export`` (the whole job: layout, cells, package);
* python-docx writing the same cells with ``add_table`` and ``cell.text`` and saving, the way
  a script without this library would;
* reading the export back with ``dod_model.read``, for scale.

Printed as seconds and as ratios; the same at a tenth of the size, to show how each grows with
rows.
"""

from __future__ import annotations

import argparse
import io

import attrs
from _timing import best

import dod_model
from dod_model import Roadmap, Section, examples
from dod_model.exporters import DocxExporter
from dod_model.plugins import get_plugin_manager

PLUGINS = get_plugin_manager(entry_points=False)


def build(sections: int) -> Roadmap:
    """A consolidated roadmap of ``sections`` × 15 activities drawn from the seeds."""
    pool = [a for name in ("amur", "samara", "sverdlovsk", "tambov", "ulyanovsk")
            for a in dod_model.read(examples.path(name), plugins=PLUGINS).activities]  # fmt: skip
    built = []
    for number in range(1, sections + 1):
        activities = []
        for index in range(15):
            source = pool[(number * 15 + index) % len(pool)]
            text = f"{source.deadline.text}\n{1 + number % 28:02d}.12.20{20 + index % 5}"
            activities.append(attrs.evolve(source, number=f"{number}.{index + 1}",
                                           section=str(number),
                                           deadline=dod_model.Deadline.parse(text)))  # fmt: skip
        built.append(Section(number=str(number), title=f"Муниципальное образование № {number}",
                             activities=tuple(activities)))  # fmt: skip
    return Roadmap(title="Сводная дорожная карта", sections=tuple(built))


def python_docx(roadmap: Roadmap) -> bytes:
    """The same table written with python-docx's public API."""
    import docx  # noqa: PLC0415 - a test dependency, only for the comparison

    document = docx.Document()
    document.add_paragraph(roadmap.title)
    table = document.add_table(rows=0, cols=5)
    for section in roadmap.sections:
        row = table.add_row().cells
        merged = row[0].merge(row[4])
        merged.text = f"{section.number}. {section.title}"
        for a in section.activities:
            cells = table.add_row().cells
            texts = (a.number, a.title, a.deadline.text, "\n".join(r.text for r in a.results),
                     ", ".join(p.name for p in a.responsible))  # fmt: skip
            for cell, text in zip(cells, texts, strict=True):
                cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sections", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for sections in (args.sections // 10, args.sections):
        roadmap = build(sections)
        data = DocxExporter().export(roadmap)
        export = best(lambda r=roadmap: DocxExporter().export(r), args.repeat)
        baseline = best(lambda r=roadmap: python_docx(r), args.repeat)
        reading = best(lambda d=data: dod_model.read(io.BytesIO(d), plugins=PLUGINS), 1)
        rows = sum(len(s.activities) + 1 for s in roadmap.sections)
        print(f"{rows:>6} rows: export {export:.2f} s, python-docx {baseline:.2f} s "
              f"({baseline / export:.1f}× slower), read back {reading:.2f} s, "
              f"{len(data) / 1e6:.1f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
