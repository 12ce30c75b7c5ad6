"""Speed of validating a certificate registry, against a bare ``csv.reader`` pass in the same run.

    python benchmarks/registry.py [--rows 1000000] [--repeat 3] [--memory] [--timestamps]

Writes ROWS certificates to a temporary CSV file as regions export them (``;``-separated,
Russian headers, dates ДД.ММ.ГГГГ, amounts with a comma; a few bad rows and findings mixed in).
Then times, best of REPEAT:

* a bare ``csv.reader`` pass over the file (open, split every row, count them): the least any
  reader must do;
* ``dod_model.registry.validate_registry`` (the whole job: header matching, every cell read into a
  :class:`~dod_model.registry.Certificate`, every core and regional record rule, the findings).

Printed as seconds, rows per second and the ratio; the target is ten times the bare pass at
most. With ``--memory`` each is also run in a child process at a tenth and at the full size, and
its peak resident memory printed: what grows is the set of certificate numbers seen.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import best

import dod_model
from dod_model.plugins import get_plugin_manager

HEADER = ("Номер сертификата", "Вид сертификата", "Дата рождения", "Муниципальное образование",
          "Номинал", "Остаток", "Единица номинала", "Дата выдачи", "Регион")  # fmt: skip
MUNICIPALITIES = ("г.о. Самара", "г.о. Тольятти", "г.о. Сызрань", "Кинельский район",
                  "г.о. Новокуйбышевск", "Ставропольский район", "г.о. Чапаевск")  # fmt: skip
KINDS = ("сертификат учёта", "ПФДО", "социальный сертификат")


def build(path: Path, rows: int, seed: int = 7, *, timestamps: bool = False) -> None:
    """A registry of ``rows`` certificates; one row in 5,000 bad, one in 1,000 a finding.

    With ``timestamps``, issue dates carry a time of day («01.09.2020 14:03:27»), as some
    systems export them: every one a different text, so no memo of dates read helps.
    """
    rng = random.Random(seed)
    numbers = rng.sample(range(10**9, 10**10), rows)
    with path.open("w", encoding="utf-8", newline="") as file:
        out = csv.writer(file, delimiter=";")
        out.writerow(HEADER)
        for i, number in enumerate(numbers):
            birth = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(365 * 14))
            issued = birth + dt.timedelta(days=365 * 6 + rng.randrange(365 * 6))
            kind = KINDS[i % 3]
            nominal = "" if kind == KINDS[0] else "6 500,00"
            balance = "" if kind == KINDS[0] else f"{rng.randrange(6500)},00"
            text = str(number) if i % 1000 else str(number)[:9]  # a malformed number
            born = birth.strftime("%d.%m.%Y") if i % 5000 != 1 else "31.02.2012"  # bad cell
            out.writerow((text, kind, born, MUNICIPALITIES[i % len(MUNICIPALITIES)], nominal,
                          balance, "рублей" if nominal else "",
                          issued.strftime("%d.%m.%Y") + (
                              f" {i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}"
                              if timestamps else ""),
                          "RU-SAM"))  # fmt: skip


def bare_pass(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as file:
        return sum(1 for _ in csv.reader(file, delimiter=";"))


def _peak_mib(path: Path, what: str) -> float:
    """Peak resident memory of a child process doing ``what`` to the file."""
    work = (
        "sum(1 for _ in csv.reader(open(p, encoding='utf-8', newline=''), delimiter=';'))"
        if what == "csv"
        else "dod_model.registry.validate_registry(p)"
    )
    # VmHWM, the peak of the process's own memory (ru_maxrss would count the parent's at fork).
    code = (
        f"import csv, dod_model\np = {str(path)!r}\n{work}\n"
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return int(done.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory", action="store_true", help="also measure peak memory")
    parser.add_argument(
        "--timestamps", action="store_true", help="issue dates with a time of day, each different"
    )
    args = parser.parse_args()
    plugins = get_plugin_manager(entry_points=False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "certificates.csv"
        build(path, args.rows, timestamps=args.timestamps)
        size = path.stat().st_size / 2**20
        report = dod_model.registry.validate_registry(path, plugins=plugins)
        counts = report.counts()
        print(f"{args.rows:,} certificates, {size:.0f} MiB; findings: {counts}")
        assert bare_pass(path) == args.rows + 1
        bare = best(lambda: bare_pass(path), args.repeat)
        full = best(
            lambda: dod_model.registry.validate_registry(path, plugins=plugins), args.repeat
        )
        print(f"{'':24} {'seconds':>9} {'rows/s':>12}")
        print(f"{'csv.reader pass':24} {bare:9.2f} {args.rows / bare:12,.0f}")
        print(f"{'validate_registry':24} {full:9.2f} {args.rows / full:12,.0f}")
        print(f"ratio validate/csv: {full / bare:.1f} (target ≤ 10)")
        if args.memory:
            small = Path(folder) / "small.csv"
            build(small, max(args.rows // 10, 1))
            for label, file in ((f"{args.rows // 10:,} rows", small), (f"{args.rows:,} rows",
                                                                       path)):  # fmt: skip
                print(
                    f"peak RSS, {label}: csv.reader {_peak_mib(file, 'csv'):.0f} MiB, "
                    f"validate_registry {_peak_mib(file, 'validate'):.0f} MiB"
                )


if __name__ == "__main__":
    main()
