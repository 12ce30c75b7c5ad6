"""Speed of writing workbooks with XlsxWriter against openpyxl, in the same run.

    python benchmarks/write_xlsx.py [--roadmaps 667] [--repeat 3]

Reads the five bundled Word examples and builds from them a collection of ROADMAPS roadmaps
(copies of the five, each its own file name and municipality): about 10,000 activities at the
default. Then times, best of REPEAT, each writer drawing the same plan of cells:

* the collection book (:func:`dod_model.exporters.collection_workbook`: «Мероприятия» of every
  activity, «Сводка»), and the same with a sheet per roadmap;
* one roadmap of 10,000 activities in the official layout (:class:`XlsxExporter`).

Printed as seconds per writer and the ratio. XlsxWriter must be installed
(``pip install 'dod-model[xlsx]'``).
"""

from __future__ import annotations

import argparse

import attrs
from _timing import best

import dod_model
from dod_model import Roadmap, Section, examples
from dod_model.exporters import XlsxExporter, collection_workbook
from dod_model.plugins import get_plugin_manager

PLUGINS = get_plugin_manager(entry_points=False)
NAMES = ("amur", "samara", "sverdlovsk", "tambov", "ulyanovsk")


def collection(count: int) -> tuple[list[Roadmap], list[str]]:
    """``count`` roadmaps, the five examples in turn, each with a file name of its own."""
    seeds = [dod_model.read(examples.path(name), plugins=PLUGINS) for name in NAMES]
    roadmaps = [attrs.evolve(seeds[i % 5], municipality=f"Муниципалитет № {i + 1}")
                for i in range(count)]  # fmt: skip
    return roadmaps, [f"mo-{i + 1:04d}-{NAMES[i % 5]}.docx" for i in range(count)]


def consolidated(roadmaps: list[Roadmap]) -> Roadmap:
    """One roadmap of a section per roadmap of the collection."""
    sections = []
    for number, roadmap in enumerate(roadmaps, 1):
        activities = tuple(attrs.evolve(a, number=f"{number}.{i}", section=str(number))
                           for i, a in enumerate(roadmap.activities, 1))  # fmt: skip
        sections.append(Section(number=str(number), title=roadmap.municipality or "",
                                activities=activities))  # fmt: skip
    return Roadmap(title="Сводная дорожная карта", sections=tuple(sections))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--roadmaps", type=int, default=667)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    roadmaps, files = collection(args.roadmaps)
    activities = sum(len(r.activities) for r in roadmaps)
    one = consolidated(roadmaps)
    jobs = {
        f"collection book, {activities:,} activities": lambda w: collection_workbook(
            roadmaps, files=files, writer=w
        ),
        f"collection book, {activities:,} activities, a sheet per roadmap": (
            lambda w: collection_workbook(roadmaps, files=files, per_roadmap=True, writer=w)
        ),
        f"one roadmap, {len(one.activities):,} activities": lambda w: XlsxExporter(w).export(one),
    }
    for label, job in jobs.items():
        fast = best(lambda j=job: j("xlsxwriter"), args.repeat)
        slow = best(lambda j=job: j("openpyxl"), args.repeat)
        size = len(job("xlsxwriter")) / 1e6
        print(f"{label}: XlsxWriter {fast:.2f} s, openpyxl {slow:.2f} s "
              f"({slow / fast:.1f}× slower), {size:.1f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
