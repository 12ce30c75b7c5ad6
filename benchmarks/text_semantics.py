"""Speed of the text semantics on 100,000 real cells, against a bare regex pass in the same run.

    python benchmarks/text_semantics.py [--cells 100000] [--repeat 3]

The cells are the seeds' own deadline, responsible and result cells (the tables of the test
suite), repeated with their years shifted so that no two neighbouring cells are equal. The
baseline is the least any parser must do: one regex scan for dates and one split on commas per
cell. Figures are ratios to that baseline, which travel between machines; cells per second are
printed too.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_deadlines import SEED_DEADLINES  # noqa: E402
from tests.test_text import SEED_PARTIES, SVERDLOVSK_TARGETS  # noqa: E402

from dod_model import Deadline, Result, text  # noqa: E402

_YEAR = re.compile(r"20(1\d|2\d)")
_DATES = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")


def _cells(samples: Sequence[str], count: int) -> list[str]:
    """``count`` cells cycling through ``samples``, years shifted by 0–9 to vary them."""
    return [
        _YEAR.sub(lambda m, k=i: str(2010 + (int(m[1]) + k) % 20), samples[i % len(samples)])
        for i in range(count)
    ]


def _baseline(cells: Sequence[str]) -> None:
    for cell in cells:
        _DATES.findall(cell)
        cell.split(",")


def _best(work: Callable[[Sequence[str]], object], cells: Sequence[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work(cells)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = [f"{target[0]}" for target in SVERDLOVSK_TARGETS] + [
        "Распоряжения МОиН СО от 28.06.2019г № 592-р, от 22.07.2019г. № 637-р. Муниципальные НПА. "
        "Реестр ОЦ (http://rmc.pioner-samara.ru/index.php/opornye-tsentry)",
        "Локальный акт ОО",
        "Аналитический отчет\nУправленческие решения",
    ]
    suites: dict[str, tuple[list[str], Callable[[Sequence[str]], object]]] = {
        "Deadline.parse": (
            _cells([row[1] for row in SEED_DEADLINES], args.cells),
            lambda cells: [Deadline.parse(c) for c in cells],
        ),
        "split_parties": (
            _cells([row[1] for row in SEED_PARTIES], args.cells),
            lambda cells: [text.split_parties(c) for c in cells],
        ),
        "Result.parse": (
            _cells(results, args.cells),
            lambda cells: [Result.parse(c) for c in cells],
        ),
    }
    print(f"{args.cells:,} cells each, best of {args.repeat}")
    print(f"{'parser':<16} {'seconds':>8} {'cells/s':>10} {'× baseline':>11}")
    for name, (cells, work) in suites.items():
        base = _best(_baseline, cells, args.repeat)
        spent = _best(work, cells, args.repeat)
        print(f"{name:<16} {spent:8.2f} {args.cells / spent:10,.0f} {spent / base:11.1f}")
        print(f"{'  baseline':<16} {base:8.2f} {args.cells / base:10,.0f} {1:11.1f}")


if __name__ == "__main__":
    main()
