"""The ``dod-model`` command line (also ``python -m dod_model``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from dod_model import examples
from dod_model._errors import DodModelError
from dod_model.cli._summary import render_summary, summary_data
from dod_model.codec import json_schema, loads, schema_names
from dod_model.model import Roadmap

__all__ = ["build_parser", "main"]


def _version() -> str:
    from dod_model import __version__  # noqa: PLC0415 - the package imports this module

    return __version__


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``dod-model`` (the docs' CLI page is generated from it).

    .. versionadded:: 0.1.0
    """
    parser = argparse.ArgumentParser(
        prog="dod-model",
        description="Roadmaps of additional education of children: read, check, convert.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    summary = commands.add_parser(
        "summary",
        help="summarise a roadmap (JSON file or bundled example)",
        description="Print a short account of a roadmap: region, period, activities, deadlines.",
    )
    source = summary.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", type=Path, help="a roadmap JSON file")
    source.add_argument(
        "--example", metavar="NAME", help="a bundled example (see `dod-model examples`)"
    )
    summary.add_argument("--json", action="store_true", help="print the figures as JSON")

    commands.add_parser(
        "examples", help="list the bundled example roadmaps", description="List bundled examples."
    )

    schema = commands.add_parser(
        "schema",
        help="print a JSON Schema",
        description="Print the JSON Schema (draft 2020-12) of a top-level document.",
    )
    schema.add_argument("name", nargs="?", default="roadmap", choices=schema_names())
    return parser


def _load(args: argparse.Namespace) -> Roadmap:
    if args.example is not None:
        return examples.load(args.example)
    path: Path = args.file
    try:
        text = path.read_bytes()
    except OSError as exc:
        msg = f"{path}: cannot read the file ({exc.strerror}); check the path"
        raise _UsageError(msg) from None
    try:
        return loads(text, Roadmap)
    except DodModelError as exc:
        raise _UsageError(f"{path}: {exc}") from None


class _UsageError(Exception):
    """A problem the user can fix; printed without a traceback."""


def _run(args: argparse.Namespace) -> int:
    if args.command == "summary":
        roadmap = _load(args)
        if args.json:
            sys.stdout.write(json.dumps(summary_data(roadmap), ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(render_summary(roadmap))
    elif args.command == "examples":
        for name in examples.names():
            sys.stdout.write(f"{name}\t{examples.load(name).title}\n")
    elif args.command == "schema":
        sys.stdout.write(json.dumps(json_schema(args.name), ensure_ascii=False, indent=2) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``dod-model`` with ``argv`` (the process arguments by default).

    Returns:
        The exit status: 0 on success, 2 on a usage error or a document that cannot be read.

    .. versionadded:: 0.1.0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return _run(args)
    except (_UsageError, KeyError) as exc:
        message = exc.args[0] if exc.args else str(exc)
        sys.stderr.write(f"dod-model: error: {message}\n")
        return 2
