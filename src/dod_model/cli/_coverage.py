"""``dod-model coverage``: the measures of the target model each roadmap plans, as a table."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from dod_model._base import display_name
from dod_model._errors import DocumentError
from dod_model.analysis import coverage_matrix
from dod_model.cli._guard import say
from dod_model.cli._inputs import read_roadmaps
from dod_model.cli._usage import UsageError, output_argument, path_argument
from dod_model.model import Roadmap

__all__ = ["add_coverage_parser", "run_coverage"]


def add_coverage_parser(commands: Any) -> None:
    """Add ``coverage FILE... [--to csv|xlsx] [-o FILE]`` to the subcommands of ``dod-model``.

    .. versionadded:: 0.3.0
    """
    command = commands.add_parser(
        "coverage",
        help="which measures of the target model each roadmap plans (a table)",
        description="One row per roadmap, one column per measure of the target model (приказ "
        "№ 467), each cell the numbers of the activities that plan it.",
    )
    command.add_argument(
        "files", nargs="+", type=path_argument, metavar="FILE", help="roadmaps, any format read"
    )
    command.add_argument("--to", choices=("csv", "xlsx"), default="csv", help="the table's format")
    command.add_argument("-o", "--output", type=output_argument, metavar="FILE", help="where")
    command.add_argument("--counts", action="store_true", help="count activities, not list them")


def run_coverage(args: argparse.Namespace) -> int:
    """Run ``dod-model coverage``: 0 when every file was read, 2 when one was refused."""
    if args.to == "xlsx" and args.output is None:
        raise UsageError("a workbook is not for a terminal; name a file with -o")
    named: dict[str, Roadmap] = {}
    found, refused = read_roadmaps(args.files)
    for reason in refused:
        say(reason)
    status = 2 if refused else 0
    for path, read in found:
        named[_unique(path.name or display_name(path), named)] = read
    matrix = coverage_matrix(named)
    try:
        if args.to == "xlsx":
            matrix.write_xlsx(args.output, counts=args.counts)
        elif args.output is None:
            sys.stdout.write(matrix.to_csv(counts=args.counts))
        else:
            matrix.write_csv(args.output, counts=args.counts)
    except OSError as exc:
        msg = f"{display_name(Path(args.output))}: cannot write the file ({exc.strerror or exc})"
        raise DocumentError(msg) from None
    return status


def _unique(name: str, taken: dict[str, Roadmap]) -> str:
    """``name``, or ``name (2)``, … when two files share a name in different folders."""
    candidate, count = name, 1
    while candidate in taken:
        count += 1
        candidate = f"{name} ({count})"
    return candidate
