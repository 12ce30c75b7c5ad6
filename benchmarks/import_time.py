"""How long ``import dod_model`` and ``dod-model --help`` take, over a bare interpreter.

Each command runs in a fresh interpreter, the three in turns so that a passing load on the
machine touches them alike; the best of ``--repeat`` runs of each is taken (the least disturbed
one), and the bare interpreter's best (``python -c pass``) is subtracted. Targets: the import
at most 0.12 s, ``--help`` at most 0.2 s over the bare interpreter.

It also lists which of the modules that are to load on first use an ``import dod_model``
loaded anyway (there should be none).

    python benchmarks/import_time.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "import dod_model": [sys.executable, "-c", "import dod_model"],
    "dod-model --help": [sys.executable, "-m", "dod_model", "--help"],
}
TARGETS = {"import dod_model": 0.12, "dod-model --help": 0.2}
ON_FIRST_USE = (
    "dod_model._host",
    "dod_model.importers",
    "dod_model.analysis",
    "dod_model.codec",
    "dod_model.exporters",
    "dod_model.registry",
    "dod_model.validation",
    "cattrs",
    "icalendar",
    "openpyxl",
    "tqdm",
    "charset_normalizer",
)


def _run(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    for command in COMMANDS.values():  # warm the file cache and the bytecode
        _run(command)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.repeat):
        for name, command in COMMANDS.items():
            times[name].append(_run(command))
    bare = min(times["python -c pass"])
    print(f"{'command':20} {'best':>7} {'over bare':>10} {'target':>7}")
    for name, runs in times.items():
        over = min(runs) - bare
        target = TARGETS.get(name)
        mark = "" if target is None else f"{target:6.2f}{' ok' if over <= target else ' OVER'}"
        print(f"{name:20} {min(runs):7.3f} {over:10.3f} {mark:>7}")
    probe = "import sys, dod_model; print(' '.join(sorted(m for m in sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                                text=True).stdout.split())  # fmt: skip
    early = [m for m in ON_FIRST_USE if m in loaded]
    print("loaded by import dod_model though meant for first use:", ", ".join(early) or "none")


if __name__ == "__main__":
    main()
