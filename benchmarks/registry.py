"""Speed of validating a certificate registry, against a bare ``csv.reader`` pass in the same run.

    python benchmarks/registry.py [--rows 1000000] [--repeat 3] [--files utf-8,cp1251]
                                  [--memory] [--timestamps]

Writes ROWS certificates to temporary CSV files (a few bad rows and findings mixed in):

* ``utf-8``: UTF-8, ``;``-separated, Russian headers, dates ДД.ММ.ГГГГ, amounts «6 500,00»;
* ``cp1251``: as a region's system exports it: Windows-1251, ``;``-separated, CRLF line ends,
  a «№ п/п» counter column, the three kinds of certificate mixed at random and named as such
  systems name them («Сертификат учета», «Сертификат ПФДО», «Социальный сертификат»), dates
  ДД.ММ.ГГГГ, amounts with a decimal comma and kopecks («3300,00», «1873,45»), the region by
  its name («Амурская область», whose regional rules run too).

Then times, for each file, best of REPEAT:

* a bare ``csv.reader`` pass over the file, in its encoding and with its delimiter (open,
  split every row, count them): the least any reader must do;
* ``dod_model.registry.validate_registry`` (the whole job: encoding and header told, every
  cell read into a ``Certificate``, every core and regional record rule, the findings).

The two are timed in turns, a bare pass then a validation in each round, so that a load that
comes and goes on a shared machine weighs on both alike; each is also timed in CPU seconds of
the process, which such a load disturbs less. Printed as seconds, rows per second and the
ratio; the target is ten times the bare pass at most. With ``--memory`` each is also run in a
child process at a tenth and at the full size, and its peak resident memory printed: what grows
is the set of certificate numbers seen.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _timing import _settle

import dod_model
from dod_model.plugins import get_plugin_manager

HEADER = ("Номер сертификата", "Вид сертификата", "Дата рождения", "Муниципальное образование",
          "Номинал", "Остаток", "Единица номинала", "Дата выдачи", "Регион")  # fmt: skip
MUNICIPALITIES = ("г.о. Самара", "г.о. Тольятти", "г.о. Сызрань", "Кинельский район",
                  "г.о. Новокуйбышевск", "Ставропольский район", "г.о. Чапаевск")  # fmt: skip
KINDS = ("сертификат учёта", "ПФДО", "социальный сертификат")
# As a region's system exports them: a counter, its own wordings, kinds and places by name.
EXPORT_HEADER = ("№ п/п", "Номер сертификата", "Вид сертификата", "Дата рождения ребенка",
                 "Муниципальное образование", "Номинал сертификата, руб.",
                 "Остаток номинала, руб.", "Единица измерения номинала", "Дата выдачи",
                 "Субъект РФ")  # fmt: skip
EXPORT_KINDS = ("Сертификат учета", "Сертификат ПФДО", "Социальный сертификат")
EXPORT_MUNICIPALITIES = ("г. Благовещенск", "г. Белогорск", "г. Свободный", "г. Тында",
                         "г. Зея", "г. Шимановск", "г. Райчихинск", "Благовещенский район",
                         "Ивановский район", "Тамбовский район")  # fmt: skip


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


def build_export(path: Path, rows: int, seed: int = 11, *, timestamps: bool = False) -> None:
    """A registry of ``rows`` certificates as a region exports it (see the module's doc).

    As in :func:`build`, one row in 5,000 has a bad cell and one in 1,000 a malformed number.
    Financing and social certificates (two in three, at random) carry a nominal of 3300,00 and
    a balance in roubles and kopecks.
    """
    rng = random.Random(seed)
    numbers = rng.sample(range(10**9, 10**10), rows)
    with path.open("w", encoding="cp1251", newline="") as file:
        out = csv.writer(file, delimiter=";", lineterminator="\r\n")
        out.writerow(EXPORT_HEADER)
        for i, number in enumerate(numbers):
            issued = dt.date(2020, 1, 9) + dt.timedelta(days=rng.randrange(365 * 6))
            birth = issued - dt.timedelta(days=365 * 5 + 2 + rng.randrange(365 * 12))
            kind = rng.choice(EXPORT_KINDS)
            financed = kind != EXPORT_KINDS[0]
            balance = rng.randrange(330001)
            text = str(number) if i % 1000 else str(number)[:9]  # a malformed number
            born = birth.strftime("%d.%m.%Y") if i % 5000 != 1 else "31.02.2012"  # bad cell
            out.writerow((i + 1, text, kind, born, rng.choice(EXPORT_MUNICIPALITIES),
                          "3300,00" if financed else "",
                          f"{balance // 100},{balance % 100:02d}" if financed else "",
                          "руб." if financed else "",
                          issued.strftime("%d.%m.%Y") + (
                              f" {i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}"
                              if timestamps else ""),
                          "Амурская область"))  # fmt: skip


# Each file: how it is made, and the encoding and delimiter a bare pass reads it with.
FILES = {"utf-8": (build, "utf-8", ";"), "cp1251": (build_export, "cp1251", ";")}


def in_turns(works: list[Callable[[], object]], repeat: int) -> list[tuple[float, float]]:
    """The best wall-clock and CPU seconds of each work, run in turns ``repeat`` times."""
    walls: list[list[float]] = [[] for _ in works]
    cpus: list[list[float]] = [[] for _ in works]
    for _ in range(repeat):
        for work, wall, cpu in zip(works, walls, cpus, strict=True):
            _settle()  # each run from the same state, as the other benchmarks time them
            started, cpu_started = time.perf_counter(), time.process_time()
            work()
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
    return [(min(wall), min(cpu)) for wall, cpu in zip(walls, cpus, strict=True)]


def bare_pass(path: Path, encoding: str = "utf-8", delimiter: str = ";") -> int:
    with path.open(encoding=encoding, newline="") as file:
        return sum(1 for _ in csv.reader(file, delimiter=delimiter))


def _peak_mib(path: Path, what: str, encoding: str = "utf-8") -> float:
    """Peak resident memory of a child process doing ``what`` to the file."""
    work = (
        f"sum(1 for _ in csv.reader(open(p, encoding={encoding!r}, newline=''), delimiter=';'))"
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
    parser.add_argument(
        "--files", default=",".join(FILES), help=f"which files, of {', '.join(FILES)}"
    )
    parser.add_argument("--memory", action="store_true", help="also measure peak memory")
    parser.add_argument(
        "--timestamps", action="store_true", help="issue dates with a time of day, each different"
    )
    args = parser.parse_args()
    plugins = get_plugin_manager(entry_points=False)
    for name in args.files.split(","):
        make, encoding, delimiter = FILES[name]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "certificates.csv"
            make(path, args.rows, timestamps=args.timestamps)
            size = path.stat().st_size / 2**20
            report = dod_model.registry.validate_registry(path, plugins=plugins)
            counts = report.counts()
            print(f"{name}: {args.rows:,} certificates, {size:.0f} MiB; findings: {counts}")
            assert bare_pass(path, encoding, delimiter) == args.rows + 1
            (bare, bare_cpu), (full, full_cpu) = in_turns(
                [
                    lambda: bare_pass(path, encoding, delimiter),  # noqa: B023
                    lambda: dod_model.registry.validate_registry(path, plugins=plugins),  # noqa: B023
                ],
                args.repeat,
            )
            print(f"{'':24} {'seconds':>9} {'rows/s':>12} {'CPU s':>9}")
            print(f"{'csv.reader pass':24} {bare:9.2f} {args.rows / bare:12,.0f} {bare_cpu:9.2f}")
            print(f"{'validate_registry':24} {full:9.2f} {args.rows / full:12,.0f} {full_cpu:9.2f}")
            print(
                f"ratio validate/csv: {full / bare:.1f}, in CPU time {full_cpu / bare_cpu:.1f} "
                "(target ≤ 10)"
            )
            if args.memory:
                small = Path(folder) / "small.csv"
                make(small, max(args.rows // 10, 1))
                for label, file in ((f"{args.rows // 10:,} rows", small),
                                    (f"{args.rows:,} rows", path)):  # fmt: skip
                    print(
                        f"peak RSS, {label}: csv.reader {_peak_mib(file, 'csv', encoding):.0f} "
                        f"MiB, validate_registry {_peak_mib(file, 'validate'):.0f} MiB"
                    )


if __name__ == "__main__":
    main()
