"""Speed of the exporters and of diff on a large roadmap, against canonical JSON in the same run.

    python benchmarks/exports_and_diff.py [--copies 40] [--repeat 3]

The roadmap is the Tambov seed (29 activities, columns of yearly dates, a yearly recurrence)
repeated ``--copies`` times, each copy's titles marked with its block so that no two are equal.
The baseline is :func:`dod_model.dumps`, the least an exporter does: walk the model and write
text. The editions ``diff`` compares are the roadmap and a copy of it with the first activity
dropped (so every later one is renumbered) and every tenth title edited (so the similarity
pass has work). Figures are ratios to the baseline, which travel between machines; activities
per second are printed too. ``--copies 138`` makes 4,002 activities (401 titles edited), where
a similarity pass comparing every edited title with every other would take about a minute.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

import attrs
from _timing import best

import dod_model
from dod_model import examples
from dod_model.exporters import CsvExporter, IcsExporter, MarkdownExporter


def _roadmap(copies: int) -> dod_model.Roadmap:
    seed = examples.load("tambov-text")  # the bundled copy of the Tambov seed
    activities = tuple(
        attrs.evolve(a, number=f"{block}.{a.number}", section=None, title=f"{a.title} ({block})")
        for block in range(1, copies + 1)
        for a in seed.activities
    )
    return attrs.evolve(seed, sections=(), unsectioned=activities)


def _edition(roadmap: dod_model.Roadmap) -> dod_model.Roadmap:
    activities = [
        attrs.evolve(
            a, number=str(n), title=a.title + " и их утверждение" if n % 10 == 0 else a.title
        )
        for n, a in enumerate(roadmap.activities[1:], start=1)
    ]
    return attrs.evolve(roadmap, unsectioned=tuple(activities))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    roadmap = _roadmap(args.copies)
    count = len(roadmap.activities)
    edition = _edition(roadmap)
    baseline = best(lambda: dod_model.dumps(roadmap), args.repeat)
    print(f"{count} activities; baseline dumps(): {baseline * 1000:.1f} ms")
    work: dict[str, Callable[[], object]] = {
        "csv": lambda: CsvExporter().export(roadmap),
        "md": lambda: MarkdownExporter().export(roadmap),
        "ics": lambda: IcsExporter().export(roadmap),
        "diff": lambda: dod_model.diff(roadmap, edition),
    }
    for name, job in work.items():
        seconds = best(job, args.repeat)
        print(
            f"{name:<5} {seconds * 1000:9.1f} ms  {seconds / baseline:6.2f}× baseline  "
            f"{count / seconds:10.0f} activities/s"
        )


if __name__ == "__main__":
    main()
