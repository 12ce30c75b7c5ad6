"""The ``dod-model`` command line (also ``python -m dod_model``).

Each command is one ``_add_<command>`` function that declares its arguments and one
``_<command>`` function that runs it, joined in :data:`_COMMANDS`.

Exit status, the same for every command: 0 on success; 1 when the command found what it looks
for (``validate``: an error finding; ``diff``: a difference); 2 on a usage error or when a
document cannot be read (``read`` and ``validate`` go on with the other files first).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TypeAlias

from dod_model._errors import DodModelError
from dod_model._version import library_version
from dod_model.analysis import TITLE_SIMILARITY
from dod_model.cli._registry import add_registry_parser
from dod_model.cli._usage import UsageError

__all__ = ["build_parser", "main"]

_Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _version() -> str:
    return library_version()


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"not a date: {text!r} (write it as YYYY-MM-DD)"
        raise argparse.ArgumentTypeError(msg) from None


def _days(text: str) -> int:
    if not text.isdigit():
        msg = f"not a number of days: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _ratio(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        msg = f"not a similarity between 0 and 1: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _add_summary(commands: _Commands) -> None:
    summary = commands.add_parser(
        "summary",
        help="summarise a roadmap (a document, JSON file or bundled example)",
        description="Print a short account of a roadmap: region, period, activities, deadlines.",
    )
    source = summary.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", type=Path, help="a roadmap: .docx, .txt or .json")
    source.add_argument(
        "--example", metavar="NAME", help="a bundled example (see `dod-model examples`)"
    )
    summary.add_argument("--json", action="store_true", help="print the figures as JSON")


def _add_read(commands: _Commands) -> None:
    reading = commands.add_parser(
        "read",
        help="read roadmap documents; convert them to JSON, CSV, Markdown, iCalendar, …",
        description="Read roadmap documents (Word .docx files and plain-text exports of their "
        "tables; roadmap JSON too) and write each in a format: canonical JSON to standard "
        "output by default. Several files, or a folder (its .docx and .txt files), give one "
        "file each in the folder -o names, <stem><suffix>. A document that cannot be read is "
        "refused with the reason and the others are read all the same; a line on standard "
        "error counts them. Exit status 0 when every document was read, 2 when any was refused.",
    )
    reading.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="documents or folders to read"
    )
    reading.add_argument("--example", metavar="NAME", help="read a bundled example")
    reading.add_argument("--region", metavar="CODE", help="the documents' region (RU-SAM, …)")
    reading.add_argument("--format", metavar="NAME", help="force an importer («docx», «text»)")
    reading.add_argument(
        "--to",
        metavar="FORMAT",
        help="the exporter: json (default), csv, md, docx, ics, or one a plugin adds (see "
        "`dod-model plugins`); taken from the suffix of -o FILE when not given",
    )
    reading.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="a file for one document; a folder (made when missing) for several, or for one "
        "when OUT is a folder or ends with /",
    )


def _add_status(commands: _Commands) -> None:
    state = commands.add_parser(
        "status",
        help="activities due, overdue and upcoming on a day",
        description="Judge every activity's deadline on a day, recurring deadlines expanded "
        "over the plan's period: overdue, due (under way, or a due date still ahead), "
        "upcoming (not begun), later (beyond --horizon), done, or without a calendar meaning.",
    )
    source = state.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", type=Path, help="a roadmap: .docx, .txt or .json")
    source.add_argument("--example", metavar="NAME", help="a bundled example")
    state.add_argument(
        "--on", type=_day, metavar="DATE", help="the day, YYYY-MM-DD (default: today)"
    )
    state.add_argument(
        "--horizon", type=_days, metavar="DAYS", help="look only this many days ahead"
    )
    state.add_argument("--json", action="store_true", help="print as JSON")


def _add_diff(commands: _Commands) -> None:
    compare = commands.add_parser(
        "diff",
        help="what changed between two editions of a roadmap",
        description="Match the activities of two editions (same number and title; else the "
        "same title; else the most similar titles, same numbers preferred; else the same "
        "number) and list those added, removed, "
        "renumbered, retitled, re-dated and reassigned. Exit status 0 when the editions "
        "agree, 1 when they differ, 2 when one cannot be read.",
    )
    compare.add_argument("old", type=Path, metavar="OLD", help="the earlier edition")
    compare.add_argument("new", type=Path, metavar="NEW", help="the later edition")
    compare.add_argument(
        "--threshold",
        type=_ratio,
        default=TITLE_SIMILARITY,
        metavar="RATIO",
        help=f"least title similarity, 0 to 1 (default {TITLE_SIMILARITY})",
    )
    compare.add_argument("--json", action="store_true", help="print as JSON")


def _add_examples(commands: _Commands) -> None:
    commands.add_parser(
        "examples", help="list the bundled example roadmaps", description="List bundled examples."
    )


def _add_validate(commands: _Commands) -> None:
    check = commands.add_parser(
        "validate",
        help="check documents against the core and regional rules",
        description="Validate roadmaps or registries (documents, JSON files, folders of "
        "documents, or a bundled example). Exit status 1 when any finding is an error, 2 when "
        "a file cannot be read (the others are validated all the same).",
    )
    check.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="documents, JSON files or folders"
    )
    check.add_argument("--example", metavar="NAME", help="validate a bundled example")
    check.add_argument("--region", metavar="CODE", help="run this region's rules (RU-SAM, …)")
    check.add_argument("--json", action="store_true", help="print the reports as JSON")


def _add_plugins(commands: _Commands) -> None:
    listing = commands.add_parser(
        "plugins",
        help="list the loaded plugins",
        description="Name, version, hooks, regions, rule codes, importers and exporters of "
        "every loaded plugin.",
    )
    listing.add_argument("--json", action="store_true", help="print as JSON")


def _add_schema(commands: _Commands) -> None:
    schema = commands.add_parser(
        "schema",
        help="print a JSON Schema",
        description="Print the JSON Schema (draft 2020-12) of a top-level document.",
    )
    schema.add_argument(
        "name",
        nargs="?",
        default="roadmap",
        help="the document whose schema to print (default: roadmap; an unknown name lists them)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``dod-model`` (the docs' CLI page is generated from it).

    .. versionadded:: 0.1.0
    """
    parser = argparse.ArgumentParser(
        prog="dod-model",
        description="Roadmaps of additional education of children: read, check, convert.",
        epilog="Exit status: 0 success; 1 validate found an error, or diff a difference; "
        "2 a usage error, or a document that cannot be read.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in (
        _add_summary,
        _add_read,
        _add_status,
        _add_diff,
        _add_examples,
        _add_validate,
        _add_plugins,
        _add_schema,
        add_registry_parser,
    ):
        add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``dod-model`` with ``argv`` (the process arguments by default).

    Returns:
        The exit status, 0 on success; 1 when ``validate`` finds an error or ``diff`` a
        difference; 2 on a usage error or a document that cannot be read.

    .. versionadded:: 0.1.0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        from dod_model.cli._commands import COMMANDS  # noqa: PLC0415 - what runs, loaded to run

        return COMMANDS[args.command](args)
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 2
    except OSError as exc:  # standard output full or gone
        sys.stderr.write(f"dod-model: error: cannot write the output ({exc.strerror or exc})\n")
        return 2
    except (UsageError, DodModelError) as exc:
        message = exc.args[0] if exc.args else str(exc)
        sys.stderr.write(f"dod-model: error: {message}\n")
        return 2
