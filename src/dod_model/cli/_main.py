"""The ``dod-model`` command line (also ``python -m dod_model``).

Each command is one ``_add_<command>`` function that declares its arguments and one
``_<command>`` function that runs it, joined in :data:`_COMMANDS`.

Exit status, the same for every command: 0 on success; 1 when the command found what it looks
for (``validate``: an error finding; ``diff``: a difference); 2 on a usage error or when a
document cannot be read (``read`` and ``validate`` go on with the other files first), and on any
other failure, which is one line on standard error (:mod:`dod_model.cli._guard`); 130 when
interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TypeAlias

from dod_model._version import library_version
from dod_model.analysis import TITLE_SIMILARITY
from dod_model.cli._coverage import add_coverage_parser
from dod_model.cli._guard import guarded, say
from dod_model.cli._i18n import speaking, text
from dod_model.cli._many import add_jobs, add_table_output
from dod_model.cli._new_plugin import add_new_plugin_parser
from dod_model.cli._registry import add_registry_parser
from dod_model.cli._timeline import add_timeline_parser
from dod_model.cli._usage import UsageError, day_argument, output_argument, path_argument

__all__ = ["build_parser", "main"]

_Commands: TypeAlias = "argparse._SubParsersAction[_Parser]"


def _version() -> str:
    return library_version()


def _days(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
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
    source.add_argument(
        "file",
        nargs="*",
        default=[],
        type=path_argument,
        help="roadmaps: documents in any format read (.docx, .pdf, .xlsx, …), .json or folders",
    )
    source.add_argument(
        "--example", metavar="NAME", help="a bundled example (see `dod-model examples`)"
    )
    summary.add_argument("--json", action="store_true", help="print the figures as JSON")
    add_jobs(summary)
    add_table_output(summary)


def _add_include(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="PATTERN",
        help="of a folder, read only the files whose names match (a shell pattern, e.g. "
        "'*.pdf'; case aside; may be given again)",
    )


def _add_read(commands: _Commands) -> None:
    reading = commands.add_parser(
        "read",
        help="read roadmap documents; convert them to JSON, CSV, Markdown, iCalendar, …",
        description="Read roadmap documents (Word .docx and .doc, PDF, .rtf, .odt, web pages, "
        "workbooks .xlsx, .xls and .ods, plain-text, CSV and Markdown exports; roadmap JSON "
        "too), each told by its content, and write each in a format: canonical JSON to "
        "standard output by default. Several files, or a folder (every file in it), give one "
        "file each in the folder -o names, <stem><suffix>. A document that cannot be read is "
        "refused with the reason and the others are read all the same; what a folder holds "
        "that is not read (folders, pipes, lock and hidden files) is named as skipped; a line "
        "on standard error counts them. Exit status 0 when every document was read, 2 when any "
        "was refused or skipped.",
    )
    reading.add_argument(
        "files", nargs="*", type=path_argument, metavar="FILE", help="documents or folders to read"
    )
    reading.add_argument("--example", metavar="NAME", help="read a bundled example")
    add_jobs(reading)
    _add_include(reading)
    reading.add_argument("--region", metavar="CODE", help="the documents' region (RU-SAM, …)")
    reading.add_argument("--format", metavar="NAME", help="force an importer («docx», «text»)")
    reading.add_argument(
        "--to",
        metavar="FORMAT",
        help="the exporter: json (default), csv, md, docx, xlsx, ics (ics-due, ics-todo), or one "
        "a plugin adds (see "
        "`dod-model plugins`); taken from the suffix of -o FILE when not given",
    )
    reading.add_argument(
        "-o",
        "--output",
        type=output_argument,
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
        "upcoming (not begun), later (beyond --horizon), done (only what the document's "
        "completion mark or the --done file says is done), or without a calendar meaning.",
    )
    source = state.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "file",
        nargs="*",
        default=[],
        type=path_argument,
        help="roadmaps: documents in any format read (.docx, .pdf, .xlsx, …), .json or folders",
    )
    source.add_argument("--example", metavar="NAME", help="a bundled example")
    state.add_argument(
        "--on",
        type=day_argument,
        metavar="DATE",
        help="the day, as 15.01.2020, 2020-01-15 or 15 января 2020 (default: today)",
    )
    state.add_argument(
        "--done",
        type=path_argument,
        metavar="FILE",
        help="a progress file: CSV or JSON of activity numbers and the days they were done",
    )
    state.add_argument(
        "--horizon", type=_days, metavar="DAYS", help="look only this many days ahead"
    )
    state.add_argument("--json", action="store_true", help="print as JSON")
    add_jobs(state)
    add_table_output(state)


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
    compare.add_argument("old", type=path_argument, metavar="OLD", help="the earlier edition")
    compare.add_argument("new", type=path_argument, metavar="NEW", help="the later edition")
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
        "files",
        nargs="*",
        type=path_argument,
        metavar="FILE",
        help="documents, JSON files or folders",
    )
    check.add_argument("--example", metavar="NAME", help="validate a bundled example")
    _add_include(check)
    check.add_argument("--region", metavar="CODE", help="run this region's rules (RU-SAM, …)")
    check.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="CODE",
        help="turn off a finding code, or a namespace as «tambov/*» (repeatable; "
        "DOD_MODEL_EXCLUDE_RULES=a/b,c/d does so too)",
    )
    check.add_argument("--json", action="store_true", help="print the reports as JSON")
    add_jobs(check)
    add_table_output(check)


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


class _Parser(argparse.ArgumentParser):
    """The parser, its errors one line, its help and version failing loudly when unwritable.

    ``argparse`` prints the usage above an error, and drops a failure to write help or the
    version (a full disk, a closed output) without a word; here both go through the guard.
    """

    def error(self, message: str) -> NoReturn:
        line = text("error: {message}; see `{prog} --help`")
        say(line.format(message=message, prog=self.prog), program=self.prog)
        raise SystemExit(2)

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            (file or sys.stdout).write(message)


_PROG = "dod-model"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``dod-model`` (the docs' CLI page is generated from it).

    .. versionadded:: 0.1.0
    """
    parser = _Parser(
        prog=_PROG,
        description="Roadmaps of additional education of children: read, check, convert.",
        epilog="Exit status: 0 success; 1 validate found an error, or diff a difference; "
        "2 a usage error, a document that cannot be read, or any other failure (one line on "
        "standard error; DOD_MODEL_DEBUG=1 shows the traceback of a bug); 130 interrupted. "
        "FILE - reads standard input.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="the language of the messages: en (the default) or ru; without it, the one "
        "LANGUAGE, LC_ALL, LC_MESSAGES or LANG names (JSON output stays as it is)",
    )
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
        add_new_plugin_parser,
        add_coverage_parser,
        add_timeline_parser,
    ):
        add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    r"""Run ``dod-model`` with ``argv`` (the process arguments by default).

    Whatever goes wrong is one line on standard error, never a traceback: a document or an
    output that cannot be read or written, standard output closed, full or gone (``| head``),
    an interrupt (status 130), or a bug (the line says so; ``DOD_MODEL_DEBUG=1`` shows the
    traceback). Characters standard output cannot encode are written as ``\uXXXX``.

    Returns:
        The exit status, 0 on success; 1 when ``validate`` finds an error or ``diff`` a
        difference; 2 on a document that cannot be read or any other failure; 130 when
        interrupted.

    Raises:
        SystemExit: After ``--help`` or ``--version`` (status 0), or a usage error (status 2,
            its one line said), as ``argparse`` ends them.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       Every failure is one line and status 2; ``-`` reads standard input.
    """
    return guarded(lambda: _run(argv))


def _language(argv: Sequence[str]) -> str | None:
    """The ``--lang`` of ``argv``, read before the rest so that a usage error is in it too."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    known, _ = early.parse_known_args(argv)
    return known.lang if isinstance(known.lang, str) else None


def _run(argv: Sequence[str] | None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    with speaking(_language(arguments)):
        parser = build_parser()
        args = parser.parse_args(arguments)
        if args.command is None:
            parser.print_usage(sys.stderr)
            say(text("name a COMMAND; see `{prog} --help`").format(prog=_PROG))
            return 2
        from dod_model.cli._commands import COMMANDS  # noqa: PLC0415 - what runs, loaded to run

        try:
            return COMMANDS[args.command](args)
        except UsageError as exc:  # said in the command's language where the catalogue can
            if exc.args and isinstance(exc.args[0], str):
                raise UsageError(text(exc.args[0])) from None
            raise
