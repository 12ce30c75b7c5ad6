"""The ``dod-model`` command line (also ``python -m dod_model``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from dod_model import examples
from dod_model._errors import DodModelError
from dod_model.cli._registry import add_registry_parser, run_registry
from dod_model.cli._reports import render_plugins, render_report, to_json_ready
from dod_model.cli._summary import render_summary, summary_data
from dod_model.codec import dumps, json_schema, loads, schema_names, to_data
from dod_model.importers import read
from dod_model.model import CertificateRegistry, ProgrammeRegistry, Roadmap
from dod_model.plugins import default_plugins
from dod_model.validation import validate

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

    reading = commands.add_parser(
        "read",
        help="read roadmap documents into JSON",
        description="Read roadmap documents (Word .docx files and plain-text exports of their "
        "tables) and print each as canonical JSON.",
    )
    reading.add_argument("files", nargs="*", type=Path, metavar="FILE", help="documents to read")
    reading.add_argument("--example", metavar="NAME", help="read a bundled example")
    reading.add_argument("--region", metavar="CODE", help="the documents' region (RU-SAM, …)")
    reading.add_argument("--format", metavar="NAME", help="force an importer («text», …)")

    commands.add_parser(
        "examples", help="list the bundled example roadmaps", description="List bundled examples."
    )

    check = commands.add_parser(
        "validate",
        help="check documents against the core and regional rules",
        description="Validate roadmaps or registries (JSON files, or a bundled example). "
        "Exit status 1 when any finding is an error, 2 when a file cannot be read.",
    )
    check.add_argument("files", nargs="*", type=Path, metavar="FILE", help="JSON documents")
    check.add_argument("--example", metavar="NAME", help="validate a bundled example")
    check.add_argument("--region", metavar="CODE", help="run this region's rules (RU-SAM, …)")
    check.add_argument("--json", action="store_true", help="print the reports as JSON")

    listing = commands.add_parser(
        "plugins",
        help="list the loaded plugins",
        description="Name, version, hooks, regions and rule codes of every loaded plugin.",
    )
    listing.add_argument("--json", action="store_true", help="print as JSON")

    schema = commands.add_parser(
        "schema",
        help="print a JSON Schema",
        description="Print the JSON Schema (draft 2020-12) of a top-level document.",
    )
    schema.add_argument("name", nargs="?", default="roadmap", choices=schema_names())
    add_registry_parser(commands)
    return parser


def _load(args: argparse.Namespace) -> Roadmap:
    if args.example is not None:
        return examples.load(args.example)
    document = _read_document(args.file)
    if not isinstance(document, Roadmap):
        msg = f"{args.file}: holds a {type(document).__name__}, not a roadmap"
        raise _UsageError(msg)
    return document


def _read_document(path: Path) -> object:
    """A roadmap or registry from a JSON file (its type told by its keys).

    Any other document is read by the importers into a roadmap.
    """
    if path.suffix.casefold() != ".json":
        return read(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        msg = f"{path}: cannot read the file ({exc.strerror}); check the path"
        raise _UsageError(msg) from None
    try:
        keys = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        keys = {}
    cls: type = Roadmap
    if isinstance(keys, dict) and "certificates" in keys:
        cls = CertificateRegistry
    elif isinstance(keys, dict) and "programmes" in keys:
        cls = ProgrammeRegistry
    try:
        return loads(raw, cls)
    except DodModelError as exc:
        raise _UsageError(f"{path}: {exc}") from None


def _validate(args: argparse.Namespace) -> int:
    sources: list[tuple[str, object]] = []
    if args.example is not None:
        sources.append((f"example {args.example}", examples.load(args.example)))
    sources += [(str(path), _read_document(path)) for path in args.files]
    if not sources:
        msg = "name a FILE to validate, or --example NAME"
        raise _UsageError(msg)
    reports = [(name, validate(document, region=args.region)) for name, document in sources]
    if args.json:
        data = [{"file": name, "report": to_data(report)} for name, report in reports]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for name, report in reports:
            sys.stdout.write(render_report(name, report))
    return 0 if all(report.ok for _, report in reports) else 1


def _plugins(args: argparse.Namespace) -> int:
    info = default_plugins().info()
    if args.json:
        data = [to_json_ready(item) for item in info]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_plugins(info))
    return 0


class _UsageError(Exception):
    """A problem the user can fix; printed without a traceback."""


def _run(args: argparse.Namespace) -> int:
    if args.command == "summary":
        roadmap = _load(args)
        if args.json:
            sys.stdout.write(json.dumps(summary_data(roadmap), ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(render_summary(roadmap))
    elif args.command == "read":
        if args.example is None and not args.files:
            msg = "name a FILE to read, or --example NAME"
            raise _UsageError(msg)
        if args.example is not None:
            sys.stdout.write(dumps(examples.load(args.example)))
        for path in args.files:
            sys.stdout.write(dumps(read(path, region=args.region, format=args.format)))
    elif args.command == "validate":
        return _validate(args)
    elif args.command == "plugins":
        return _plugins(args)
    elif args.command == "examples":
        for name in examples.names():
            sys.stdout.write(f"{name}\t{examples.load(name).title}\n")
    elif args.command == "schema":
        sys.stdout.write(json.dumps(json_schema(args.name), ensure_ascii=False, indent=2) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``dod-model`` with ``argv`` (the process arguments by default).

    Returns:
        The exit status: 0 on success, 1 when validation finds an error, 2 on a usage error or
        a document that cannot be read.

    .. versionadded:: 0.1.0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return run_registry(args) if args.command == "registry" else _run(args)
    except (_UsageError, KeyError, DodModelError) as exc:
        message = exc.args[0] if exc.args else str(exc)
        sys.stderr.write(f"dod-model: error: {message}\n")
        return 2
