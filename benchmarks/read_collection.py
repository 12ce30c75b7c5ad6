"""Speed of reading a collection in parallel: ``-j 2`` against ``-j 1`` in the same run.

    python benchmarks/read_collection.py [--files 2000] [--jobs 2] [--repeat 1]

Copies the five bundled Word roadmaps (``examples``' ``.docx``) into a temporary folder until it
holds FILES of them, then times :func:`dod_model.analysis.read_collection` over the folder with
``jobs=1`` (in this process) and ``jobs=JOBS`` (a pool of processes, their start included),
best of REPEAT. Prints seconds, roadmaps per second and the ratio, with the load average: the
targets (≥ 1.7× and ≥ 60 roadmaps/s on 2 cores) are for an idle machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from _timing import best

from dod_model import examples
from dod_model.analysis import read_collection


def _folder(root: Path, files: int) -> Path:
    seeds = [Path(str(examples.path(name))) for name in examples.documents() if "-" not in name]
    folder = root / "roadmaps"
    folder.mkdir()
    for index in range(files):
        seed = seeds[index % len(seeds)]
        shutil.copyfile(seed, folder / f"{index:05d}-{seed.name}")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        folder = _folder(Path(root), args.files)
        print(f"{args.files} Word roadmaps; load average before: {os.getloadavg()}")
        counts: dict[int, int] = {}

        def run(jobs: int) -> None:
            collection = read_collection(folder, jobs=jobs, progress=False)
            counts[jobs] = len(collection)
            assert collection.ok, collection.refused[:1]

        one = best(lambda: run(1), args.repeat)
        many = best(lambda: run(args.jobs), args.repeat)
        for jobs, seconds in ((1, one), (args.jobs, many)):
            print(f"-j {jobs}: {seconds:6.2f} s, {counts[jobs] / seconds:6.1f} roadmaps/s")
        print(f"ratio -j {args.jobs} / -j 1: {one / many:.2f}×  (target ≥ 1.7× on 2 cores)")
        print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
