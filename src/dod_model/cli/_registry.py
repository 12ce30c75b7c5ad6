"""``dod-model registry``: summarise and validate registry files."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from dod_model.cli._usage import path_argument
from dod_model.model import (
    CertificateKind,
    Count,
    Orientation,
    ProgrammeForm,
    ProgrammeLevel,
    RegistrySummary,
)

__all__ = ["add_registry_parser", "render_registry_summary", "run_registry"]


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"not a date YYYY-MM-DD: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def add_registry_parser(commands: Any) -> None:
    """Add ``registry summary`` and ``registry validate`` to the subcommands of ``dod-model``.

    .. versionadded:: 0.2.0
    """
    registry = commands.add_parser(
        "registry",
        help="summarise or validate registries (programmes, certificates, enrolments)",
        description="Registry files: CSV (UTF-8 or Windows-1251, ';' or ','), XLSX or JSON "
        "Lines, their columns named in Russian in any order.",
    )
    actions = registry.add_subparsers(dest="registry_command", metavar="ACTION", required=True)
    summary = actions.add_parser(
        "summary",
        help="certificates by municipality, kind and age; programmes by orientation, level, form",
        description="Count the records of registry files, streaming them.",
    )
    summary.add_argument(
        "files", nargs="+", type=path_argument, metavar="FILE", help="registry files"
    )
    summary.add_argument("--on", type=_day, metavar="DATE", help="count ages on this day")
    summary.add_argument(
        "--population", type=path_argument, metavar="FILE",
        help="CSV of municipality; children of certificate ages: adds coverage shares",
    )  # fmt: skip
    summary.add_argument("--region", metavar="CODE", help="the region whose ages count")
    summary.add_argument("--json", action="store_true", help="print the figures as JSON")
    summary.add_argument("--encoding", metavar="NAME", help="the CSV files' encoding (cp1251, …)")
    check = actions.add_parser(
        "validate",
        help="check registry files row by row against the core and regional rules",
        description="Validate registry files in constant memory. Exit status 1 when a finding "
        "is an error, 2 when a file cannot be read.",
    )
    check.add_argument(
        "files", nargs="+", type=path_argument, metavar="FILE", help="registry files"
    )
    check.add_argument("--region", metavar="CODE", help="run this region's rules (RU-SAM, …)")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument("--encoding", metavar="NAME", help="the CSV files' encoding (cp1251, …)")


def _label(cls: Any, key: str) -> str:
    member = cls.__members__.get(key.upper().replace("-", "_")) if key != "unknown" else None
    return str(member.label) if member is not None else key


def render_registry_summary(summary: RegistrySummary) -> str:
    """The summary as text for a terminal.

    .. versionadded:: 0.2.0
    """
    ages = f"{summary.ages.low}–{summary.ages.high}"
    lines = [
        f"Certificates: {summary.certificates}; ages on {summary.on.isoformat()}, "
        f"certificate ages {ages}",
    ]
    if summary.coverage is not None:
        lines.append(f"  coverage: {100 * summary.coverage:.1f} % of the children counted")
    if summary.by_municipality:
        lines.append(f"  {'by municipality':<50} {'count':>9} {'children':>9} {'coverage':>9}")
        for c in summary.by_municipality:
            children = "" if c.population is None else str(c.population)
            share = "" if c.share is None else f"{100 * c.share:.1f} %"
            lines.append(f"    {c.key[:48]:<48} {c.count:>9} {children:>9} {share:>9}")
    tables: list[tuple[str, tuple[Count, ...], Any]] = [
        ("by kind", summary.by_kind, CertificateKind),
        ("by age", summary.by_age, None),
    ]
    for title, counts, cls in tables:
        if counts:
            lines.append(f"  {title}")
            lines += [f"    {(_label(cls, c.key) if cls else c.key):<48} {c.count:>9}"
                      for c in counts]  # fmt: skip
    lines.append(f"Programmes: {summary.programmes}")
    tables = [
        ("by orientation", summary.by_orientation, Orientation),
        ("by level", summary.by_level, ProgrammeLevel),
        ("by form", summary.by_form, ProgrammeForm),
    ]
    for title, counts, cls in tables:
        if counts:
            lines.append(f"  {title}")
            lines += [f"    {_label(cls, c.key):<48} {c.count:>9}" for c in counts]
    lines.append(f"Enrolments: {summary.enrolments}")
    lines.append(f"Providers: {summary.providers}")
    if summary.skipped:
        lines.append(f"Rows skipped as unreadable: {summary.skipped} (see `registry validate`)")
    return "\n".join(lines) + "\n"


def run_registry(args: argparse.Namespace) -> int:
    """Run ``dod-model registry …``; the exit status.

    .. versionadded:: 0.2.0
    """
    from dod_model._base import display_name  # noqa: PLC0415 - loaded when run
    from dod_model.cli._inputs import known_region  # noqa: PLC0415 - loaded when run
    from dod_model.cli._output import print_json  # noqa: PLC0415 - loaded when run
    from dod_model.cli._reports import render_report  # noqa: PLC0415 - loaded when run
    from dod_model.codec import to_data  # noqa: PLC0415 - loaded when run

    known_region(args.region)
    if args.registry_command == "summary":
        from dod_model.registry import summarise_registry  # noqa: PLC0415 - loaded when run

        summary = summarise_registry(
            *args.files,
            on=args.on,
            population=args.population,
            region=args.region,
            encoding=args.encoding,
        )
        if args.json:
            print_json(to_data(summary))
        else:
            sys.stdout.write(render_registry_summary(summary))
        return 0
    from dod_model.registry import validate_registry  # noqa: PLC0415 - loaded when run

    report = validate_registry(*args.files, region=args.region, encoding=args.encoding)
    names = ", ".join(display_name(path) for path in args.files)
    if args.json:
        print_json({"files": [display_name(p) for p in args.files], "report": to_data(report)})
    else:
        sys.stdout.write(render_report(names, report))
    return 0 if report.ok else 1
